package io.github.metricparity.conformance.compare;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the readers of {@code parity compare} with arbitrary bytes (seeded with valid files and malformed headers,
 * huge declared shapes, truncated files and wrong dtypes, under {@code CompareReadersFuzzTestInputs/}): each file is
 * read to its end, and the outcome is its rows or a {@link CompareException}, never another exception, a hang or an
 * allocation beyond what the file holds. The seeds are replayed by every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class CompareReadersFuzzTest {
    /** Held strongly: java.util.logging keeps loggers weakly. */
    private static final Logger DIAGNOSTICS = Logger.getLogger("io.github.metricparity");
    private static Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        DIAGNOSTICS.setLevel(Level.OFF);
        dir = Files.createTempDirectory("compare-fuzz");
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    @DictionaryEntries({"y_true", "y_pred", "sample_weight", "y_true_0", "y_pred_1", "nan", "inf", "\"", ","})
    void csv(byte[] data) {
        readAll(data, "data.csv", CsvExamples::new);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    @DictionaryEntries({"\"y_true\"", "\"y_pred\"", "\"sample_weight\"", "NaN", "[[", "]]", "{", "}"})
    void jsonLines(byte[] data) {
        readAll(data, "data.jsonl", JsonLinesExamples::new);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    @DictionaryEntries({"\u0093NUMPY", "'descr'", "'<f4'", "'<f8'", "'|b1'", "'fortran_order'", "False", "True",
        "'shape'", "(100000000000, 3)"})
    void npy(byte[] data) {
        readAll(data, "a.npy", f -> NpyExamples.ofFiles(f, f, null));
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    @DictionaryEntries({"PK", "y_true.npy", "y_pred.npy", "sample_weight.npy", "\u0093NUMPY"})
    void npz(byte[] data) {
        readAll(data, "data.npz", NpyExamples::ofNpz);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    @DictionaryEntries({"\"loss\"", "\"val_loss\"", "\"accuracy\"", "epoch", "[", "]", "NaN"})
    void recordedValues(byte[] data) {
        Path f = write(data, "recorded.json");
        try {
            RecordedValues.read(f, null);
        } catch (CompareException e) {
            // a clear refusal is a valid outcome
        }
    }

    private static void readAll(byte[] data, String name, Function<Path, ExampleSource> open) {
        Path f = write(data, name);
        try (ExampleSource s = open.apply(f)) {
            Batch b = new Batch(32, s.yTrueRow(), s.yPredRow(), s.weighted());
            while (s.read(b) > 0) {
                if (b.rows > b.capacity) {
                    throw new AssertionError("a batch overflowed");
                }
            }
        } catch (CompareException e) {
            // a clear refusal is a valid outcome
        }
    }

    private static Path write(byte[] data, String name) {
        try {
            return Files.write(dir.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
