package io.github.metricparity.keras.confusion;

import io.github.metricparity.keras.KerasShapes;
import io.github.metricparity.keras.Numerics;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The one confusion-matrix update of the family: Keras {@code metrics_utils.update_confusion_matrix_variables}
 * ({@code keras/src/metrics/metrics_utils.py:341-604}), configured once per metric.
 *
 * <p>For each threshold {@code t} it adds the weights of {@code label && pred > t} (TP), {@code !label && pred > t}
 * (FP), {@code !label && pred <= t} (TN) and {@code label && pred <= t} (FN), where {@code label = y_true != 0} and
 * the comparison is STRICT, in the metric dtype (float32: {@code y_pred} and the thresholds are rounded to float32
 * before comparing). Two paths, chosen as Keras chooses them:
 * <ul>
 *   <li>evenly spaced thresholds ({@code is_evenly_distributed_thresholds}: at least 3, {@code np.allclose} to
 *       {@code i/(T-1)}): Keras's bucketed O(N + T) path ({@code _update_confusion_matrix_variables_optimized},
 *       {@code metrics_utils.py:98-315}): {@code y_pred} is clipped to [0, 1], its bucket is
 *       {@code ceil(p * (T-1)) - 1} computed IN THE DTYPE (relu'd when the end thresholds carry the AUC epsilons),
 *       the bucket sums are reverse-cumulated. The threshold VALUES are never looked at, and the float32 product
 *       can round up: {@code 0.15f * 100} is {@code 15.000001f}, so with 101 thresholds a prediction of 0.15 counts
 *       as above the threshold 0.15. Reproduced here exactly.</li>
 *   <li>any other list ({@code metrics_utils.py:496-604}): a strict comparison with every threshold; done here by
 *       sorting the thresholds once and a binary search per prediction (O(N log T)). {@code y_pred} is NOT clipped
 *       on this path, so a prediction above 1 exceeds a threshold of 1.</li>
 * </ul>
 * Shapes follow Keras: {@code squeeze_or_expand_to_same_rank(y_pred, y_true)}; the weight is expanded by one axis
 * and reconciled with {@code y_true} without expanding rank 1 (so a {@code (N,)} weight on {@code (N, C)} data
 * weights rows, a {@code (1, C)} weight weights columns, a scalar weights everything), then broadcast to the final
 * {@code y_pred} shape (after {@code top_k} and {@code class_id}). Negative weights are accepted.
 */
final class ConfusionMatrixUpdate {
    /** {@code metrics_utils.NEG_INF}: the value {@code top_k} gives to entries outside the top k. */
    static final double NEG_INF = -1e10;

    private final DType dtype;
    private final int numThresholds;
    private final boolean evenly;
    private final boolean withEpsilon;
    private final Integer topK;
    private final Integer classId;
    private final boolean multiLabel;
    private final double[] labelWeights;
    private final boolean fromLogits;
    // non-even path: the thresholds in the dtype, sorted, and their original positions
    private final double[] sortedThresholds;
    private final int[] order;

    /**
     * @param dtype        the metric dtype (float32 by default)
     * @param thresholds   the thresholds as Keras holds them (Python floats, before the cast to the dtype)
     * @param evenly       Keras's {@code thresholds_distributed_evenly} flag
     * @param topK         {@code top_k} or null
     * @param classId      {@code class_id} or null
     * @param multiLabel   keep the last axis as labels (targets then have shape {@code (T, L)})
     * @param labelWeights weights of the last-axis entries when not multi-label, or null
     * @param fromLogits   apply a sigmoid to {@code y_pred} first (AUC)
     */
    ConfusionMatrixUpdate(DType dtype, double[] thresholds, boolean evenly, Integer topK, Integer classId,
            boolean multiLabel, double[] labelWeights, boolean fromLogits) {
        if (multiLabel && labelWeights != null) {
            // metrics_utils.py:408-413: the caller (AUC.result) applies them
            throw new IllegalArgumentException("label_weights are applied outside the update when multi_label");
        }
        this.dtype = dtype;
        this.numThresholds = thresholds.length;
        this.evenly = evenly;
        // metrics_utils.py:438: the AUC end points -1e-7 and 1+1e-7 move predictions of 0 into the first bucket
        this.withEpsilon = evenly && (thresholds[0] < 0.0 || thresholds[thresholds.length - 1] > 1.0);
        this.topK = topK;
        this.classId = classId;
        this.multiLabel = multiLabel;
        this.labelWeights = labelWeights == null ? null : roundAll(labelWeights, dtype);
        this.fromLogits = fromLogits;
        double[] cast = roundAll(thresholds, dtype);
        Integer[] idx = IntStream.range(0, cast.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.comparingDouble(i -> cast[i]));
        this.order = new int[cast.length];
        this.sortedThresholds = new double[cast.length];
        for (int j = 0; j < idx.length; j++) {
            order[j] = idx[j];
            sortedThresholds[j] = cast[idx[j]];
        }
    }

    private static double[] roundAll(double[] values, DType dtype) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = dtype.round(values[i]);
        }
        return out;
    }

    /**
     * Keras {@code is_evenly_distributed_thresholds} ({@code metrics_utils.py:318-339}): at least 3 values, each
     * within {@code np.allclose}'s tolerance ({@code atol=1e-7}, default {@code rtol=1e-5}) of
     * {@code float32(i) / (T-1)}.
     */
    static boolean isEvenlyDistributed(double[] thresholds) {
        int n = thresholds.length;
        if (n < 3) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            double even = (float) ((double) i / (n - 1));
            if (!(Math.abs(thresholds[i] - even) <= Numerics.EPSILON + 1e-5 * Math.abs(even))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Accumulates one batch into the given targets (null = not tracked). Each target has {@code T} entries, or
     * {@code T * L} in row-major {@code (T, L)} order when multi-label. Computes everything first, then adds, so a
     * refused batch touches nothing.
     */
    void apply(Tensor yTrue, Tensor yPred, Tensor sampleWeight, double[] tp, double[] fp, double[] tn, double[] fn) {
        Tensor[] r = KerasShapes.squeezeOrExpandToSameRank(yPred, yTrue, true);
        Tensor pred = r[0];
        Tensor truth = r[1];
        Tensor weight = null;
        if (sampleWeight != null) {
            // metrics_utils.py:461-467: expand_dims(w, -1), then reconcile with y_true without expanding rank 1
            weight = KerasShapes.squeezeOrExpandToSameRank(truth, KerasShapes.expandLast(sampleWeight), false)[1];
        }
        if (!Arrays.equals(pred.shape(), truth.shape())) {
            throw new InvalidInputException("y_true and y_pred must have the same shape (after squeezing or "
                    + "expanding a trailing axis of 1), got y_true " + yTrue.shapeString() + " and y_pred "
                    + yPred.shapeString());
        }
        int[] shape = pred.shape();
        int n = pred.size();
        double[] p = new double[n];
        boolean[] label = new boolean[n];
        for (int i = 0; i < n; i++) {
            double x = pred.get(i);
            p[i] = dtype.round(fromLogits ? Numerics.sigmoid(x) : x);
            // y_true is cast to the dtype, then to bool: any non-zero is a positive
            label[i] = dtype.round(truth.get(i)) != 0.0;
        }
        if (topK != null) {
            filterTopK(p, shape, yPred);
        }
        if (classId != null) {
            if (shape.length < 2) {
                throw new InvalidInputException("When class_id is provided, y_pred must be a 2D array with shape "
                        + "(num_samples, num_classes), found shape: " + Tensor.shapeString(shape));
            }
            int c = shape[shape.length - 1];
            int id = classId < 0 ? classId + c : classId; // Python indexing: -1 is the last class
            if (id < 0 || id >= c) {
                throw new InvalidInputException("class_id " + classId + " is out of range for y_pred of shape "
                        + Tensor.shapeString(shape) + " (" + c + " classes)");
            }
            int rows = n / c;
            double[] ps = new double[rows];
            boolean[] ls = new boolean[rows];
            for (int row = 0; row < rows; row++) {
                ps[row] = p[row * c + id];
                ls[row] = label[row * c + id];
            }
            p = ps;
            label = ls;
            n = rows;
            shape = shape.clone();
            shape[shape.length - 1] = 1;
        }
        double[] w = weights(weight, shape, n);

        int lanes = 1;
        if (multiLabel) {
            if (shape.length != 2) {
                throw new InvalidInputException("y_pred must have rank 2 when multi_label=True, found shape "
                        + yPred.shapeString());
            }
            lanes = shape[1];
        } else if (!evenly && shape.length == 0) {
            // metrics_utils.py:507-508 reads y_pred.shape[0]: Keras fails on a scalar here
            throw new InvalidInputException("y_pred must have rank >= 1, got shape ()");
        }
        int t = numThresholds;
        for (double[] target : new double[][] {tp, fp, tn, fn}) {
            if (target != null && target.length != t * lanes) {
                throw new InvalidInputException("y_pred of shape " + yPred.shapeString() + " has " + lanes
                        + " labels, but the metric's variables hold " + (t == 0 ? 0 : target.length / t));
            }
        }
        // bucket b of lane l collects predictions above exactly the thresholds [0, b) (sorted order when not even)
        int buckets = evenly ? t : t + 1;
        double[] trueB = new double[buckets * lanes];
        double[] falseB = new double[buckets * lanes];
        double[] totalTrue = new double[lanes];
        double[] totalFalse = new double[lanes];
        double scale = dtype.round(t - 1.0);
        for (int i = 0; i < n; i++) {
            int lane = multiLabel ? i % lanes : 0;
            int b;
            if (evenly) {
                // metrics_utils.py:219,233-244: clip, ceil(p * (T-1)) - 1 in the dtype, relu with epsilon ends;
                // bucket -1 (p == 0 without epsilon) is dropped by segment_sum
                double pc = Numerics.clip(p[i], 0.0, 1.0);
                double bucket = Math.ceil(dtype.round(pc * scale)) - 1.0;
                if (withEpsilon && bucket < 0) {
                    bucket = 0;
                }
                b = (int) bucket + 1; // shifted: index 0 = dropped
            } else {
                b = countBelow(p[i]);
            }
            double wi = w == null ? 1.0 : w[i];
            if (label[i]) {
                totalTrue[lane] += wi;
                if (b < buckets) {
                    trueB[b * lanes + lane] += wi;
                }
            } else {
                totalFalse[lane] += wi;
                if (b < buckets) {
                    falseB[b * lanes + lane] += wi;
                }
            }
        }
        for (int lane = 0; lane < lanes; lane++) {
            if (evenly) {
                // tp[j] = sum of buckets >= j (bucket indices shifted by one above); fn/tn = totals - tp/fp
                double accT = 0;
                double accF = 0;
                for (int j = t - 1; j >= 0; j--) {
                    accT += j + 1 < buckets ? trueB[(j + 1) * lanes + lane] : 0;
                    accF += j + 1 < buckets ? falseB[(j + 1) * lanes + lane] : 0;
                    int k = j * lanes + lane;
                    add(tp, k, accT);
                    add(fp, k, accF);
                    add(fn, k, totalTrue[lane] - accT);
                    add(tn, k, totalFalse[lane] - accF);
                }
            } else {
                // sorted threshold j: predictions in buckets > j are above it, buckets <= j are not
                double belowT = 0;
                double belowF = 0;
                for (int j = 0; j < t; j++) {
                    belowT += trueB[j * lanes + lane];
                    belowF += falseB[j * lanes + lane];
                    int k = order[j] * lanes + lane;
                    add(tp, k, totalTrue[lane] - belowT);
                    add(fp, k, totalFalse[lane] - belowF);
                    add(fn, k, belowT);
                    add(tn, k, belowF);
                }
            }
        }
    }

    private static void add(double[] target, int k, double v) {
        if (target != null) {
            target[k] += v;
        }
    }

    /** Number of sorted thresholds strictly below {@code p}: {@code p > t} holds for exactly those. */
    private int countBelow(double p) {
        int lo = 0;
        int hi = sortedThresholds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedThresholds[mid] < p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * {@code metrics_utils._filter_top_k} ({@code :607-624}): along the last axis, every entry outside the top k
     * (ties keep the lower index, as {@code top_k} does) becomes {@code NEG_INF}.
     */
    private void filterTopK(double[] p, int[] shape, Tensor yPred) {
        if (shape.length == 0) {
            throw new InvalidInputException("top_k needs y_pred of rank >= 1, got shape ()");
        }
        int c = shape[shape.length - 1];
        int k = topK;
        if (k < 0 || k > c) {
            throw new InvalidInputException("top_k=" + k + " needs 0 <= top_k <= the last dimension of y_pred, "
                    + "got shape " + yPred.shapeString());
        }
        double negInf = dtype.round(NEG_INF);
        int rows = c == 0 ? 0 : p.length / c;
        Integer[] idx = new Integer[c];
        boolean[] keep = new boolean[c];
        for (int row = 0; row < rows; row++) {
            int base = row * c;
            for (int j = 0; j < c; j++) {
                idx[j] = j;
            }
            // stable sort by descending value: equal values keep index order
            Arrays.sort(idx, (a, b) -> Double.compare(p[base + b], p[base + a]));
            Arrays.fill(keep, false);
            for (int j = 0; j < k; j++) {
                keep[idx[j]] = true;
            }
            for (int j = 0; j < c; j++) {
                if (!keep[j]) {
                    p[base + j] = negInf;
                }
            }
        }
    }

    /** Sample weight times label weights, broadcast to the final {@code y_pred} shape, in the dtype; null = 1. */
    private double[] weights(Tensor weight, int[] shape, int n) {
        double[] w = null;
        if (weight != null) {
            Tensor b = KerasShapes.broadcastTo(weight, shape, "sample_weight");
            w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = dtype.round(b.get(i));
            }
        }
        if (labelWeights != null) {
            // metrics_utils.py:209-212,557-566: expand_dims(label_weights, 0), broadcast to y_pred's shape
            Tensor b = KerasShapes.broadcastTo(Tensor.of(labelWeights, 1, labelWeights.length), shape,
                    "label_weights");
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = dtype.round((w == null ? 1.0 : w[i]) * b.get(i));
            }
            w = out;
        }
        return w;
    }
}
