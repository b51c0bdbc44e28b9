package io.github.metricparity.conformance.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.metricparity.comparison.FrameworkValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@link FrameworkValues}: {@code {"framework": "dl4j", "values": {"Evaluation.accuracy()": 0.82}}}. */
final class FrameworkValuesFile {
    private FrameworkValuesFile() {
    }

    static FrameworkValues read(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > RecordedValues.MAX_BYTES) {
                throw CompareException.in(file, "larger than " + RecordedValues.MAX_BYTES + " bytes");
            }
            root = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build()
                    .readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            throw CompareException.at(file, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CompareException.in(file, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.path("framework").isTextual() || !root.path("values").isObject()) {
            throw CompareException.in(file, "expected {\"framework\": \"dl4j\" or \"tribuo\", \"values\": "
                    + "{\"<metric>\": <number>, ...}} (what Dl4jParityResult/TribuoParity.Result.frameworkValuesJson()"
                    + " write)");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("values").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                values.put(e.getKey(), v.doubleValue());
            } else if (v.isTextual()) {
                values.put(e.getKey(), Numbers.parse(v.asText(), file, 1, 1));
            } else {
                throw CompareException.in(file, "'" + e.getKey() + "' holds " + v.getNodeType()
                        + " where a number belongs");
            }
        }
        return new FrameworkValues(root.get("framework").asText(), values);
    }
}
