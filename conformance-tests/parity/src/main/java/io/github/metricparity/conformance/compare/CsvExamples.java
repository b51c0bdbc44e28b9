package io.github.metricparity.conformance.compare;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Examples from a CSV file with a header row (RFC 4180, read with Commons CSV). Columns:
 * <ul>
 *   <li>{@code y_true}: one scalar target per row ({@code y_true} of shape {@code (N,)}), or {@code y_true_0},
 *       {@code y_true_1}, ...: a vector per row ({@code (N, k)}; a single {@code y_true_0} is {@code (N, 1)});</li>
 *   <li>{@code y_pred} or {@code y_pred_0}, {@code y_pred_1}, ...: the predictions, always {@code (N, k)} (a
 *       model's output has a last axis: one column is {@code (N, 1)}, as {@code Dense(1)} gives);</li>
 *   <li>{@code sample_weight}: optional, one weight per row.</li>
 * </ul>
 * For a model with several outputs, each output's {@code y_true}/{@code y_pred} columns are named with the prefix
 * {@code <output>/} ({@code cls/y_true_0}, {@code cls/y_pred_0}, ...); {@code sample_weight} has none (one weight per
 * example for every output, as Keras's {@code sample_weight}). This reader reads one output's columns.
 * Other columns (an index, an id) are ignored. Values are decimal numbers ({@code nan}/{@code inf} are read as such
 * and refused by the metrics).
 */
final class CsvExamples implements ExampleSource {
    private static final Pattern INDEXED = Pattern.compile("(y_true|y_pred)_(\\d{1,7})");

    private final Path file;
    private final long size;
    private final CountingInput counting;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int[] yTrueColumns;
    private final int[] yPredColumns;
    private final int weightColumn;
    private final boolean yTrueScalar;

    CsvExamples(Path file) {
        this(file, "");
    }

    /** @param prefix {@code <output>/} for one output of several, else empty */
    CsvExamples(Path file, String prefix) {
        this.file = file;
        try {
            this.size = Files.size(file);
            this.counting = new CountingInput(Files.newInputStream(file));
            this.parser = CSVParser.builder()
                    .setReader(new BoundedLines(new InputStreamReader(counting, StandardCharsets.UTF_8), file))
                    .setFormat(CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get())
                    .get();
            this.records = parser.iterator();
        } catch (IOException e) {
            throw CompareException.in(file, "cannot read: " + e.getMessage());
        }
        if (!next()) {
            throw CompareException.in(file, "empty: a CSV file needs a header row naming y_true and y_pred columns");
        }
        CSVRecord header = records.next();
        Map<Integer, Integer> trueIdx = new TreeMap<>();
        Map<Integer, Integer> predIdx = new TreeMap<>();
        int yt = -1;
        int yp = -1;
        int w = -1;
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (column.equals("sample_weight")) {
                w = unique(w, i, header, column);
                continue;
            }
            if (!column.startsWith(prefix)) {
                continue;
            }
            String name = column.substring(prefix.length());
            Matcher m = INDEXED.matcher(name);
            if (name.equals("y_true")) {
                yt = unique(yt, i, header, name);
            } else if (name.equals("y_pred")) {
                yp = unique(yp, i, header, name);
            } else if (m.matches()) {
                Map<Integer, Integer> idx = m.group(1).equals("y_true") ? trueIdx : predIdx;
                if (idx.put(Integer.parseInt(m.group(2)), i) != null) {
                    throw CompareException.at(file, 1, i + 1, "column '" + column + "' appears twice in the header");
                }
            }
        }
        this.yTrueColumns = columns(prefix + "y_true", yt, trueIdx, header);
        this.yPredColumns = columns(prefix + "y_pred", yp, predIdx, header);
        this.yTrueScalar = yt >= 0;
        this.weightColumn = w;
    }

    private boolean next() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw malformed(e);
        }
    }

    private CompareException malformed(RuntimeException e) {
        if (e.getCause() instanceof CompareException c) {
            return c;
        }
        return CompareException.at(file, parser.getCurrentLineNumber() + 1, 1, "malformed CSV: "
                + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
    }

    private int unique(int seen, int i, CSVRecord header, String name) {
        if (seen >= 0) {
            throw CompareException.at(file, 1, i + 1, "column '" + name + "' appears twice in the header");
        }
        return i;
    }

    private int[] columns(String what, int scalar, Map<Integer, Integer> indexed, CSVRecord header) {
        if (scalar >= 0 && !indexed.isEmpty()) {
            throw CompareException.at(file, 1, scalar + 1, "both '" + what + "' and '" + what + "_<i>' columns: "
                    + "use '" + what + "' for one value per row or " + what + "_0, " + what + "_1, ... for a vector");
        }
        if (scalar >= 0) {
            return new int[] {scalar};
        }
        if (indexed.isEmpty()) {
            throw CompareException.at(file, 1, 1, "no '" + what + "' column in the header " + header.toList()
                    + ": name it '" + what + "' (one value per row) or " + what + "_0, " + what + "_1, ...");
        }
        int[] cols = new int[indexed.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : indexed.entrySet()) {
            if (e.getKey() != k) {
                throw CompareException.at(file, 1, e.getValue() + 1, "column '" + what + "_" + e.getKey()
                        + "' without '" + what + "_" + k + "': indexed columns count from 0 without gaps");
            }
            cols[k++] = e.getValue();
        }
        return cols;
    }

    @Override
    public int[] yTrueRow() {
        return yTrueScalar ? new int[0] : new int[] {yTrueColumns.length};
    }

    @Override
    public int[] yPredRow() {
        // a model's output always has a last axis: one column of predictions is (N, 1), as Dense(1) gives
        return new int[] {yPredColumns.length};
    }

    @Override
    public boolean weighted() {
        return weightColumn >= 0;
    }

    @Override
    public int read(Batch b) {
        int n = 0;
        while (n < b.capacity && next()) {
            CSVRecord r;
            try {
                r = records.next();
            } catch (UncheckedIOException e) {
                throw malformed(e);
            }
            long line = r.getParser().getCurrentLineNumber();
            copy(r, line, yTrueColumns, b.yTrue, n * yTrueColumns.length);
            copy(r, line, yPredColumns, b.yPred, n * yPredColumns.length);
            if (b.weights != null) {
                b.weights[n] = value(r, line, weightColumn);
            }
            n++;
        }
        b.rows = n;
        return n;
    }

    private void copy(CSVRecord r, long line, int[] cols, double[] into, int at) {
        for (int k = 0; k < cols.length; k++) {
            into[at + k] = value(r, line, cols[k]);
        }
    }

    private double value(CSVRecord r, long line, int col) {
        if (col >= r.size()) {
            throw CompareException.at(file, line, col + 1, "the row has " + r.size() + " fields, the header names "
                    + "this column " + (col + 1));
        }
        return Numbers.parse(r.get(col), file, line, col + 1);
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
            parser.close();
        } catch (IOException e) {
            // closing a read-only file: nothing left to lose
        }
    }
}
