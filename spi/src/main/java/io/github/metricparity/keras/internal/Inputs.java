package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.internal.TensorBuffers;

/** Input checks shared by every metric. Messages name the argument and its shape; the metric name is added by
 * {@link AbstractMetric}. */
public final class Inputs {
    private Inputs() {
    }

    /**
     * Refuses a null tensor, or one holding NaN or an infinity (Keras would silently propagate them), or, for a
     * float32 metric, a double too large for float32 (the cast to the dtype would make it an infinity).
     */
    public static void requireFinite(AbstractMetric metric, String argument, Tensor t) {
        finiteRange(metric, argument, t);
    }

    /**
     * {@link #requireFinite} that also returns {@code {min, max}} of the values ({@code {+inf, -inf}} when empty),
     * in the same pass.
     */
    public static double[] finiteRange(AbstractMetric metric, String argument, Tensor t) {
        if (t == null) {
            throw new InvalidInputException(metric.label() + ": " + argument + " is null");
        }
        int n = t.size();
        int off = TensorBuffers.offset(t);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        float[] f = TensorBuffers.floats(t);
        if (f != null) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                float v = f[off + i];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            // NaN poisons min/max, an infinity shows at an end: one test after the loop keeps it vectorisable
            // (an empty tensor leaves lo/hi at the infinities and is fine)
            if (n > 0 && (!Float.isFinite(lo) || !Float.isFinite(hi))) {
                throw nonFinite(metric, argument, t, firstNonFinite(t));
            }
            min = lo;
            max = hi;
        } else {
            double[] d = TensorBuffers.doubles(t);
            for (int i = 0; i < n; i++) {
                double v = d[off + i];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (n > 0 && (!Double.isFinite(min) || !Double.isFinite(max))) {
                throw nonFinite(metric, argument, t, firstNonFinite(t));
            }
            // a finite double beyond float32's range becomes an infinity once cast to a float32 metric's dtype
            if (metric.dtype() == DType.FLOAT32 && (min < -Float.MAX_VALUE || max > Float.MAX_VALUE)) {
                int i = firstOutside(t, Float.MAX_VALUE);
                throw new InvalidInputException(metric.label() + ": " + argument + " of shape " + t.shapeString()
                        + " holds " + t.get(i) + " at flat index " + i + ", which overflows the metric's dtype "
                        + "float32; metrics accept finite values only");
            }
        }
        return new double[] {min, max};
    }

    private static int firstOutside(Tensor t, double limit) {
        for (int i = 0; i < t.size(); i++) {
            if (Math.abs(t.get(i)) > limit) {
                return i;
            }
        }
        return 0;
    }

    private static int firstNonFinite(Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            if (!Double.isFinite(t.get(i))) {
                return i;
            }
        }
        return 0;
    }

    private static InvalidInputException nonFinite(AbstractMetric metric, String argument, Tensor t, int i) {
        return new InvalidInputException(metric.label() + ": " + argument + " of shape " + t.shapeString()
                + " holds " + t.get(i) + " at flat index " + i + "; metrics accept finite values only");
    }

    /** Requires equal shapes. */
    public static void requireSameShape(String a, Tensor ta, String b, Tensor tb) {
        if (!java.util.Arrays.equals(ta.shape(), tb.shape())) {
            throw new InvalidInputException(a + " and " + b + " must have the same shape, got " + a + " "
                    + ta.shapeString() + " and " + b + " " + tb.shapeString());
        }
    }

    /** Requires a minimum rank. */
    public static void requireRankAtLeast(String argument, Tensor t, int rank) {
        if (t.rank() < rank) {
            throw new InvalidInputException(argument + " must have rank >= " + rank + ", got shape "
                    + t.shapeString());
        }
    }

    /** Requires an exact rank. */
    public static void requireRank(String argument, Tensor t, int rank) {
        if (t.rank() != rank) {
            throw new InvalidInputException(argument + " must have rank " + rank + ", got shape " + t.shapeString());
        }
    }

    /**
     * Reads an integer class id: refuses a fractional value and one outside {@code [0, numClasses)}.
     */
    public static int classId(String argument, Tensor t, int flatIndex, int numClasses) {
        double v = t.get(flatIndex);
        int id = (int) v;
        if (id != v || id < 0 || id >= numClasses) {
            throw new InvalidInputException(argument + " of shape " + t.shapeString() + " holds " + v
                    + " at flat index " + flatIndex + ": class ids must be integers in [0, " + numClasses + ")");
        }
        return id;
    }
}
