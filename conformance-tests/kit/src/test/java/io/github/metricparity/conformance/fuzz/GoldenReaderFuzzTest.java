package io.github.metricparity.conformance.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenFormatException;
import io.github.metricparity.conformance.golden.GoldenReader;
import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.GoldenRunner;
import io.github.metricparity.conformance.tck.ReferenceDriver;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the golden-file reader with arbitrary bytes (seeded with valid and malformed golden files): the outcome is
 * a list of cases or a {@link GoldenFormatException}, never another exception and never a hang. Every case read is
 * then run through the reference adapter, which must report a result (passed, failed or skipped), not throw: an
 * external file given to {@code parity check --cases} must never crash the run.
 */
class GoldenReaderFuzzTest {
    private static final ConformanceDriver REFERENCE = new ReferenceDriver();
    /** Held strongly: java.util.logging keeps loggers weakly. */
    private static final Logger DIAGNOSTICS = Logger.getLogger("io.github.metricparity");

    @BeforeAll
    static void quiet() {
        // a usage warning per generated case would slow fuzzing down a hundredfold
        DIAGNOSTICS.setLevel(Level.OFF);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    @DictionaryEntries({"\"format\"", "\"cases\"", "\"id\"", "\"metric\"", "\"config\"", "\"steps\"", "\"op\"",
        "\"update\"", "\"result\"", "\"reset\"", "\"y_true\"", "\"y_pred\"", "\"values\"", "\"sample_weight\"",
        "\"expected\"", "\"expect_error\"", "\"tolerance\"", "\"atol\"", "\"rtol\"", "\"origin\"", "NaN",
        "Infinity", "\"accuracy\"", "\"Mean\"", "\"AUC\"", "\"F1Score\"", "\"IoU\"", "\"num_classes\""})
    void read(byte[] data) {
        List<GoldenCase> cases;
        try {
            cases = GoldenReader.read(new ByteArrayInputStream(data), "fuzz.json");
        } catch (GoldenFormatException e) {
            return;
        }
        for (GoldenCase c : cases) {
            CaseResult r = GoldenRunner.run(c, REFERENCE);
            if (r == null) {
                throw new AssertionError("no result for " + c.id());
            }
        }
    }
}
