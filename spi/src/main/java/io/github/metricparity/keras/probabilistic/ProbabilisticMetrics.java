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
import io.github.metricparity.keras.internal.ElementwiseRows;
import io.github.metricparity.keras.internal.ExpLog;
import io.github.metricparity.keras.internal.RowSums;
import io.github.metricparity.keras.reduction.MeanMetricWrapper;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidConfigException;
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
    private static final float EPS = (float) Numerics.epsilon(INPUT);

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
    static final class KLDivergence extends ElementwiseReduced {
        KLDivergence(MetricConfig config) {
            super(config, false);
        }

        @Override
        public void apply(float[] t, float[] p, float[] out, float[] a, float[] b, int n) {
            for (int i = 0; i < n; i++) {
                t[i] = Math.min(Math.max(t[i], EPS), 1f);
                a[i] = t[i] / Math.min(Math.max(p[i], EPS), 1f);
            }
            ExpLog.log(a, b, out, n);
            for (int i = 0; i < n; i++) {
                out[i] = t[i] * b[i];
            }
        }
    }

    /** Keras {@code poisson}: {@code mean(y_pred - y_true * log(y_pred + eps), -1)}. */
    static final class Poisson extends ElementwiseReduced {
        Poisson(MetricConfig config) {
            super(config, true);
        }

        @Override
        public void apply(float[] t, float[] p, float[] out, float[] a, float[] b, int n) {
            for (int i = 0; i < n; i++) {
                a[i] = p[i] + EPS;
            }
            ExpLog.log(a, b, out, n); // a rate + eps <= 0 gives NaN or -inf: the fused update declines
            for (int i = 0; i < n; i++) {
                out[i] = p[i] - t[i] * b[i];
            }
        }

        @Override
        void checkDomain(Tensor yPred) {
            for (int i = 0; i < yPred.size(); i++) {
                double rate = INPUT.round(yPred.get(i));
                if (rate + EPS <= 0) {
                    throw new InvalidInputException("y_pred holds " + yPred.get(i) + ": Poisson rates must be >= 0 "
                            + "(log(y_pred + 1e-7) is undefined)");
                }
            }
        }
    }

    /**
     * A per-sample function {@code mean} (or {@code sum}) {@code (f(y_true, y_pred), axis=-1)} under numpy
     * broadcasting: the function runs on blocks ({@link ElementwiseRows}) for both update paths, the fused one
     * taking {@code (N, C)} tensors of one shape.
     */
    abstract static class ElementwiseReduced extends MeanMetricWrapper implements ElementwiseRows.Terms {
        private final boolean mean;
        private final RowSums<ElementwiseRows> sums = new RowSums<>(ElementwiseRows::new);

        ElementwiseReduced(MetricConfig config, boolean mean) {
            super(config);
            this.mean = mean;
        }

        /** Refuses values outside the function's domain (none by default). */
        void checkDomain(Tensor yPred) {
        }

        @Override
        protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
            Fused.Weights w = fusedWeights(sampleWeight, yPred);
            if (!Crossentropy.sameRank2(yTrue, yPred) || w == Fused.Weights.UNFIT) {
                return false;
            }
            int width = yPred.dim(1);
            return accumulateFused(sums.contribution((blocks, first, count, values) -> blocks.rows(this, mean, yTrue,
                    yPred, width, first, count, values, check), yPred.dim(0), width, w, dtype()));
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            int[] shape = KerasShapes.broadcastShape(yTrue.shape(), yPred.shape());
            if (shape == null) {
                throw new InvalidInputException("y_true and y_pred have shapes " + yTrue.shapeString() + " and "
                        + yPred.shapeString() + " that do not broadcast");
            }
            if (shape.length == 0) {
                // ops.sum/mean(x, axis=-1) of a scalar raises in Keras (there is no axis -1)
                throw new InvalidInputException(
                        "y_true and y_pred are scalars: the reduction over axis -1 needs rank >= 1");
            }
            checkDomain(yPred);
            if (shape[shape.length - 1] == 0) {
                // a sum over nothing is 0; the mean of nothing (NaN) is refused
                return SampleValues.of(KerasShapes.reduceTrailingAxis(Tensor.of(new double[0], shape), mean));
            }
            Tensor t = KerasShapes.broadcastTo(yTrue, shape, "y_true");
            Tensor p = KerasShapes.broadcastTo(yPred, shape, "y_pred");
            return SampleValues.of(Tensor.of(ElementwiseRows.allRows(this, mean, t, p), KerasShapes.dropLast(shape)));
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
            return SampleValues.of(Tensor.of(fn.rows(yTrue, yPred), KerasShapes.dropLast(yPred.shape())));
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
            int classes = layout.length();
            if (classes == 0) {
                return SampleValues.of(Tensor.of(new double[layout.lanes()], layout.reducedShape())); // sums of nothing
            }
            if (layout.inner() != 1) {
                // another axis: gather each lane contiguously (as the float32 values the loss reads) first; indexing
                // with a stride that C2 cannot see is 1 made the row loop 2.5 times slower
                yTrue = lanes(yTrue, layout);
                yPred = lanes(yPred, layout);
            }
            return SampleValues.of(Tensor.of(fn.rows(yTrue, yPred, classes), layout.reducedShape()));
        }
    }

    /** Keras {@code sparse_categorical_crossentropy}, with {@code ignore_class}. */
    static final class SparseCategoricalCrossentropy extends MeanMetricWrapper {
        private final Crossentropy.Sparse fn;
        private final Integer ignoreClass;
        private final int axis;

        SparseCategoricalCrossentropy(MetricConfig config) {
            super(config);
            this.ignoreClass = config.getNullableInt("ignore_class");
            this.fn = new Crossentropy.Sparse(config.getBool("from_logits"), ignoreClass);
            this.axis = config.getInt("axis");
            if (config.isGiven("ignore_class") && !config.kerasVersion().atLeast(3, 14)) {
                // keras-team/keras#22284 gave the metric ignore_class in 3.14; before, it was an unknown keyword
                throw new InvalidConfigException("SparseCategoricalCrossentropy: config 'ignore_class' exists since "
                        + "Keras 3.14, not in Keras " + config.kerasVersion());
            }
        }

        @Override
        protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
            if (axis != -1 && axis != 1) {
                return false;
            }
            return accumulateFused(fn.fused(yTrue, yPred, fusedWeights(sampleWeight, yPred), check, dtype()));
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
            int classes = yPred.dim(-1);
            int rows = labels.size();
            double[] mask = ignoreClass == null ? null : new double[rows];
            for (int r = 0; r < rows; r++) {
                if (ignoreClass != null && labels.get(r) == ignoreClass) {
                    continue; // loss 0 and masked (losses.py: where(valid_mask, res, 0))
                }
                if (mask != null) {
                    mask[r] = 1.0;
                }
                Inputs.classId("y_true", labels, r, classes);
            }
            // every row is now a class id or ignored (with no classes, every row is ignored: all zeros)
            double[] out = classes == 0 ? new double[rows] : fn.rows(labels, yPred, classes);
            Tensor values = Tensor.of(out, resultShape);
            return new SampleValues(values, mask == null ? null : Tensor.of(mask, resultShape));
        }
    }

    /** Each lane along {@code layout}'s axis, as float32, contiguously: a tensor {@code (lanes, length)}. */
    private static Tensor lanes(Tensor t, AxisLayout layout) {
        int length = layout.length();
        float[] out = new float[layout.lanes() * length];
        for (int lane = 0, k = 0; lane < layout.lanes(); lane++) {
            for (int j = 0; j < length; j++) {
                out[k++] = (float) t.get(layout.index(lane, j));
            }
        }
        return Tensor.of(out, layout.lanes(), length);
    }

    private static AxisLayout layout(Tensor t, int axis) {
        try {
            return new AxisLayout(t, axis);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("config axis=" + axis + " does not fit y_pred of shape " + t.shapeString());
        }
    }
}
