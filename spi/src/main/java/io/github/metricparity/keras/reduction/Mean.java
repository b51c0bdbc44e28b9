package io.github.metricparity.keras.reduction;

import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.internal.Contracts;
import io.github.metricparity.keras.internal.Inputs;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;

/**
 * Keras {@code Mean}: the weighted mean of the values given to {@link #updateValues}
 * ({@code metrics/reduction_metrics.py}). {@code Mean.update([1,3,5,7], 2)} then {@code update([10])} gives 6.0:
 * a scalar weight makes the whole batch one sample.
 */
public final class Mean extends MeanBase implements ValuesMetric {
    public static final MetricSpec DEFINITION = MetricSpec.builder("Mean", "reduction_metrics")
            .contract(Contracts.rows(Labels.NONE, Predictions.VALUES))
            .factory(Mean::new)
            .build();

    public Mean(MetricConfig config) {
        super(config);
    }

    @Override
    public void updateValues(Tensor values, Tensor sampleWeight) {
        Inputs.requireFinite(this, "values", values);
        if (sampleWeight != null) {
            Inputs.requireFinite(this, "sample_weight", sampleWeight);
        }
        // values arrive as float32 (a Python list becomes a float32 tensor before ops.cast to the metric dtype)
        Tensor input = KerasShapes.rounded(values, Numerics.INPUT_DTYPE);
        transact(() -> accumulate(input, sampleWeight, null));
    }

    @Override
    protected void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        throw new InvalidInputException("Mean takes update_state(values, sample_weight), not (y_true, y_pred): "
                + "use updateValues");
    }
}
