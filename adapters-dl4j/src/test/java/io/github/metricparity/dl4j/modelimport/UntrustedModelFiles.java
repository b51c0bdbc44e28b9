package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Writes hostile and damaged model files for the tests, from the committed real ones. */
final class UntrustedModelFiles {
    private UntrustedModelFiles() {
    }

    /** The entries of a committed .keras file, by name. */
    static Map<String, byte[]> entries(String model) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(KerasRecord.file(model + ".keras").toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** A zip of these entries. */
    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A committed .keras model whose config.json is replaced. */
    static Path withConfig(Path file, String model, String configJson) throws IOException {
        Map<String, byte[]> entries = entries(model);
        entries.put("config.json", configJson.getBytes(StandardCharsets.UTF_8));
        return zip(file, entries);
    }

    static String config(String model) throws IOException {
        return new String(entries(model).get("config.json"), StandardCharsets.UTF_8);
    }

    /** The temporary directories the reader made and did not delete. */
    static long leftoverTempDirs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("metricparity-keras-")).count();
        }
    }
}
