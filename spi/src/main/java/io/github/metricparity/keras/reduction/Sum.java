package io.github.metricparity.keras.reduction;

import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.internal.AbstractMetric;
import io.github.metricparity.keras.internal.Contracts;
import io.github.metricparity.keras.internal.Inputs;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.internal.StateVariable;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;

/**
 * Keras {@code Sum}: the weighted sum of the values ({@code metrics/reduction_metrics.py}); the weighting rules
 * are those of {@link Mean} with sums in place of means.
 */
public final class Sum extends AbstractMetric implements ValuesMetric {
    public static final MetricSpec DEFINITION = MetricSpec.builder("Sum", "reduction_metrics")
            .contract(Contracts.rows(Labels.NONE, Predictions.VALUES))
            .factory(Sum::new)
            .build();

    private final StateVariable total;

    public Sum(MetricConfig config) {
        super(config);
        this.total = addVariable("total");
    }

    @Override
    public void updateValues(Tensor values, Tensor sampleWeight) {
        Inputs.requireFinite(this, "values", values);
        if (sampleWeight != null) {
            Inputs.requireFinite(this, "sample_weight", sampleWeight);
        }
        // values arrive as float32 (a Python list becomes a float32 tensor before ops.cast to the metric dtype)
        Tensor input = KerasShapes.rounded(values, Numerics.INPUT_DTYPE);
        transact(() -> total.add(SamplewiseReduction.reduce(input, sampleWeight, null, false, dtype()).total()));
    }

    @Override
    protected void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        throw new InvalidInputException("Sum takes update_state(values, sample_weight), not (y_true, y_pred): "
                + "use updateValues");
    }

    @Override
    protected Tensor computeResult() {
        return Tensor.scalar(total.get());
    }
}
