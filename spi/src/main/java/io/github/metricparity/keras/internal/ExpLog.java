package io.github.metricparity.keras.internal;

/**
 * {@code exp}, {@code log1p} and {@code log} of float32 values, block by block, at float32 accuracy: the functions
 * of Keras's losses, which compute in float32, at about ten times the speed of {@code Math.exp}/{@code Math.log}.
 *
 * <h2>Why blocks</h2>
 * JDK 17's C2 vectorises a loop only when every array in it is indexed by the same expression ({@code out[i] =
 * f(in[i])}: with two offsets it cannot rule out overlap), its body is small (about 60 nodes before unrolling), and
 * it moves no bits between float and int ({@code Float.floatToRawIntBits} and {@code intBitsToFloat} stay scalar).
 * So each function is a chain of short loops over arrays of one block, each vectorised, and only the step that
 * needs the bits of a float (the power of two of {@code exp}, the exponent of {@code log}) is a scalar loop. Callers
 * copy their inputs into block arrays ({@code System.arraycopy}), which also lets one kernel read any buffer.
 *
 * <h2>Accuracy</h2>
 * Measured against {@code Math.exp}/{@code Math.log1p}/{@code Math.log} in double, in float32 ulps of the exact
 * result, over every float of each domain ({@code ExpLogTest} checks a dense sample on every build; the exhaustive
 * run is recorded in {@code benchmarks/README.md}): {@code exp} at most 0.98 ulp on [-104, 0] (results below
 * float32's normal range are within one ulp of the smallest denormal), {@code log1p} at most 1.3 ulp on [0, 1],
 * {@code log} at most 0.93 ulp on every positive normal float. The polynomials were fitted to the relative error
 * (weighted least squares on Chebyshev nodes, each coefficient rounded to float before the next was fitted).
 *
 * <p>Stateless; the arrays are the caller's.
 */
public final class ExpLog {
    /** Elements per block: the arrays of a kernel's passes stay in the first-level cache. */
    public static final int BLOCK = 1024;

    private static final float LOG2E = 1.44269504088896341f;
    /** ln 2 as a float, and the rest: k * LN2_HI is exact for the k of float arguments, so x - k ln 2 is exact. */
    private static final float LN2_HI = 0.693147182464599609375f;
    private static final float LN2_LO = (float) (StrictMath.log(2) - LN2_HI);
    /** 1.5 * 2^23: {@code (x + MAGIC) - MAGIC} rounds x to an integer, and x + MAGIC holds it in its low bits. */
    private static final float MAGIC = 12582912f;
    private static final int MAGIC_BITS = 0x4B400000;
    /** e^x for x below this is under half the smallest float32 denormal: 0. */
    private static final float EXP_MIN = -104f;
    /** The power of two of {@link #scale} is 2^(k + 64), so that k down to -190 stays a normal float. */
    private static final float TWO_TO_MINUS_64 = 0x1p-64f;

    // e^r = 1 + r + r^2 (E2 + E3 r + ... + E7 r^5) on [-ln2/2, ln2/2]
    private static final float E2 = 0.5f;
    private static final float E3 = 0.1666666716337204f;
    private static final float E4 = 0.04166647791862488f;
    private static final float E5 = 0.008333362638950348f;
    private static final float E6 = 0.0013932873262092471f;
    private static final float E7 = 0.0001985644776141271f;

    // log1p(e) = e + e^2 (P1 + P2 e + ... + P9 e^8) on [0, 1]
    private static final float P1 = -0.4999993145465851f;
    private static final float P2 = 0.3333047330379486f;
    private static final float P3 = -0.2495819479227066f;
    private static final float P4 = 0.19693396985530853f;
    private static final float P5 = -0.153496652841568f;
    private static final float P6 = 0.10670919716358185f;
    private static final float P7 = -0.05756990611553192f;
    private static final float P8 = 0.020154505968093872f;
    private static final float P9 = -0.0033074074890464544f;

    // log(1 + f) = f + f^2 (Q1 + Q2 f + ... + Q9 f^8) on [sqrt(1/2) - 1, sqrt(2) - 1]
    private static final float Q1 = -0.49999988079071045f;
    private static final float Q2 = 0.33333325386047363f;
    private static final float Q3 = -0.25001588463783264f;
    private static final float Q4 = 0.20001977682113647f;
    private static final float Q5 = -0.16608932614326477f;
    private static final float Q6 = 0.14181600511074066f;
    private static final float Q7 = -0.13243936002254486f;
    private static final float Q8 = 0.12906485795974731f;
    private static final float Q9 = -0.07622208446264267f;
    /** The bits of sqrt(1/2): {@code log} splits x into 2^k * m with m in [sqrt(1/2), sqrt(2)). */
    private static final int SQRT_HALF_BITS = 0x3f3504f3;

    private ExpLog() {
    }

    /**
     * The first step of {@code exp}, vectorised: for {@code x[i] <= 0} (below -104 taken as -104, NaN kept),
     * {@code e^x[i] = p[i] * 2^k} where {@code k} is held by {@code kk[i]} ({@link #scale} turns it into the power of
     * two). Positive x up to 43 work too; larger ones are outside the domain.
     */
    public static void expReduce(float[] x, float[] p, float[] kk, int n) {
        for (int i = 0; i < n; i++) {
            float v = Math.max(x[i], EXP_MIN);
            float k2 = Math.fma(v, LOG2E, MAGIC);
            float k = k2 - MAGIC;
            float r = Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, v));
            float q = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(E7, r, E6), r, E5), r, E4), r, E3), r, E2);
            p[i] = Math.fma(r * r, q, r) + 1f;
            kk[i] = k2;
        }
    }

    /**
     * {@code 2^(k + 64)} for the {@code k} that {@link #expReduce} left in {@code kk}: {@code p * scale(kk)} is
     * {@code e^x * 2^64} without rounding (a normal float for every x the reduction takes).
     */
    public static float scale(float kk) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(kk) - MAGIC_BITS + 127 + 64) << 23);
    }

    /** {@code 2^-64}: the factor that takes a sum of {@code p * scale(kk)} back to a sum of exponentials. */
    public static float unscale() {
        return TWO_TO_MINUS_64;
    }

    /**
     * {@code out[i] = e^x[i]} for {@code x[i] <= 0}; {@code work} holds {@code n} floats of scratch. {@code out} may be
     * {@code x}.
     */
    public static void exp(float[] x, float[] out, float[] work, int n) {
        expReduce(x, out, work, n);
        for (int i = 0; i < n; i++) {
            // one rounding at most: the first product is exact, the second rounds only a denormal result
            out[i] = out[i] * scale(work[i]) * TWO_TO_MINUS_64;
        }
    }

    /** {@code out[i] = log(1 + e[i])} for {@code e[i]} in [0, 1]. {@code out} may be {@code e}. */
    public static void log1pUnit(float[] e, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            float v = e[i];
            float q = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                    P9, v, P8), v, P7), v, P6), v, P5), v, P4), v, P3), v, P2), v, P1);
            out[i] = Math.fma(v * v, q, v);
        }
    }

    /**
     * {@code out[i] = log(x[i])}: within an ulp for positive normal floats; zero, denormals, negatives, infinities
     * and NaN take {@code Math.log} (correct, and rare). {@code work} holds {@code n} floats of scratch; {@code out}
     * must not be {@code x}.
     */
    public static void log(float[] x, float[] out, float[] work, int n) {
        boolean special = false;
        for (int i = 0; i < n; i++) {
            // x = 2^k * m with m in [sqrt(1/2), sqrt(2)): the bits of m and k, offset by those of sqrt(1/2)
            float v = x[i];
            special |= !(v >= Float.MIN_NORMAL && v <= Float.MAX_VALUE);
            int bits = Float.floatToRawIntBits(v) - SQRT_HALF_BITS;
            work[i] = bits >> 23;
            out[i] = Float.intBitsToFloat((bits & 0x007fffff) + SQRT_HALF_BITS);
        }
        for (int i = 0; i < n; i++) {
            float f = out[i] - 1f;
            float k = work[i];
            float q = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                    Q9, f, Q8), f, Q7), f, Q6), f, Q5), f, Q4), f, Q3), f, Q2), f, Q1);
            out[i] = Math.fma(k, LN2_HI, Math.fma(k, LN2_LO, Math.fma(f * f, q, f)));
        }
        if (special) {
            for (int i = 0; i < n; i++) {
                float v = x[i];
                if (!(v >= Float.MIN_NORMAL && v <= Float.MAX_VALUE)) {
                    out[i] = (float) Math.log(v);
                }
            }
        }
    }
}
