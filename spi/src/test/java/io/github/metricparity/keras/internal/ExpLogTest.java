package io.github.metricparity.keras.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The accuracy of {@link ExpLog} in float32 ulps of the exact result (from {@code Math.exp}, {@code Math.log1p},
 * {@code Math.log} in double, far more precise than float32), on a dense sample of each domain: every 97th float
 * bit pattern (every binade, every stretch of mantissas) plus the edges. {@link #exhaustive} runs every float of
 * the domains (a few minutes; its result is recorded in {@code benchmarks/README.md}).
 */
class ExpLogTest {
    private static final int STRIDE = 97;

    @Test
    void expIsWithinOneUlpOnTheNonPositiveFloats() {
        Error e = expError(STRIDE);
        assertTrue(e.maxUlps <= 0.98, "exp: " + e);
        assertTrue(e.maxDenormalUlps <= 1.0, "exp, denormal results: " + e);
    }

    @Test
    void log1pIsWithinOnePointThreeUlpsOnTheUnitInterval() {
        Error e = log1pError(STRIDE);
        assertTrue(e.maxUlps <= 1.3, "log1p: " + e);
    }

    @Test
    void logIsWithinOneUlpOnThePositiveNormalFloats() {
        Error e = logError(STRIDE);
        assertTrue(e.maxUlps <= 0.93, "log: " + e);
    }

    @Test
    void edges() {
        float[] x = {0f, -0f, -1e-30f, -104f, -200f, Float.NEGATIVE_INFINITY, Float.NaN, -87.33655f, -88.72284f};
        float[] out = new float[x.length];
        ExpLog.exp(x, out, new float[x.length], x.length);
        assertEquals(1f, out[0]);
        assertEquals(1f, out[1]);
        assertEquals(1f, out[2]);
        assertEquals(0f, out[3]);
        assertEquals(0f, out[4]);
        assertEquals(0f, out[5]);
        assertTrue(Float.isNaN(out[6]));
        assertEquals((float) Math.exp(x[7]), out[7], Math.ulp((float) Math.exp(x[7])));
        assertEquals((float) Math.exp(x[8]), out[8], Float.MIN_VALUE);

        float[] e = {0f, 1f, 0x1p-126f, 1e-30f};
        ExpLog.log1pUnit(e, out, e.length);
        assertEquals(0f, out[0]);
        assertEquals((float) Math.log1p(1), out[1], Math.ulp(0.69f));
        assertEquals(0x1p-126f, out[2]);
        assertEquals(1e-30f, out[3]);

        float[] v = {1f, 2f, 0.5f, Float.MIN_NORMAL, Float.MAX_VALUE, 1.0000001f, 0.99999994f};
        ExpLog.log(v, out, new float[v.length], v.length);
        assertEquals(0f, out[0]);
        for (int i = 1; i < v.length; i++) {
            assertEquals(Math.log(v[i]), out[i], Math.ulp((float) Math.log(v[i])), "log(" + v[i] + ")");
        }
    }

    @Test
    void outputMayOverwriteInput() {
        float[] x = {-0.5f, -3f, -20f};
        float[] expected = new float[3];
        ExpLog.exp(x.clone(), expected, new float[3], 3);
        ExpLog.exp(x, x, new float[3], 3);
        assertEquals(expected[0], x[0]);
        assertEquals(expected[2], x[2]);
    }

    /** Every float of each domain; prints the maxima (run by hand: a few minutes). */
    public static void main(String[] args) {
        System.out.println("exp on [-104, 0]: " + expError(1));
        System.out.println("log1p on [0, 1]: " + log1pError(1));
        System.out.println("log on the positive normal floats: " + logError(1));
    }

    /** The largest errors seen, in float32 ulps of the exact value (denormal results: in units of 2^-149). */
    record Error(long values, double maxUlps, float worstArgument, double maxDenormalUlps) {
    }

    private interface Kernel {
        void apply(float[] in, float[] out, float[] work, int n);
    }

    private interface Exact {
        double of(float x);
    }

    static Error expError(int stride) {
        return scan(0f, 104f, true, stride, ExpLog::exp, Math::exp);
    }

    static Error log1pError(int stride) {
        return scan(0f, 1f, false, stride, (in, out, work, n) -> ExpLog.log1pUnit(in, out, n), Math::log1p);
    }

    static Error logError(int stride) {
        return scan(Float.MIN_NORMAL, Float.MAX_VALUE, false, stride, ExpLog::log, Math::log);
    }

    /** Every {@code stride}-th float from {@code from} to {@code to} (their negatives when {@code negate}). */
    private static Error scan(float from, float to, boolean negate, int stride, Kernel kernel, Exact exact) {
        int block = ExpLog.BLOCK;
        float[] in = new float[block];
        float[] out = new float[block];
        float[] work = new float[block];
        long values = 0;
        double maxUlps = 0;
        double maxDenormal = 0;
        float worst = Float.NaN;
        long last = Float.floatToRawIntBits(to);
        long bits = Float.floatToRawIntBits(from);
        while (bits <= last) {
            int n = 0;
            for (; n < block && bits <= last; n++, bits += stride) {
                float v = Float.intBitsToFloat((int) bits);
                in[n] = negate ? -v : v;
            }
            if (bits - stride != last && bits > last) {
                in[n++] = negate ? -to : to; // the end of the domain, whatever the stride
            }
            kernel.apply(in, out, work, n);
            for (int i = 0; i < n; i++) {
                double x = exact.of(in[i]);
                double error = Math.abs(out[i] - x);
                if (Math.abs(x) < Float.MIN_NORMAL) {
                    maxDenormal = Math.max(maxDenormal, error / Float.MIN_VALUE);
                } else {
                    double ulps = error / Math.scalb(1.0, Math.getExponent(x) - 23);
                    if (ulps > maxUlps) {
                        maxUlps = ulps;
                        worst = in[i];
                    }
                }
            }
            values += n;
        }
        return new Error(values, maxUlps, worst, maxDenormal);
    }
}
