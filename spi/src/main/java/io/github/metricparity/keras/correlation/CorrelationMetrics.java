package io.github.metricparity.keras.correlation;

import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.internal.AxisGroups;
import io.github.metricparity.keras.internal.Contracts;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.internal.Param;
import io.github.metricparity.keras.reduction.MeanMetricWrapper;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Tensor;
import java.util.List;

/**
 * The classes of Keras {@code metrics/correlation_metrics.py}: a correlation coefficient per sample (along
 * {@code axis}: an int, or a list for a tuple of axes), and the metric is the (weighted) MEAN of those per-sample
 * coefficients over every sample seen, not a correlation pooled over the stream.
 *
 * <ul>
 *   <li>{@code pearson_correlation}: centre each side on its mean along {@code axis}, divide by its population
 *       standard deviation, average the products. There is no epsilon: a constant row (zero deviation) gives 0/0 =
 *       NaN, which Keras propagates into the result; it is kept here (and the inputs themselves must be finite).</li>
 *   <li>{@code concordance_correlation}:
 *       {@code mean(2 (y - mean_p)(p - mean_p) / (var_y + var_p + (mean_y - mean_p)^2 + 1e-7))} with population
 *       variances, exactly as Keras writes it (the {@code mean_p} in the first factor is harmless algebraically since
 *       {@code mean(p - mean_p) = 0}); two constant, equal rows give 0.</li>
 *   <li>Ranks are reconciled with {@code squeeze_or_expand_to_same_rank}, then {@code y_true} and {@code y_pred}
 *       broadcast as numpy does. Each step is rounded to float32, the dtype of the inputs
 *       ({@link Numerics#INPUT_DTYPE}), whatever the metric dtype; the per-sample values are then cast to it.</li>
 * </ul>
 */
public final class CorrelationMetrics {
    private static final String FAMILY = "correlation_metrics";

    public static final MetricSpec PEARSON_CORRELATION = MetricSpec
            .builder("PearsonCorrelation", FAMILY)
            .function("pearson_correlation")
            .params(Param.of("axis", Param.Kind.INT_OR_INT_TUPLE, -1))
            .contract(Contracts.rows(Labels.REAL_VALUES, Predictions.VALUES))
            .factory(PearsonCorrelation::new)
            .build();

    public static final MetricSpec CONCORDANCE_CORRELATION = MetricSpec
            .builder("ConcordanceCorrelation", FAMILY)
            .function("concordance_correlation")
            .params(Param.of("axis", Param.Kind.INT_OR_INT_TUPLE, -1))
            .contract(Contracts.rows(Labels.REAL_VALUES, Predictions.VALUES))
            .factory(ConcordanceCorrelation::new)
            .build();

    public static final List<MetricSpec> DEFINITIONS = List.of(PEARSON_CORRELATION, CONCORDANCE_CORRELATION);

    private CorrelationMetrics() {
    }

    /** Per-group statistics of one side, as keepdims tensors ({@code ops.mean(x, axis, keepdims=True)}). */
    private static final class Moments {
        final Tensor mean;
        /** Population variance of {@code x - mean}, i.e. {@code ops.var(x - mean, axis, keepdims=True)}. */
        final Tensor variance;
        final Tensor centred;

        Moments(Tensor x, List<Integer> axes, String argument, DType w) {
            AxisGroups groups = AxisGroups.of(x, axes, argument);
            int[] keep = groups.keepDimsShape();
            double[] means = new double[groups.groups()];
            double[] centred = new double[x.size()];
            double[] variances = new double[groups.groups()];
            int size = groups.groupSize();
            for (int g = 0; g < means.length; g++) {
                double s = 0;
                for (int k = 0; k < size; k++) {
                    s += w.round(x.get(groups.index(g, k)));
                }
                means[g] = w.round(s / size);
                double cs = 0;
                for (int k = 0; k < size; k++) {
                    int i = groups.index(g, k);
                    centred[i] = w.round(w.round(x.get(i)) - means[g]);
                    cs += centred[i];
                }
                // ops.var computes the mean of the (already centred) values again and subtracts it
                double again = w.round(cs / size);
                double sq = 0;
                for (int k = 0; k < size; k++) {
                    double d = w.round(centred[groups.index(g, k)] - again);
                    sq += w.round(d * d);
                }
                variances[g] = w.round(sq / size);
            }
            this.mean = Tensor.of(means, keep);
            this.variance = Tensor.of(variances, keep);
            this.centred = Tensor.of(centred, x.shape());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> axes(Object axis) {
        return axis instanceof List ? (List<Integer>) axis : List.of((Integer) axis);
    }

    /** {@code ops.mean(x, axis)} of a broadcast tensor, rounded to {@code w}. */
    private static Tensor meanOver(Tensor x, List<Integer> axes, DType w) {
        AxisGroups groups = AxisGroups.of(x, axes, "the per-element products");
        double[] out = new double[groups.groups()];
        int size = groups.groupSize();
        for (int g = 0; g < out.length; g++) {
            double s = 0;
            for (int k = 0; k < size; k++) {
                s += x.get(groups.index(g, k));
            }
            out[g] = w.round(s / size);
        }
        return Tensor.of(out, groups.reducedShape());
    }

    /** Keras {@code pearson_correlation}. */
    static final class PearsonCorrelation extends MeanMetricWrapper {
        private final List<Integer> axes;

        PearsonCorrelation(MetricConfig config) {
            super(config);
            this.axes = axes(config.get("axis"));
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            DType w = Numerics.INPUT_DTYPE;
            Tensor[] tp = KerasShapes.squeezeOrExpandToSameRank(yTrue, yPred, true);
            Tensor t = standardised(tp[0], "y_true", w);
            Tensor p = standardised(tp[1], "y_pred", w);
            Tensor products = KerasShapes.zipWith(t, p, (a, b) -> w.round(a * b), "y_true and y_pred");
            return SampleValues.of(meanOver(products, axes, w));
        }

        /** {@code (x - mean) / std(x - mean)} along the axes; a zero deviation gives NaN (0/0), as in Keras. */
        private Tensor standardised(Tensor x, String argument, DType w) {
            Moments m = new Moments(x, axes, argument, w);
            double[] deviations = new double[m.variance.size()];
            for (int g = 0; g < deviations.length; g++) {
                deviations[g] = w.round(Math.sqrt(m.variance.get(g)));
            }
            Tensor std = Tensor.of(deviations, m.variance.shape());
            return KerasShapes.zipWith(m.centred, std, (c, s) -> w.round(c / s), argument);
        }
    }

    /** Keras {@code concordance_correlation}. */
    static final class ConcordanceCorrelation extends MeanMetricWrapper {
        private final List<Integer> axes;

        ConcordanceCorrelation(MetricConfig config) {
            super(config);
            this.axes = axes(config.get("axis"));
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            DType w = Numerics.INPUT_DTYPE;
            String both = "y_true and y_pred";
            Tensor[] tp = KerasShapes.squeezeOrExpandToSameRank(yTrue, yPred, true);
            Tensor t = KerasShapes.rounded(tp[0], w);
            Tensor p = KerasShapes.rounded(tp[1], w);
            Moments mt = new Moments(t, axes, "y_true", w);
            Moments mp = new Moments(p, axes, "y_pred", w);
            Tensor trueMinusPredMean = KerasShapes.zipWith(t, mp.mean, (a, b) -> w.round(a - b), both);
            Tensor covar = KerasShapes.zipWith(trueMinusPredMean, mp.centred, (a, b) -> w.round(a * b), both);
            Tensor variances = KerasShapes.zipWith(mt.variance, mp.variance, (a, b) -> w.round(a + b), both);
            Tensor meanGap = KerasShapes.zipWith(mt.mean, mp.mean, (a, b) -> {
                double d = w.round(a - b);
                return w.round(d * d);
            }, both);
            double eps = Numerics.epsilon(w);
            Tensor norm = KerasShapes.zipWith(variances, meanGap, (a, b) -> w.round(w.round(a + b) + eps), both);
            Tensor ratio = KerasShapes.zipWith(covar, norm, (c, n) -> w.round(w.round(2.0 * c) / n), both);
            return SampleValues.of(meanOver(ratio, axes, w));
        }
    }
}
