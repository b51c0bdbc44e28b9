package io.github.metricparity.keras.accuracy;

import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.internal.Contracts;
import io.github.metricparity.keras.internal.Fused;
import io.github.metricparity.keras.internal.Inputs;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.internal.Param;
import io.github.metricparity.keras.internal.RowChunks;
import io.github.metricparity.keras.reduction.MeanMetricWrapper;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import java.util.List;

/**
 * The classes of Keras {@code metrics/accuracy_metrics.py}. Each is a {@link MeanMetricWrapper} over a per-sample
 * match function (1.0 match, 0.0 miss); the weighted mean over all samples seen is the result.
 *
 * <ul>
 *   <li>{@code Accuracy}: exact equality after rank reconciliation.</li>
 *   <li>{@code BinaryAccuracy}: {@code y_pred > threshold} (STRICT), compared with the unthresholded
 *       {@code y_true} (a label 0.9 never matches).</li>
 *   <li>{@code CategoricalAccuracy}: {@code argmax(y_true) == argmax(y_pred)}, ties to the first index.</li>
 *   <li>{@code SparseCategoricalAccuracy}: {@code y_true == argmax(y_pred)}; {@code (N,1)} labels squeezed.</li>
 *   <li>{@code TopKCategoricalAccuracy}/{@code SparseTopKCategoricalAccuracy}: the true class is in the top k when
 *       fewer than k scores are STRICTLY greater than its score (ties at the boundary count as in, as
 *       {@code ops.in_top_k} does).</li>
 * </ul>
 * Sparse labels must be integers in {@code [0, num_classes)}; anything else is refused (Keras would silently count
 * a miss).
 */
public final class AccuracyMetrics {
    private static final String FAMILY = "accuracy_metrics";
    /** Inputs are compared as the float32 tensors Keras receives, whatever the metric dtype. */
    private static final DType INPUT = Numerics.INPUT_DTYPE;

    public static final MetricSpec ACCURACY = MetricSpec.builder("Accuracy", FAMILY)
            .function("accuracy")
            .contract(Contracts.rows(Labels.FREE_VALUES, Predictions.VALUES))
            .factory(Accuracy::new)
            .build();

    public static final MetricSpec BINARY_ACCURACY = MetricSpec.builder("BinaryAccuracy", FAMILY)
            .function("binary_accuracy")
            .params(Param.floatParam("threshold", 0.5))
            // a threshold inside (0, 1) is one on probabilities; any other (0.0 for logits) chooses another scale
            .contract(c -> Contracts.rows(Labels.BINARY, c.getDouble("threshold") > 0 && c.getDouble("threshold") < 1
                    ? Predictions.PROBABILITIES : Predictions.SCORES))
            .factory(BinaryAccuracy::new)
            .build();

    public static final MetricSpec CATEGORICAL_ACCURACY = MetricSpec.builder("CategoricalAccuracy", FAMILY)
            .function("categorical_accuracy")
            .contract(Contracts.rows(Labels.ONE_HOT, Predictions.SCORES, "SparseCategoricalAccuracy"))
            .factory(CategoricalAccuracy::new)
            .build();

    public static final MetricSpec SPARSE_CATEGORICAL_ACCURACY = MetricSpec
            .builder("SparseCategoricalAccuracy", FAMILY)
            .function("sparse_categorical_accuracy")
            .contract(Contracts.rows(Labels.CLASS_IDS, Predictions.SCORES, "CategoricalAccuracy"))
            .factory(SparseCategoricalAccuracy::new)
            .build();

    // k: Keras checks nothing; in_top_k with k=0 is never true (every backend), a negative k fails at the first
    // update in TensorFlow, so it is refused here when the metric is created.
    public static final MetricSpec TOP_K_CATEGORICAL_ACCURACY = MetricSpec
            .builder("TopKCategoricalAccuracy", FAMILY)
            .function("top_k_categorical_accuracy")
            .params(Param.intParam("k", 5).check(Param.number(k -> k >= 0), "must be >= 0"))
            .contract(Contracts.rows(Labels.ONE_HOT, Predictions.SCORES, "SparseTopKCategoricalAccuracy"))
            .factory(TopKCategoricalAccuracy::new)
            .build();

    public static final MetricSpec SPARSE_TOP_K_CATEGORICAL_ACCURACY = MetricSpec
            .builder("SparseTopKCategoricalAccuracy", FAMILY)
            .function("sparse_top_k_categorical_accuracy")
            .params(Param.intParam("k", 5).check(Param.number(k -> k >= 0), "must be >= 0"),
                    // Keras get_config writes from_sorted_ids only when True (accuracy_metrics.py)
                    Param.boolParam("from_sorted_ids", false).inConfig(Param.InConfig.WHEN_TRUE))
            .contract(c -> Contracts.rows(Labels.CLASS_IDS, c.getBool("from_sorted_ids")
                    ? Predictions.SORTED_CLASS_IDS : Predictions.SCORES, "TopKCategoricalAccuracy"))
            .factory(SparseTopKCategoricalAccuracy::new)
            .build();

    public static final List<MetricSpec> DEFINITIONS = List.of(ACCURACY, BINARY_ACCURACY, CATEGORICAL_ACCURACY,
            SPARSE_CATEGORICAL_ACCURACY, TOP_K_CATEGORICAL_ACCURACY, SPARSE_TOP_K_CATEGORICAL_ACCURACY);

    private AccuracyMetrics() {
    }

    private static double match(boolean b) {
        return b ? 1.0 : 0.0;
    }

    /** Keras {@code accuracy}: exact equality. */
    /**
     * An accuracy whose fused update counts matches; it keeps the arrays that stage a batch read from buffers
     * ({@link RowChunks}), made on first use.
     */
    abstract static class Counting extends MeanMetricWrapper {
        private RowChunks chunks;

        Counting(MetricConfig config) {
            super(config);
        }

        final RowChunks chunks() {
            if (chunks == null) {
                chunks = new RowChunks();
            }
            return chunks;
        }
    }

    static final class Accuracy extends MeanMetricWrapper {
        Accuracy(MetricConfig config) {
            super(config);
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            Tensor[] tp = KerasShapes.squeezeOrExpandToSameRank(KerasShapes.rounded(yTrue, INPUT),
                    KerasShapes.rounded(yPred, INPUT), true);
            return SampleValues.of(KerasShapes.zipWith(tp[0], tp[1], (t, p) -> match(t == p), "y_true and y_pred"));
        }
    }

    /** Keras {@code binary_accuracy}: {@code (y_pred > threshold) == y_true}. */
    static final class BinaryAccuracy extends Counting {
        private final double threshold;

        BinaryAccuracy(MetricConfig config) {
            super(config);
            this.threshold = INPUT.round(config.getDouble("threshold"));
        }

        @Override
        protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
            Fused.Weights w = fusedWeights(sampleWeight, yPred);
            if (RowChunks.applies(yTrue, yPred, w) && yPred.size() == yPred.dim(0)) {
                // one value per row: an integer count per chunk
                return accumulateFused(chunks().apply(yTrue, yPred, true, (t, p) -> FusedAccuracy.binary(t, p, null,
                        check, threshold)));
            }
            return accumulateFused(FusedAccuracy.binary(yTrue, yPred, w, check, threshold));
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            Tensor[] tp = KerasShapes.squeezeOrExpandToSameRank(yTrue, yPred, true);
            return SampleValues.of(KerasShapes.zipWith(tp[0], tp[1],
                    (t, p) -> match(FusedAccuracy.binaryMatch((float) t, (float) p, threshold)), "y_true and y_pred"));
        }
    }

    /** Keras {@code categorical_accuracy}: {@code argmax(y_true) == argmax(y_pred)}. */
    static final class CategoricalAccuracy extends Counting {
        CategoricalAccuracy(MetricConfig config) {
            super(config);
        }

        @Override
        protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
            Fused.Weights w = fusedWeights(sampleWeight, yPred);
            if (RowChunks.applies(yTrue, yPred, w)) {
                return accumulateFused(chunks().apply(yTrue, yPred, false,
                        (t, p) -> FusedAccuracy.categorical(t, p, null, check)));
            }
            return accumulateFused(FusedAccuracy.categorical(yTrue, yPred, w, check));
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            Tensor trueIds = KerasShapes.argmaxLast(yTrue);
            int[] originalShape = trueIds.shape();
            boolean reshape = false;
            if (trueIds.rank() == yPred.rank()) {
                trueIds = KerasShapes.squeezeLast(trueIds);
                reshape = true;
            }
            Tensor predIds = KerasShapes.argmaxLast(yPred);
            Tensor matches = KerasShapes.zipWith(trueIds, predIds, (t, p) -> match(t == p), "y_true and y_pred");
            return SampleValues.of(reshape ? matches.reshape(originalShape) : matches);
        }
    }

    /** Keras {@code sparse_categorical_accuracy}: {@code y_true == argmax(y_pred)}. */
    static final class SparseCategoricalAccuracy extends Counting {
        SparseCategoricalAccuracy(MetricConfig config) {
            super(config);
        }

        @Override
        protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
            Fused.Weights w = fusedWeights(sampleWeight, yPred);
            if (RowChunks.applies(yTrue, yPred, w)) {
                return accumulateFused(chunks().apply(yTrue, yPred, false,
                        (t, p) -> FusedAccuracy.sparseCategorical(t, p, null, check)));
            }
            return accumulateFused(FusedAccuracy.sparseCategorical(yTrue, yPred, w, check));
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            Inputs.requireRankAtLeast("y_pred", yPred, 1);
            int[] originalShape = yTrue.shape();
            boolean reshape = false;
            Tensor labels = KerasShapes.rounded(yTrue, INPUT);
            if (labels.rank() == yPred.rank() && labels.rank() > 0 && labels.dim(-1) == 1) {
                labels = KerasShapes.squeezeLast(labels);
                reshape = true;
            }
            requireClassIds(labels, yPred.dim(-1));
            Tensor predIds = KerasShapes.argmaxLast(yPred);
            Tensor matches = KerasShapes.zipWith(labels, predIds, (t, p) -> match(t == p), "y_true and y_pred");
            if (reshape) {
                // ops.reshape(matches, y_true_org_shape) raises when y_true was broadcast against more rows
                if (matches.size() != yTrue.size()) {
                    throw new InvalidInputException("y_true of shape " + yTrue.shapeString() + " does not match y_pred "
                            + "of shape " + yPred.shapeString() + ": the matches of shape " + matches.shapeString()
                            + " cannot be reshaped to " + yTrue.shapeString());
                }
                matches = matches.reshape(originalShape);
            }
            if (matches.rank() > 1 && matches.dim(-1) == 1) {
                matches = KerasShapes.squeezeLast(matches);
            }
            return SampleValues.of(matches);
        }
    }

    /** Keras {@code top_k_categorical_accuracy}: {@code in_top_k(argmax(y_true), y_pred, k)}. */
    static final class TopKCategoricalAccuracy extends MeanMetricWrapper {
        private final int k;

        TopKCategoricalAccuracy(MetricConfig config) {
            super(config);
            this.k = config.getInt("k");
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            Inputs.requireRankAtLeast("y_pred", yPred, 2);
            Tensor trueIds = KerasShapes.argmaxLast(yTrue);
            return SampleValues.of(inTopK(trueIds, KerasShapes.rounded(yPred, INPUT), k));
        }
    }

    /** Keras {@code sparse_top_k_categorical_accuracy}. */
    static final class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
        private final int k;
        private final boolean fromSortedIds;

        SparseTopKCategoricalAccuracy(MetricConfig config) {
            super(config);
            this.k = config.getInt("k");
            this.fromSortedIds = config.getBool("from_sorted_ids");
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            Inputs.requireRankAtLeast("y_pred", yPred, 2);
            if (!fromSortedIds) {
                Tensor labels = KerasShapes.rounded(yTrue, INPUT);
                if (labels.rank() == yPred.rank() && labels.dim(-1) == 1) {
                    labels = KerasShapes.squeezeLast(labels);
                }
                requireClassIds(labels, yPred.dim(-1));
                return SampleValues.of(inTopK(labels, KerasShapes.rounded(yPred, INPUT), k));
            }
            // y_pred holds class ids sorted by score: a match is y_true among the first k columns
            int n = yPred.dim(-1);
            int rows = rowsOf(yPred);
            if (yTrue.size() != rows) {
                throw new InvalidInputException("y_true of shape " + yTrue.shapeString() + " must hold one id per "
                        + "row of y_pred of shape " + yPred.shapeString());
            }
            double[] out = new double[rows];
            for (int r = 0; r < rows; r++) {
                double label = INPUT.round(yTrue.get(r));
                for (int j = 0; j < Math.min(k, n); j++) {
                    if (INPUT.round(yPred.get(r * n + j)) == label) {
                        out[r] = 1.0;
                        break;
                    }
                }
            }
            return SampleValues.of(Tensor.of(out, trueShapeOrRows(yTrue, rows)));
        }
    }

    /** 1.0 where fewer than {@code k} scores in the row are strictly greater than the target's score. */
    static Tensor inTopK(Tensor targets, Tensor scores, int k) {
        int n = scores.dim(-1);
        int rows = rowsOf(scores);
        if (targets.size() != rows) {
            throw new InvalidInputException("y_true of shape " + targets.shapeString() + " must hold one class per "
                    + "row of y_pred of shape " + scores.shapeString());
        }
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            int target = (int) targets.get(r);
            if (target < 0 || target >= n) {
                throw new InvalidInputException("class id " + targets.get(r) + " is outside [0, " + n + ")");
            }
            double score = scores.get(r * n + target);
            int greater = 0;
            for (int j = 0; j < n; j++) {
                if (scores.get(r * n + j) > score) {
                    greater++;
                }
            }
            out[r] = match(greater < k);
        }
        return Tensor.of(out, trueShapeOrRows(targets, rows));
    }

    /** Number of rows along the last axis (the product of the other dimensions; right when the last axis is 0). */
    private static int rowsOf(Tensor t) {
        int rows = 1;
        for (int d : KerasShapes.dropLast(t.shape())) {
            rows *= d;
        }
        return rows;
    }

    private static int[] trueShapeOrRows(Tensor targets, int rows) {
        return targets.rank() == 0 ? new int[] {rows} : targets.shape();
    }

    /** Sparse labels must be integer class ids in {@code [0, numClasses)}. */
    static void requireClassIds(Tensor labels, int numClasses) {
        for (int i = 0; i < labels.size(); i++) {
            Inputs.classId("y_true", labels, i, numClasses);
        }
    }
}
