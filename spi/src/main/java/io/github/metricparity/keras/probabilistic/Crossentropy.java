package io.github.metricparity.keras.probabilistic;

import io.github.metricparity.keras.internal.Fused;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.internal.Blocks;
import io.github.metricparity.keras.internal.ElementwiseRows;
import io.github.metricparity.keras.internal.ExpLog;
import io.github.metricparity.keras.internal.RowSums;
import io.github.metricparity.keras.reduction.SamplewiseReduction.Contribution;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.internal.TensorBuffers;

/**
 * The per-sample functions of the crossentropies ({@code losses.py} with the TensorFlow backend's numerics,
 * {@code backend/tensorflow/nn.py}), one kernel each for both update paths: the generic path computes every row's
 * value with it, and the fused update
 * ({@link io.github.metricparity.keras.internal.AbstractMetric#fusedUpdate}) sums the same values for
 * {@code (N, C)} batches a chunk of rows at a time ({@link RowSums}), checking the values it reads on the way.
 * Inputs are read as float32, the dtype of the tensors Keras's losses receive, and the element-wise arithmetic is
 * float32 as in Keras, with {@link ExpLog}'s vectorised exp and log; sums over a row run in double.
 */
final class Crossentropy {
    private static final float EPS = (float) Numerics.epsilon(DType.FLOAT32);
    private static final float HI = (float) Numerics.oneMinusEpsilon(DType.FLOAT32);

    private Crossentropy() {
    }

    /** Keras {@code binary_crossentropy}: element-wise, mean over the last axis. */
    static final class Binary implements ElementwiseRows.Terms {
        private final boolean fromLogits;
        private final boolean smoothing;
        // y * (1 - label_smoothing) + 0.5 * label_smoothing, with Keras's float32 constants (losses.py)
        private final float keep;
        private final float shift;
        private final RowSums<ElementwiseRows> sums = new RowSums<>(ElementwiseRows::new);

        Binary(boolean fromLogits, double labelSmoothing) {
            this.fromLogits = fromLogits;
            this.smoothing = labelSmoothing != 0;
            this.keep = (float) (1.0 - labelSmoothing);
            this.shift = (float) (0.5 * labelSmoothing);
        }

        @Override
        public void apply(float[] t, float[] p, float[] out, float[] a, float[] b, int n) {
            if (smoothing) {
                for (int i = 0; i < n; i++) {
                    t[i] = t[i] * keep + shift;
                }
            }
            if (fromLogits) {
                // tf.nn.sigmoid_cross_entropy_with_logits: max(x, 0) - x * y + log1p(exp(-|x|))
                for (int i = 0; i < n; i++) {
                    a[i] = -Math.abs(p[i]);
                }
                ExpLog.exp(a, a, b, n);
                ExpLog.log1pUnit(a, a, n);
                for (int i = 0; i < n; i++) {
                    out[i] = (Math.max(p[i], 0f) - p[i] * t[i]) + a[i];
                }
                return;
            }
            // -(y * log(clip(p)) + (1 - y) * log(1 - clip(p)))
            for (int i = 0; i < n; i++) {
                float clipped = Math.min(Math.max(p[i], EPS), HI);
                a[i] = clipped;
                b[i] = 1f - clipped;
            }
            ExpLog.log(a, p, out, n);
            ExpLog.log(b, a, out, n);
            for (int i = 0; i < n; i++) {
                out[i] = -(t[i] * p[i] + (1f - t[i]) * a[i]);
            }
        }

        /** The loss of every row (along the last axis) of two tensors of one shape, rank >= 1, non-empty rows. */
        double[] rows(Tensor yTrue, Tensor yPred) {
            return ElementwiseRows.allRows(this, true, yTrue, yPred);
        }

        /** The fused update for {@code y_true} and {@code y_pred} of one shape {@code (N, C)}; null to decline. */
        Contribution fused(Tensor yTrue, Tensor yPred, Fused.Weights w, Fused.Check check, DType dtype) {
            if (!sameRank2(yTrue, yPred) || w == Fused.Weights.UNFIT) {
                return null;
            }
            int width = yPred.dim(1);
            return sums.contribution((blocks, first, count, values) -> blocks.rows(this, true, yTrue, yPred, width,
                    first, count, values, check), yPred.dim(0), width, w, dtype);
        }
    }

    /** Keras {@code categorical_crossentropy} along the last axis of rows laid out contiguously. */
    static final class Categorical extends FusedRows {
        private final boolean fromLogits;
        private final double labelSmoothing;
        private final float keep;

        Categorical(boolean fromLogits, double labelSmoothing) {
            this.fromLogits = fromLogits;
            this.labelSmoothing = labelSmoothing;
            this.keep = (float) (1.0 - labelSmoothing);
        }

        /** The loss of every row of {@code classes} contiguous elements of two tensors of one shape. */
        double[] rows(Tensor yTrue, Tensor yPred, int classes) {
            int rows = yPred.size() / classes;
            double[] values = new double[rows];
            rows(new RowBlocks(), yTrue, yPred, classes, 0, rows, values, null);
            return values;
        }

        /** The fused update for {@code (N, C)} tensors along the last axis; null to decline. */
        Contribution fused(Tensor yTrue, Tensor yPred, Fused.Weights w, Fused.Check check, DType dtype) {
            if (!sameRank2(yTrue, yPred) || w == Fused.Weights.UNFIT) {
                return null;
            }
            int classes = yPred.dim(1);
            return sum((blocks, first, count, values) -> rows(blocks, yTrue, yPred, classes, first, count, values,
                    check), yPred.dim(0), classes, w, dtype);
        }

        /**
         * Rows {@code [first, first + count)} into {@code values}; with a check, false as soon as a label is not
         * finite or a prediction fails it.
         */
        boolean rows(RowBlocks k, Tensor yTrue, Tensor yPred, int classes, int first, int count, double[] values,
                Fused.Check check) {
            // label_smoothing / num_classes in float32, as losses.py computes it
            float shift = (float) labelSmoothing / classes;
            int perBlock = Math.max(1, ExpLog.BLOCK / classes);
            if (check != null) {
                k.checks.start(check);
            }
            for (int r = 0; r < count; r += perBlock) {
                int rows = Math.min(perBlock, count - r);
                long from = (long) (first + r) * classes;
                if (classes > ExpLog.BLOCK) {
                    if (!k.longRow(this, yTrue, yPred, from, classes, shift, values, r, check)) {
                        return false;
                    }
                    continue;
                }
                int n = rows * classes;
                if (fromLogits) {
                    k.logSoftmaxLosses(this, yTrue, yPred, (int) from, rows, classes, shift, values, r, check);
                    continue;
                }
                Blocks.read(yTrue, (int) from, k.t, n);
                Blocks.read(yPred, (int) from, k.x, n);
                if (check != null) {
                    k.checks.add(k.t, n, k.x, n);
                }
                smooth(k.t, n, shift);
                k.probabilityLosses(rows, classes, values, r);
            }
            return check == null || k.checks.passed();
        }

        private void smooth(float[] t, int n, float shift) {
            if (labelSmoothing != 0) {
                for (int i = 0; i < n; i++) {
                    t[i] = t[i] * keep + shift;
                }
            }
        }
    }

    /**
     * Keras {@code sparse_categorical_crossentropy}: one class id per row of {@code y_pred} ({@code axis=-1}), rows
     * labelled {@code ignore_class} worth 0.
     */
    static final class Sparse extends FusedRows {
        private final boolean fromLogits;
        private final Integer ignoreClass;

        Sparse(boolean fromLogits, Integer ignoreClass) {
            this.fromLogits = fromLogits;
            this.ignoreClass = ignoreClass;
        }

        /** The loss of every row; {@code labels} holds one valid class id (or {@code ignore_class}) per row. */
        double[] rows(Tensor labels, Tensor yPred, int classes) {
            int rows = labels.size();
            double[] values = new double[rows];
            rows(new RowBlocks(), labels, yPred, classes, 0, rows, values, null);
            return values;
        }

        /**
         * The fused update for {@code y_pred (N, C)} with labels {@code (N,)} or {@code (N, 1)} and no
         * {@code ignore_class}; null to decline (a label that is not a class id included).
         */
        Contribution fused(Tensor yTrue, Tensor yPred, Fused.Weights w, Fused.Check check, DType dtype) {
            if (yPred.rank() != 2 || yPred.dim(1) == 0 || ignoreClass != null || w == Fused.Weights.UNFIT) {
                return null;
            }
            int rows = yPred.dim(0);
            boolean oneLabelPerRow = yTrue.rank() == 1 && yTrue.dim(0) == rows
                    || yTrue.rank() == 2 && yTrue.dim(0) == rows && yTrue.dim(1) == 1;
            if (!oneLabelPerRow) {
                return null;
            }
            int classes = yPred.dim(1);
            return sum((blocks, first, count, values) -> rows(blocks, yTrue, yPred, classes, first, count, values,
                    check), rows, classes, w, dtype);
        }

        /**
         * Rows {@code [first, first + count)}; with a check (the fused update), false as soon as a label is not a
         * class id or a prediction fails the check.
         */
        boolean rows(RowBlocks k, Tensor labels, Tensor yPred, int classes, int first, int count, double[] values,
                Fused.Check check) {
            int perBlock = Math.max(1, ExpLog.BLOCK / classes);
            if (check != null) {
                k.checks.start(check);
            }
            for (int r = 0; r < count; r += perBlock) {
                int rows = Math.min(perBlock, count - r);
                Blocks.read(labels, first + r, k.t, rows);
                if (check != null && !k.classIds(rows, classes)) {
                    return false;
                }
                if (classes > ExpLog.BLOCK) {
                    if (!k.longSparseRow(this, yPred, (long) (first + r) * classes, classes, values, r, check)) {
                        return false;
                    }
                    continue;
                }
                int n = rows * classes;
                Blocks.read(yPred, (first + r) * classes, k.x, n);
                if (check != null) {
                    k.checks.add(k.t, 0, k.x, n); // the labels are class ids: checked above
                }
                k.sparseLosses(this, rows, classes, values, r);
            }
            return check == null || k.checks.passed();
        }

        boolean ignored(float label) {
            return ignoreClass != null && label == ignoreClass;
        }
    }

    /** What the fused update of a categorical crossentropy keeps between batches, made on first use. */
    abstract static class FusedRows {
        private final RowSums<RowBlocks> sums = new RowSums<>(RowBlocks::new);

        Contribution sum(RowSums.Rows<RowBlocks> rows, int count, int width, Fused.Weights w, DType dtype) {
            return sums.contribution(rows, count, width, w, dtype);
        }
    }

    /**
     * The block arrays and row loops of the categorical crossentropies: rows of {@code classes} contiguous values
     * in {@link #x} (labels in {@link #t}), several rows per block. Confined to one thread.
     */
    static final class RowBlocks {
        final float[] t = new float[ExpLog.BLOCK];
        final float[] x = new float[ExpLog.BLOCK];
        private final float[] d = new float[ExpLog.BLOCK];
        private final float[] p = new float[ExpLog.BLOCK];
        private final float[] kk = new float[ExpLog.BLOCK];
        private final int[] rowOf = new int[ExpLog.BLOCK];
        final Blocks.Checks checks = new Blocks.Checks();

        /**
         * From logits ({@code tf.nn.softmax_cross_entropy_with_logits}): with {@code d = x - max} in float32,
         * {@code loss = sum(y * (log(sum(exp(d))) - d))}, computed as {@code sum(y) * log(sum(exp(d))) - sum(y * d)}
         * in one pass over the row (a zero label adds nothing: it is skipped). The scalar loops read a float array
         * in place, so that memory is read while they compute; the labels are not checked apart: every label
         * reaches the loss, so a NaN or an infinity among them makes it non-finite, and the fused update declines.
         */
        void logSoftmaxLosses(Categorical fn, Tensor yTrue, Tensor yPred, int from, int rows, int classes,
                float shift, double[] values, int at, Fused.Check check) {
            int n = rows * classes;
            float[] xs = Blocks.floatArray(yPred);
            int xo = xs == null ? 0 : TensorBuffers.offset(yPred) + from;
            if (xs == null) {
                Blocks.read(yPred, from, x, n);
                xs = x;
            }
            shiftByRowMax(xs, xo, rows, classes);
            if (xs != x) {
                System.arraycopy(xs, xo, x, 0, n); // from the cache now
            }
            if (check != null) {
                checks.add(t, 0, x, n);
            }
            for (int i = 0; i < n; i++) {
                d[i] = x[i] - p[i];
            }
            ExpLog.expReduce(d, p, kk, n);
            float[] ts = Blocks.floatArray(yTrue);
            int to = ts == null ? 0 : TensorBuffers.offset(yTrue) + from;
            if (ts == null) {
                Blocks.read(yTrue, from, t, n);
                ts = t;
            }
            boolean smoothing = fn.labelSmoothing != 0;
            for (int r = 0; r < rows; r++) {
                int b = r * classes;
                double sumExp = 0;
                double labels = 0;
                double weighted = 0;
                for (int j = b; j < b + classes; j++) {
                    sumExp += p[j] * ExpLog.scale(kk[j]);
                    float y = smoothing ? ts[to + j] * fn.keep + shift : ts[to + j];
                    if (y != 0) {
                        labels += y;
                        weighted += y * d[j];
                    }
                }
                values[at + r] = labels * Math.log(sumExp * ExpLog.unscale()) - weighted;
            }
        }

        /**
         * Fills each row's stretch of {@link #p} with the row's maximum, from {@code xs} at {@code xo}. The maximum
         * is taken over int keys that order like the floats, with {@code Math.max} on ints (a conditional move): a
         * float comparison branches, and on real data it mispredicts a few times a row (twice the time).
         */
        private void shiftByRowMax(float[] xs, int xo, int rows, int classes) {
            for (int r = 0; r < rows; r++) {
                int b = r * classes;
                int max = Integer.MIN_VALUE;
                for (int j = xo + b; j < xo + b + classes; j++) {
                    max = Math.max(max, orderKey(xs[j]));
                }
                java.util.Arrays.fill(p, b, b + classes, orderKey(max));
            }
        }

        /**
         * An int that orders floats as they compare (NaN above +Inf, -0.0 just below 0.0), and its own inverse:
         * negative floats' magnitude bits are flipped.
         */
        private static int orderKey(float v) {
            int bits = Float.floatToRawIntBits(v);
            return bits ^ ((bits >> 31) & 0x7fffffff);
        }

        private static float orderKey(int key) {
            return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7fffffff));
        }

        /** {@code log(sum(exp(d[from..to))))} after {@link ExpLog#expReduce} filled {@code p} and {@code kk}. */
        private double logSumOfExp(int from, int to) {
            double sum = 0;
            for (int j = from; j < to; j++) {
                sum += p[j] * ExpLog.scale(kk[j]);
            }
            return Math.log(sum * ExpLog.unscale());
        }

        /**
         * From probabilities: each row divided by its sum (float32), clipped to {@code [eps, 1 - eps]},
         * {@code loss = -sum(y * log(p))}; only the non-zero labels' logs are taken (a zero label adds a signed
         * zero), gathered for one vectorised log.
         */
        void probabilityLosses(int rows, int classes, double[] values, int at) {
            int m = 0;
            for (int r = 0; r < rows; r++) {
                int b = r * classes;
                double sum = 0;
                for (int j = b; j < b + classes; j++) {
                    sum += x[j];
                }
                float rowSum = (float) sum;
                for (int j = b; j < b + classes; j++) {
                    if (t[j] != 0) {
                        d[m] = Math.min(Math.max(x[j] / rowSum, EPS), HI); // NaN when the row sums to 0
                        p[m] = t[j];
                        rowOf[m++] = r;
                    }
                }
                values[at + r] = 0;
            }
            ExpLog.log(d, x, kk, m);
            for (int i = 0; i < m; i++) {
                values[at + rowOf[i]] -= p[i] * x[i];
            }
        }

        /** True when the labels {@code t[0..rows)} are class ids in {@code [0, classes)}. */
        boolean classIds(int rows, int classes) {
            for (int r = 0; r < rows; r++) {
                int id = (int) t[r];
                if (id != t[r] || id < 0 || id >= classes) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Sparse rows, the class id of row {@code r} in {@code t[r]}. From logits
         * ({@code tf.nn.sparse_softmax_cross_entropy_with_logits}): {@code log(sum(exp(d))) - d[label]} with
         * {@code d = x - max}. From probabilities Keras takes the same of {@code log(clip(p))}, which is
         * {@code log(sum(clip(p))) - log(clip(p[label]))}: two logs per row instead of an exp and a log per element.
         */
        void sparseLosses(Sparse fn, int rows, int classes, double[] values, int at) {
            if (fn.fromLogits) {
                shiftByRowMax(x, 0, rows, classes);
                for (int i = 0; i < rows * classes; i++) {
                    d[i] = x[i] - p[i];
                }
                ExpLog.expReduce(d, p, kk, rows * classes);
            }
            for (int r = 0; r < rows; r++) {
                int b = r * classes;
                if (fn.ignored(t[r])) {
                    values[at + r] = 0; // losses.py: where(valid_mask, res, 0)
                    continue;
                }
                int label = b + (int) t[r];
                if (fn.fromLogits) {
                    values[at + r] = logSumOfExp(b, b + classes) - d[label];
                } else {
                    double sum = 0;
                    for (int j = b; j < b + classes; j++) {
                        sum += Math.min(Math.max(x[j], EPS), HI);
                    }
                    values[at + r] = Math.log(sum) - Math.log(Math.min(Math.max(x[label], EPS), HI));
                }
            }
        }

        /** A sparse row longer than a block (its label in {@code t[at]}), read twice. */
        boolean longSparseRow(Sparse fn, Tensor yPred, long from, int classes, double[] values, int at,
                Fused.Check check) {
            float label = t[0];
            if (fn.ignored(label)) {
                values[at] = 0;
                return true;
            }
            int id = (int) label;
            float max = Float.NEGATIVE_INFINITY;
            float labelled = 0;
            double clippedSum = 0;
            for (int s = 0; s < classes; s += ExpLog.BLOCK) {
                int n = Math.min(ExpLog.BLOCK, classes - s);
                Blocks.read(yPred, (int) from + s, x, n);
                if (check != null) {
                    checks.add(t, 0, x, n);
                }
                for (int j = 0; j < n; j++) {
                    max = Math.max(max, x[j]);
                    clippedSum += Math.min(Math.max(x[j], EPS), HI);
                }
                if (id >= s && id < s + n) {
                    labelled = x[id - s];
                }
            }
            if (!fn.fromLogits) {
                values[at] = Math.log(clippedSum) - Math.log(Math.min(Math.max(labelled, EPS), HI));
                return true;
            }
            double sumExp = 0;
            for (int s = 0; s < classes; s += ExpLog.BLOCK) {
                int n = Math.min(ExpLog.BLOCK, classes - s);
                Blocks.read(yPred, (int) from + s, x, n);
                for (int j = 0; j < n; j++) {
                    d[j] = x[j] - max;
                }
                ExpLog.expReduce(d, p, kk, n);
                for (int j = 0; j < n; j++) {
                    sumExp += p[j] * ExpLog.scale(kk[j]);
                }
            }
            values[at] = Math.log(sumExp * ExpLog.unscale()) - (labelled - max);
            return true;
        }

        /** One row longer than a block, read twice: its maximum first, then its exponentials and labels. */
        boolean longRow(Categorical fn, Tensor yTrue, Tensor yPred, long from, int classes, float shift,
                double[] values, int at, Fused.Check check) {
            float max = Float.NEGATIVE_INFINITY;
            double sum = 0;
            for (int s = 0; s < classes; s += ExpLog.BLOCK) {
                int n = Math.min(ExpLog.BLOCK, classes - s);
                Blocks.read(yPred, (int) from + s, x, n);
                Blocks.read(yTrue, (int) from + s, t, n);
                if (check != null) {
                    checks.add(t, n, x, n);
                }
                for (int j = 0; j < n; j++) {
                    max = Math.max(max, x[j]);
                    sum += x[j];
                }
            }
            double labels = 0; // sum(y), and sum(y * d) or sum(y * log(p))
            double weighted = 0;
            double sumExp = 0;
            for (int s = 0; s < classes; s += ExpLog.BLOCK) {
                int n = Math.min(ExpLog.BLOCK, classes - s);
                Blocks.read(yPred, (int) from + s, x, n);
                Blocks.read(yTrue, (int) from + s, t, n);
                fn.smooth(t, n, shift);
                if (fn.fromLogits) {
                    for (int j = 0; j < n; j++) {
                        d[j] = x[j] - max;
                    }
                    ExpLog.expReduce(d, p, kk, n);
                    for (int j = 0; j < n; j++) {
                        sumExp += p[j] * ExpLog.scale(kk[j]);
                        if (t[j] != 0) {
                            labels += t[j];
                            weighted += t[j] * d[j];
                        }
                    }
                } else {
                    float rowSum = (float) sum;
                    for (int j = 0; j < n; j++) {
                        d[j] = Math.min(Math.max(x[j] / rowSum, EPS), HI);
                    }
                    ExpLog.log(d, p, kk, n);
                    for (int j = 0; j < n; j++) {
                        if (t[j] != 0) {
                            weighted -= t[j] * p[j];
                        }
                    }
                }
            }
            values[at] = fn.fromLogits ? labels * Math.log(sumExp * ExpLog.unscale()) - weighted : weighted;
            return true;
        }
    }

    /** Both {@code (N, C)} with {@code C >= 1}. */
    static boolean sameRank2(Tensor yTrue, Tensor yPred) {
        return yPred.rank() == 2 && yTrue.rank() == 2 && yTrue.dim(0) == yPred.dim(0)
                && yTrue.dim(1) == yPred.dim(1) && yPred.dim(1) > 0;
    }
}
