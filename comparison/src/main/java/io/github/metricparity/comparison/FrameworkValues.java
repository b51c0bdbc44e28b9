package io.github.metricparity.comparison;

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
        StringBuilder s = new StringBuilder("{\n  \"framework\": ").append(quote(framework))
                .append(",\n  \"values\": {");
        String sep = "\n";
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double x = e.getValue();
            s.append(sep).append("    ").append(quote(e.getKey())).append(": ")
                    .append(Double.isFinite(x) ? Double.toString(x) : quote(Double.toString(x)));
            sep = ",\n";
        }
        return s.append(values.isEmpty() ? "}\n}\n" : "\n  }\n}\n").toString();
    }

    /** A JSON string literal. */
    private static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
