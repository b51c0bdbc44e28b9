package io.github.metricparity.dl4j.modelimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files as untrusted input: each hostile or damaged file gets a {@link KerasModelFileException} naming the
 * file and what is wrong, memory stays bounded, and nothing is left behind or written outside a temporary
 * directory.
 */
class UntrustedModelFileTest {
    @TempDir
    Path dir;

    private KerasModelFileException refused(Path file, String expected) {
        KerasModelFileException e = assertThrows(KerasModelFileException.class, () -> KerasModelFile.read(file)
                .importModel());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(file, e.file());
        return e;
    }

    @Test
    void zipSlipEntryIsRefusedAndNothingIsWritten() throws Exception {
        Map<String, byte[]> entries = UntrustedModelFiles.entries("seq_dense_binary");
        entries.put("../../evil.txt", "pwned".getBytes(StandardCharsets.UTF_8));
        Path file = UntrustedModelFiles.zip(dir.resolve("slip.keras"), entries);
        refused(file, "points outside the archive");
        assertFalse(Files.exists(dir.resolve("../../evil.txt").normalize()));
        Map<String, byte[]> absolute = UntrustedModelFiles.entries("seq_dense_binary");
        absolute.put("/tmp/evil.txt", new byte[1]);
        refused(UntrustedModelFiles.zip(dir.resolve("absolute.keras"), absolute), "points outside the archive");
    }

    @Test
    void zipBombStopsAtTheLimitAndLeavesNoTemporaryFiles() throws Exception {
        long before = UntrustedModelFiles.leftoverTempDirs();
        Map<String, byte[]> entries = UntrustedModelFiles.entries("seq_dense_binary");
        entries.put("model.weights.h5", new byte[64 << 20]); // 64 MiB of zeros, 64 KiB compressed
        Path file = UntrustedModelFiles.zip(dir.resolve("bomb.keras"), entries);
        assertTrue(Files.size(file) < 1 << 20, "the bomb is small on disk");
        KerasFileLimits small = new KerasFileLimits(1 << 20, 4 << 20, 100, 1_000_000);
        KerasModelFileException e = assertThrows(KerasModelFileException.class, () -> KerasModelFile.read(file,
                small));
        assertTrue(e.getMessage().contains("unpacks to more than 4194304 bytes"), e.getMessage());
        assertEquals(before, UntrustedModelFiles.leftoverTempDirs(), "temporary directory deleted");

        Map<String, byte[]> hugeConfig = UntrustedModelFiles.entries("seq_dense_binary");
        hugeConfig.put("config.json", new byte[8 << 20]);
        KerasModelFileException c = assertThrows(KerasModelFileException.class, () -> KerasModelFile.read(
                UntrustedModelFiles.zip(dir.resolve("config-bomb.keras"), hugeConfig), small));
        assertTrue(c.getMessage().contains("holds more than 1048576 bytes"), c.getMessage());
    }

    @Test
    void tooManyEntries() throws Exception {
        Map<String, byte[]> entries = UntrustedModelFiles.entries("seq_dense_binary");
        for (int i = 0; i < 200; i++) {
            entries.put("assets/" + i, new byte[0]);
        }
        Path file = UntrustedModelFiles.zip(dir.resolve("entries.keras"), entries);
        KerasModelFileException e = assertThrows(KerasModelFileException.class, () -> KerasModelFile.read(file,
                new KerasFileLimits(1 << 20, 1 << 20, 100, 1_000_000)));
        assertTrue(e.getMessage().contains("more than 100 entries"), e.getMessage());
    }

    @Test
    void configDeclaringAHugeShapeIsRefusedBeforeDl4jAllocates() throws Exception {
        String config = UntrustedModelFiles.config("seq_dense_binary");
        Path wide = UntrustedModelFiles.withConfig(dir.resolve("wide.keras"), "seq_dense_binary",
                config.replaceFirst("\"batch_shape\": \\[null, 6\\]", "\"batch_shape\": [null, 100000000000]"));
        refused(wide, "larger than 16777216");
        // a Dense of two billion units: DL4J would allocate 12 billion parameters; the file holds 65 values
        Path units = UntrustedModelFiles.withConfig(dir.resolve("units.keras"), "seq_dense_binary",
                config.replaceFirst("\"units\": 8", "\"units\": 2000000000"));
        refused(units, "parameters and the file holds 65 weight values");
    }

    @Test
    void lambdaAndUnknownLayersAreNamed() throws Exception {
        String config = UntrustedModelFiles.config("seq_dense_binary");
        Path lambda = UntrustedModelFiles.withConfig(dir.resolve("lambda.keras"), "seq_dense_binary",
                config.replaceFirst("\"class_name\": \"Dropout\"", "\"class_name\": \"Lambda\""));
        refused(lambda, "layer 'drop' is a Lambda layer");
        Path unknown = UntrustedModelFiles.withConfig(dir.resolve("unknown.keras"), "seq_dense_binary",
                config.replaceFirst("\"class_name\": \"Dropout\"", "\"class_name\": \"Teleport\""));
        refused(unknown, "layer 'drop' is a Teleport layer, which this import does not support");
    }

    @Test
    void truncatedHdf5IsRefusedInJava() throws Exception {
        byte[] whole = Files.readAllBytes(KerasRecord.file("seq_dense_binary.h5"));
        Path half = Files.write(dir.resolve("half.h5"), Arrays.copyOf(whole, whole.length / 2));
        refused(half, "truncated HDF5 file: its superblock declares " + whole.length + " bytes");
        Path head = Files.write(dir.resolve("head.h5"), Arrays.copyOf(whole, 20));
        refused(head, "truncated HDF5 file");
        Map<String, byte[]> entries = UntrustedModelFiles.entries("seq_dense_binary");
        byte[] weights = entries.get("model.weights.h5");
        entries.put("model.weights.h5", Arrays.copyOf(weights, weights.length - 100));
        refused(UntrustedModelFiles.zip(dir.resolve("cut.keras"), entries), "truncated HDF5 file");
    }

    @Test
    void otherFilesNameTheFormatsAccepted() throws Exception {
        Path text = Files.writeString(dir.resolve("model.txt"), "not a model");
        refused(text, "neither a zip nor an HDF5 file; expected a Keras 3 .keras zip");
        Map<String, byte[]> noConfig = new LinkedHashMap<>();
        noConfig.put("readme.md", new byte[3]);
        refused(UntrustedModelFiles.zip(dir.resolve("other.zip"), noConfig), "a zip without config.json");
        refused(dir.resolve("missing.keras"), "no readable file there");
        Path deep = UntrustedModelFiles.withConfig(dir.resolve("deep.keras"), "seq_dense_binary",
                "[".repeat(100_000));
        refused(deep, "nests deeper than 256 levels");
        Path bad = UntrustedModelFiles.withConfig(dir.resolve("bad.keras"), "seq_dense_binary", "{\"class_name\":");
        refused(bad, "config.json is not valid JSON");
    }
}
