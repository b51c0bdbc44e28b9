package io.github.metricparity.keras.probabilistic;

import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.internal.AxisLayout;
import io.github.metricparity.keras.internal.Contracts;
import io.github.metricparity.keras.internal.Fused;
import io.github.metricparity.keras.internal.Inputs;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.internal.Param;
import io.github.metricparity.keras.reduction.MeanMetricWrapper;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import java.util.List;

/**
 * The classes of Keras {@code metrics/probabilistic_metrics.py}; the per-sample functions are those of
 * {@code losses/losses.py} with the TensorFlow backend's numerics ({@code backend/tensorflow/nn.py}).
 *
 * <ul>
 *   <li>The losses compute in float32, the dtype of the inputs Keras sees, whatever the metric dtype (which only
 *       casts the per-sample values and weights): probabilities are clipped to
 *       {@code [1.0000000117e-7, 0.99999988]}, so a confidently wrong 1 costs 15.942, not 16.118.</li>
 *   <li>{@code CategoricalCrossentropy} renormalises probabilities to sum 1 along {@code axis} BEFORE clipping;
 *       {@code SparseCategoricalCrossentropy} clips first and renormalises through the log-softmax of
 *       {@code log p}.</li>
 *   <li>The metrics do not reconcile ranks: crossentropies need equal shapes (sparse: one label per row),
 *       {@code KLDivergence} and {@code Poisson} broadcast, so {@code (N,)} against {@code (N,1)} gives
 *       {@code (N,N)} pairs exactly as in Keras.</li>
 *   <li>{@code SparseCategoricalCrossentropy(ignore_class=c)}: samples labelled {@code c} contribute 0; without a
 *       sample_weight they still count in the mean's denominator, with one they do not (the keras mask is applied
 *       to weights only).</li>
 * </ul>
 */
public final class ProbabilisticMetrics {
    private static final String FAMILY = "probabilistic_metrics";
    /** The losses compute in the inputs' float32, whatever the metric dtype (see {@link Numerics#INPUT_DTYPE}). */
    private static final DType INPUT = Numerics.INPUT_DTYPE;

    public static final MetricSpec KL_DIVERGENCE = MetricSpec.builder("KLDivergence", FAMILY)
            .function("kl_divergence")
            .contract(Contracts.rows(Labels.REAL_VALUES, Predictions.VALUES))
            .lowerIsBetter()
            .factory(KLDivergence::new)
            .build();

    public static final MetricSpec POISSON = MetricSpec.builder("Poisson", FAMILY)
            .function("poisson")
            .contract(Contracts.rows(Labels.REAL_VALUES, Predictions.VALUES))
            .lowerIsBetter()
            .factory(Poisson::new)
            .build();

    // label_smoothing is documented as "Float in [0, 1]" but Keras never checks it (losses.py binary_crossentropy,
    // categorical_crossentropy): any number is accepted and used as given.
    public static final MetricSpec BINARY_CROSSENTROPY = MetricSpec.builder("BinaryCrossentropy", FAMILY)
            .function("binary_crossentropy")
            .aliases("bce", "BCE")
            .params(Param.boolParam("from_logits", false),
                    Param.floatParam("label_smoothing", 0.0))
            .contract(c -> Contracts.rows(Labels.BINARY, Contracts.logitsOr(c, Predictions.PROBABILITIES)))
            .lowerIsBetter()
            .factory(BinaryCrossentropy::new)
            .build();

    public static final MetricSpec CATEGORICAL_CROSSENTROPY = MetricSpec
            .builder("CategoricalCrossentropy", FAMILY)
            .function("categorical_crossentropy")
            .params(Param.boolParam("from_logits", false),
                    Param.floatParam("label_smoothing", 0.0),
                    Param.intParam("axis", -1))
            .contract(c -> Contracts.rows(Labels.ONE_HOT, Contracts.logitsOr(c, Predictions.DISTRIBUTION),
                    "SparseCategoricalCrossentropy"))
            .lowerIsBetter()
            .factory(CategoricalCrossentropy::new)
            .build();

    public static final MetricSpec SPARSE_CATEGORICAL_CROSSENTROPY = MetricSpec
            .builder("SparseCategoricalCrossentropy", FAMILY)
            .function("sparse_categorical_crossentropy")
            .params(Param.boolParam("from_logits", false),
                    Param.of("ignore_class", Param.Kind.INT, null),
                    Param.intParam("axis", -1))
            .contract(c -> Contracts.rows(Labels.CLASS_IDS, Contracts.logitsOr(c, Predictions.DISTRIBUTION),
                    "CategoricalCrossentropy"))
            .lowerIsBetter()
            .factory(SparseCategoricalCrossentropy::new)
            .build();

    public static final List<MetricSpec> DEFINITIONS = List.of(KL_DIVERGENCE, POISSON, BINARY_CROSSENTROPY,
            CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY);

    private ProbabilisticMetrics() {
    }

    /** Keras {@code kl_divergence}: both clipped to {@code [eps, 1]}, {@code sum(y * log(y / p), -1)}. */
    static final class KLDivergence extends MeanMetricWrapper {
        KLDivergence(MetricConfig config) {
            super(config);
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            double eps = Numerics.epsilon(INPUT);
            DType dt = INPUT;
            Tensor terms = KerasShapes.zipWith(yTrue, yPred, (t, p) -> {
                double y = Numerics.clip(dt.round(t), eps, 1.0);
                double q = Numerics.clip(dt.round(p), eps, 1.0);
                return y * Math.log(y / q);
            }, "y_true and y_pred");
            return SampleValues.of(KerasShapes.reduceTrailingAxis(requireAxis(terms), false));
        }
    }

    /** Keras {@code poisson}: {@code mean(y_pred - y_true * log(y_pred + eps), -1)}. */
    static final class Poisson extends MeanMetricWrapper {
        Poisson(MetricConfig config) {
            super(config);
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            double eps = Numerics.epsilon(INPUT);
            DType dt = INPUT;
            Tensor terms = KerasShapes.zipWith(yTrue, yPred, (t, p) -> {
                double rate = dt.round(p);
                if (rate + eps <= 0) {
                    throw new InvalidInputException("y_pred holds " + p + ": Poisson rates must be >= 0 "
                            + "(log(y_pred + 1e-7) is undefined)");
                }
                return rate - dt.round(t) * Math.log(rate + eps);
            }, "y_true and y_pred");
            return SampleValues.of(KerasShapes.reduceTrailingAxis(requireAxis(terms), true));
        }
    }

    /** Keras {@code binary_crossentropy}: element-wise crossentropy, mean over the last axis. */
    static final class BinaryCrossentropy extends MeanMetricWrapper {
        private final Crossentropy.Binary fn;

        BinaryCrossentropy(MetricConfig config) {
            super(config);
            this.fn = new Crossentropy.Binary(config.getBool("from_logits"), config.getDouble("label_smoothing"));
        }

        @Override
        protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
            return accumulateFused(fn.fused(yTrue, yPred, fusedWeights(sampleWeight, yPred), check, dtype()));
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            Inputs.requireSameShape("y_true", yTrue, "y_pred", yPred);
            Inputs.requireRankAtLeast("y_pred", yPred, 1);
            int n = yPred.dim(-1);
            if (n == 0) {
                // the mean over an empty axis is NaN in Keras; refused rather than a silent NaN
                throw new InvalidInputException("y_pred of shape " + yPred.shapeString() + " has an empty last "
                        + "axis, which binary crossentropy averages over");
            }
            int rows = yPred.size() / n;
            double[] out = new double[rows];
            for (int r = 0; r < rows; r++) {
                out[r] = fn.row(yTrue, yPred, r * n, n);
            }
            return SampleValues.of(Tensor.of(out, KerasShapes.dropLast(yPred.shape())));
        }
    }

    /** Keras {@code categorical_crossentropy} along {@code axis}. */
    static final class CategoricalCrossentropy extends MeanMetricWrapper {
        private final Crossentropy.Categorical fn;
        private final int axis;

        CategoricalCrossentropy(MetricConfig config) {
            super(config);
            this.fn = new Crossentropy.Categorical(config.getBool("from_logits"), config.getDouble("label_smoothing"));
            this.axis = config.getInt("axis");
        }

        @Override
        protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
            if (yPred.rank() != 2 || axis != -1 && axis != 1) {
                return false;
            }
            return accumulateFused(fn.fused(yTrue, yPred, fusedWeights(sampleWeight, yPred), check, dtype()));
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            Inputs.requireRankAtLeast("y_pred", yPred, 1);
            Inputs.requireSameShape("y_true", yTrue, "y_pred", yPred);
            AxisLayout layout = layout(yPred, axis);
            double[] out = new double[layout.lanes()];
            for (int lane = 0; lane < out.length; lane++) {
                out[lane] = fn.row(yTrue, yPred, layout.index(lane, 0), layout.inner(), layout.length());
            }
            return SampleValues.of(Tensor.of(out, layout.reducedShape()));
        }
    }

    /** Keras {@code sparse_categorical_crossentropy}, with {@code ignore_class}. */
    static final class SparseCategoricalCrossentropy extends MeanMetricWrapper {
        private final boolean fromLogits;
        private final Integer ignoreClass;
        private final int axis;

        SparseCategoricalCrossentropy(MetricConfig config) {
            super(config);
            this.fromLogits = config.getBool("from_logits");
            this.ignoreClass = config.getNullableInt("ignore_class");
            this.axis = config.getInt("axis");
            if (config.isGiven("ignore_class") && !config.kerasVersion().atLeast(3, 14)) {
                // keras-team/keras#22284 gave the metric ignore_class in 3.14; before, it was an unknown keyword
                throw new InvalidConfigException("SparseCategoricalCrossentropy: config 'ignore_class' exists since "
                        + "Keras 3.14, not in Keras " + config.kerasVersion());
            }
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            Inputs.requireRankAtLeast("y_pred", yPred, 1);
            if (axis != -1 && axis != yPred.rank() - 1) {
                // backend/tensorflow/nn.py sparse_categorical_crossentropy
                throw new InvalidInputException("only axis=-1 is supported by sparse categorical crossentropy, got "
                        + "axis=" + axis + " for y_pred of shape " + yPred.shapeString());
            }
            Tensor labels = KerasShapes.rounded(yTrue, INPUT);
            if (labels.rank() == yPred.rank() && labels.dim(-1) == 1) {
                labels = KerasShapes.squeezeLast(labels);
            }
            int[] resultShape = KerasShapes.dropLast(yPred.shape());
            if (!java.util.Arrays.equals(labels.shape(), resultShape)) {
                throw new InvalidInputException("y_true of shape " + yTrue.shapeString() + " must hold one class id "
                        + "per row of y_pred of shape " + yPred.shapeString());
            }
            DType dt = INPUT;
            double eps = Numerics.epsilon(dt);
            double hi = Numerics.oneMinusEpsilon(dt);
            int classes = yPred.dim(-1);
            int rows = labels.size();
            double[] out = new double[rows];
            double[] mask = ignoreClass == null ? null : new double[rows];
            for (int r = 0; r < rows; r++) {
                if (ignoreClass != null && labels.get(r) == ignoreClass) {
                    continue; // loss 0 and masked (losses.py: where(valid_mask, res, 0))
                }
                if (mask != null) {
                    mask[r] = 1.0;
                }
                int label = Inputs.classId("y_true", labels, r, classes);
                int base = r * classes;
                // logits: log-softmax of the logits; probabilities: log-softmax of log(clip(p))
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < classes; j++) {
                    max = Math.max(max, logit(yPred.get(base + j), eps, hi));
                }
                double sumExp = 0;
                for (int j = 0; j < classes; j++) {
                    sumExp += Math.exp(logit(yPred.get(base + j), eps, hi) - max);
                }
                out[r] = max + Math.log(sumExp) - logit(yPred.get(base + label), eps, hi);
            }
            Tensor values = Tensor.of(out, resultShape);
            return new SampleValues(values, mask == null ? null : Tensor.of(mask, resultShape));
        }

        private double logit(double x, double eps, double hi) {
            double v = INPUT.round(x);
            return fromLogits ? v : Math.log(Numerics.clip(v, eps, hi));
        }
    }

    /** {@code ops.sum/mean(x, axis=-1)} of a scalar raises in Keras (there is no axis -1). */
    private static Tensor requireAxis(Tensor terms) {
        if (terms.rank() == 0) {
            throw new InvalidInputException(
                    "y_true and y_pred are scalars: the reduction over axis -1 needs rank >= 1");
        }
        return terms;
    }

    private static AxisLayout layout(Tensor t, int axis) {
        try {
            return new AxisLayout(t, axis);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("config axis=" + axis + " does not fit y_pred of shape " + t.shapeString());
        }
    }
}
