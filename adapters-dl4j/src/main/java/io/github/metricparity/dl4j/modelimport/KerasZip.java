package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The entries of a Keras 3 {@code .keras} zip, read as untrusted input: entry names must stay inside the archive
 * (no {@code ..}, no absolute or drive paths), the number of entries is bounded, and every entry is read through a
 * counter that stops at the limit whatever sizes the zip declares (a zip bomb stops there), and the weights must
 * match the zip's checksum before the HDF5 library sees them. Nothing is written but
 * the weights, to a file this class names, in a directory the caller owns. Keras's own reader
 * ({@code keras/src/saving/saving_lib.py}) reads {@code config.json}, {@code metadata.json} and
 * {@code model.weights.h5} and nothing else for a model without assets.
 */
final class KerasZip implements AutoCloseable {
    static final String CONFIG = "config.json";
    static final String METADATA = "metadata.json";
    static final String WEIGHTS = "model.weights.h5";

    private final Path file;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;

    private KerasZip(Path file, ZipFile zip, Map<String, ZipEntry> entries) {
        this.file = file;
        this.zip = zip;
        this.entries = entries;
    }

    /** True when the bytes start with a zip local-file header. */
    static boolean hasSignature(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    static KerasZip open(Path file, KerasFileLimits limits) throws KerasModelFileException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new KerasModelFileException(file, "not a readable zip (" + e.getMessage() + "); expected "
                    + KerasModelFileException.ACCEPTED, e);
        } catch (IOException e) {
            throw new KerasModelFileException(file, "cannot read it: " + e.getMessage(), e);
        }
        try {
            Map<String, ZipEntry> entries = new HashMap<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                checkName(file, e.getName());
                if (entries.size() >= limits.maxZipEntries()) {
                    throw new KerasModelFileException(file, "the zip holds more than " + limits.maxZipEntries()
                            + " entries (KerasFileLimits.maxZipEntries)");
                }
                if (entries.put(e.getName(), e) != null) {
                    throw new KerasModelFileException(file, "the zip holds two entries named '" + e.getName() + "'");
                }
            }
            return new KerasZip(file, zip, entries);
        } catch (KerasModelFileException | RuntimeException e) {
            closeQuietly(zip);
            throw e instanceof KerasModelFileException ? (KerasModelFileException) e
                    : new KerasModelFileException(file, "not a readable zip (" + e.getMessage() + ")", e);
        }
    }

    /** Zip slip: a name that would leave the archive's folder is refused, even though no entry is unpacked by name. */
    private static void checkName(Path file, String name) throws KerasModelFileException {
        String n = name.replace('\\', '/');
        boolean escapes = n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.equals("..") || n.startsWith("../")
                || n.contains("/../") || n.endsWith("/..") || n.indexOf('\0') >= 0;
        if (escapes) {
            throw new KerasModelFileException(file, "zip entry '" + name + "' points outside the archive (an absolute "
                    + "path or '..'); a .keras file written by Keras has none, so it is refused");
        }
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    /** A UTF-8 text entry of at most {@code maxBytes}. */
    String text(String name, long maxBytes) throws KerasModelFileException {
        ZipEntry e = require(name);
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw new KerasModelFileException(file, "zip entry '" + name + "' holds more than " + maxBytes
                        + " bytes (KerasFileLimits.maxConfigBytes)");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (KerasModelFileException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            throw new KerasModelFileException(file, "cannot unpack zip entry '" + name + "': " + ex.getMessage(), ex);
        }
    }

    /** Copies an entry to {@code target} (a file in the caller's temporary directory), at most {@code maxBytes}. */
    void copy(String name, Path target, long maxBytes) throws KerasModelFileException {
        ZipEntry e = require(name);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        CRC32 crc = new CRC32();
        try (InputStream in = zip.getInputStream(e);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new KerasModelFileException(file, "zip entry '" + name + "' unpacks to more than "
                            + maxBytes + " bytes (KerasFileLimits.maxWeightBytes); a zip bomb, or a model larger "
                            + "than the limits allow");
                }
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            // ZipFile checks no checksum: a damaged entry would reach the HDF5 library, which is not safe with it
            if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
                throw new KerasModelFileException(file, "zip entry '" + name + "' is damaged: its checksum is "
                        + Long.toHexString(crc.getValue()) + ", the zip records " + Long.toHexString(e.getCrc()));
            }
        } catch (KerasModelFileException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            throw new KerasModelFileException(file, "cannot unpack zip entry '" + name + "': " + ex.getMessage(), ex);
        }
    }

    private ZipEntry require(String name) throws KerasModelFileException {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw new KerasModelFileException(file, "the zip has no '" + name + "' entry; a .keras file holds "
                    + CONFIG + ", " + METADATA + " and " + WEIGHTS);
        }
        return e;
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
