package io.github.metricparity.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A framework's own metric values by the names of its parity catalog, as {@code parity compare
 * --framework-values FILE} reads them: {@code {"framework": "dl4j", "values": {"Evaluation.accuracy()": 0.82}}}.
 * NaN and infinities are written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 *
 * @param framework the framework id
 * @param values    the values by catalog name
 */
public record FrameworkValues(String framework, Map<String, Double> values) {

    public FrameworkValues {
        Objects.requireNonNull(framework, "framework");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The JSON document. */
    public String toJson() {
        Map<String, Object> v = new LinkedHashMap<>();
        values.forEach((k, x) -> v.put(k, Double.isFinite(x) ? (Object) x : x.toString()));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("framework", framework);
        doc.put("values", v);
        return Json.write(doc);
    }
}
