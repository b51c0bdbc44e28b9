package io.github.metricparity.conformance.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.conformance.CiRequirement;
import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenReader;
import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.run.RunSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TensorFlow.js driver ({@code src/main/node/tfjs-driver}) through the protocol. Runs only where {@code node} is
 * on the PATH and the driver's packages are installed ({@code npm ci --prefix
 * conformance-tests/parity/src/main/node/tfjs-driver}); skipped elsewhere, failed under {@code CI=true} (where
 * .ci/run installs them); nothing is downloaded here.
 */
class TfjsDriverTest {
    static final Path DRIVER = Paths.get("src", "main", "node", "tfjs-driver");
    private static ExternalProcessDriver tfjs;

    @BeforeAll
    static void start() {
        CiRequirement.require(nodeRuns(), "node is not on the PATH");
        CiRequirement.require(Files.isRegularFile(DRIVER.resolve("node_modules/@tensorflow/tfjs/package.json")),
                "the TF.js driver's packages are not installed: npm ci --prefix conformance-tests/parity/src/main/node/"
                        + "tfjs-driver");
        tfjs = ExternalProcessDriver.start("node '" + DRIVER.resolve("driver.js") + "'");
    }

    @AfterAll
    static void stop() {
        if (tfjs != null) {
            tfjs.close();
        }
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<GoldenCase> cases(String resource) throws IOException {
        try (InputStream in = TfjsDriverTest.class.getResourceAsStream("/external/" + resource)) {
            return GoldenReader.read(in, resource);
        }
    }

    private static String describe(RunSummary s, CaseResult.Status status) {
        return s.results().stream().filter(r -> r.status() == status).map(CaseResult::describe)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void announcesItselfAndTheMetricsItComputes() {
        assertEquals("tfjs", tfjs.adapterId());
        assertTrue(tfjs.about().startsWith("TensorFlow.js 4.22.0 (cpu backend"), tfjs::about);
        assertTrue(tfjs.metrics().containsAll(List.of("BinaryAccuracy", "CategoricalAccuracy",
                "SparseCategoricalAccuracy", "BinaryCrossentropy", "CategoricalCrossentropy",
                "SparseCategoricalCrossentropy", "MeanSquaredError", "MeanAbsoluteError", "MeanAbsolutePercentageError",
                "CosineSimilarity", "Precision", "Recall")), () -> String.valueOf(tfjs.metrics()));
    }

    @Test
    void docstringCasesPassAndWhatItCannotDoIsSkippedWithAReason() throws IOException {
        RunSummary s = Conformance.run(cases("tfjs-cases.json"), List.of(tfjs));
        assertEquals(0, s.count(CaseResult.Status.FAILED), () -> describe(s, CaseResult.Status.FAILED));
        assertEquals(21, s.count(CaseResult.Status.PASSED), s::summaryLine);
        assertEquals(String.join("\n",
                "SKIPPED binary_accuracy.threshold_unsupported [tfjs]: BinaryAccuracy with threshold 0.7: "
                        + "tf.metrics.binaryAccuracy thresholds at 0.5 only",
                "SKIPPED sparse_categorical_crossentropy.ignore_class_unsupported [tfjs]: "
                        + "SparseCategoricalCrossentropy "
                        + "with ignore_class: TF.js has no masked crossentropy",
                "SKIPPED precision.two_batches_unsupported [tfjs]: step 1: Precision over several batches: "
                        + "tf.metrics.precision is the ratio of one batch and exposes no counts to accumulate, as "
                        + "Keras does",
                "SKIPPED kl_divergence.not_announced [tfjs]: KLDivergence is not among the metrics external adapter "
                        + "'tfjs' announces"), describe(s, CaseResult.Status.SKIPPED));
    }

    /** Real differences between TF.js and Keras, listed in EXTERNAL-PROTOCOL.md: this test says when they change. */
    @Test
    void knownDifferencesOfTfjsStillFail() throws IOException {
        RunSummary s = Conformance.run(cases("tfjs-known-differences.json"), List.of(tfjs));
        assertEquals(String.join("\n",
                "FAILED cosine_similarity.small_norm [tfjs] step 1: expected 1.0, actual 0.3162277638912201",
                "FAILED precision.non_binary_label [tfjs] step 1: expected 0.5, actual 0.0"),
                describe(s, CaseResult.Status.FAILED));
    }
}
