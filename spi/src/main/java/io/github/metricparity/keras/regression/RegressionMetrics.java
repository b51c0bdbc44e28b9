package io.github.metricparity.keras.regression;

import io.github.metricparity.keras.InputContract;
import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.InputContract.RankRule;
import io.github.metricparity.keras.InputContract.Weights;
import io.github.metricparity.keras.internal.AxisGroups;
import io.github.metricparity.keras.internal.Contracts;
import io.github.metricparity.keras.internal.Fused;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.internal.Param;
import io.github.metricparity.keras.internal.ElementwiseRows;
import io.github.metricparity.keras.internal.ExpLog;
import io.github.metricparity.keras.internal.RowSums;
import io.github.metricparity.keras.reduction.MeanBase;
import io.github.metricparity.keras.reduction.MeanMetricWrapper;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import java.util.List;

/**
 * The classes of Keras {@code metrics/regression_metrics.py}; the per-sample functions are those of
 * {@code losses/losses.py} (and {@code cosine_similarity} of {@code regression_metrics.py}, which, unlike the loss of
 * that name, is not negated).
 *
 * <ul>
 *   <li>Every function first reconciles ranks with {@code squeeze_or_expand_to_same_rank} ({@code (N,)} against
 *       {@code (N,1)} compares element by element), then broadcasts {@code y_true} against {@code y_pred} as numpy
 *       does, and averages over the last axis; a rank-0 result is refused, as {@code ops.mean(x, axis=-1)} refuses
 *       a scalar.</li>
 *   <li>The functions compute in the dtype of their inputs, float32 ({@link Numerics#INPUT_DTYPE}), whatever the
 *       metric dtype: each element-wise step is rounded to float32, the mean over the last axis is summed in double;
 *       the per-sample values are then cast to the metric dtype (an integer dtype truncates them), as
 *       {@code reduce_to_samplewise_values} does. {@code RootMeanSquaredError} and {@code R2Score} convert their
 *       inputs to the metric dtype first, so a float64 one computes in float64.</li>
 *   <li>{@code MeanAbsolutePercentageError} divides by {@code max(|y_true|, 1e-7)}: a zero target contributes
 *       {@code 1e9 * |y_pred|} percent. {@code MeanSquaredLogarithmicError} clips both sides at {@code 1e-7} before
 *       {@code log(x + 1)}, so negative values are not refused.</li>
 *   <li>{@code RootMeanSquaredError} is {@code sqrt} of the weighted mean of squared errors (not a mean of per-batch
 *       roots); 0 before any update.</li>
 *   <li>{@code CosineSimilarity}: {@code sum(l2n(y_true) * l2n(y_pred), axis)} with
 *       {@code l2n(x) = x * rsqrt(max(sum(x^2, axis), 1e-14))}; a zero vector scores 0. {@code axis} (an int or a list
 *       of axes) is NOT written by {@code get_config()} (Keras {@code regression_metrics.py CosineSimilarity}), so a
 *       config round trip resets it to -1.</li>
 *   <li>{@code LogCoshError}: {@code mean(x + softplus(-2x) - log(2), -1)} with {@code x = y_pred - y_true}; default
 *       name {@code "logcosh"}, which is not a {@code keras.metrics.get} identifier.</li>
 * </ul>
 * {@link R2Score} lives in its own file.
 */
public final class RegressionMetrics {
    private static final float EPS = (float) Numerics.epsilon(DType.FLOAT32);
    private static final float LOG2 = (float) Math.log(2.0);
    private static final String FAMILY = "regression_metrics";

    public static final MetricSpec MEAN_SQUARED_ERROR = MetricSpec.builder("MeanSquaredError", FAMILY)
            .function("mean_squared_error")
            .aliases("mse", "MSE")
            .contract(Contracts.rows(Labels.REAL_VALUES, Predictions.VALUES))
            .lowerIsBetter()
            .factory(MeanSquaredError::new)
            .build();

    public static final MetricSpec MEAN_ABSOLUTE_ERROR = MetricSpec.builder("MeanAbsoluteError", FAMILY)
            .function("mean_absolute_error")
            .aliases("mae", "MAE")
            .contract(Contracts.rows(Labels.REAL_VALUES, Predictions.VALUES))
            .lowerIsBetter()
            .factory(MeanAbsoluteError::new)
            .build();

    public static final MetricSpec MEAN_ABSOLUTE_PERCENTAGE_ERROR = MetricSpec
            .builder("MeanAbsolutePercentageError", FAMILY)
            .function("mean_absolute_percentage_error")
            .aliases("mape", "MAPE")
            .contract(Contracts.rows(Labels.REAL_VALUES, Predictions.VALUES))
            .lowerIsBetter()
            .factory(MeanAbsolutePercentageError::new)
            .build();

    public static final MetricSpec MEAN_SQUARED_LOGARITHMIC_ERROR = MetricSpec
            .builder("MeanSquaredLogarithmicError", FAMILY)
            .function("mean_squared_logarithmic_error")
            .aliases("msle", "MSLE")
            .contract(Contracts.rows(Labels.REAL_VALUES, Predictions.VALUES))
            .lowerIsBetter()
            .factory(MeanSquaredLogarithmicError::new)
            .build();

    public static final MetricSpec ROOT_MEAN_SQUARED_ERROR = MetricSpec
            .builder("RootMeanSquaredError", FAMILY)
            .contract(Contracts.rows(Labels.REAL_VALUES, Predictions.VALUES))
            .lowerIsBetter()
            .factory(RootMeanSquaredError::new)
            .build();

    public static final MetricSpec COSINE_SIMILARITY = MetricSpec.builder("CosineSimilarity", FAMILY)
            .function("cosine_similarity")
            // regression_metrics.py: get_config() returns name and dtype only
            .params(Param.of("axis", Param.Kind.INT_OR_INT_TUPLE, -1).inConfig(Param.InConfig.NEVER))
            .contract(Contracts.rows(Labels.REAL_VALUES, Predictions.VALUES))
            .factory(CosineSimilarity::new)
            .build();

    public static final MetricSpec LOG_COSH_ERROR = MetricSpec.builder("LogCoshError", FAMILY)
            .defaultName("logcosh")
            .function("log_cosh")
            .contract(Contracts.rows(Labels.REAL_VALUES, Predictions.VALUES))
            .lowerIsBetter()
            .factory(LogCoshError::new)
            .build();

    public static final MetricSpec R2_SCORE = MetricSpec.builder("R2Score", FAMILY)
            .params(Param.stringParam("class_aggregation", "uniform_average").nullable()
                            .oneOf("uniform_average", "variance_weighted_average"),
                    Param.intParam("num_regressors", 0).check(Param.number(p -> p >= 0), "must be >= 0"))
            // the weight broadcasts to y_true's shape (regression_metrics.py R2Score.update_state)
            .contract(new InputContract(Labels.REAL_VALUES, Predictions.VALUES, RankRule.ROWS, Weights.BROADCAST,
                    null))
            .factory(R2Score::new)
            .build();

    public static final List<MetricSpec> DEFINITIONS = List.of(MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR,
            MEAN_ABSOLUTE_PERCENTAGE_ERROR, MEAN_SQUARED_LOGARITHMIC_ERROR, ROOT_MEAN_SQUARED_ERROR, COSINE_SIMILARITY,
            LOG_COSH_ERROR, R2_SCORE);

    private RegressionMetrics() {
    }

    /**
     * The precision of RootMeanSquaredError's arithmetic: it converts its inputs to the metric dtype
     * ({@code ops.convert_to_tensor(y, self._dtype)}), so a float64 metric computes in float64; an integer dtype
     * truncates the inputs and computes the rest in float32.
     */
    static DType working(DType dtype) {
        return dtype.isInteger() ? DType.FLOAT32 : dtype;
    }

    /** {@code y_true} and {@code y_pred} after {@code squeeze_or_expand_to_same_rank}. */
    static Tensor[] sameRank(Tensor yTrue, Tensor yPred) {
        return KerasShapes.squeezeOrExpandToSameRank(yTrue, yPred, true);
    }

    /** An element-wise function of {@code (y_true, y_pred)} averaged over the last axis. */
    abstract static class ElementwiseMean extends MeanMetricWrapper {
        private final RowSums<ElementwiseRows> sums = new RowSums<>(ElementwiseRows::new);

        ElementwiseMean(MetricConfig config) {
            super(config);
        }

        /** One element's value from float-rounded inputs; {@code w} rounds each step. */
        abstract double term(double t, double p, DType w);

        /**
         * The element function on blocks of float32 values, for the functions of an exp or a log ({@link ExpLog}:
         * vectorised, and a fused update for {@code (N, C)} tensors of one shape); null to use {@link #term}.
         */
        ElementwiseRows.Terms blockTerms() {
            return null;
        }

        /** The per-sample value from the mean over the last axis (MAPE scales it by 100). */
        double finish(double mean, DType w) {
            return mean;
        }

        @Override
        protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
            ElementwiseRows.Terms f = blockTerms();
            Fused.Weights weights = fusedWeights(sampleWeight, yPred);
            if (f == null || weights == Fused.Weights.UNFIT || yPred.rank() != 2
                    || !java.util.Arrays.equals(yTrue.shape(), yPred.shape()) || yPred.dim(1) == 0) {
                return false;
            }
            int width = yPred.dim(1);
            return accumulateFused(sums.contribution((blocks, first, count, values) ->
                    blocks.rows(f, true, yTrue, yPred, width, first, count, values, check) && finished(values, count),
                    yPred.dim(0), width, weights, dtype()));
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            Tensor[] tp = sameRank(yTrue, yPred);
            DType w = Numerics.INPUT_DTYPE;
            ElementwiseRows.Terms f = blockTerms();
            int[] shape = KerasShapes.broadcastShape(tp[0].shape(), tp[1].shape());
            if (f == null || shape == null || shape.length == 0 || shape[shape.length - 1] == 0) {
                // the scalar function, which also gives the errors of shapes that do not broadcast or reduce
                Tensor terms = KerasShapes.zipWith(tp[0], tp[1], (t, p) -> term(w.round(t), w.round(p), w),
                        "y_true and y_pred");
                if (terms.rank() == 0) {
                    throw new InvalidInputException("y_true of shape " + yTrue.shapeString() + " and y_pred of shape "
                            + yPred.shapeString() + " give a scalar; the mean over axis -1 needs rank >= 1");
                }
                Tensor means = KerasShapes.reduceTrailingAxis(terms, true);
                double[] out = means.toDoubleArray();
                finished(out, out.length);
                return SampleValues.of(Tensor.of(out, means.shape()));
            }
            double[] out = ElementwiseRows.allRows(f, true, KerasShapes.broadcastTo(tp[0], shape, "y_true"),
                    KerasShapes.broadcastTo(tp[1], shape, "y_pred"));
            finished(out, out.length);
            return SampleValues.of(Tensor.of(out, KerasShapes.dropLast(shape)));
        }

        /** Turns row means into per-sample values, as float32 computes them. */
        private boolean finished(double[] values, int count) {
            DType w = Numerics.INPUT_DTYPE;
            for (int i = 0; i < count; i++) {
                values[i] = w.round(finish(w.round(values[i]), w));
            }
            return true;
        }
    }

    /** Keras {@code mean_squared_error}: {@code mean(square(y_true - y_pred), -1)}. */
    static final class MeanSquaredError extends ElementwiseMean {
        MeanSquaredError(MetricConfig config) {
            super(config);
        }

        @Override
        double term(double t, double p, DType w) {
            double d = w.round(t - p);
            return w.round(d * d);
        }
    }

    /** Keras {@code mean_absolute_error}: {@code mean(abs(y_true - y_pred), -1)}. */
    static final class MeanAbsoluteError extends ElementwiseMean {
        MeanAbsoluteError(MetricConfig config) {
            super(config);
        }

        @Override
        double term(double t, double p, DType w) {
            return Math.abs(w.round(t - p));
        }
    }

    /** Keras {@code mean_absolute_percentage_error}: {@code 100 * mean(abs((t - p) / max(abs(t), eps)), -1)}. */
    static final class MeanAbsolutePercentageError extends ElementwiseMean {
        MeanAbsolutePercentageError(MetricConfig config) {
            super(config);
        }

        @Override
        double term(double t, double p, DType w) {
            double eps = Numerics.epsilon(w);
            return Math.abs(w.round(w.round(t - p) / Math.max(Math.abs(t), eps)));
        }

        @Override
        double finish(double mean, DType w) {
            return w.round(100.0 * mean);
        }
    }

    /** Keras {@code mean_squared_logarithmic_error}: {@code mean(square(log(max(p,eps)+1) - log(max(t,eps)+1)),
            -1)}. */
    static final class MeanSquaredLogarithmicError extends ElementwiseMean {
        MeanSquaredLogarithmicError(MetricConfig config) {
            super(config);
        }

        @Override
        double term(double t, double p, DType w) {
            double eps = Numerics.epsilon(w);
            double first = w.round(Math.log(w.round(Math.max(p, eps) + 1.0)));
            double second = w.round(Math.log(w.round(Math.max(t, eps) + 1.0)));
            double d = w.round(first - second);
            return w.round(d * d);
        }

        @Override
        ElementwiseRows.Terms blockTerms() {
            return (t, p, out, a, b, n) -> {
                for (int i = 0; i < n; i++) {
                    a[i] = Math.max(p[i], EPS) + 1f;
                    b[i] = Math.max(t[i], EPS) + 1f;
                }
                ExpLog.log(a, p, out, n);
                ExpLog.log(b, t, out, n);
                for (int i = 0; i < n; i++) {
                    float d = p[i] - t[i];
                    out[i] = d * d;
                }
            };
        }
    }

    /** Keras {@code log_cosh}: {@code mean(x + softplus(-2x) - log(2), -1)}, {@code x = y_pred - y_true}. */
    static final class LogCoshError extends ElementwiseMean {
        LogCoshError(MetricConfig config) {
            super(config);
        }

        @Override
        double term(double t, double p, DType w) {
            double x = w.round(p - t);
            double log2 = w.round(Math.log(2.0));
            double softplus = w.round(Numerics.softplus(w.round(x * -2.0)));
            return w.round(w.round(x + softplus) - log2);
        }

        @Override
        ElementwiseRows.Terms blockTerms() {
            // softplus(z) = max(z, 0) + log1p(exp(-|z|)), z = -2x
            return (t, p, out, a, b, n) -> {
                for (int i = 0; i < n; i++) {
                    float x = p[i] - t[i];
                    t[i] = x;
                    a[i] = -2f * Math.abs(x);
                }
                ExpLog.exp(a, a, b, n);
                ExpLog.log1pUnit(a, a, n);
                for (int i = 0; i < n; i++) {
                    float x = t[i];
                    out[i] = (x + (Math.max(-2f * x, 0f) + a[i])) - LOG2;
                }
            };
        }
    }

    /**
     * Keras {@code RootMeanSquaredError}: a {@code Mean} fed {@code square(y_pred - y_true)} element-wise (weights
     * broadcast as {@code Mean}'s), result {@code sqrt(total / count)}.
     */
    static final class RootMeanSquaredError extends MeanBase {
        RootMeanSquaredError(MetricConfig config) {
            super(config);
        }

        @Override
        protected void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
            // update_state converts both inputs to the metric dtype first (an int dtype truncates them)
            DType dt = dtype();
            DType w = working(dt);
            Tensor[] tp = sameRank(yTrue, yPred);
            Tensor squares = KerasShapes.zipWith(tp[0], tp[1], (t, p) -> {
                double d = w.round(dt.round(p) - dt.round(t));
                return dt.round(w.round(d * d));
            }, "y_true and y_pred");
            accumulate(squares, sampleWeight, null);
        }

        @Override
        protected Tensor computeResult() {
            return Tensor.scalar(Math.sqrt(Numerics.divideNoNan(total(), count())));
        }
    }

    /** Keras {@code regression_metrics.cosine_similarity}: {@code sum(l2n(y_true) * l2n(y_pred), axis)}. */
    static final class CosineSimilarity extends MeanMetricWrapper {
        private final List<Integer> axes;

        CosineSimilarity(MetricConfig config) {
            super(config);
            this.axes = axes(config.get("axis"));
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            DType w = Numerics.INPUT_DTYPE;
            Tensor[] tp = sameRank(yTrue, yPred);
            Tensor t = normalize(tp[0], "y_true", w);
            Tensor p = normalize(tp[1], "y_pred", w);
            Tensor products = KerasShapes.zipWith(t, p, (a, b) -> w.round(a * b), "y_true and y_pred");
            AxisGroups groups = AxisGroups.of(products, axes, "y_true * y_pred");
            double[] out = new double[groups.groups()];
            for (int g = 0; g < out.length; g++) {
                double sum = 0;
                for (int k = 0; k < groups.groupSize(); k++) {
                    sum += products.get(groups.index(g, k));
                }
                out[g] = w.round(sum);
            }
            return SampleValues.of(Tensor.of(out, groups.reducedShape()));
        }

        /** {@code ops.nn.normalize} (order 2): {@code x * rsqrt(max(sum(x^2, axis), epsilon^2))}. */
        private Tensor normalize(Tensor x, String argument, DType w) {
            if (x.rank() == 0) {
                x = x.reshape(1); // ops.nn.normalize expands a scalar to shape (1,)
            }
            AxisGroups groups = AxisGroups.of(x, axes, argument);
            double floor = w.round(Numerics.EPSILON * Numerics.EPSILON);
            double[] out = new double[x.size()];
            for (int g = 0; g < groups.groups(); g++) {
                double squares = 0;
                for (int k = 0; k < groups.groupSize(); k++) {
                    double v = w.round(x.get(groups.index(g, k)));
                    squares += w.round(v * v);
                }
                double inv = w.round(1.0 / Math.sqrt(Math.max(w.round(squares), floor)));
                for (int k = 0; k < groups.groupSize(); k++) {
                    int i = groups.index(g, k);
                    out[i] = w.round(w.round(x.get(i)) * inv);
                }
            }
            return Tensor.of(out, x.shape());
        }
    }

    /** An {@code axis} config value (an int, or a list for a tuple of axes) as a list of axes. */
    @SuppressWarnings("unchecked")
    static List<Integer> axes(Object axis) {
        return axis instanceof List ? (List<Integer>) axis : List.of((Integer) axis);
    }
}
