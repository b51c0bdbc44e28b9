package io.github.metricparity.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.GoldenRunner;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.keras.ReferenceProvider;
import io.github.metricparity.spi.KerasVersion;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link KerasVersion} against the measured drift ({@code conformance-tests/tools/keras-goldens/drift/drift.json},
 * written by the generator from real runs of each Keras release): for every offered release and every golden case
 * whose outcome in that release differs from the latest, the reference metrics created with that release's
 * semantics give that release's outcome (configs and updates accepted or refused, results within the case's
 * tolerance). Left out, each for its reason: policy cases (the project refuses in every release what Keras
 * accepts), and changes of Keras's NumPy backend only (the TensorFlow and JAX backends did not change there).
 */
class KerasVersionDriftTest {
    static final Path DRIFT = Paths.get("..", "tools", "keras-goldens", "drift", "drift.json");
    /**
     * Outcomes the NumPy backend of an older release gives where TensorFlow refused, and which KerasVersion therefore
     * refuses: before 3.15 the IoU family's confusion matrix was an ops.scatter, which NumPy's np.add.at wraps a
     * negative class id around to the last class for, and TensorFlow's scatter_nd refuses.
     */
    static final Map<String, String> NUMPY_ONLY = Map.of(
            "iou.test_negative_y_true_ignored", "a negative class id before 3.15: NumPy wraps it, TensorFlow refuses",
            "iou.test_negative_y_pred_ignored", "a negative class id before 3.15: NumPy wraps it, TensorFlow refuses");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> eachOfferedReleaseReproducesItsMeasuredOutcomes() throws IOException {
        JsonNode drift = JSON.readTree(DRIFT.toFile());
        Map<String, JsonNode> golden = new HashMap<>();
        GoldenOriginsTest.bundledCases().values().forEach(cs -> cs.forEach(c -> golden.put(c.path("id").asText(),
                c)));
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> versions = drift.get("outcomes_differing_from_latest").fields();
        while (versions.hasNext()) {
            Map.Entry<String, JsonNode> v = versions.next();
            KerasVersion version;
            try {
                version = KerasVersion.of(v.getKey());
            } catch (IllegalArgumentException notOffered) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> cases = v.getValue().fields();
            while (cases.hasNext()) {
                Map.Entry<String, JsonNode> c = cases.next();
                JsonNode g = golden.get(c.getKey());
                if (g == null || g.path("origin").asText().equals("policy") || NUMPY_ONLY.containsKey(c.getKey())
                        || backendOnly(drift, c.getKey(), v.getKey())) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(v.getKey() + " " + c.getKey(),
                        () -> assertReproduces(version, g, c.getValue())));
            }
        }
        assertFalse(tests.isEmpty(), "no drift of an offered release to check");
        return tests.stream();
    }

    /** True when a change of this case between {@code label} and the latest came from the NumPy backend only. */
    private static boolean backendOnly(JsonNode drift, String caseId, String label) {
        boolean after = false;
        for (JsonNode step : drift.get("changes_between_consecutive_versions")) {
            after |= step.get("from").asText().equals(label);
            if (after && step.path("why").path(caseId).asText("").startsWith("numpy backend")) {
                return true;
            }
        }
        return false;
    }

    private static void assertReproduces(KerasVersion version, JsonNode golden, JsonNode outcome) {
        GoldenCase expected = GoldenReader.parse(
                JSON.convertValue(file(asOutcome(golden, outcome)), Object.class), "drift.json").get(0);
        MetricRegistry registry = MetricRegistry.of(new ReferenceProvider()).withKerasVersion(version);
        CaseResult r = GoldenRunner.run(expected, new ConformanceDriver() {
            @Override
            public String adapterId() {
                return "reference@" + version;
            }

            @Override
            public Metric open(String metric, Map<String, ?> config) {
                return registry.create(metric, config);
            }
        });
        assertEquals(CaseResult.Status.PASSED, r.status(), r.describe() + "; Keras " + version + " gives " + outcome);
    }

    /** The golden case with every expectation replaced by what the release did. */
    static ObjectNode asOutcome(JsonNode golden, JsonNode outcome) {
        ObjectNode c = golden.deepCopy();
        c.remove("expect_error");
        if (!outcome.get("config").asText().equals("accepted")) {
            c.put("expect_error", "config");
            c.set("steps", JsonNodeFactory.instance.arrayNode());
            return c;
        }
        ArrayNode steps = (ArrayNode) c.get("steps");
        for (int i = 0; i < steps.size(); i++) {
            ObjectNode s = (ObjectNode) steps.get(i);
            JsonNode o = outcome.get("steps").get(i);
            s.remove("expect_error");
            if (o.isObject()) {
                s.set("expected", o.get("value"));
            } else if (o.asText().startsWith("refused")) {
                s.put("expect_error", true);
                s.remove("expected");
            }
        }
        return c;
    }

    private static JsonNode file(ObjectNode c) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("format", GoldenReader.FORMAT);
        f.putArray("cases").add(c);
        return f;
    }

    @Test
    void versionsAreParsedAndBoundedToWhatIsOffered() {
        assertEquals(KerasVersion.LATEST, KerasVersion.of("v3.16.0"));
        assertEquals("3.15", KerasVersion.of("3.15.1").toString());
        assertTrue(KerasVersion.of("3.8").atLeast(3, 8));
        assertFalse(KerasVersion.of("3.14").atLeast(3, 15));
        for (String notOffered : List.of("3.7.0", "3.17", "2.15", "three")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> KerasVersion.of(notOffered), notOffered);
        }
    }
}
