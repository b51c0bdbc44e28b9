package io.github.metricparity.conformance.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metricparity.conformance.golden.GoldenFormatException;
import io.github.metricparity.conformance.golden.GoldenReader;
import io.github.metricparity.conformance.golden.GoldenStep;
import io.github.metricparity.conformance.run.StepOutcome;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The messages of the external adapter protocol ({@code conformance-tests/EXTERNAL-PROTOCOL.md}), version
 * {@value #VERSION}: the program's hello line, the request sent for a golden case (its inputs only, never what is
 * expected of them) and the program's reply. A message that breaks the protocol is reported with an
 * {@link ExternalAdapterException} that quotes it.
 */
public final class ExternalProtocol {
    /** The protocol version this runner speaks. */
    public static final int VERSION = 1;
    /** The value of the hello line's {@code "hello"} field. */
    public static final String HELLO = "metricparity-external";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ADAPTER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private ExternalProtocol() {
    }

    /**
     * The program's first line.
     *
     * @param adapter the adapter id it announces
     * @param metrics the Keras class names it handles, or null when it did not say (then every case is sent)
     * @param about   free text describing the implementation (version, backend), or null
     */
    public record Hello(String adapter, Set<String> metrics, String about) {
    }

    /** How the program answered one case. */
    public enum Status {
        /** Every step ran; the reply has one result per step. */
        OK,
        /** The program cannot compute this case faithfully: a skip, with the reason. */
        UNSUPPORTED,
        /** Creating the metric from its config was refused, as Keras refuses it. */
        INVALID_CONFIG,
        /** The program failed on this case (a bug, an exception): the case fails. */
        ERROR
    }

    /**
     * A reply to one case.
     *
     * @param status   how it went
     * @param reason   why, for every status but OK (may be null for OK)
     * @param outcomes for OK, one per step in order; else empty
     */
    public record Reply(Status status, String reason, List<StepOutcome> outcomes) {
    }

    /** Parses the hello line. */
    public static Hello hello(String line) {
        JsonNode node = object(line, "its hello line");
        if (!HELLO.equals(node.path("hello").asText(null))) {
            throw violation("its first line must be a hello with \"hello\": \"" + HELLO + "\"", line);
        }
        JsonNode version = node.get("version");
        if (version == null || !version.isIntegralNumber() || version.asInt() != VERSION) {
            throw violation("its hello speaks protocol version " + version + "; this runner speaks " + VERSION, line);
        }
        String adapter = node.path("adapter").asText("");
        if (!ADAPTER_ID.matcher(adapter).matches()) {
            throw violation("its hello must name the adapter with a short id (letters, digits, '_', '.', '-')", line);
        }
        Set<String> metrics = null;
        JsonNode list = node.get("metrics");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw violation("the hello's \"metrics\" must be an array of Keras class names", line);
            }
            metrics = new LinkedHashSet<>();
            for (JsonNode m : list) {
                if (!m.isTextual()) {
                    throw violation("the hello's \"metrics\" must be an array of Keras class names", line);
                }
                metrics.add(m.asText());
            }
        }
        JsonNode about = node.get("about");
        return new Hello(adapter, metrics, about == null || about.isNull() ? null : about.asText());
    }

    /**
     * The request line for one case: {@code {"case": {"id", "metric", "config", "steps"}}} where every step keeps
     * its op and inputs only ({@code y_true}, {@code y_pred}, {@code sample_weight}, {@code values}); the expected
     * values, the {@code expect_error} flags and the tolerance stay with the runner.
     */
    public static String request(String id, String className, Map<String, Object> config, List<GoldenStep> steps) {
        ObjectNode c = NODES.objectNode();
        c.put("id", id);
        c.put("metric", className);
        c.set("config", JSON.valueToTree(config));
        ArrayNode out = c.putArray("steps");
        for (GoldenStep s : steps) {
            ObjectNode step = out.addObject();
            step.put("op", s.op().name().toLowerCase(java.util.Locale.ROOT));
            if (s.op() == GoldenStep.Op.UPDATE) {
                if (s.isValuesUpdate()) {
                    step.set("values", tensor(s.values()));
                } else {
                    step.set("y_true", tensor(s.yTrue()));
                    step.set("y_pred", tensor(s.yPred()));
                }
                step.set("sample_weight", s.sampleWeight() == null ? NODES.nullNode() : tensor(s.sampleWeight()));
            }
        }
        ObjectNode request = NODES.objectNode();
        request.set("case", c);
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request for case '" + id + "'", e);
        }
    }

    /** A tensor as nested arrays; NaN and infinities as the strings of the golden format (JSON has no such numbers). */
    static JsonNode tensor(Tensor t) {
        int[] shape = t.shape();
        if (shape.length == 0) {
            return number(t.get(0));
        }
        int[] cursor = {0};
        return nested(t, shape, 0, cursor);
    }

    private static JsonNode nested(Tensor t, int[] shape, int axis, int[] cursor) {
        ArrayNode a = NODES.arrayNode(shape[axis]);
        for (int i = 0; i < shape[axis]; i++) {
            a.add(axis == shape.length - 1 ? number(t.get(cursor[0]++)) : nested(t, shape, axis + 1, cursor));
        }
        return a;
    }

    private static JsonNode number(double v) {
        if (Double.isNaN(v)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(v)) {
            return NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
        }
        return NODES.numberNode(v);
    }

    /**
     * Parses the reply to case {@code id} with {@code steps}.
     *
     * @throws ExternalAdapterException if the reply breaks the protocol (wrong id, a missing or extra step, a value
     *                                  where none belongs, a refused reset...)
     */
    public static Reply reply(String line, String id, List<GoldenStep> steps) {
        JsonNode node = object(line, "its reply to case '" + id + "'");
        String where = "its reply to case '" + id + "'";
        if (!id.equals(node.path("id").asText(null))) {
            throw violation(where + " must carry \"id\": \"" + id + "\"", line);
        }
        Status status;
        try {
            status = Status.valueOf(node.path("status").asText("").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw violation(where + " must have \"status\" \"ok\", \"unsupported\", \"invalid_config\" or \"error\"",
                    line);
        }
        String reason = node.hasNonNull("reason") ? node.get("reason").asText() : null;
        if (status != Status.OK) {
            return new Reply(status, reason != null ? reason : "(no reason given)", List.of());
        }
        JsonNode results = node.get("results");
        if (results == null || !results.isArray() || results.size() != steps.size()) {
            throw violation(where + " must have \"results\" with one entry per step (" + steps.size() + ")", line);
        }
        List<StepOutcome> outcomes = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            outcomes.add(outcome(results.get(i), steps.get(i), i, where, line));
        }
        return new Reply(status, reason, outcomes);
    }

    private static StepOutcome outcome(JsonNode r, GoldenStep step, int i, String where, String line) {
        String at = where + ", results[" + i + "]";
        if (!r.isObject() || !r.path("step").isIntegralNumber() || r.get("step").asInt() != i) {
            throw violation(at + " must be an object with \"step\": " + i, line);
        }
        if (r.hasNonNull("error")) {
            if (step.op() == GoldenStep.Op.RESET) {
                throw violation(at + ": a reset cannot be refused", line);
            }
            return StepOutcome.refused(r.get("error").asText());
        }
        JsonNode value = r.get("value");
        if (step.op() != GoldenStep.Op.RESULT) {
            if (value != null && !value.isNull()) {
                throw violation(at + ": only result steps have a value", line);
            }
            return StepOutcome.accepted();
        }
        if (value == null || value.isNull()) {
            throw violation(at + ": a result step needs a \"value\" (a number, \"NaN\", \"Infinity\" or nested "
                    + "arrays of them) or an \"error\"", line);
        }
        try {
            Object tree = JSON.convertValue(value, Object.class);
            return StepOutcome.value(GoldenReader.tensor(tree, at + ": field 'value'"));
        } catch (GoldenFormatException e) {
            throw violation(e.getMessage(), line);
        }
    }

    private static JsonNode object(String line, String what) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below, with the line
        }
        throw violation(what + " must be one JSON object on one line", line);
    }

    private static ExternalAdapterException violation(String what, String line) {
        String shown = line.length() > 300 ? line.substring(0, 300) + "..." : line;
        return new ExternalAdapterException("protocol violation: " + what + "; got: " + shown);
    }
}
