package io.github.metricparity.keras.internal;

import io.github.metricparity.keras.reduction.SamplewiseReduction.Contribution;
import io.github.metricparity.spi.DType;
import java.util.function.Supplier;

/**
 * The fused update of a per-row loss: the rows' values, computed a chunk at a time, cast to the metric dtype and
 * summed (weighted) in row order, as {@code SamplewiseReduction} sums the generic path's per-sample tensor (a batch
 * of more than {@link Shards#MIN_ELEMENTS} values is summed shard by shard, over the cores). An instance keeps the
 * scratch of the calling thread ({@code S}, made on first use) between batches: confine it to one thread (a
 * metric's, as the metric is).
 *
 * @param <S> the block arrays the row loop computes with
 */
public final class RowSums<S> {
    /** Rows per chunk. */
    public static final int CHUNK = 1024;

    /** Computes the values of a run of rows. */
    public interface Rows<S> {
        /** Rows {@code [first, first + count)} into {@code values[0..count)}; false to decline the batch. */
        boolean rows(S scratch, int first, int count, double[] values);
    }

    private final Supplier<S> scratch;
    private Scratch<S> own;

    /** @param scratch makes the block arrays of one thread */
    public RowSums(Supplier<S> scratch) {
        this.scratch = scratch;
    }

    /** The block arrays and the chunk of row values of one thread. */
    private record Scratch<S>(S blocks, double[] chunk) {
    }

    /**
     * What the {@code rows} rows of {@code width} values add to {@code total} and {@code count}, or null when a
     * chunk or a weight declines, or the total is not finite.
     */
    public Contribution contribution(Rows<S> source, int rows, int width, Fused.Weights w, DType dtype) {
        if (own == null) {
            own = fresh();
        }
        Contribution c = Shards.sum(rows, width, own, this::fresh,
                (s, first, count) -> sum(source, s, first, count, w, dtype));
        // a row that is not finite (a log of zero, NaN from a row of zeros): the generic path refuses it or gives
        // the same NaN, with its messages
        if (c == null || !Double.isFinite(c.total()) || w != null && w.nonFiniteFlags(rows) < 0) {
            return null;
        }
        return c;
    }

    private Scratch<S> fresh() {
        return new Scratch<>(scratch.get(), new double[CHUNK]);
    }

    private static <S> Contribution sum(Rows<S> source, Scratch<S> s, int from, int rows, Fused.Weights w,
            DType dtype) {
        double[] chunk = s.chunk();
        double total = 0;
        double count = 0;
        for (int first = from; first < from + rows; first += CHUNK) {
            int n = Math.min(CHUNK, from + rows - first);
            if (!source.rows(s.blocks(), first, n, chunk)) {
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
        return new Contribution(total, w == null ? rows : count);
    }
}
