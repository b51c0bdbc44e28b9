package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * Keras's shape rules, on {@link Tensor}s. One home for: rank reconciliation of {@code y_true} and {@code y_pred}
 * ({@code losses/loss.py squeeze_or_expand_to_same_rank}), numpy broadcasting, and reductions over trailing axes.
 * Views are returned where no data changes (squeeze, expand); broadcasting and reductions copy.
 */
public final class KerasShapes {
    private KerasShapes() {
    }

    /**
     * Keras {@code squeeze_or_expand_to_same_rank(x1, x2, expand_rank_1)}: when the ranks differ by exactly one and
     * the longer has a trailing dimension of 1, squeeze it away, or, if the other is rank 1 and
     * {@code expandRank1}, expand the other instead.
     *
     * @return the two tensors, possibly reshaped
     */
    public static Tensor[] squeezeOrExpandToSameRank(Tensor x1, Tensor x2, boolean expandRank1) {
        int r1 = x1.rank();
        int r2 = x2.rank();
        if (r1 == r2) {
            return new Tensor[] {x1, x2};
        }
        if (r1 == r2 + 1 && x1.dim(-1) == 1) {
            if (r2 == 1 && expandRank1) {
                x2 = expandLast(x2);
            } else {
                x1 = squeezeLast(x1);
            }
        }
        if (r2 == r1 + 1 && x2.dim(-1) == 1) {
            if (r1 == 1 && expandRank1) {
                x1 = expandLast(x1);
            } else {
                x2 = squeezeLast(x2);
            }
        }
        return new Tensor[] {x1, x2};
    }

    /** Removes a trailing dimension of size 1 (a view). */
    public static Tensor squeezeLast(Tensor t) {
        int[] s = t.shape();
        if (s.length == 0 || s[s.length - 1] != 1) {
            throw new InvalidInputException("cannot squeeze the last axis of shape " + t.shapeString());
        }
        return t.reshape(Arrays.copyOf(s, s.length - 1));
    }

    /** Adds a trailing dimension of size 1 (a view). */
    public static Tensor expandLast(Tensor t) {
        int[] s = t.shape();
        int[] e = Arrays.copyOf(s, s.length + 1);
        e[s.length] = 1;
        return t.reshape(e);
    }

    /** The numpy broadcast of two shapes, or null if they do not broadcast. */
    public static int[] broadcastShape(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * numpy {@code broadcast_to}: the tensor as seen with {@code shape}, copied into a double tensor (returned as
     * is when the shape already matches).
     *
     * @param what names the argument in the error, e.g. "sample_weight"
     */
    public static Tensor broadcastTo(Tensor t, int[] shape, String what) {
        int[] s = t.shape();
        if (Arrays.equals(s, shape)) {
            return t;
        }
        int[] b = broadcastShape(s, shape);
        if (b == null || !Arrays.equals(b, shape)) {
            throw new InvalidInputException(what + " of shape " + t.shapeString() + " cannot be broadcast to shape "
                    + Tensor.shapeString(shape));
        }
        int rank = shape.length;
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        // strides of t as seen in the target rank, 0 on broadcast axes
        int[] strides = new int[rank];
        int stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            int srcAxis = i - (rank - s.length);
            if (srcAxis >= 0) {
                strides[i] = s[srcAxis] == 1 ? 0 : stride;
                stride *= s[srcAxis];
            }
        }
        double[] out = new double[size];
        int[] idx = new int[rank];
        int src = 0;
        for (int i = 0; i < size; i++) {
            out[i] = t.get(src);
            for (int ax = rank - 1; ax >= 0; ax--) {
                idx[ax]++;
                src += strides[ax];
                if (idx[ax] < shape[ax]) {
                    break;
                }
                src -= strides[ax] * idx[ax];
                idx[ax] = 0;
            }
        }
        return Tensor.of(out, shape);
    }

    /**
     * Reduces all axes from {@code keepRank} on, by mean or sum, keeping the leading {@code keepRank} axes (Keras
     * {@code reduce_fn(x, axis=list(range(keepRank, ndim)))}); returns {@code t} itself when
     * {@code keepRank >= rank}.
     *
     * @throws InvalidInputException for a negative {@code keepRank}, or a mean over empty axes (numpy gives NaN)
     *                               when there is something to keep
     */
    public static Tensor reduceTrailing(Tensor t, int keepRank, boolean mean) {
        if (keepRank < 0) {
            throw new InvalidInputException("cannot keep " + keepRank + " leading axes of shape " + t.shapeString());
        }
        int[] s = t.shape();
        if (keepRank >= s.length) {
            return t;
        }
        int[] kept = Arrays.copyOf(s, keepRank);
        int outer = 1;
        for (int d : kept) {
            outer *= d;
        }
        int inner = t.size() / Math.max(outer, 1);
        double[] out = new double[outer];
        if (inner == 0) {
            if (mean && outer > 0) {
                // numpy's mean of an empty axis is NaN, which would poison the state: refused
                throw new InvalidInputException("cannot average over the empty trailing axes of shape "
                        + t.shapeString() + " (the mean of nothing is NaN)");
            }
            return Tensor.of(out, kept); // a sum over nothing is 0
        }
        for (int o = 0; o < outer; o++) {
            double acc = 0;
            int base = o * inner;
            for (int i = 0; i < inner; i++) {
                acc += t.get(base + i);
            }
            out[o] = mean ? acc / inner : acc;
        }
        return Tensor.of(out, kept);
    }

    /** Element-wise product of two tensors under numpy broadcasting. */
    public static Tensor multiply(Tensor a, Tensor b, String what) {
        int[] shape = broadcastShape(a.shape(), b.shape());
        if (shape == null) {
            throw new InvalidInputException(what + ": shapes " + a.shapeString() + " and " + b.shapeString()
                    + " do not broadcast");
        }
        Tensor x = broadcastTo(a, shape, what);
        Tensor y = broadcastTo(b, shape, what);
        double[] out = new double[x.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = x.get(i) * y.get(i);
        }
        return Tensor.of(out, shape);
    }

    /**
     * Applies {@code op} element-wise under numpy broadcasting (Keras {@code ops.equal}, {@code ops.subtract}, ...).
     *
     * @param what names the two arguments in an error, e.g. "y_true and y_pred"
     */
    public static Tensor zipWith(Tensor a, Tensor b, DoubleBinaryOperator op, String what) {
        int[] shape = broadcastShape(a.shape(), b.shape());
        if (shape == null) {
            throw new InvalidInputException(what + " have shapes " + a.shapeString() + " and " + b.shapeString()
                    + " that do not broadcast");
        }
        Tensor x = broadcastTo(a, shape, what);
        Tensor y = broadcastTo(b, shape, what);
        double[] out = new double[x.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = op.applyAsDouble(x.get(i), y.get(i));
        }
        return Tensor.of(out, shape);
    }

    /**
     * {@code argmax} over the last axis of values read as float32 ({@link Fused#argmaxFloat32}): a tensor with the
     * last axis removed, holding indices.
     */
    public static Tensor argmaxLast(Tensor t) {
        if (t.rank() == 0) {
            throw new InvalidInputException("argmax over the last axis needs rank >= 1, got shape ()");
        }
        int n = t.dim(-1);
        if (n == 0) {
            throw new InvalidInputException("argmax over an empty last axis, shape " + t.shapeString());
        }
        int rows = t.size() / n;
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            int arg = Fused.argmaxFloat32(t, r * n, n);
            out[r] = arg < 0 ? ~arg : arg;
        }
        return Tensor.of(out, dropLast(t.shape()));
    }

    /** A copy with every element rounded to {@code dtype} (the same tensor when nothing would change). */
    public static Tensor rounded(Tensor t, DType dtype) {
        if (dtype == DType.FLOAT64 || (dtype == DType.FLOAT32 && t.isFloat32())) {
            return t;
        }
        double[] out = new double[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dtype.round(t.get(i));
        }
        return Tensor.of(out, t.shape());
    }

    /** Sum of all elements. */
    public static double sum(Tensor t) {
        double acc = 0;
        int n = t.size();
        for (int i = 0; i < n; i++) {
            acc += t.get(i);
        }
        return acc;
    }

    /**
     * Reduces the last axis (Keras {@code ops.mean(x, axis=-1)} / {@code ops.sum}); a scalar is returned as is.
     */
    public static Tensor reduceTrailingAxis(Tensor t, boolean mean) {
        if (t.rank() == 0) {
            return t;
        }
        return reduceTrailing(t, t.rank() - 1, mean);
    }

    /** The shape without its last axis. */
    public static int[] dropLast(int[] shape) {
        return Arrays.copyOf(shape, shape.length - 1);
    }
}
