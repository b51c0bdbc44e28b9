package io.github.metricparity.conformance.compare;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Metric values recorded by Keras, read from one of the files Keras users have:
 * <ul>
 *   <li>{@code model.evaluate(x, y, return_dict=True)} dumped as JSON: {@code {"loss": 0.31, "accuracy": 0.84}};</li>
 *   <li>{@code History.history} dumped as JSON: {@code {"loss": [...], "val_accuracy": [...]}}, one value per
 *       epoch;</li>
 *   <li>a {@code CSVLogger} file: a header {@code epoch,accuracy,loss,val_accuracy,...} and one row per epoch.</li>
 * </ul>
 * Of an epoch history the chosen epoch (default: the last) is taken. The format is told from the content.
 *
 * @param file   the file read
 * @param format what it was: {@code evaluate}, {@code history} or {@code csvlogger}
 * @param epoch  the epoch taken (0-based as Keras counts), or -1 for an evaluate dict
 * @param values every recorded value by its key
 */
public record RecordedValues(Path file, String format, int epoch, Map<String, Double> values) {
    /** A recorded-values file is a few kilobytes; this bounds what a wrong file can make the reader hold. */
    static final long MAX_BYTES = 16L << 20;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build());
    }

    public RecordedValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Reads a recorded-values file.
     *
     * @param epoch the epoch of a history to take (0-based), or null for the last
     * @throws CompareException naming the file, line and column of what is wrong
     */
    public static RecordedValues read(Path file, Integer epoch) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw CompareException.in(file, "cannot read: " + e.getMessage());
        }
        if (size > MAX_BYTES) {
            throw CompareException.in(file, size + " bytes: more than a file of recorded metric values holds ("
                    + MAX_BYTES + " at most); give the evaluate() dict, History.history or the CSVLogger file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CompareException.in(file, "cannot read as UTF-8 text: " + e.getMessage());
        }
        String start = text.stripLeading();
        return start.startsWith("{") ? json(file, text, epoch) : csv(file, text, epoch);
    }

    private static RecordedValues json(Path file, String text, Integer epoch) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw CompareException.at(file, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw CompareException.at(file, 1, 1, "expected a JSON object of metric values, e.g. the dict of "
                    + "model.evaluate(..., return_dict=True) or History.history");
        }
        boolean history = root.elements().next().isArray();
        Map<String, Double> values = new LinkedHashMap<>();
        int epochs = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (history != v.isArray()) {
                throw CompareException.in(file, "'" + e.getKey() + "' is " + (v.isArray() ? "a list" : "not a list")
                        + " while the first key's value is" + (history ? "" : " not") + ": a file holds either an "
                        + "evaluate() dict (numbers) or History.history (lists, one value per epoch)");
            }
            if (history) {
                if (epochs < 0) {
                    epochs = v.size();
                } else if (v.size() != epochs) {
                    throw CompareException.in(file, "'" + e.getKey() + "' has " + v.size() + " epochs, others "
                            + epochs + ": History.history has one value per epoch for every key");
                }
                int k = pick(file, epoch, epochs);
                values.put(e.getKey(), number(file, e.getKey(), v.get(k)));
            } else {
                values.put(e.getKey(), number(file, e.getKey(), v));
            }
        }
        return new RecordedValues(file, history ? "history" : "evaluate", history ? pick(file, epoch, epochs) : -1,
                values);
    }

    private static int pick(Path file, Integer epoch, int epochs) {
        if (epochs == 0) {
            throw CompareException.in(file, "no epoch recorded");
        }
        if (epoch == null) {
            return epochs - 1;
        }
        if (epoch < 0 || epoch >= epochs) {
            throw CompareException.in(file, "--epoch " + epoch + ": the file records epochs 0 to " + (epochs - 1));
        }
        return epoch;
    }

    private static double number(Path file, String key, JsonNode v) {
        if (v == null || !v.isNumber()) {
            throw CompareException.in(file, "'" + key + "' holds " + (v == null ? "nothing" : v.getNodeType())
                    + " where a number belongs");
        }
        return v.doubleValue();
    }

    private static RecordedValues csv(Path file, String text, Integer epoch) {
        List<CSVRecord> rows;
        Reader reader = new BoundedLines(new java.io.StringReader(text), file);
        try (CSVParser p = CSVParser.builder().setReader(reader)
                .setFormat(CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get()).get()) {
            rows = p.getRecords();
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof CompareException c) {
                throw c;
            }
            if (e instanceof CompareException c) {
                throw c;
            }
            throw CompareException.in(file, "neither JSON nor CSV: " + e.getMessage());
        }
        if (rows.size() < 2) {
            throw CompareException.at(file, 1, 1, "a CSVLogger file needs a header (epoch,loss,...) and one row per "
                    + "epoch; this one has " + rows.size() + " row(s). JSON is told by a leading '{'");
        }
        CSVRecord header = rows.get(0);
        int epochColumn = header.toList().indexOf("epoch");
        if (epochColumn < 0) {
            throw CompareException.at(file, 1, 1, "no 'epoch' column in the header " + header.toList()
                    + ": not a CSVLogger file");
        }
        int k = pick(file, epoch, rows.size() - 1);
        CSVRecord row = rows.get(k + 1);
        long line = row.getRecordNumber();
        if (row.size() != header.size()) {
            throw CompareException.at(file, line, 1, "the row has " + row.size() + " fields, the header "
                    + header.size());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != epochColumn) {
                values.put(header.get(i), Numbers.parse(row.get(i), file, line, i + 1));
            }
        }
        return new RecordedValues(file, "csvlogger", k, values);
    }

    /** The recorded value of a metric: {@code prefix + name}; null when absent. */
    public Double get(String prefix, String name) {
        return values.get(prefix + name);
    }
}
