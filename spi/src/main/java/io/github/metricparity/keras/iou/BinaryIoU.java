package io.github.metricparity.keras.iou;

import io.github.metricparity.keras.internal.Fused;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.spi.Tensor;

/**
 * Keras {@code BinaryIoU}: IoU over classes 0 and 1 after {@code y_pred >= threshold} (INCLUSIVE, unlike the strict
 * {@code >} of BinaryAccuracy and the confusion metrics). {@code y_pred} and the threshold are compared in float32
 * whatever the metric dtype ({@code iou_metrics.py:448-452}).
 */
final class BinaryIoU extends IoU {
    private final float threshold;

    BinaryIoU(MetricConfig config) {
        super(config, true);
        this.threshold = (float) config.getDouble("threshold");
    }

    /** The threshold makes new predictions first: the generic path. */
    @Override
    protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
        return false;
    }

    @Override
    Tensor preparePredictions(Tensor yPred) {
        double[] out = new double[yPred.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) yPred.get(i) >= threshold ? 1.0 : 0.0;
        }
        return Tensor.of(out, yPred.shape());
    }
}
