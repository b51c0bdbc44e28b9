package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.hdf5.global.hdf5;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * Reads what a Keras model file keeps in HDF5 (attributes, groups, float arrays) through deeplearning4j-modelimport's
 * HDF5 binding, after checking in Java that the file is whole: the HDF5 library is given no file whose signature or
 * declared length is wrong. Array shapes are checked against the limits before any array is allocated.
 *
 * <p>HDF5 is not thread-safe: every call runs under DL4J's HDF5 lock, and every native object is released in the
 * calling thread when the call's {@link PointerScope} closes, never later by JavaCPP's garbage-collection thread.
 */
final class Hdf5File implements AutoCloseable {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final int HDF5_DATASET = 1;
    private static final int HDF5_GROUP = 0;

    /**
     * A scope that releases the native objects opened inside it when it closes (it is used for that close only,
     * hence the "try" lint suppressed where it is opened).
     */
    @SuppressWarnings("unchecked") // PointerScope(Class<? extends Pointer>...) called with no class: an empty array
    static PointerScope releasing() {
        return new PointerScope();
    }

    private final Path file;
    private final Hdf5Archive archive;

    private Hdf5File(Path file, Hdf5Archive archive) {
        this.file = file;
        this.archive = archive;
    }

    /** True when the bytes start with the HDF5 signature. */
    static boolean hasSignature(byte[] head) {
        return head.length >= SIGNATURE.length && Arrays.equals(Arrays.copyOf(head, SIGNATURE.length), SIGNATURE);
    }

    /**
     * Opens an HDF5 file after checking its superblock: the signature at offset 0 and an end-of-file address no
     * larger than the file (a truncated file is refused here, not inside the native library).
     *
     * @param shownAs the path named in messages (the {@code .keras} zip for its unpacked weights)
     */
    static Hdf5File open(Path file, Path shownAs) throws KerasModelFileException {
        checkWhole(file, shownAs);
        // no PointerScope here: the file object lives until close()
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try {
                return new Hdf5File(shownAs, new Hdf5Archive(file.toString()));
            } catch (RuntimeException e) {
                throw new KerasModelFileException(shownAs, "the HDF5 library cannot open it (" + e.getMessage() + ")",
                        e);
            }
        }
    }

    static void checkWhole(Path file, Path shownAs) throws KerasModelFileException {
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            while (head.hasRemaining() && ch.read(head) > 0) {
                // fill what the file has
            }
            byte[] bytes = Arrays.copyOf(head.array(), head.position());
            if (!hasSignature(bytes)) {
                throw new KerasModelFileException(shownAs, "not an HDF5 file (no HDF5 signature at its start)");
            }
            long eof = declaredEnd(head, bytes.length, shownAs);
            if (eof > size) {
                throw new KerasModelFileException(shownAs, "truncated HDF5 file: its superblock declares " + eof
                        + " bytes and the file has " + size + "; save the model again or copy the whole file");
            }
        } catch (KerasModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new KerasModelFileException(shownAs, "cannot read it: " + e.getMessage(), e);
        }
    }

    /** The end-of-file address of the superblock (versions 0 to 3 of the HDF5 file format). */
    private static long declaredEnd(ByteBuffer head, int available, Path shownAs) throws KerasModelFileException {
        int version = head.get(8) & 0xff;
        int offsetSize;
        int eofAt;
        if (version == 0 || version == 1) {
            offsetSize = head.get(13) & 0xff;
            // signature, versions, sizes, group K values, flags (24 bytes; version 1 adds 4), base and free-space
            eofAt = (version == 0 ? 24 : 28) + 2 * offsetSize;
        } else if (version == 2 || version == 3) {
            offsetSize = head.get(9) & 0xff;
            eofAt = 12 + 2 * offsetSize;
        } else {
            throw new KerasModelFileException(shownAs, "HDF5 superblock version " + version + " is not one the HDF5 "
                    + "file format defines (0 to 3)");
        }
        if (offsetSize != 8 && offsetSize != 4 && offsetSize != 2) {
            throw new KerasModelFileException(shownAs, "HDF5 superblock declares offsets of " + offsetSize
                    + " bytes (2, 4 or 8 are valid)");
        }
        if (eofAt + offsetSize > available) {
            throw new KerasModelFileException(shownAs, "truncated HDF5 file: it ends inside its superblock");
        }
        long eof = offsetSize == 8 ? head.getLong(eofAt) : offsetSize == 4 ? head.getInt(eofAt) & 0xffffffffL
                : head.getShort(eofAt) & 0xffffL;
        return eof < 0 ? Long.MAX_VALUE : eof;
    }

    /** The first bytes of a file (fewer when it is shorter). */
    static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    @SuppressWarnings("try") // the pointer scope is opened for its close, which releases what the call opened
    boolean hasAttribute(String name, String group) throws KerasModelFileException {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (PointerScope scope = releasing()) {
                return archive.openGroups(group)[0].attrExists(name);
            } catch (RuntimeException e) {
                throw new KerasModelFileException(file, "cannot open HDF5 group '" + group + "': " + e.getMessage(), e);
            }
        }
    }

    /**
     * A scalar string attribute (variable or fixed length, as h5py writes Python strings and bytes), without its NUL
     * padding.
     *
     * @throws KerasModelFileException if it is not a scalar string, or longer than {@code maxBytes}
     */
    @SuppressWarnings("try") // the pointer scope is opened for its close, which releases what the call opened
    String stringAttribute(String name, long maxBytes, String group) throws KerasModelFileException {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (PointerScope scope = releasing()) {
                Attribute a = archive.openGroups(group)[0].openAttribute(name);
                StrType type = a.getStrType();
                if (a.getTypeClass() != hdf5.H5T_STRING || a.getSpace().getSimpleExtentNpoints() != 1) {
                    throw new KerasModelFileException(file, "HDF5 attribute '" + name + "' of '" + group
                            + "' is not a string");
                }
                byte[] bytes;
                if (type.isVariableStr()) {
                    PointerPointer<BytePointer> holder = new PointerPointer<>(1);
                    a.read(type, holder);
                    BytePointer value = holder.get(BytePointer.class, 0);
                    try {
                        long length = BytePointer.strlen(value);
                        if (length > maxBytes) {
                            throw tooLong(name, group, length, maxBytes);
                        }
                        bytes = new byte[(int) length];
                        value.get(bytes);
                    } finally {
                        hdf5.H5free_memory(value);
                    }
                } else {
                    long size = type.getSize();
                    if (size > maxBytes) {
                        throw tooLong(name, group, size, maxBytes);
                    }
                    BytePointer buffer = new BytePointer(size);
                    // as a plain Pointer: the BytePointer overload of read() is the std::string one
                    a.read(type, (Pointer) buffer);
                    bytes = new byte[(int) size];
                    buffer.get(bytes);
                }
                return new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "").trim();
            } catch (KerasModelFileException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new KerasModelFileException(file, "cannot read HDF5 attribute '" + name + "' of '" + group + "': "
                        + e.getMessage(), e);
            }
        }
    }

    private KerasModelFileException tooLong(String name, String group, long size, long maxBytes) {
        return new KerasModelFileException(file, "HDF5 attribute '" + name + "' of '" + group + "' holds " + size
                + " bytes, more than the limit of " + maxBytes + " (KerasFileLimits.maxConfigBytes)");
    }

    /** The names of the groups in a group ({@code "/"} for the root). */
    List<String> groups(String group) throws KerasModelFileException {
        return members(group, HDF5_GROUP);
    }

    /** The names of the datasets in a group. */
    List<String> datasets(String group) throws KerasModelFileException {
        return members(group, HDF5_DATASET);
    }

    @SuppressWarnings("try") // the pointer scope is opened for its close, which releases what the call opened
    private List<String> members(String group, int type) throws KerasModelFileException {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (PointerScope scope = releasing()) {
                Group g = archive.openGroups(group)[0];
                List<String> out = new ArrayList<>();
                long n = g.getNumObjs();
                for (long i = 0; i < n; i++) {
                    BytePointer objName = g.getObjnameByIdx(i);
                    String name = objName.getString();
                    if (name.isEmpty() || name.contains("/") || name.equals(".")) {
                        throw new KerasModelFileException(file, "HDF5 group '" + group + "' holds an object named '"
                                + name + "', which no Keras file has");
                    }
                    if (g.childObjType(objName) == type) {
                        out.add(name);
                    }
                }
                return out;
            } catch (KerasModelFileException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new KerasModelFileException(file, "cannot list HDF5 group '" + group + "': " + e.getMessage(),
                        e);
            }
        }
    }

    /**
     * A float dataset as a c-order array with its shape; the shape is checked against {@code budget} before any
     * memory is allocated, and the budget is charged.
     */
    @SuppressWarnings("try") // the pointer scope is opened for its close, which releases what the call opened
    Array floats(String group, String dataset, Budget budget) throws KerasModelFileException {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (PointerScope scope = releasing()) {
                Group g = archive.openGroups(group)[0];
                DataSet ds = g.openDataSet(dataset);
                DataSpace space = ds.getSpace();
                int rank = space.getSimpleExtentNdims();
                long[] shape = new long[Math.max(rank, 0)];
                space.getSimpleExtentDims(shape);
                long n = budget.charge(file, group + "/" + dataset, shape);
                float[] values = new float[(int) n];
                if (n > 0) {
                    FloatPointer p = new FloatPointer(n);
                    ds.read(p, PredType.NATIVE_FLOAT());
                    p.get(values);
                }
                return new Array(shape, values);
            } catch (KerasModelFileException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new KerasModelFileException(file, "cannot read HDF5 dataset '" + group + "/" + dataset + "': "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            archive.close();
        }
    }

    /** A weight array read from a file: its shape and values in c order. */
    record Array(long[] shape, float[] values) {
    }

    /** How many weight values may still be read (the limits' parameter and byte bounds, shared by all arrays). */
    static final class Budget {
        private long values;

        Budget(KerasFileLimits limits) {
            this.values = Math.min(limits.maxParameters(), limits.maxWeightBytes() / Float.BYTES);
        }

        long charge(Path file, String what, long[] shape) throws KerasModelFileException {
            long n = 1;
            for (long d : shape) {
                if (d < 0 || (d > 0 && n > Long.MAX_VALUE / d)) {
                    throw new KerasModelFileException(file, "weight array " + what + " declares the shape "
                            + Arrays.toString(shape));
                }
                n *= d;
            }
            if (n > values || n > Integer.MAX_VALUE - 8) {
                throw new KerasModelFileException(file, "weight array " + what + " of shape " + Arrays.toString(shape)
                        + " is larger than the weights the limits allow (KerasFileLimits.maxParameters, "
                        + "maxWeightBytes)");
            }
            values -= n;
            return n;
        }
    }
}
