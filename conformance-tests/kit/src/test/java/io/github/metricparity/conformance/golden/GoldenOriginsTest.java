package io.github.metricparity.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bundled case says where its values come from, in the terms of conformance-tests/tools/keras-goldens:
 * {@code docstring} or {@code unit_test} (Keras's docs and tests, with the place cited), {@code keras_run} (computed
 * by running the pinned Keras), or {@code policy} (the project's rule, with what Keras does beside it).
 */
class GoldenOriginsTest {
    static final List<String> ORIGINS = List.of("docstring", "unit_test", "keras_run", "policy");
    static final String PINNED_KERAS = "3.16.0";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** Every bundled file's cases as JSON, by file name. */
    static Map<String, List<JsonNode>> bundledCases() {
        Map<String, List<JsonNode>> out = new TreeMap<>();
        for (String name : GoldenSets.bundledFileNames()) {
            try (InputStream in = GoldenOriginsTest.class.getClassLoader()
                    .getResourceAsStream(GoldenSets.FOLDER + "/" + name)) {
                List<JsonNode> cases = new ArrayList<>();
                JSON.readTree(in).get("cases").forEach(cases::add);
                out.put(name, cases);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyCaseHasAnOriginWithItsEvidence() {
        List<DynamicTest> tests = new ArrayList<>();
        bundledCases().forEach((file, cases) -> cases.forEach(c -> tests.add(DynamicTest.dynamicTest(
                c.path("id").asText(), () -> checkOrigin(file, c)))));
        return tests.stream();
    }

    private static void checkOrigin(String file, JsonNode c) {
        String where = file + " " + c.path("id").asText();
        String origin = c.path("origin").asText(null);
        assertTrue(ORIGINS.contains(origin), where + ": origin " + origin + " is none of " + ORIGINS);
        assertEquals(PINNED_KERAS, c.path("keras_version").asText(null), where + ": the Keras version it ran with");
        if (origin.equals("docstring") || origin.equals("unit_test")) {
            assertFalse(c.path("source").asText("").isBlank(), where + ": a " + origin + " case cites its source");
        }
        boolean departs = c.path("keras_accepts_config").asBoolean(false) || c.has("backend_difference");
        for (JsonNode s : c.path("steps")) {
            departs |= s.path("keras_accepts").asBoolean(false) || s.has("keras_value");
        }
        if (origin.equals("policy")) {
            assertFalse(c.path("policy").asText("").isBlank(), where + ": a policy case says its rule");
            assertTrue(departs, where + ": a policy case records where Keras does otherwise");
        } else if (origin.equals("keras_run")) {
            assertFalse(departs, where + ": a keras_run case that departs from Keras");
        }
        if (c.has("backend_difference")) {
            boolean recorded = false;
            for (JsonNode s : c.path("steps")) {
                recorded |= s.has("numpy_backend_value") || s.has("numpy_backend");
            }
            assertTrue(recorded, where + ": a backend difference records what the NumPy backend gives");
        }
    }

    @Test
    void theOriginsAreExactlyTheFour() {
        Map<String, Integer> seen = new LinkedHashMap<>();
        bundledCases().values().forEach(cs -> cs.forEach(c -> seen.merge(c.path("origin").asText(), 1, Integer::sum)));
        assertEquals(Set.copyOf(ORIGINS), seen.keySet(), "origins in use: " + seen);
    }
}
