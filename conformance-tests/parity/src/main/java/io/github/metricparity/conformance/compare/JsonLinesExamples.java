package io.github.metricparity.conformance.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Examples from a JSON-lines file: one JSON object per line, {@code {"y_true": T, "y_pred": P, "sample_weight": W}},
 * where {@code T} and {@code P} are a number (a scalar per row) or nested arrays of numbers (the row's shape, e.g.
 * {@code [0, 1, 0]}; a bare {@code y_pred} number is a {@code (N, 1)} prediction, as a model's output has a last
 * axis), and {@code sample_weight} is an optional number (on every line or on none). The first line
 * fixes the shapes. For a model with several outputs, each output's keys have the prefix {@code <output>/}
 * ({@code {"cls/y_true": [2], "cls/y_pred": [0.1, 0.2, 0.7], "reg/y_true": [0.5], "reg/y_pred": [0.4],
 * "sample_weight": 1.5}}); {@code sample_weight} has none. This reader reads one output's keys. Blank lines are
 * skipped. Python: {@code for t, p in zip(y, y_hat): f.write(json.dumps({"y_true": t.tolist(), "y_pred":
 * p.tolist()}) + "\n")}.
 */
final class JsonLinesExamples implements ExampleSource {
    // Python's json.dumps writes NaN and Infinity bare
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    /** Nesting beyond this is no row of predictions. */
    private static final int MAX_RANK = 8;

    private final Path file;
    private final long size;
    private final CountingInput counting;
    private final BufferedReader reader;
    private long line;
    /** The first example, parsed to learn the shapes, returned by the first read. */
    private Example pending;
    private final int[] yTrueRow;
    private final int[] yPredRow;
    private final boolean weighted;
    private final String yTrueKey;
    private final String yPredKey;

    /** One parsed line. */
    private record Example(long line, Values yTrue, Values yPred, Double weight) {
    }

    /** The numbers of a nested array and its shape ({@code []} for a bare number). */
    private record Values(double[] data, int[] shape) {
    }

    JsonLinesExamples(Path file) {
        this(file, "");
    }

    /** @param prefix {@code <output>/} for one output of several, else empty */
    JsonLinesExamples(Path file, String prefix) {
        this.file = file;
        this.yTrueKey = prefix + "y_true";
        this.yPredKey = prefix + "y_pred";
        try {
            this.size = Files.size(file);
            this.counting = new CountingInput(Files.newInputStream(file));
        } catch (IOException e) {
            throw CompareException.in(file, "cannot read: " + e.getMessage());
        }
        this.reader = new BufferedReader(new BoundedLines(new InputStreamReader(counting, StandardCharsets.UTF_8),
                file), 1 << 16);
        this.pending = nextExample();
        if (pending == null) {
            throw CompareException.in(file, "no example: a JSON-lines file needs one {\"y_true\": ..., \"y_pred\": ...}"
                    + " object per line");
        }
        this.yTrueRow = pending.yTrue().shape();
        // a model's output always has a last axis: a bare number is a (N, 1) prediction, as Dense(1) gives
        this.yPredRow = pending.yPred().shape().length == 0 ? new int[] {1} : pending.yPred().shape();
        this.weighted = pending.weight() != null;
    }

    @Override
    public int[] yTrueRow() {
        return yTrueRow.clone();
    }

    @Override
    public int[] yPredRow() {
        return yPredRow.clone();
    }

    @Override
    public boolean weighted() {
        return weighted;
    }

    @Override
    public int read(Batch b) {
        int n = 0;
        while (n < b.capacity) {
            Example e = pending != null ? pending : nextExample();
            pending = null;
            if (e == null) {
                break;
            }
            put(e.yTrue(), yTrueRow, yTrueKey, e.line(), b.yTrue, n);
            boolean bareOne = e.yPred().shape().length == 0 && java.util.Arrays.equals(yPredRow, new int[] {1});
            put(e.yPred(), bareOne ? new int[0] : yPredRow, yPredKey, e.line(), b.yPred, n);
            if (weighted != (e.weight() != null)) {
                throw CompareException.at(file, e.line(), 1, weighted ? "no sample_weight, though the first line has"
                        + " one: give it on every line or on none" : "a sample_weight, though the first line has "
                        + "none: give it on every line or on none");
            }
            if (b.weights != null) {
                b.weights[n] = e.weight();
            }
            n++;
        }
        b.rows = n;
        return n;
    }

    private void put(Values v, int[] shape, String field, long line, double[] into, int row) {
        if (!java.util.Arrays.equals(v.shape(), shape)) {
            throw CompareException.at(file, line, 1, field + " has the shape " + Shapes.withN(v.shape())
                    + ", the first line's has " + Shapes.withN(shape) + ": every line needs the same shapes");
        }
        System.arraycopy(v.data(), 0, into, row * v.data().length, v.data().length);
    }

    private Example nextExample() {
        String text;
        do {
            try {
                text = reader.readLine();
            } catch (IOException e) {
                throw CompareException.at(file, line + 1, 1, "cannot read: " + e.getMessage());
            }
            line++;
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        try (JsonParser p = JSON.createParser(text)) {
            return example(p);
        } catch (JsonProcessingException e) {
            throw CompareException.at(file, line, e.getLocation() == null ? 1 : e.getLocation().getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CompareException.at(file, line, 1, "cannot read: " + e.getMessage());
        }
    }

    private Example example(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw error(p, "expected a JSON object {\"y_true\": ..., \"y_pred\": ...}");
        }
        Values yTrue = null;
        Values yPred = null;
        Double weight = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals(yTrueKey)) {
                yTrue = values(p, name);
                continue;
            }
            if (name.equals(yPredKey)) {
                yPred = values(p, name);
                continue;
            }
            switch (name) {
                case "sample_weight":
                    if (!p.currentToken().isNumeric()) {
                        throw error(p, "sample_weight must be a number");
                    }
                    weight = p.getDoubleValue();
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
        if (p.nextToken() != null) {
            throw error(p, "text after the JSON object: one object per line");
        }
        if (yTrue == null || yPred == null) {
            throw CompareException.at(file, line, 1, "no '" + (yTrue == null ? yTrueKey : yPredKey) + "' field");
        }
        return new Example(line, yTrue, yPred, weight);
    }

    /** A number or nested arrays of numbers, rectangular. */
    private Values values(JsonParser p, String field) throws IOException {
        List<Double> data = new ArrayList<>();
        int[] shape = collect(p, field, 0, data);
        double[] d = new double[data.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = data.get(i);
        }
        return new Values(d, shape);
    }

    /** Adds the numbers under the current token to {@code data}; returns their shape. */
    private int[] collect(JsonParser p, String field, int depth, List<Double> data) throws IOException {
        JsonToken t = p.currentToken();
        if (t.isNumeric()) {
            data.add(p.getDoubleValue());
            return new int[0];
        }
        if (t == JsonToken.VALUE_STRING) {
            // "NaN" and "Infinity" as Python's json module writes them unquoted are not JSON; quoted they are read
            data.add(Numbers.parse(p.getText(), file, line, p.currentTokenLocation().getColumnNr()));
            return new int[0];
        }
        if (t != JsonToken.START_ARRAY) {
            throw error(p, field + " must be a number or an array of numbers, not " + t.asString());
        }
        if (depth >= MAX_RANK) {
            throw error(p, field + " is nested deeper than " + MAX_RANK + " arrays");
        }
        int n = 0;
        int[] inner = null;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int[] s = collect(p, field, depth + 1, data);
            if (inner == null) {
                inner = s;
            } else if (!java.util.Arrays.equals(inner, s)) {
                throw error(p, field + " is not rectangular: an element of shape " + java.util.Arrays.toString(s)
                        + " after elements of shape " + java.util.Arrays.toString(inner));
            }
            n++;
        }
        if (n == 0) {
            throw error(p, field + " holds an empty array");
        }
        int[] shape = new int[inner.length + 1];
        shape[0] = n;
        System.arraycopy(inner, 0, shape, 1, inner.length);
        return shape;
    }

    private CompareException error(JsonParser p, String message) {
        return CompareException.at(file, line, p.currentTokenLocation().getColumnNr(), message);
    }

    @Override
    public List<Path> files() {
        return List.of(file);
    }

    @Override
    public long totalBytes() {
        return size;
    }

    @Override
    public long bytesRead() {
        return counting.count();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // a read-only file
        }
    }
}
