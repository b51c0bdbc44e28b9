package io.github.metricparity.keras.internal;

import io.github.metricparity.keras.reduction.SamplewiseReduction.Contribution;
import io.github.metricparity.spi.DType;

/**
 * The fused update of a per-row loss: the rows' values, computed a chunk at a time, cast to the metric dtype and
 * summed (weighted) in row order, exactly as {@code SamplewiseReduction} sums the generic path's per-sample tensor.
 * An instance keeps the chunk of row values between batches: confine it to one thread (a metric's, as the metric
 * is).
 */
public final class RowSums {
    /** Rows per chunk. */
    public static final int CHUNK = 1024;

    /** Computes the values of a run of rows. */
    public interface Rows {
        /** Rows {@code [first, first + count)} into {@code values[0..count)}; false to decline the batch. */
        boolean rows(int first, int count, double[] values);
    }

    private double[] chunk;

    /**
     * What {@code rows} rows add to {@code total} and {@code count}, or null when a chunk or a weight declines, or
     * the total is not finite.
     */
    public Contribution contribution(Rows source, int rows, Fused.Weights w, DType dtype) {
        if (chunk == null) {
            chunk = new double[CHUNK];
        }
        double total = 0;
        double count = 0;
        for (int first = 0; first < rows; first += CHUNK) {
            int n = Math.min(CHUNK, rows - first);
            if (!source.rows(first, n, chunk)) {
                return null;
            }
            if (w == null) {
                for (int i = 0; i < n; i++) {
                    total += dtype.round(chunk[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double wi = w.get(first + i);
                    total += dtype.round(chunk[i]) * wi;
                    count += wi;
                }
            }
        }
        // a row that is not finite (a log of zero, NaN from a row of zeros): the generic path refuses it or gives
        // the same NaN, with its messages
        if (!Double.isFinite(total) || w != null && w.nonFiniteFlags(rows) < 0) {
            return null;
        }
        return new Contribution(total, w == null ? rows : count);
    }
}
