package io.github.metricparity.dl4j;

import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code dl4j} provider's {@code Mean} and {@code Sum}: Keras {@code update_state(values, sample_weight)} on ND4J
 * arrays. The values cross to the reference metric as {@link Tensor}s (one bulk copy each). Not thread-safe.
 */
public final class Nd4jValuesMetric extends Nd4jMetric implements ValuesMetric {

    Nd4jValuesMetric(ValuesMetric reference) {
        super(reference);
    }

    /**
     * Accumulates values, weighted as Keras {@code reduce_to_samplewise_values} does.
     *
     * @throws io.github.metricparity.spi.InvalidInputException if refused; the state is then unchanged
     */
    public void updateValues(INDArray values, INDArray sampleWeight) {
        updateValues(Nd4jTensors.toTensor(values), Nd4jTensors.toTensor(sampleWeight));
    }

    @Override
    public void updateValues(Tensor values, Tensor sampleWeight) {
        ((ValuesMetric) reference()).updateValues(values, sampleWeight);
    }
}
