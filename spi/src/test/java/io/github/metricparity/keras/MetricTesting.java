package io.github.metricparity.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helpers shared by the family tests: tensors from numpy-style literals ({@code t("[[0, 1], [0, 0]]")}),
 * metrics from a Keras identifier and config, and the life-cycle checks every metric must pass (merge equals a
 * single pass, a refused update changes nothing).
 */
public final class MetricTesting {
    public static final MetricRegistry REGISTRY = MetricRegistry.of(new ReferenceProvider());

    private MetricTesting() {
    }

    /** A tensor from a nested-list literal: {@code "[[0, 1], [0, 0]]"}, {@code "[1.5, 2]"}, {@code "3"}. */
    public static Tensor t(String literal) {
        List<Double> data = new ArrayList<>();
        List<Integer> shape = new ArrayList<>();
        int[] pos = {0};
        parse(literal.replace(" ", ""), pos, 0, data, shape);
        double[] d = new double[data.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = data.get(i);
        }
        return Tensor.of(d, shape.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void parse(String s, int[] pos, int depth, List<Double> data, List<Integer> shape) {
        if (s.charAt(pos[0]) != '[') {
            int start = pos[0];
            while (pos[0] < s.length() && ",]".indexOf(s.charAt(pos[0])) < 0) {
                pos[0]++;
            }
            data.add(Double.parseDouble(s.substring(start, pos[0])));
            return;
        }
        pos[0]++;
        while (shape.size() <= depth) {
            shape.add(-1);
        }
        int n = 0;
        while (s.charAt(pos[0]) != ']') {
            parse(s, pos, depth + 1, data, shape);
            n++;
            if (s.charAt(pos[0]) == ',') {
                pos[0]++;
            }
        }
        pos[0]++;
        if (shape.get(depth) == -1) {
            shape.set(depth, n);
        } else if (shape.get(depth) != n) {
            throw new IllegalArgumentException("ragged literal: " + s);
        }
    }

    /** A config map from alternating keys and values. */
    public static Map<String, Object> cfg(Object... keyValues) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            cfg.put((String) keyValues[i], keyValues[i + 1]);
        }
        return cfg;
    }

    /** A metric from a Keras identifier and alternating config keys and values. */
    public static Metric metric(String identifier, Object... keyValues) {
        return REGISTRY.create(identifier, cfg(keyValues));
    }

    /** One {@code update_state} call. */
    public record Batch(Tensor yTrue, Tensor yPred, Tensor weight) {
        public static Batch of(String yTrue, String yPred) {
            return new Batch(t(yTrue), t(yPred), null);
        }

        public static Batch of(String yTrue, String yPred, String weight) {
            return new Batch(t(yTrue), t(yPred), t(weight));
        }

        void feed(Metric m) {
            m.update(yTrue, yPred, weight);
        }
    }

    /** Feeds batches and returns the result. */
    public static Tensor run(Metric m, Batch... batches) {
        for (Batch b : batches) {
            b.feed(m);
        }
        return m.result();
    }

    /** Feeds batches and returns the scalar result. */
    public static double value(Metric m, Batch... batches) {
        return run(m, batches).item();
    }

    /** Two metrics give the same result (within 1e-6). */
    public static void assertSameResult(Metric expected, Metric actual) {
        assertClose(expected.result(), actual.result(), 1e-6);
    }

    /**
     * The batches split over two instances (first {@code split} batches in one, the rest in the other), merged,
     * give the single-pass result; the merged state equals the single-pass state up to rounding.
     */
    public static void assertMergeEqualsSinglePass(String identifier, Map<String, Object> config, int split,
            Batch... batches) {
        Metric single = REGISTRY.create(identifier, config);
        Metric left = REGISTRY.create(identifier, config);
        Metric right = REGISTRY.create(identifier, config);
        for (int i = 0; i < batches.length; i++) {
            batches[i].feed(single);
            batches[i].feed(i < split ? left : right);
        }
        left.merge(right);
        assertClose(single.result(), left.result(), 1e-6);
        MetricState a = single.snapshot();
        MetricState b = left.snapshot();
        assertEquals(a.variables().keySet(), b.variables().keySet());
        for (String name : a.variables().keySet()) {
            assertClose(a.variable(name), b.variable(name), 1e-5);
        }
    }

    /** A refused update throws {@link InvalidInputException} and leaves the state exactly as it was. */
    public static InvalidInputException assertRefusedUnchanged(Metric m, Batch bad) {
        MetricState before = m.snapshot();
        Tensor resultBefore = resultOrNull(m);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> bad.feed(m));
        assertEquals(before, m.snapshot());
        Tensor resultAfter = resultOrNull(m);
        if (resultBefore == null) {
            assertEquals(null, resultAfter);
        } else {
            assertClose(resultBefore, resultAfter, 0.0);
        }
        return e;
    }

    private static Tensor resultOrNull(Metric m) {
        try {
            return m.result();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Element-wise closeness with {@code |a - e| <= tol + tol * |e|}; NaN matches NaN only. */
    public static void assertClose(Tensor expected, Tensor actual, double tol) {
        assertEquals(expected.size(), actual.size(), "sizes of " + expected + " and " + actual);
        if (expected.size() > 1) {
            assertArrayEquals(expected.shape(), actual.shape(), "shapes of " + expected + " and " + actual);
        }
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i);
            double a = actual.get(i);
            if (Double.isNaN(e) || Double.isNaN(a)) {
                assertEquals(Double.isNaN(e), Double.isNaN(a), "element " + i + ": " + expected + " vs " + actual);
                continue;
            }
            assertEquals(e, a, tol + tol * Math.abs(e), "element " + i + ": " + expected + " vs " + actual);
        }
    }

    /** The scalar result is {@code expected} within {@code tol} (absolute and relative). */
    public static void assertResult(double expected, Metric m, double tol) {
        assertClose(Tensor.scalar(expected), m.result(), tol);
    }

    /** The vector result is {@code expected} within {@code tol}. */
    public static void assertResult(double[] expected, Metric m, double tol) {
        Tensor r = m.result();
        assertEquals(1, r.rank(), "vector result expected, got " + r);
        assertClose(Tensor.vector(expected), r, tol);
    }
}
