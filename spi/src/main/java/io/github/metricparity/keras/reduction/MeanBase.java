package io.github.metricparity.keras.reduction;

import io.github.metricparity.keras.internal.AbstractMetric;
import io.github.metricparity.keras.internal.Fused;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.internal.StateVariable;
import io.github.metricparity.spi.Tensor;

/**
 * State and result of Keras {@code Mean}: variables {@code total} and {@code count}, result
 * {@code divide_no_nan(total, count)} (0 before any update). Base of {@link Mean}, {@link MeanMetricWrapper} and
 * every metric Keras derives from them.
 */
public abstract class MeanBase extends AbstractMetric {
    private final StateVariable total;
    private final StateVariable count;

    protected MeanBase(MetricConfig config) {
        super(config);
        this.total = addVariable("total");
        this.count = addVariable("count");
    }

    /** Adds values with Keras's sample-weight rules ({@link SamplewiseReduction}). */
    protected final void accumulate(Tensor values, Tensor sampleWeight, Tensor mask) {
        SamplewiseReduction.Contribution c = SamplewiseReduction.reduce(values, sampleWeight, mask, true, dtype());
        total.add(c.total());
        count.add(c.count());
    }

    /** Adds an already reduced contribution (fused fast paths). */
    protected final void accumulate(double totalDelta, double countDelta) {
        total.add(totalDelta);
        count.add(countDelta);
    }

    /** Adds a fused update's contribution; false, adding nothing, when the fused update declined (null). */
    protected final boolean accumulateFused(SamplewiseReduction.Contribution c) {
        if (c == null) {
            return false;
        }
        accumulate(c.total(), c.count());
        return true;
    }

    /**
     * The sample weights of a fused update over the rows of {@code yPred}, read in this metric's dtype: null when
     * there are none, {@link Fused.Weights#UNFIT} when the fused update must decline (a weight that is not one per
     * row, a non-floating metric dtype, a scalar {@code y_pred}).
     */
    protected final Fused.Weights fusedWeights(Tensor sampleWeight, Tensor yPred) {
        if (!Fused.floating(dtype()) || yPred.rank() == 0) {
            return Fused.Weights.UNFIT;
        }
        return Fused.Weights.perRow(sampleWeight, yPred.dim(0), dtype());
    }

    /** The accumulated total. */
    protected final double total() {
        return total.get();
    }

    /** The accumulated count (sum of weights). */
    protected final double count() {
        return count.get();
    }

    @Override
    protected Tensor computeResult() {
        return Tensor.scalar(Numerics.divideNoNan(total.get(), count.get()));
    }
}
