package io.github.metricparity.conformance.report;

import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.GoldenRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Golden results as a matrix: one row per metric, one cell per adapter. */
public final class Matrix {
    private final List<String> adapters;
    private final Map<String, Map<String, Cell>> rows;

    private Matrix(List<String> adapters, Map<String, Map<String, Cell>> rows) {
        this.adapters = adapters;
        this.rows = rows;
    }

    /** One cell: case counts and the largest error seen. */
    public static final class Cell {
        private int passed;
        private int failed;
        private int skipped;
        private double maxAbsError;

        void add(CaseResult r) {
            switch (r.status()) {
                case PASSED:
                    passed++;
                    break;
                case FAILED:
                    failed++;
                    break;
                default:
                    skipped++;
                    break;
            }
            if (r.status() != CaseResult.Status.SKIPPED) {
                maxAbsError = Math.max(maxAbsError, r.maxAbsError());
            }
        }

        public int passed() {
            return passed;
        }

        public int failed() {
            return failed;
        }

        public int skipped() {
            return skipped;
        }

        public double maxAbsError() {
            return maxAbsError;
        }

        /** {@code pass}, {@code FAIL}, {@code skip} or {@code -} (no case). */
        public String verdict() {
            if (failed > 0) {
                return "FAIL";
            }
            if (passed > 0) {
                return "pass";
            }
            return skipped > 0 ? "skip" : "-";
        }
    }

    static Matrix of(List<String> adapters, List<CaseResult> results) {
        Map<String, Map<String, Cell>> rows = new TreeMap<>();
        for (CaseResult r : results) {
            Map<String, Cell> row = rows.computeIfAbsent(metricOf(r), k -> new LinkedHashMap<>());
            row.computeIfAbsent(r.adapter(), k -> new Cell()).add(r);
        }
        return new Matrix(List.copyOf(adapters), rows);
    }

    /** The metric a result belongs to: the Keras class its metric string resolves to (aliases join their class). */
    static String metricOf(CaseResult r) {
        return GoldenRunner.resolvedClassName(r.goldenCase());
    }

    public List<String> adapters() {
        return adapters;
    }

    public List<String> metrics() {
        return new ArrayList<>(rows.keySet());
    }

    /** The cell, or an empty one. */
    public Cell cell(String metric, String adapter) {
        Map<String, Cell> row = rows.get(metric);
        Cell c = row == null ? null : row.get(adapter);
        return c == null ? new Cell() : c;
    }
}
