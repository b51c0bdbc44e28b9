package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.internal.TensorBuffers;

/**
 * Building blocks of fused updates ({@link AbstractMetric#fusedUpdate}): one pass over the inputs that checks and
 * accumulates without allocating. The checks are conservative flags: a flagged value may be fine, but an unflagged
 * one never needs the generic path's attention, so a fused update that sees a flag declines and the generic path
 * accepts, refuses or warns exactly as it always does.
 */
public final class Fused {
    private Fused() {
    }

    /** What a fused update must verify about {@code y_pred} so that the generic checks would pass silently. */
    public enum Check {
        /** Finite values (nothing else is looked at). */
        FINITE,
        /** Finite values in [0, 1]: the probability diagnostics would look at anything else. */
        UNIT_INTERVAL
    }

    /**
     * A flag that is negative when {@code v} is NaN or infinite (its exponent is all ones). OR the flags of a pass
     * together and test the sign once, after the loop.
     */
    public static int nonFinite(float v) {
        return (Float.floatToRawIntBits(v) & 0x7f800000) + 0x00800000;
    }

    /**
     * {@link #nonFinite(float)} for a double read as float32: negative when {@code v} is NaN, infinite, or beyond
     * float32's range (a float32 metric refuses it; a float64 one may take it, on the generic path).
     */
    public static long nonFinite(double v) {
        return nonFinite((float) v);
    }

    /**
     * A flag that is negative when {@code v} is not a finite value in [0, 1] (conservatively: -0.0 is flagged too).
     * Non-negative floats order like their bit patterns, and 1.0f is {@code 0x3f800000}.
     */
    public static int outsideUnit(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits | (0x3f800000 - bits);
    }

    /** The flag of {@code y_pred} value {@code v} under {@code check}: negative when the fused update must decline. */
    public static int flag(Check check, float v) {
        return check == Check.FINITE ? nonFinite(v) : outsideUnit(v);
    }

    /** {@link #flag(Check, float)} for a double value: negative when the fused update must decline. */
    public static long flag(Check check, double v) {
        return check == Check.FINITE ? nonFinite(v) : v >= 0.0 && v <= 1.0 ? 0L : -1L;
    }

    /**
     * The argmax of {@code n} float32 values from {@code f[from]}, ties to the first, when every value is finite
     * and non-negative (-0.0 excluded); -1 otherwise, and the caller compares that row its own way. Such floats
     * order like their bit patterns, so each value becomes the long {@code bits * 2^32 - j}, whose maximum is the
     * largest value at its first position: a running {@code Math.max} without the unpredictable branches of a
     * float comparison (2 to 3x faster on random scores and on one-hot rows).
     */
    public static int argmaxNonNegative(float[] f, int from, int n) {
        long best = Long.MIN_VALUE;
        int negative = 0;
        for (int j = 0; j < n; j++) {
            int bits = Float.floatToRawIntBits(f[from + j]);
            negative |= bits;
            best = Math.max(best, ((long) bits << 32) - j);
        }
        int bestBits = (int) ((best + Integer.MAX_VALUE) >> 32);
        // a sign bit anywhere, or a largest value that is +Inf or NaN
        return negative < 0 || bestBits >= 0x7f800000 ? -1 : (int) -best;
    }

    /** {@link #argmaxNonNegative(float[], int, int)} of double values read as float32 (how Keras sees them). */
    public static int argmaxNonNegative(double[] d, int from, int n) {
        long best = Long.MIN_VALUE;
        int negative = 0;
        for (int j = 0; j < n; j++) {
            int bits = Float.floatToRawIntBits((float) d[from + j]);
            negative |= bits;
            best = Math.max(best, ((long) bits << 32) - j);
        }
        int bestBits = (int) ((best + Integer.MAX_VALUE) >> 32);
        return negative < 0 || bestBits >= 0x7f800000 ? -1 : (int) -best;
    }

    /**
     * The argmax of the {@code n} values from flat index {@code from}, read as float32 as Keras's functions see
     * their inputs: ties go to the first index, -0.0 equals 0.0. The one kernel of the accuracy family, generic and
     * fused paths alike. When a value is not finite as float32 the result is {@code ~argmax} (negative): a fused
     * update declines, the generic path (where that can only be a float64 metric's double beyond float32's range,
     * an infinity once read) takes {@code ~result}.
     */
    public static int argmaxFloat32(Tensor t, int from, int n) {
        float[] f = TensorBuffers.floats(t);
        int at = TensorBuffers.offset(t) + from;
        return f != null ? argmax(f, at, n) : argmax(TensorBuffers.doubles(t), at, n);
    }

    /** {@link #argmaxFloat32} of {@code n} float32 values from {@code f[from]}. */
    public static int argmax(float[] f, int from, int n) {
        int fast = Fused.argmaxNonNegative(f, from, n);
        if (fast >= 0) {
            return fast;
        }
        float best = f[from];
        int flags = Fused.nonFinite(best);
        int arg = 0;
        for (int j = 1; j < n; j++) {
            float v = f[from + j];
            flags |= Fused.nonFinite(v);
            if (v > best) {
                best = v;
                arg = j;
            }
        }
        return flags < 0 ? ~arg : arg;
    }

    /** {@link #argmaxFloat32} of {@code n} double values from {@code d[from]}, read as float32. */
    public static int argmax(double[] d, int from, int n) {
        int fast = Fused.argmaxNonNegative(d, from, n);
        if (fast >= 0) {
            return fast;
        }
        float best = (float) d[from];
        long flags = Fused.nonFinite(d[from]);
        int arg = 0;
        for (int j = 1; j < n; j++) {
            float v = (float) d[from + j];
            flags |= Fused.nonFinite(d[from + j]);
            if (v > best) {
                best = v;
                arg = j;
            }
        }
        return flags < 0 ? ~arg : arg;
    }

    /**
     * An int that orders finite floats as they compare: {@code a < b} exactly when {@code orderKey(a) <
     * orderKey(b)}, and -0.0 and 0.0 get the same key. Negative floats' magnitude bits are flipped, so that int
     * comparisons (branch-free) replace float ones (unpredictable branches).
     */
    public static int orderKey(float v) {
        int bits = Float.floatToRawIntBits(v);
        return (bits ^ ((bits >> 31) & 0x7fffffff)) + (bits >>> 31);
    }

    /** Element {@code i} (from the tensor's offset) read as float32: how Keras sees the inputs of its functions. */
    public static float input(float[] f, double[] d, int i) {
        return f != null ? f[i] : (float) d[i];
    }

    /** True for the metric dtypes fused updates handle (the floating ones). */
    public static boolean floating(DType dtype) {
        return dtype == DType.FLOAT32 || dtype == DType.FLOAT64;
    }

    /**
     * The per-sample weights of a fused update: none, or one per row ({@code (rows,)}). Reads them cast to the
     * metric dtype as {@code reduce_to_samplewise_values} does.
     */
    public static final class Weights {
        private final float[] f;
        private final double[] d;
        private final int offset;
        private final boolean toFloat32;

        private Weights(Tensor w, DType dtype) {
            this.f = TensorBuffers.floats(w);
            this.d = TensorBuffers.doubles(w);
            this.offset = TensorBuffers.offset(w);
            this.toFloat32 = dtype == DType.FLOAT32;
        }

        /**
         * The weights of {@code sampleWeight} when it holds one weight per row in shape {@code (rows,)}; null when
         * there is none. Returns {@link #UNFIT} for any other shape, which a fused update declines.
         */
        public static Weights perRow(Tensor sampleWeight, int rows, DType dtype) {
            if (sampleWeight == null) {
                return null;
            }
            if (sampleWeight.rank() != 1 || sampleWeight.dim(0) != rows) {
                return UNFIT;
            }
            return new Weights(sampleWeight, dtype);
        }

        /** Marker of a weight shape the fused update does not take. */
        public static final Weights UNFIT = new Weights(Tensor.vector(), DType.FLOAT64);

        /** Weight {@code i}, cast to the metric dtype. */
        public double get(int i) {
            return f != null ? f[offset + i] : toFloat32 ? (float) d[offset + i] : d[offset + i];
        }

        /** OR of {@link Fused#nonFinite} over every weight: negative when one is NaN or infinite. */
        public long nonFiniteFlags(int rows) {
            long flags = 0;
            if (f != null) {
                for (int i = 0; i < rows; i++) {
                    flags |= nonFinite(f[offset + i]);
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    flags |= nonFinite(d[offset + i]);
                }
            }
            return flags;
        }
    }
}
