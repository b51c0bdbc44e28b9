package io.github.metricparity.conformance.golden;

import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads golden files in the format of {@code docs/golden-format.md} (format 1). Every documented field is accepted,
 * unknown fields are ignored, and a malformed file is refused with a {@link GoldenFormatException} naming the file,
 * the case id and the field. Numbers may be JSON numbers, the tokens {@code NaN}/{@code Infinity}, or those words
 * as strings; booleans in arrays are read as 1/0.
 *
 * <p>JSON is parsed with the spi's strict codec (the kit depends on the spi and the JUnit API only): objects are
 * {@code Map}s, arrays {@code List}s, numbers {@code Number}s.
 */
public final class GoldenReader {
    /** The format versions this reader understands. */
    public static final int FORMAT = 1;

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
        Object root;
        try {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // a byte order mark some editors write is not JSON; skip it as JSON readers commonly do
            root = Json.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (Json.SyntaxException e) {
            throw new GoldenFormatException(name + ": not valid JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new GoldenFormatException(name + ": cannot read: " + e.getMessage(), e);
        }
        return parse(root, name);
    }

    /** Parses an already read JSON tree (maps, lists, numbers, strings, booleans, nulls). */
    public static List<GoldenCase> parse(Object root, String name) {
        Map<?, ?> file = root instanceof Map ? (Map<?, ?>) root : null;
        if (file == null) {
            throw new GoldenFormatException(name + ": the file must be a JSON object with 'format' and 'cases'");
        }
        Object format = file.get("format");
        if (!isIntegral(format) || ((Number) format).doubleValue() != FORMAT) {
            throw new GoldenFormatException(name + ": field 'format' must be " + FORMAT + ", got " + format);
        }
        Object cases = file.get("cases");
        if (!(cases instanceof List)) {
            throw new GoldenFormatException(name + ": field 'cases' must be an array");
        }
        String fileSource = text(file.get("source"));
        List<GoldenCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<?> list = (List<?>) cases;
        for (int i = 0; i < list.size(); i++) {
            GoldenCase c = parseCase(list.get(i), i, name, fileSource);
            if (!ids.add(c.id())) {
                throw new GoldenFormatException(name + ": case '" + c.id() + "': duplicate id");
            }
            out.add(c);
        }
        return out;
    }

    private static GoldenCase parseCase(Object value, int index, String file, String fileSource) {
        if (!(value instanceof Map)) {
            throw new GoldenFormatException(file + ": cases[" + index + "] must be an object");
        }
        Map<?, ?> node = (Map<?, ?>) value;
        String id = nonEmptyText(node.get("id"));
        if (id == null) {
            throw new GoldenFormatException(file + ": cases[" + index + "]: field 'id' must be a non-empty string");
        }
        String where = file + ": case '" + id + "'";
        String metric = nonEmptyText(node.get("metric"));
        if (metric == null) {
            throw new GoldenFormatException(where + ": field 'metric' must be a non-empty string");
        }
        Map<String, Object> config = Map.of();
        Object configNode = node.get("config");
        if (configNode != null) {
            if (!(configNode instanceof Map)) {
                throw new GoldenFormatException(where + ": field 'config' must be an object");
            }
            config = toJava((Map<?, ?>) configNode);
        }
        boolean configError = false;
        Object expectError = node.get("expect_error");
        if (expectError != null) {
            if (!"config".equals(expectError)) {
                throw new GoldenFormatException(where + ": field 'expect_error' must be \"config\", got "
                        + show(expectError));
            }
            configError = true;
        }
        List<GoldenStep> steps = new ArrayList<>();
        Object stepsNode = node.get("steps");
        if (stepsNode == null) {
            if (!configError) {
                throw new GoldenFormatException(where + ": field 'steps' is missing");
            }
        } else {
            if (!(stepsNode instanceof List)) {
                throw new GoldenFormatException(where + ": field 'steps' must be an array");
            }
            List<?> list = (List<?>) stepsNode;
            for (int s = 0; s < list.size(); s++) {
                steps.add(parseStep(list.get(s), where + ": steps[" + s + "]"));
            }
        }
        Tolerance tolerance = parseTolerance(node.get("tolerance"), where);
        String source = text(node.get("source"));
        return new GoldenCase(id, metric, config, steps, tolerance, text(node.get("origin")),
                source != null ? source : fileSource, configError, file);
    }

    private static GoldenStep parseStep(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new GoldenFormatException(where + " must be an object");
        }
        Map<?, ?> node = (Map<?, ?>) value;
        Object op = node.get("op");
        if (!(op instanceof String)) {
            throw new GoldenFormatException(where + ": field 'op' must be \"update\", \"result\" or \"reset\"");
        }
        boolean expectError = false;
        Object err = node.get("expect_error");
        if (err != null) {
            if (!(err instanceof Boolean)) {
                throw new GoldenFormatException(where + ": field 'expect_error' must be a boolean, got " + show(err));
            }
            expectError = (Boolean) err;
        }
        switch ((String) op) {
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
                throw new GoldenFormatException(where
                        + ": field 'op' must be \"update\", \"result\" or \"reset\", got \""
                        + op + "\"");
        }
    }

    private static Tolerance parseTolerance(Object value, String where) {
        if (value == null) {
            return Tolerance.DEFAULT;
        }
        if (!(value instanceof Map)) {
            throw new GoldenFormatException(where + ": field 'tolerance' must be an object with 'atol' and 'rtol'");
        }
        Map<?, ?> node = (Map<?, ?>) value;
        return new Tolerance(toleranceField(node, "atol", where), toleranceField(node, "rtol", where));
    }

    private static double toleranceField(Map<?, ?> node, String key, String where) {
        Object v = node.get(key);
        if (v == null) {
            return key.equals("atol") ? Tolerance.DEFAULT.atol() : Tolerance.DEFAULT.rtol();
        }
        if (!(v instanceof Number) || ((Number) v).doubleValue() < 0) {
            throw new GoldenFormatException(where + ": field 'tolerance." + key + "' must be a number >= 0, got "
                    + show(v));
        }
        return ((Number) v).doubleValue();
    }

    private static Tensor requiredTensor(Map<?, ?> step, String field, String where) {
        Tensor t = optionalTensor(step, field, where);
        if (t == null) {
            throw new GoldenFormatException(where + ": field '" + field + "' is missing");
        }
        return t;
    }

    private static Tensor optionalTensor(Map<?, ?> step, String field, String where) {
        Object v = step.get(field);
        if (v == null) {
            return null;
        }
        return tensor(v, where + ": field '" + field + "'");
    }

    /**
     * A nested JSON array (or scalar) as a tensor whose shape is the nesting; ragged arrays are refused.
     *
     * @param node  a {@code List} of lists ... of values, or one value (a number, boolean, or "NaN"-like string)
     * @param where how messages name the value
     */
    public static Tensor tensor(Object node, String where) {
        List<Integer> shape = new ArrayList<>();
        Object probe = node;
        while (probe instanceof List) {
            List<?> list = (List<?>) probe;
            shape.add(list.size());
            if (list.isEmpty()) {
                break;
            }
            probe = list.get(0);
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
    private static long countLeaves(Object node, int depth, int rank) {
        if (depth == rank || !(node instanceof List)) {
            return 1;
        }
        long n = 0;
        for (Object child : (List<?>) node) {
            n += countLeaves(child, depth + 1, rank);
        }
        return n;
    }

    private static void fill(Object node, int depth, int[] dims, double[] data, int[] cursor, String where) {
        if (depth == dims.length) {
            data[cursor[0]++] = number(node, where);
            return;
        }
        if (!(node instanceof List) || ((List<?>) node).size() != dims[depth]) {
            throw new GoldenFormatException(where + " is not a regular nested array (expected " + dims[depth]
                    + " elements at depth " + depth + ", got " + (node instanceof List
                            ? ((List<?>) node).size() + " elements" : show(node)) + ")");
        }
        for (Object child : (List<?>) node) {
            fill(child, depth + 1, dims, data, cursor, where);
        }
    }

    private static double number(Object node, String where) {
        if (node instanceof Number) {
            return ((Number) node).doubleValue();
        }
        if (node instanceof Boolean) {
            return (Boolean) node ? 1.0 : 0.0;
        }
        if (node instanceof String) {
            switch ((String) node) {
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
        throw new GoldenFormatException(where + " must hold numbers only, got " + show(node));
    }

    private static boolean isIntegral(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger;
    }

    private static String nonEmptyText(Object v) {
        return v instanceof String && !((String) v).isEmpty() ? (String) v : null;
    }

    private static String text(Object node) {
        return node == null ? null : node instanceof String ? (String) node : show(node);
    }

    /** A value as the file wrote it, for messages: JSON, on one line. */
    private static String show(Object v) {
        return Json.write(v).replaceAll("\\s*\n\\s*", " ").strip();
    }

    /** A JSON object's members as config values: insertion-ordered, with string keys. */
    private static Map<String, Object> toJava(Map<?, ?> object) {
        Map<String, Object> out = new LinkedHashMap<>();
        object.forEach((k, v) -> out.put((String) k, v));
        return out;
    }
}
