package io.github.metricparity.keras.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes Keras's shape rules ({@link KerasShapes}) with random shapes (rank 0 to 5, dimensions 0 to 4) and values
 * (NaN and infinities included): each rule gives a valid result, checked against a direct implementation, or
 * refuses with {@link InvalidInputException}; nothing else.
 */
class ShapeRulesFuzzTest {

    static int[] shape(FuzzedDataProvider data, int maxRank) {
        int[] s = new int[data.consumeInt(0, maxRank)];
        for (int i = 0; i < s.length; i++) {
            s[i] = data.consumeInt(0, 4);
        }
        return s;
    }

    static Tensor tensor(FuzzedDataProvider data, int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (data.consumeBoolean()) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = data.consumeBoolean() ? data.consumeInt(-3, 3) : data.consumeFloat();
            }
            return Tensor.of(f, shape);
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = data.consumeBoolean() ? data.consumeInt(-3, 3) : data.consumeDouble();
        }
        return Tensor.of(d, shape);
    }

    private static int sizeOf(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** squeeze_or_expand_to_same_rank: only a trailing axis of 1 is removed or added, the data is untouched. */
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void squeezeOrExpandToSameRank(FuzzedDataProvider data) {
        Tensor a = tensor(data, shape(data, 5));
        Tensor b = tensor(data, shape(data, 5));
        boolean expandRank1 = data.consumeBoolean();
        Tensor[] out;
        try {
            out = KerasShapes.squeezeOrExpandToSameRank(a, b, expandRank1);
        } catch (InvalidInputException e) {
            return;
        }
        check(a, out[0]);
        check(b, out[1]);
        if (Math.abs(a.rank() - b.rank()) == 1 && (a.rank() > b.rank() ? a : b).dim(-1) == 1
                && out[0].rank() != out[1].rank()) {
            throw new AssertionError("ranks not reconciled: " + a.shapeString() + ", " + b.shapeString() + " -> "
                    + out[0].shapeString() + ", " + out[1].shapeString());
        }
    }

    private static void check(Tensor in, Tensor out) {
        if (!in.equals(out.reshape(in.shape()))) {
            throw new AssertionError("values changed");
        }
        int[] s = in.shape();
        int[] o = out.shape();
        boolean same = Arrays.equals(s, o);
        boolean squeezed = o.length == s.length - 1 && s[s.length - 1] == 1 && Arrays.equals(o, Arrays.copyOf(s,
                o.length));
        boolean expanded = o.length == s.length + 1 && o[s.length] == 1 && Arrays.equals(s, Arrays.copyOf(o,
                s.length));
        if (!same && !squeezed && !expanded) {
            throw new AssertionError(in.shapeString() + " became " + out.shapeString());
        }
    }

    /** broadcast_to: the numpy result exactly when numpy broadcasts, else a refusal. */
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void broadcastTo(FuzzedDataProvider data) {
        Tensor t = tensor(data, shape(data, 4));
        int[] target = shape(data, 5);
        int[] expected = KerasShapes.broadcastShape(t.shape(), target);
        boolean broadcasts = expected != null && Arrays.equals(expected, target);
        Tensor out;
        try {
            out = KerasShapes.broadcastTo(t, target, "x");
        } catch (InvalidInputException e) {
            if (broadcasts) {
                throw new AssertionError(t.shapeString() + " broadcasts to " + Tensor.shapeString(target)
                        + " but was refused", e);
            }
            return;
        }
        if (!broadcasts || !Arrays.equals(out.shape(), target)) {
            throw new AssertionError(t.shapeString() + " -> " + out.shapeString() + " for target "
                    + Tensor.shapeString(target));
        }
        int[] s = t.shape();
        int[] idx = new int[target.length];
        for (int i = 0; i < out.size(); i++) {
            int rem = i;
            for (int ax = target.length - 1; ax >= 0; ax--) {
                idx[ax] = rem % target[ax];
                rem /= target[ax];
            }
            int src = 0;
            for (int ax = 0; ax < s.length; ax++) {
                int j = idx[ax + target.length - s.length];
                src = src * s[ax] + (s[ax] == 1 ? 0 : j);
            }
            if (Double.compare(out.get(i), t.get(src)) != 0) {
                throw new AssertionError("element " + i + " of " + out.shapeString() + " is " + out.get(i)
                        + ", expected " + t.get(src));
            }
        }
    }

    /** Reduction over the trailing axes: the leading {@code keepRank} axes stay, sums or means as numpy. */
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void reduceTrailing(FuzzedDataProvider data) {
        Tensor t = tensor(data, shape(data, 5));
        int keepRank = data.consumeInt(-2, t.rank() + 2);
        boolean mean = data.consumeBoolean();
        Tensor out;
        try {
            out = KerasShapes.reduceTrailing(t, keepRank, mean);
        } catch (InvalidInputException e) {
            boolean meanOfNothing = mean && keepRank < t.rank() && t.size() == 0
                    && sizeOf(Arrays.copyOf(t.shape(), Math.max(keepRank, 0))) > 0;
            if (keepRank >= 0 && !meanOfNothing) {
                throw new AssertionError("keepRank " + keepRank + " of " + t.shapeString() + " was refused", e);
            }
            return;
        }
        if (keepRank < 0) {
            throw new AssertionError("a negative keepRank " + keepRank + " was accepted");
        }
        if (keepRank >= t.rank()) {
            if (out != t) {
                throw new AssertionError("nothing to reduce, yet a new tensor");
            }
            return;
        }
        if (!Arrays.equals(out.shape(), Arrays.copyOf(t.shape(), keepRank))) {
            throw new AssertionError(t.shapeString() + " kept " + keepRank + " -> " + out.shapeString());
        }
        int inner = out.size() == 0 ? 0 : t.size() / out.size();
        for (int o = 0; o < out.size(); o++) {
            double acc = 0;
            for (int i = 0; i < inner; i++) {
                acc += t.get(o * inner + i);
            }
            if (mean && inner == 0) {
                throw new AssertionError("a mean over empty axes of " + t.shapeString() + " was accepted");
            }
            double expected = mean ? acc / inner : acc;
            if (Double.compare(expected, out.get(o)) != 0) {
                throw new AssertionError("lane " + o + ": " + out.get(o) + ", expected " + expected);
            }
        }
    }
}
