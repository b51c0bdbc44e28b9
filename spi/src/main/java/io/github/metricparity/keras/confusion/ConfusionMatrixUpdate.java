package io.github.metricparity.keras.confusion;

import io.github.metricparity.keras.internal.Fused;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.internal.TensorBuffers;
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
    /** Up to this many thresholds, {@link #countBelow} counts instead of searching. */
    private static final int LINEAR_COUNT = 8;

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
    // the fused update's per-bucket sums, kept between updates: (bucket << 1 | label) counts or weights
    private final boolean fusable;
    // float32 and a few thresholds: their order keys (Fused.orderKey), sorted
    private final int[] sortedKeys;
    private int[] bucketCounts;
    private double[] bucketWeights;
    private double[] fusedTrue;
    private double[] fusedFalse;
    private final double[] fusedTotals = new double[2];

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
        this.fusable = topK == null && classId == null && !multiLabel && labelWeights == null
                && Fused.floating(dtype);
        if (dtype == DType.FLOAT32 && !evenly && cast.length <= LINEAR_COUNT) {
            sortedKeys = new int[cast.length];
            for (int j = 0; j < cast.length; j++) {
                sortedKeys[j] = Fused.orderKey((float) sortedThresholds[j]);
            }
        } else {
            sortedKeys = null;
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
            p[i] = prediction(pred.get(i));
            label[i] = positive(truth.get(i));
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
        for (int i = 0; i < n; i++) {
            int lane = multiLabel ? i % lanes : 0;
            int b = bucket(p[i]);
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
        addCumulated(trueB, falseB, totalTrue, 0, totalFalse, 0, lanes, tp, fp, tn, fn);
    }

    /** A prediction as the thresholds see it: the sigmoid first when {@code from_logits}, in the dtype. */
    private double prediction(double x) {
        return dtype.round(fromLogits ? Numerics.sigmoid(x) : x);
    }

    /** {@code y_true} is cast to the dtype, then to bool: any non-zero is a positive. */
    private boolean positive(double y) {
        return dtype.round(y) != 0.0;
    }

    /**
     * The bucket of a prediction (in the dtype): with evenly spaced thresholds Keras's bucket shifted by one
     * (metrics_utils.py:219,233-244: clip, {@code ceil(p * (T-1)) - 1} in the dtype, relu'd with the epsilon ends;
     * index 0 is bucket -1, {@code p == 0} without epsilon, which segment_sum drops); otherwise the number of sorted
     * thresholds strictly below it. The one per-prediction rule of {@link #apply} and {@link #applyFused}, whose
     * float32 loops ({@link #countEvenly}, {@link #countSorted}) compute it in float arithmetic.
     */
    private int bucket(double p) {
        if (!evenly) {
            return countBelow(p);
        }
        double product = Numerics.clip(p, 0.0, 1.0) * dtype.round(numThresholds - 1.0);
        return Math.max((int) Math.ceil(dtype.round(product)), withEpsilon ? 1 : 0);
    }

    /**
     * Adds the counts per threshold that the bucket sums give: bucket {@code b} of lane {@code l} at
     * {@code b * lanes + l} holds the weight of the predictions above exactly the thresholds {@code [0, b)}
     * (sorted order when not even).
     */
    private void addCumulated(double[] trueB, double[] falseB, double[] totalTrue, int trueAt, double[] totalFalse,
            int falseAt, int lanes, double[] tp, double[] fp, double[] tn, double[] fn) {
        int t = numThresholds;
        int buckets = evenly ? t : t + 1;
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
                    add(fn, k, totalTrue[trueAt + lane] - accT);
                    add(tn, k, totalFalse[falseAt + lane] - accF);
                }
            } else {
                // sorted threshold j: predictions in buckets > j are above it, buckets <= j are not
                double belowT = 0;
                double belowF = 0;
                for (int j = 0; j < t; j++) {
                    belowT += trueB[j * lanes + lane];
                    belowF += falseB[j * lanes + lane];
                    int k = order[j] * lanes + lane;
                    add(tp, k, totalTrue[trueAt + lane] - belowT);
                    add(fp, k, totalFalse[falseAt + lane] - belowF);
                    add(fn, k, belowT);
                    add(tn, k, belowF);
                }
            }
        }
    }

    /**
     * The fused form of {@link #apply} ({@link io.github.metricparity.keras.internal.AbstractMetric#fusedUpdate}) for
     * the
     * common configs and shapes: no {@code top_k}, {@code class_id}, {@code multi_label} or {@code label_weights},
     * a floating dtype, {@code y_true} and {@code y_pred} of one shape after Keras's squeeze or expand, and a weight
     * that needs no broadcast. One pass checks the values ({@code check} on {@code y_pred}, finiteness of the
     * others) and counts each prediction into its bucket, exactly as {@link #apply} buckets it, in sums kept by
     * this instance between updates; the same cumulation then adds them to the targets. Returns false, having
     * changed no target, to decline.
     */
    boolean applyFused(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check, double[] tp, double[] fp,
            double[] tn, double[] fn) {
        if (!fusable) {
            return false;
        }
        Tensor[] r = KerasShapes.squeezeOrExpandToSameRank(yPred, yTrue, true);
        Tensor pred = r[0];
        Tensor truth = r[1];
        if (pred.rank() == 0 || !Arrays.equals(pred.shape(), truth.shape())) {
            return false;
        }
        Tensor weight = null;
        if (sampleWeight != null) {
            // as apply reconciles it; a weight of the prediction's shape is broadcast as it is
            weight = KerasShapes.squeezeOrExpandToSameRank(truth, KerasShapes.expandLast(sampleWeight), false)[1];
            if (!Arrays.equals(weight.shape(), pred.shape())) {
                return false;
            }
        }
        int t = numThresholds;
        if (!fits(tp, t) || !fits(fp, t) || !fits(tn, t) || !fits(fn, t)) {
            return false;
        }
        int buckets = evenly ? t : t + 1;
        if (bucketCounts == null) {
            bucketCounts = new int[2 * buckets];
            bucketWeights = new double[2 * buckets];
        }
        int[] counts = bucketCounts;
        double[] sums = bucketWeights;
        Arrays.fill(counts, 0);
        Arrays.fill(sums, 0.0);

        int n = pred.size();
        float[] pf = TensorBuffers.floats(pred);
        double[] pd = TensorBuffers.doubles(pred);
        int po = TensorBuffers.offset(pred);
        float[] tf = TensorBuffers.floats(truth);
        double[] td = TensorBuffers.doubles(truth);
        int to = TensorBuffers.offset(truth);
        boolean f32 = dtype == DType.FLOAT32;
        long flags = 0;
        double totalTrue = 0;
        double totalFalse = 0;
        boolean float32Counts = f32 && pf != null && tf != null && !fromLogits && weight == null
                && (evenly || sortedKeys != null);
        if (float32Counts) {
            flags = evenly ? countEvenly(pf, po, tf, to, n, check, counts)
                    : countSorted(pf, po, tf, to, n, check, counts);
        }
        for (int i = 0; i < n && !float32Counts; i++) {
            double y = tf != null ? tf[to + i] : td[to + i];
            flags |= (pf != null ? Fused.flag(check, pf[po + i]) : Fused.flag(check, pd[po + i]))
                    | Fused.nonFinite(y);
            int label = positive(y) ? 1 : 0;
            int k = bucket(prediction(pf != null ? pf[po + i] : pd[po + i])) << 1 | label;
            if (weight == null) {
                counts[k]++;
            } else {
                double raw = weight.get(i);
                flags |= Fused.nonFinite(raw);
                double wi = dtype.round(raw);
                sums[k] += wi;
                if (label == 1) {
                    totalTrue += wi;
                } else {
                    totalFalse += wi;
                }
            }
        }
        if (flags < 0) {
            return false;
        }
        if (fusedTrue == null) {
            fusedTrue = new double[buckets];
            fusedFalse = new double[buckets];
        }
        for (int b = 0; b < buckets; b++) {
            if (weight == null) {
                // counts of 1.0 weights: their sums in double are these integers exactly
                fusedTrue[b] = counts[b << 1 | 1];
                fusedFalse[b] = counts[b << 1];
                totalTrue += fusedTrue[b];
                totalFalse += fusedFalse[b];
            } else {
                fusedTrue[b] = sums[b << 1 | 1];
                fusedFalse[b] = sums[b << 1];
            }
        }
        fusedTotals[0] = totalTrue;
        fusedTotals[1] = totalFalse;
        addCumulated(fusedTrue, fusedFalse, fusedTotals, 0, fusedTotals, 1, 1, tp, fp, tn, fn);
        return true;
    }

    /**
     * The loop of {@link #applyFused} for unweighted float32 inputs and evenly spaced thresholds, in float
     * arithmetic: a float32 product is the double product of two floats rounded once, so it is the bucket
     * {@link #apply} computes. Returns the check flags.
     */
    private int countEvenly(float[] pf, int po, float[] tf, int to, int n, Fused.Check check, int[] counts) {
        float scale = (float) (numThresholds - 1.0);
        int lowest = withEpsilon ? 1 : 0;
        boolean unit = check == Fused.Check.UNIT_INTERVAL;
        int flags = 0;
        for (int i = 0; i < n; i++) {
            float p = pf[po + i];
            float y = tf[to + i];
            flags |= (unit ? Fused.outsideUnit(p) : Fused.nonFinite(p)) | Fused.nonFinite(y);
            float clipped = p < 0f ? 0f : p > 1f ? 1f : p;
            int b = Math.max((int) Math.ceil(clipped * scale), lowest);
            counts[b << 1 | positive(y)]++;
        }
        return flags;
    }

    /**
     * The loop of {@link #applyFused} for unweighted float32 inputs and a few sorted thresholds: the thresholds
     * below {@code p} are counted with int comparisons of {@link Fused#orderKey}s, without branches. Returns the
     * check flags.
     */
    private int countSorted(float[] pf, int po, float[] tf, int to, int n, Fused.Check check, int[] counts) {
        int[] keys = sortedKeys;
        boolean unit = check == Fused.Check.UNIT_INTERVAL;
        int flags = 0;
        if (keys.length <= 4) {
            // unrolled: a missing threshold is above every key (it counts 0)
            long k0 = keys.length > 0 ? keys[0] : Long.MAX_VALUE;
            long k1 = keys.length > 1 ? keys[1] : Long.MAX_VALUE;
            long k2 = keys.length > 2 ? keys[2] : Long.MAX_VALUE;
            long k3 = keys.length > 3 ? keys[3] : Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                float p = pf[po + i];
                float y = tf[to + i];
                flags |= (unit ? Fused.outsideUnit(p) : Fused.nonFinite(p)) | Fused.nonFinite(y);
                long key = Fused.orderKey(p);
                int b = (int) ((k0 - key >>> 63) + (k1 - key >>> 63) + (k2 - key >>> 63) + (k3 - key >>> 63));
                counts[b << 1 | positive(y)]++;
            }
            return flags;
        }
        for (int i = 0; i < n; i++) {
            float p = pf[po + i];
            float y = tf[to + i];
            flags |= (unit ? Fused.outsideUnit(p) : Fused.nonFinite(p)) | Fused.nonFinite(y);
            int key = Fused.orderKey(p);
            int b = 0;
            for (int k : keys) {
                b += (int) (((long) k - key) >>> 63);
            }
            counts[b << 1 | positive(y)]++;
        }
        return flags;
    }

    /** 1 for a label that is not zero (either sign), else 0, without a branch. */
    private static int positive(float y) {
        int magnitude = Float.floatToRawIntBits(y) << 1;
        return (magnitude | -magnitude) >>> 31;
    }

    private static boolean fits(double[] target, int t) {
        return target == null || target.length == t;
    }

    private static void add(double[] target, int k, double v) {
        if (target != null) {
            target[k] += v;
        }
    }

    /** Number of sorted thresholds strictly below {@code p}: {@code p > t} holds for exactly those. */
    private int countBelow(double p) {
        if (sortedThresholds.length <= LINEAR_COUNT) {
            // a few thresholds: counting without branches beats a binary search's unpredictable ones
            int below = 0;
            for (double threshold : sortedThresholds) {
                below += threshold < p ? 1 : 0;
            }
            return below;
        }
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
