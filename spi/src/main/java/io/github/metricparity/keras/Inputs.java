package io.github.metricparity.keras;

import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;

/** Input checks shared by every metric. Messages name the argument and its shape; the metric name is added by
 * {@link AbstractMetric}. */
public final class Inputs {
    private Inputs() {
    }

    /** Refuses a null tensor, or one holding NaN or an infinity (Keras would silently propagate them). */
    public static void requireFinite(AbstractMetric metric, String argument, Tensor t) {
        if (t == null) {
            throw new InvalidInputException(metric.label() + ": " + argument + " is null");
        }
        int n = t.size();
        float[] f = t.floatBuffer();
        if (f != null) {
            int off = t.offset();
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(f[off + i])) {
                    throw nonFinite(metric, argument, t, i);
                }
            }
        } else {
            double[] d = t.doubleBuffer();
            int off = t.offset();
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(d[off + i])) {
                    throw nonFinite(metric, argument, t, i);
                }
            }
        }
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
