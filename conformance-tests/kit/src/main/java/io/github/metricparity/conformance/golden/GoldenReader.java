package io.github.metricparity.conformance.golden;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.metricparity.spi.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads golden files in the format of {@code golden-format.md} (format 1). Every documented field is accepted,
 * unknown fields are ignored, and a malformed file is refused with a {@link GoldenFormatException} naming the file,
 * the case id and the field. Numbers may be JSON numbers, the tokens {@code NaN}/{@code Infinity}, or those words
 * as strings; booleans in arrays are read as 1/0.
 */
public final class GoldenReader {
    /** The format versions this reader understands. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private GoldenReader() {
    }

    /** Reads a golden file from disk. */
    public static List<GoldenCase> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new GoldenFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a golden file from a stream; {@code name} is used in messages. */
    public static List<GoldenCase> read(InputStream in, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new GoldenFormatException(name + ": not valid JSON: " + e.getOriginalMessage()
                    + location(e), e);
        } catch (IOException e) {
            throw new GoldenFormatException(name + ": cannot read: " + e.getMessage(), e);
        }
        return parse(root, name);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    /** Parses an already read JSON tree. */
    public static List<GoldenCase> parse(JsonNode root, String name) {
        if (root == null || !root.isObject()) {
            throw new GoldenFormatException(name + ": the file must be a JSON object with 'format' and 'cases'");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isIntegralNumber() || format.asInt() != FORMAT) {
            throw new GoldenFormatException(name + ": field 'format' must be " + FORMAT + ", got " + format);
        }
        JsonNode cases = root.get("cases");
        if (cases == null || !cases.isArray()) {
            throw new GoldenFormatException(name + ": field 'cases' must be an array");
        }
        String fileSource = text(root.get("source"));
        List<GoldenCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            GoldenCase c = parseCase(cases.get(i), i, name, fileSource);
            if (!ids.add(c.id())) {
                throw new GoldenFormatException(name + ": case '" + c.id() + "': duplicate id");
            }
            out.add(c);
        }
        return out;
    }

    private static GoldenCase parseCase(JsonNode node, int index, String file, String fileSource) {
        if (node == null || !node.isObject()) {
            throw new GoldenFormatException(file + ": cases[" + index + "] must be an object");
        }
        JsonNode idNode = node.get("id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isEmpty()) {
            throw new GoldenFormatException(file + ": cases[" + index + "]: field 'id' must be a non-empty string");
        }
        String id = idNode.asText();
        String where = file + ": case '" + id + "'";
        JsonNode metricNode = node.get("metric");
        if (metricNode == null || !metricNode.isTextual() || metricNode.asText().isEmpty()) {
            throw new GoldenFormatException(where + ": field 'metric' must be a non-empty string");
        }
        Map<String, Object> config = Map.of();
        JsonNode configNode = node.get("config");
        if (configNode != null && !configNode.isNull()) {
            if (!configNode.isObject()) {
                throw new GoldenFormatException(where + ": field 'config' must be an object");
            }
            config = toJava(configNode);
        }
        boolean configError = false;
        JsonNode expectError = node.get("expect_error");
        if (expectError != null && !expectError.isNull()) {
            if (!expectError.isTextual() || !expectError.asText().equals("config")) {
                throw new GoldenFormatException(where + ": field 'expect_error' must be \"config\", got " + expectError);
            }
            configError = true;
        }
        List<GoldenStep> steps = new ArrayList<>();
        JsonNode stepsNode = node.get("steps");
        if (stepsNode == null || stepsNode.isNull()) {
            if (!configError) {
                throw new GoldenFormatException(where + ": field 'steps' is missing");
            }
        } else {
            if (!stepsNode.isArray()) {
                throw new GoldenFormatException(where + ": field 'steps' must be an array");
            }
            for (int s = 0; s < stepsNode.size(); s++) {
                steps.add(parseStep(stepsNode.get(s), where + ": steps[" + s + "]"));
            }
        }
        Tolerance tolerance = parseTolerance(node.get("tolerance"), where);
        String source = text(node.get("source"));
        return new GoldenCase(id, metricNode.asText(), config, steps, tolerance, text(node.get("origin")),
                source != null ? source : fileSource, configError, file);
    }

    private static GoldenStep parseStep(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new GoldenFormatException(where + " must be an object");
        }
        JsonNode opNode = node.get("op");
        if (opNode == null || !opNode.isTextual()) {
            throw new GoldenFormatException(where + ": field 'op' must be \"update\", \"result\" or \"reset\"");
        }
        boolean expectError = false;
        JsonNode err = node.get("expect_error");
        if (err != null && !err.isNull()) {
            if (!err.isBoolean()) {
                throw new GoldenFormatException(where + ": field 'expect_error' must be a boolean, got " + err);
            }
            expectError = err.asBoolean();
        }
        switch (opNode.asText()) {
            case "update": {
                Tensor values = optionalTensor(node, "values", where);
                Tensor weight = optionalTensor(node, "sample_weight", where);
                if (values != null) {
                    return new GoldenStep(GoldenStep.Op.UPDATE, null, null, values, weight, null, expectError);
                }
                Tensor yTrue = requiredTensor(node, "y_true", where);
                Tensor yPred = requiredTensor(node, "y_pred", where);
                return new GoldenStep(GoldenStep.Op.UPDATE, yTrue, yPred, null, weight, null, expectError);
            }
            case "result": {
                Tensor expected = optionalTensor(node, "expected", where);
                if (expected == null && !expectError) {
                    throw new GoldenFormatException(where + ": field 'expected' is missing");
                }
                return new GoldenStep(GoldenStep.Op.RESULT, null, null, null, null, expected, expectError);
            }
            case "reset":
                return new GoldenStep(GoldenStep.Op.RESET, null, null, null, null, null, false);
            default:
                throw new GoldenFormatException(where + ": field 'op' must be \"update\", \"result\" or \"reset\", got \""
                        + opNode.asText() + "\"");
        }
    }

    private static Tolerance parseTolerance(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Tolerance.DEFAULT;
        }
        if (!node.isObject()) {
            throw new GoldenFormatException(where + ": field 'tolerance' must be an object with 'atol' and 'rtol'");
        }
        return new Tolerance(toleranceField(node, "atol", where), toleranceField(node, "rtol", where));
    }

    private static double toleranceField(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return key.equals("atol") ? Tolerance.DEFAULT.atol() : Tolerance.DEFAULT.rtol();
        }
        if (!v.isNumber() || v.asDouble() < 0) {
            throw new GoldenFormatException(where + ": field 'tolerance." + key + "' must be a number >= 0, got " + v);
        }
        return v.asDouble();
    }

    private static Tensor requiredTensor(JsonNode step, String field, String where) {
        Tensor t = optionalTensor(step, field, where);
        if (t == null) {
            throw new GoldenFormatException(where + ": field '" + field + "' is missing");
        }
        return t;
    }

    private static Tensor optionalTensor(JsonNode step, String field, String where) {
        JsonNode v = step.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return tensor(v, where + ": field '" + field + "'");
    }

    /** A nested JSON array (or scalar) as a tensor whose shape is the nesting; ragged arrays are refused. */
    public static Tensor tensor(JsonNode node, String where) {
        List<Integer> shape = new ArrayList<>();
        JsonNode probe = node;
        while (probe.isArray()) {
            shape.add(probe.size());
            if (probe.size() == 0) {
                break;
            }
            probe = probe.get(0);
        }
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        // the shape comes from the first element at each depth only: check it against the data before allocating,
        // or a small ragged file could ask for 2^31 numbers (int overflow or OutOfMemoryError)
        long size = 1;
        for (int d : dims) {
            size = Math.min(size * d, Integer.MAX_VALUE + 1L);
        }
        long leaves = countLeaves(node, 0, dims.length);
        if (size != leaves) {
            throw new GoldenFormatException(where + " is not a regular nested array (its first elements give the "
                    + "shape " + Tensor.shapeString(dims) + ", but it holds " + leaves + " values)");
        }
        double[] data = new double[(int) size];
        int[] cursor = {0};
        fill(node, 0, dims, data, cursor, where);
        return Tensor.of(data, dims);
    }

    /** Number of values at depth {@code rank} of a nested array (anything else counts as one value). */
    private static long countLeaves(JsonNode node, int depth, int rank) {
        if (depth == rank || !node.isArray()) {
            return 1;
        }
        long n = 0;
        for (JsonNode child : node) {
            n += countLeaves(child, depth + 1, rank);
        }
        return n;
    }

    private static void fill(JsonNode node, int depth, int[] dims, double[] data, int[] cursor, String where) {
        if (depth == dims.length) {
            data[cursor[0]++] = number(node, where);
            return;
        }
        if (!node.isArray() || node.size() != dims[depth]) {
            throw new GoldenFormatException(where + " is not a regular nested array (expected " + dims[depth]
                    + " elements at depth " + depth + ", got " + (node.isArray() ? node.size() + " elements" : node)
                    + ")");
        }
        for (JsonNode child : node) {
            fill(child, depth + 1, dims, data, cursor, where);
        }
    }

    private static double number(JsonNode node, String where) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? 1.0 : 0.0;
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN":
                case "nan":
                    return Double.NaN;
                case "Infinity":
                case "inf":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                case "-inf":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new GoldenFormatException(where + " must hold numbers only, got " + node);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    /** JSON object to plain Java maps/lists/numbers/strings/booleans (config values). */
    static Map<String, Object> toJava(JsonNode object) {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
        }
        return out;
    }
}
