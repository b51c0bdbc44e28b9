package io.github.metricparity.keras.hinge;

import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.internal.Contracts;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.reduction.MeanMetricWrapper;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import java.util.List;

/**
 * The classes of Keras {@code metrics/hinge_metrics.py}; the per-sample functions are {@code hinge},
 * {@code squared_hinge} and {@code categorical_hinge} of {@code losses/losses.py}.
 *
 * <ul>
 *   <li>{@code Hinge}/{@code SquaredHinge}: {@code mean(max(1 - y*p, 0)[^2], -1)}. Labels are converted with
 *       {@code 2y - 1} only when EVERY label of the batch is 0 or 1 ({@code convert_binary_labels_to_hinge}): a batch
 *       of {0, 1} labels is taken as binary, a batch holding any other value (-1, 0.5, ...) is used as is, so one
 *       batch {@code [0, 1]} and one batch {@code [-1, 0, 1]} treat their zeros differently.</li>
 *   <li>{@code CategoricalHinge}: {@code max(neg - pos + 1, 0)} with {@code pos = sum(y*p, -1)} and
 *       {@code neg = max((1 - y)*p, -1)}: the true class's slot contributes 0 to the max, so a row of negative scores
 *       has {@code neg = 0}; no label conversion.</li>
 *   <li>As metrics these functions do NOT reconcile ranks ({@code MeanMetricWrapper} calls them directly; only the
 *       loss classes squeeze): {@code y_true} and {@code y_pred} broadcast as numpy does, so {@code (N,)} against
 *       {@code (N,1)} is an {@code (N,N)} comparison of every label with every prediction, exactly as in Keras.</li>
 * </ul>
 * The functions compute in float32, the dtype of their inputs ({@link Numerics#INPUT_DTYPE}), rounding each
 * element-wise step; the per-sample values are then cast to the metric dtype (an integer dtype truncates them).
 */
public final class HingeMetrics {
    private static final String FAMILY = "hinge_metrics";

    public static final MetricSpec HINGE = MetricSpec.builder("Hinge", FAMILY)
            .function("hinge")
            .contract(Contracts.rows(Labels.SIGNED_BINARY, Predictions.SCORES))
            .lowerIsBetter()
            .factory(Hinge::new)
            .build();

    public static final MetricSpec SQUARED_HINGE = MetricSpec.builder("SquaredHinge", FAMILY)
            .function("squared_hinge")
            .contract(Contracts.rows(Labels.SIGNED_BINARY, Predictions.SCORES))
            .lowerIsBetter()
            .factory(SquaredHinge::new)
            .build();

    public static final MetricSpec CATEGORICAL_HINGE = MetricSpec.builder("CategoricalHinge", FAMILY)
            .function("categorical_hinge")
            .contract(Contracts.rows(Labels.ONE_HOT, Predictions.SCORES))
            .lowerIsBetter()
            .factory(CategoricalHinge::new)
            .build();

    public static final List<MetricSpec> DEFINITIONS = List.of(HINGE, SQUARED_HINGE, CATEGORICAL_HINGE);

    private HingeMetrics() {
    }

    /** Per-sample values; refuses a scalar, which {@code ops.mean(x, axis=-1)} cannot reduce. */
    private static Tensor meanLastAxis(Tensor terms, Tensor yTrue, Tensor yPred, DType w) {
        if (terms.rank() == 0) {
            throw new InvalidInputException("y_true of shape " + yTrue.shapeString() + " and y_pred of shape "
                    + yPred.shapeString() + " give a scalar; the mean over axis -1 needs rank >= 1");
        }
        Tensor means = KerasShapes.reduceTrailingAxis(terms, true);
        double[] out = new double[means.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = w.round(means.get(i));
        }
        return Tensor.of(out, means.shape());
    }

    /** {@code convert_binary_labels_to_hinge}: {@code 2y - 1} if every label of the batch is 0 or 1. */
    private static Tensor hingeLabels(Tensor yTrue, DType w) {
        int n = yTrue.size();
        double[] labels = new double[n];
        boolean binary = true;
        for (int i = 0; i < n; i++) {
            labels[i] = w.round(yTrue.get(i));
            binary &= labels[i] == 0.0 || labels[i] == 1.0;
        }
        if (binary) {
            for (int i = 0; i < n; i++) {
                labels[i] = 2.0 * labels[i] - 1.0;
            }
        }
        return Tensor.of(labels, yTrue.shape());
    }

    /** Shared body of Hinge and SquaredHinge. */
    private abstract static class MarginMetric extends MeanMetricWrapper {
        private final boolean squared;

        MarginMetric(MetricConfig config, boolean squared) {
            super(config);
            this.squared = squared;
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            DType w = Numerics.INPUT_DTYPE;
            Tensor labels = hingeLabels(yTrue, w);
            Tensor terms = KerasShapes.zipWith(labels, yPred, (y, p) -> {
                double margin = Math.max(w.round(1.0 - w.round(y * w.round(p))), 0.0);
                return squared ? w.round(margin * margin) : margin;
            }, "y_true and y_pred");
            return SampleValues.of(meanLastAxis(terms, yTrue, yPred, w));
        }
    }

    /** Keras {@code hinge}: {@code mean(max(1 - y*p, 0), -1)}. */
    static final class Hinge extends MarginMetric {
        Hinge(MetricConfig config) {
            super(config, false);
        }
    }

    /** Keras {@code squared_hinge}: {@code mean(max(1 - y*p, 0)^2, -1)}. */
    static final class SquaredHinge extends MarginMetric {
        SquaredHinge(MetricConfig config) {
            super(config, true);
        }
    }

    /** Keras {@code categorical_hinge}: {@code max(max((1-y)*p, -1) - sum(y*p, -1) + 1, 0)}. */
    static final class CategoricalHinge extends MeanMetricWrapper {
        CategoricalHinge(MetricConfig config) {
            super(config);
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            DType w = Numerics.INPUT_DTYPE;
            Tensor pos = KerasShapes.zipWith(yTrue, yPred, (y, p) -> w.round(w.round(y) * w.round(p)),
                    "y_true and y_pred");
            if (pos.rank() == 0) {
                throw new InvalidInputException("y_true of shape " + yTrue.shapeString() + " and y_pred of shape "
                        + yPred.shapeString() + " give a scalar; the sum over axis -1 needs rank >= 1");
            }
            Tensor neg = KerasShapes.zipWith(yTrue, yPred,
                    (y, p) -> w.round(w.round(1.0 - w.round(y)) * w.round(p)), "y_true and y_pred");
            int n = pos.dim(-1);
            if (n == 0) {
                throw new InvalidInputException("y_true of shape " + yTrue.shapeString() + " and y_pred of shape "
                        + yPred.shapeString() + " have an empty last axis; the max over it is undefined (-inf on "
                        + "TensorFlow, an error on JAX)");
            }
            int rows = pos.size() / n;
            double[] out = new double[rows];
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    sum += pos.get(r * n + j);
                    max = Math.max(max, neg.get(r * n + j));
                }
                double value = w.round(w.round(max - w.round(sum)) + 1.0);
                out[r] = Math.max(value, 0.0);
            }
            return SampleValues.of(Tensor.of(out, KerasShapes.dropLast(pos.shape())));
        }
    }
}
