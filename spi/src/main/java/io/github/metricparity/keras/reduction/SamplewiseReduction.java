package io.github.metricparity.keras.reduction;

import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Tensor;

/**
 * Keras {@code reduce_to_samplewise_values} followed by the {@code Mean}/{@code Sum} update
 * ({@code metrics/reduction_metrics.py}): how per-element values and a sample weight of any broadcastable shape
 * become a total and a count.
 *
 * <ol>
 *   <li>Values and weight are cast to the metric dtype ({@code ops.cast(values, dtype)}).</li>
 *   <li>A keras mask on the values (SparseCategoricalCrossentropy's {@code ignore_class}) multiplies the weight,
 *       <em>only when a weight is given</em>.</li>
 *   <li>Values and weight are reconciled with {@code squeeze_or_expand_to_same_rank}.</li>
 *   <li>Values with more axes than the weight are reduced (mean, or sum for {@code Sum}) over the extra trailing
 *       axes: a scalar weight therefore turns the whole batch into ONE sample of weight {@code w}.</li>
 *   <li>The weight is broadcast to the values, multiplied in, and reduced over its own trailing axes.</li>
 *   <li>{@code total += sum(values)}; {@code count += sum(weight)}, or the batch size without a weight.</li>
 * </ol>
 */
public final class SamplewiseReduction {
    private SamplewiseReduction() {
    }

    /** What one update adds to the state. */
    public record Contribution(double total, double count) {
    }

    /**
     * @param values per-element values; rounded to {@code dtype} as Keras casts them
     * @param weight sample weight or null; rounded to {@code dtype} as Keras casts it
     * @param mask   keras mask of the values (1 keep, 0 drop) or null
     * @param mean   true for Mean-based metrics, false for {@code Sum}
     */
    public static Contribution reduce(Tensor values, Tensor weight, Tensor mask, boolean mean, DType dtype) {
        // reduction_metrics.py:13: values = ops.cast(values, dtype=dtype), with or without a weight
        values = KerasShapes.rounded(values, dtype);
        if (weight == null) {
            return unweighted(values, mean);
        }
        Tensor w = KerasShapes.rounded(weight, dtype);
        if (mask != null) {
            Tensor[] mw = KerasShapes.squeezeOrExpandToSameRank(mask, w, true);
            w = KerasShapes.multiply(mw[1], mw[0], "sample_weight and mask");
        }
        Tensor[] vw = KerasShapes.squeezeOrExpandToSameRank(values, w, true);
        Tensor v = vw[0];
        w = vw[1];
        if (v.rank() == 1 && w.rank() == 1 && v.size() == w.size()) {
            double total = 0;
            double count = 0;
            for (int i = 0; i < v.size(); i++) {
                double wi = w.get(i);
                total += v.get(i) * wi;
                count += wi;
            }
            return new Contribution(total, count);
        }
        int weightRank = w.rank();
        if (v.rank() > weightRank) {
            v = KerasShapes.reduceTrailing(v, weightRank, mean);
        }
        Tensor wb = KerasShapes.broadcastTo(w, v.shape(), "sample_weight");
        double total = 0;
        double[] weighted = new double[v.size()];
        for (int i = 0; i < weighted.length; i++) {
            weighted[i] = v.get(i) * wb.get(i);
        }
        Tensor wv = Tensor.of(weighted, v.shape());
        if (weightRank > 1) {
            wb = KerasShapes.reduceTrailing(wb, 1, mean);
        }
        if (wv.rank() > 1) {
            wv = KerasShapes.reduceTrailing(wv, 1, mean);
        }
        total += KerasShapes.sum(wv);
        return new Contribution(total, KerasShapes.sum(wb));
    }

    private static Contribution unweighted(Tensor values, boolean mean) {
        int rank = values.rank();
        if (rank <= 1) {
            return new Contribution(KerasShapes.sum(values), rank == 0 ? 1 : values.size());
        }
        Tensor perSample = KerasShapes.reduceTrailing(values, 1, mean);
        return new Contribution(KerasShapes.sum(perSample), values.dim(0));
    }
}
