package io.github.metricparity.dl4j.modelimport;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the model-file readers as an attacker would feed them: the outcome of every input is a model or a
 * {@link KerasModelFileException}, never another exception, an error, a hang or unbounded memory, and no temporary
 * directory is left behind. Seeds: the committed real Keras files and their {@code config.json}s
 * ({@code src/test/resources/.../ModelFileFuzzTestInputs}), replayed in every build; fuzzing with
 * {@code JAZZER_FUZZ=1}.
 * <ul>
 * <li>{@link #modelFile}: any bytes as a model file (zip, HDF5 or neither). An HDF5 input goes through the Java
 *     checks only: the native HDF5 library is the application's, not fuzzed here; a zip's weights reach it only
 *     after the zip's checksum has verified them.</li>
 * <li>{@link #config}: any text as the {@code config.json} of a {@code .keras} file with real weights, through
 *     reading, the compile plan, the evaluation and the DL4J import.</li>
 * </ul>
 */
class ModelFileFuzzTest {
    private static final KerasFileLimits LIMITS = new KerasFileLimits(1 << 20, 4 << 20, 64, 1_000_000);
    /** Held strongly: java.util.logging keeps loggers weakly. */
    private static final Logger DIAGNOSTICS = Logger.getLogger("io.github.metricparity");
    private static Path dir;
    private static Map<String, byte[]> entries;

    @BeforeAll
    static void setUp() throws IOException {
        DIAGNOSTICS.setLevel(Level.OFF);
        dir = Files.createTempDirectory("metricparity-fuzz");
        entries = UntrustedModelFiles.entries("seq_dense_binary");
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(20)
    void modelFile(byte[] data) throws IOException {
        Path file = Files.write(dir.resolve("input.bin"), data);
        if (Hdf5File.hasSignature(data)) {
            try {
                Hdf5File.checkWhole(file, file);
            } catch (KerasModelFileException e) {
                // refused: fine
            }
            return;
        }
        exercise(file);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(20)
    @DictionaryEntries({"\"class_name\"", "\"config\"", "\"layers\"", "\"compile_config\"", "\"inbound_nodes\"",
        "\"batch_shape\"", "\"units\"", "\"loss\"", "\"metrics\"", "\"weighted_metrics\"", "\"loss_weights\"",
        "\"accuracy\"", "\"Sequential\"", "\"Functional\"", "\"Dense\"", "\"InputLayer\"", "\"Lambda\"",
        "\"GRU\"", "\"__keras_tensor__\"", "\"keras_history\"", "\"output_layers\"", "\"input_layers\"", "null"})
    void config(byte[] configJson) throws IOException {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(entries);
        files.put("config.json", configJson);
        exercise(UntrustedModelFiles.zip(dir.resolve("input.keras"), files));
    }

    private static void exercise(Path file) throws IOException {
        long before = UntrustedModelFiles.leftoverTempDirs();
        try {
            KerasModelFile model = KerasModelFile.read(file, LIMITS);
            model.outputNames();
            if (model.trainingConfig() != null) {
                model.evaluation();
            }
            model.importModel();
        } catch (KerasModelFileException e) {
            if (!e.getMessage().startsWith(file.toString())) {
                throw new AssertionError("a refusal that does not name the file: " + e.getMessage(), e);
            }
        } finally {
            if (UntrustedModelFiles.leftoverTempDirs() != before) {
                throw new UncheckedIOException(new IOException("a temporary directory was left behind"));
            }
        }
    }
}
