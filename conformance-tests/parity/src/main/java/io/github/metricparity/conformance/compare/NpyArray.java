package io.github.metricparity.conformance.compare;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One NumPy {@code .npy} array (format versions 1.0, 2.0 and 3.0) read row by row: the header is parsed and checked
 * against the bytes available, then rows are decoded as they are asked for, so an array of any length is read in
 * the memory of one row. ND4J's {@code Nd4j.createFromNpyFile} maps the whole array instead, which a 10-million-row
 * file cannot afford.
 *
 * <p>C order only ({@code fortran_order: False}; a Fortran-ordered array of rank 1 is the same bytes); dtypes
 * bool, int8 to int64, uint8 to uint64, float32 and float64, either byte order. Anything else gets an error naming
 * the dtype and the fix.
 */
final class NpyArray {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy writes headers of a few hundred bytes; a longer one is no array header. */
    static final int MAX_HEADER_BYTES = 1 << 16;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final String name;
    private final DataInputStream in;
    private final long[] shape;
    private final char kind;
    private final int itemSize;
    private final ByteOrder order;
    private final int rowValues;
    private final ByteBuffer row;
    private long rowsRead;

    /**
     * Reads the header.
     *
     * @param name           the file (or {@code archive.npz:entry.npy}) for messages
     * @param in             the stream, positioned at the magic string
     * @param availableBytes the bytes of the stream, or -1 when unknown: a header declaring more is refused before
     *                       anything is read
     */
    NpyArray(String name, InputStream in, long availableBytes) throws IOException {
        this.name = name;
        this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        byte[] magic = new byte[MAGIC.length];
        readFully(magic, "the magic string");
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw error(0, "not a NumPy .npy file (it does not start with \\x93NUMPY); save arrays with np.save");
        }
        int major = this.in.readUnsignedByte();
        this.in.readUnsignedByte();
        long headerLength;
        int prefix;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(Short.reverseBytes(this.in.readShort()));
            prefix = 10;
        } else if (major == 2 || major == 3) {
            headerLength = Integer.toUnsignedLong(Integer.reverseBytes(this.in.readInt()));
            prefix = 12;
        } else {
            throw error(6, "format version " + major + " is not a NumPy .npy version (1, 2 or 3)");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw error(8, "header of " + headerLength + " bytes declared: more than " + MAX_HEADER_BYTES
                    + ", not a NumPy header");
        }
        byte[] header = new byte[(int) headerLength];
        readFully(header, "the header");
        String text = new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(DESCR, text, "descr");
        if (field(FORTRAN, text, "fortran_order").equals("True") && nonTrivialColumns(text)) {
            throw error(prefix, "fortran_order is True: the array is stored column by column and cannot be read "
                    + "row by row; save np.ascontiguousarray(a) instead");
        }
        this.shape = shape(field(SHAPE, text, "shape"), prefix);
        if (descr.length() < 3) {
            throw error(prefix, "dtype '" + descr + "' is not a plain number type");
        }
        char byteOrder = descr.charAt(0);
        this.kind = descr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            size = -1;
        }
        this.itemSize = size;
        if (!supported(kind, size) || "<>|=".indexOf(byteOrder) < 0) {
            throw error(prefix, "dtype '" + descr + "' is not supported: save the array as float32 or float64 "
                    + "(a.astype('float32')); bool and integer arrays are read too");
        }
        this.order = byteOrder == '>' ? ByteOrder.BIG_ENDIAN : byteOrder == '<' ? ByteOrder.LITTLE_ENDIAN
                : ByteOrder.nativeOrder();
        long perRow = Shapes.product(shape, 1);
        if (perRow < 0 || perRow > Shapes.MAX_ROW_VALUES) {
            throw error(prefix, "shape " + shapeText() + " has rows of more than " + Shapes.MAX_ROW_VALUES
                    + " values");
        }
        if (perRow == 0 && shape[0] > 0) {
            // (N, 0): rows of nothing, which no metric takes and which would be "read" N times from no bytes
            throw error(prefix, "shape " + shapeText() + " has rows of no values: an axis after the first is 0");
        }
        long total = Shapes.product(shape, 0);
        long dataBytes = total < 0 ? -1 : total > Long.MAX_VALUE / itemSize ? -1 : total * itemSize;
        long afterHeader = availableBytes < 0 ? -1 : availableBytes - prefix - headerLength;
        if (dataBytes < 0 || (afterHeader >= 0 && dataBytes > afterHeader)) {
            throw error(prefix + headerLength, "shape " + shapeText() + " of " + descr + " needs "
                    + (dataBytes < 0 ? "more than 2^63" : String.valueOf(dataBytes)) + " bytes, the file holds "
                    + afterHeader + " after the header: truncated, or a wrong shape");
        }
        this.rowValues = (int) perRow;
        this.row = ByteBuffer.allocate(rowValues * itemSize).order(order);
    }

    private static boolean supported(char kind, int size) {
        switch (kind) {
            case 'f':
                return size == 4 || size == 8;
            case 'i':
            case 'u':
                return size == 1 || size == 2 || size == 4 || size == 8;
            case 'b':
                return size == 1;
            default:
                return false;
        }
    }

    /** A Fortran-ordered array is row-major too when at most one axis after the first has more than one element. */
    private static boolean nonTrivialColumns(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.find()) {
            return true;
        }
        String[] dims = m.group(1).split(",");
        int big = 0;
        for (String d : dims) {
            String t = d.trim();
            if (!t.isEmpty() && !t.equals("1")) {
                big++;
            }
        }
        return big > 1;
    }

    private String field(Pattern p, String header, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw error(10, "the header has no '" + key + "': " + abbreviate(header));
        }
        return m.group(1);
    }

    private long[] shape(String text, long offset) {
        List<Long> dims = new ArrayList<>();
        for (String d : text.split(",")) {
            String t = d.trim().replaceAll("L$", "");
            if (t.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(t);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                dims.add(v);
            } catch (NumberFormatException e) {
                throw error(offset, "shape (" + abbreviate(text) + ") holds '" + abbreviate(t)
                        + "', not a dimension");
            }
        }
        if (dims.isEmpty()) {
            throw error(offset, "a 0-d array (shape ()): save one row per example, shape (N,) or (N, ...)");
        }
        if (dims.size() > 8) {
            throw error(offset, "shape of rank " + dims.size() + ": more axes than a row of predictions has");
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    /** The number of rows, {@code shape[0]}. */
    long rows() {
        return shape[0];
    }

    /** The shape of one row, {@code shape[1:]}. */
    int[] rowShape() {
        int[] s = new int[shape.length - 1];
        for (int i = 1; i < shape.length; i++) {
            s[i - 1] = (int) shape[i];
        }
        return s;
    }

    /** Reads the next row into {@code into} from {@code at}. */
    void readRow(double[] into, int at) throws IOException {
        readFully(row.array(), "row " + rowsRead);
        row.clear();
        for (int k = 0; k < rowValues; k++) {
            into[at + k] = value(k * itemSize);
        }
        rowsRead++;
    }

    private double value(int i) {
        switch (kind) {
            case 'f':
                return itemSize == 4 ? row.getFloat(i) : row.getDouble(i);
            case 'b':
                return row.get(i) != 0 ? 1 : 0;
            case 'u':
                switch (itemSize) {
                    case 1:
                        return Byte.toUnsignedInt(row.get(i));
                    case 2:
                        return Short.toUnsignedInt(row.getShort(i));
                    case 4:
                        return Integer.toUnsignedLong(row.getInt(i));
                    default:
                        long v = row.getLong(i);
                        return v >= 0 ? v : (double) (v >>> 1) * 2.0;
                }
            default:
                switch (itemSize) {
                    case 1:
                        return row.get(i);
                    case 2:
                        return row.getShort(i);
                    case 4:
                        return row.getInt(i);
                    default:
                        return row.getLong(i);
                }
        }
    }

    private void readFully(byte[] b, String what) throws IOException {
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw error(-1, "truncated: the file ends inside " + what + " (shape " + (shape == null ? "?"
                    : shapeText()) + ")");
        }
    }

    String shapeText() {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    void close() throws IOException {
        in.close();
    }

    private CompareException error(long offset, String message) {
        return new CompareException(name + (offset >= 0 ? String.format(Locale.ROOT, " (byte %d)", offset) : "")
                + ": " + message);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
