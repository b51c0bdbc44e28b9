package io.github.metricparity.keras;

import static io.github.metricparity.keras.Tensors.col;
import static io.github.metricparity.keras.Tensors.cube;
import static io.github.metricparity.keras.Tensors.m;
import static io.github.metricparity.keras.Tensors.r;
import static io.github.metricparity.keras.Tensors.scalar;
import static io.github.metricparity.keras.Tensors.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Merge, snapshot/restore and the MetricState map round trip for every class of the reduction, accuracy and
 * probabilistic families: two shards merged equal one pass, a restored state continues exactly as the original.
 */
class CoreFamiliesStateTest {
    private static final MetricRegistry KERAS = MetricRegistry.load();
    private static final double TOL = 1e-12;

    /** One class with a config and two different batches (different shapes and weights where possible). */
    record Fixture(String metric, Map<String, Object> config, Consumer<Metric> a, Consumer<Metric> b) {
        Metric create() {
            return KERAS.create(metric, config);
        }

        @Override
        public String toString() {
            return metric + config;
        }
    }

    private static Consumer<Metric> upd(Tensor yTrue, Tensor yPred, Tensor w) {
        return m -> m.update(yTrue, yPred, w);
    }

    private static Consumer<Metric> vals(Tensor values, Tensor w) {
        return m -> ((ValuesMetric) m).updateValues(values, w);
    }

    private static Fixture f(String metric, Map<String, Object> config, Consumer<Metric> a, Consumer<Metric> b) {
        return new Fixture(metric, config, a, b);
    }

    static Stream<Fixture> fixtures() {
        Tensor probs = m(r(0.1, 0.6, 0.3), r(0.05, 0.95, 0), r(0.5, 0.2, 0.3));
        Tensor onehot = m(r(0, 0, 1), r(0, 1, 0), r(1, 0, 0));
        return Stream.of(
                f("Mean", Map.of(), vals(t(1, 3, 5, 7), t(1, 1, 0, 0)), vals(m(r(1, 3), r(5, 7)), m(r(1, 0)))),
                f("Sum", Map.of(), vals(t(1, 3, 5, 7), scalar(2)), vals(m(r(1, 3), r(5, 7)), t(1, 0.5))),
                f("MeanMetricWrapper", Map.of("fn", "binary_accuracy", "threshold", 0.7),
                        upd(col(1, 1, 0, 0), col(0.98, 0.6, 0, 0.75), null),
                        upd(col(1, 0), col(0.9, 0.8), t(2, 0.5))),
                f("Accuracy", Map.of(), upd(col(1, 2, 3, 4), col(0, 2, 3, 4), t(1, 1, 0, 0)),
                        upd(m(r(1, 2), r(3, 4)), m(r(0, 2), r(3, 4)), m(r(1, 0)))),
                f("BinaryAccuracy", Map.of("threshold", 0.6), upd(col(1, 1, 0, 0), col(0.98, 0.6, 0, 0.7), null),
                        upd(m(r(1, 0, 1), r(0, 1, 1)), m(r(0.9, 0.2, 0.4), r(0.1, 0.8, 0.7)), t(1, 3))),
                f("CategoricalAccuracy", Map.of(), upd(onehot, probs, t(0.7, 0.3, 1)),
                        upd(m(r(1, 0, 0)), m(r(0.2, 0.5, 0.3)), scalar(4))),
                f("SparseCategoricalAccuracy", Map.of(), upd(col(2, 1, 0), probs, null),
                        upd(t(1, 1), m(r(0.2, 0.7, 0.1), r(0.6, 0.3, 0.1)), t(0.25, 2))),
                f("TopKCategoricalAccuracy", Map.of("k", 2), upd(onehot, probs, null),
                        upd(m(r(0, 0, 1)), m(r(0.2, 0.5, 0.3)), t(3))),
                f("SparseTopKCategoricalAccuracy", Map.of("k", 2), upd(t(2, 1, 1), probs, t(1, 2, 3)),
                        upd(col(2), m(r(0.5, 0.4, 0.1)), null)),
                f("SparseTopKCategoricalAccuracy", Map.of("k", 1, "from_sorted_ids", true),
                        upd(t(2, 1), m(r(1, 0, 3), r(1, 2, 3)), null), upd(t(3), m(r(3, 0, 1)), t(2))),
                f("BinaryCrossentropy", Map.of("label_smoothing", 0.1),
                        upd(m(r(0, 1), r(0, 0)), m(r(0.6, 0.4), r(0.4, 0.6)), null),
                        upd(m(r(1, 1)), m(r(1, 0)), t(0.5))),
                f("BinaryCrossentropy", Map.of("from_logits", true),
                        upd(m(r(1, 0, 1), r(0, 1, 1)), m(r(10, -10, 10), r(10, 10, -10)), t(2, 2.5)),
                        upd(col(1), col(-3), null)),
                f("CategoricalCrossentropy", Map.of("from_logits", true, "label_smoothing", 0.1),
                        upd(m(r(0, 1, 0), r(0, 0, 1)), m(r(1, 9, 0), r(1, 8, 1)), null),
                        upd(m(r(1, 0, 0)), m(r(2, 1, 0)), scalar(3))),
                f("CategoricalCrossentropy", Map.of("axis", 0), upd(m(r(0, 0), r(1, 0), r(0, 1)),
                        m(r(0.05, 0.1), r(0.95, 0.8), r(0, 0.1)), t(0.3, 0.7)),
                        upd(col(1, 0), col(0.3, 0.7), null)),
                f("SparseCategoricalCrossentropy", Map.of("ignore_class", 0),
                        upd(t(0, 1, 2), m(r(0.8, 0.1, 0.1), r(0.05, 0.95, 0), r(0.1, 0.8, 0.1)), t(0.5, 1.5, 2)),
                        upd(col(2, 0), m(r(0.2, 0.2, 0.6), r(0.3, 0.3, 0.4)), null)),
                f("SparseCategoricalCrossentropy", Map.of("from_logits", true),
                        upd(m(r(1, 0), r(2, 2)), cube(new double[][] {r(1, 9, 0), r(3, 1, 0)},
                                new double[][] {r(1, 8, 1), r(0, 0, 5)}), null),
                        upd(t(1), m(r(1, 2, 3)), t(2))),
                f("KLDivergence", Map.of(), upd(m(r(0, 1), r(0, 0)), m(r(0.6, 0.4), r(0.4, 0.6)), t(1, 0)),
                        upd(m(r(0.5, 0.8, 0.12)), m(r(0.4, 0.9, 0.12)), null)),
                f("Poisson", Map.of(), upd(m(r(4, 8, 12), r(8, 1, 3)), m(r(1, 9, 2), r(5, 2, 6)), col(1.2, 3.4)),
                        upd(m(r(0, 1)), m(r(1, 1)), null)));
    }

    private static void assertSameState(MetricState expected, MetricState actual, String what) {
        assertEquals(expected.className(), actual.className(), what);
        assertEquals(expected.variables().keySet(), actual.variables().keySet(), what);
        for (Map.Entry<String, Tensor> e : expected.variables().entrySet()) {
            Tensor a = actual.variable(e.getKey());
            assertEquals(e.getValue().size(), a.size(), what);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(e.getValue().get(i), a.get(i), TOL, what + " " + e.getKey());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void mergeOfTwoShardsEqualsOnePass(Fixture fx) {
        Metric one = fx.create();
        fx.a().accept(one);
        fx.b().accept(one);

        Metric left = fx.create();
        Metric right = fx.create();
        fx.a().accept(left);
        fx.b().accept(right);
        left.merge(right);
        assertEquals(one.resultValue(), left.resultValue(), TOL);
        assertSameState(one.snapshot(), left.snapshot(), "merge(Metric)");

        // merging a state, in the other order
        Metric other = fx.create();
        fx.b().accept(other);
        Metric first = fx.create();
        fx.a().accept(first);
        other.merge(first.snapshot());
        assertEquals(one.resultValue(), other.resultValue(), TOL);

        // merging into a fresh instance copies; merging a fresh instance changes nothing
        Metric fresh = fx.create();
        fresh.merge(one);
        assertSameState(one.snapshot(), fresh.snapshot(), "fresh.merge");
        MetricState before = one.snapshot();
        one.merge(fx.create());
        assertSameState(before, one.snapshot(), "merge of an empty state");
        assertTrue(one.resultValue() != 0.0 || fx.metric().equals("KLDivergence"), "fixture exercises the metric");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void snapshotAndRestoreContinueIdentically(Fixture fx) {
        Metric m = fx.create();
        fx.a().accept(m);
        MetricState s = m.snapshot();
        assertEquals(m.className(), s.className());
        assertEquals(m.config(), s.config());
        assertEquals(List.of("total", "count").subList(0, fx.metric().equals("Sum") ? 1 : 2),
                new ArrayList<>(s.variables().keySet()), "Keras variable names in creation order");

        Metric copy = fx.create();
        copy.restore(s);
        assertEquals(m.resultValue(), copy.resultValue(), 0.0);
        fx.b().accept(m);
        fx.b().accept(copy);
        assertEquals(m.resultValue(), copy.resultValue(), 0.0);
        assertEquals(m.snapshot(), copy.snapshot());

        // a snapshot is a copy: later updates do not change it
        MetricState frozen = m.snapshot();
        fx.a().accept(m);
        assertNotEquals(frozen, m.snapshot());
        m.restore(frozen);
        assertEquals(frozen, m.snapshot());

        // reset: back to a new instance
        m.reset();
        assertEquals(0.0, m.resultValue());
        assertEquals(fx.create().snapshot(), m.snapshot());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void stateMapRoundTrip(Fixture fx) {
        Metric m = fx.create();
        fx.a().accept(m);
        fx.b().accept(m);
        MetricState s = m.snapshot();
        Map<String, Object> map = s.toMap();
        assertEquals(MetricState.FORMAT_VERSION, map.get("format"));
        assertEquals(fx.metric(), map.get("class_name"));
        assertEquals(s, MetricState.fromMap(map));

        // as a JSON library would hand it back: every number a double, fresh maps and lists
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) asJson(map);
        MetricState back = MetricState.fromMap(json);
        Metric restored = fx.create();
        restored.restore(back);
        assertEquals(m.resultValue(), restored.resultValue(), 0.0);
        assertSameState(s, restored.snapshot(), "restored from the map");
        // and a merge accepts it as well
        Metric merged = fx.create();
        merged.merge(back);
        assertEquals(m.resultValue(), merged.resultValue(), 0.0);
    }

    private static Object asJson(Object o) {
        if (o instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                out.put((String) e.getKey(), asJson(e.getValue()));
            }
            return out;
        }
        if (o instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object x : (List<?>) o) {
                out.add(asJson(x));
            }
            return out;
        }
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void incompatibleStatesAreRefusedAndChangeNothing(Fixture fx) {
        Metric m = fx.create();
        fx.a().accept(m);
        MetricState before = m.snapshot();
        double result = m.resultValue();

        String otherClass = fx.metric().equals("Poisson") ? "KLDivergence" : "Poisson";
        Metric foreign = KERAS.get(otherClass);
        MetricException e = assertThrows(MetricException.class, () -> m.merge(foreign));
        assertTrue(e.getMessage().startsWith(fx.metric()), e.getMessage());
        assertThrows(MetricException.class, () -> m.restore(foreign.snapshot()));

        // another config of the same class
        Map<String, Object> changed = new LinkedHashMap<>(fx.config());
        changed.put("dtype", "float64");
        Metric float64 = KERAS.create(fx.metric(), changed);
        assertThrows(MetricException.class, () -> m.merge(float64));

        // a missing variable, and a variable of the wrong shape
        Map<String, Tensor> vars = new LinkedHashMap<>(before.variables());
        vars.remove("total");
        assertThrows(MetricException.class,
                () -> m.restore(new MetricState(fx.metric(), before.config(), vars)));
        Map<String, Tensor> wrong = new LinkedHashMap<>(before.variables());
        wrong.put("total", Tensor.zeros(2));
        assertThrows(MetricException.class, () -> m.merge(new MetricState(fx.metric(), before.config(), wrong)));

        assertEquals(before, m.snapshot());
        assertEquals(result, m.resultValue(), 0.0);

        // only the name differs: states merge
        Map<String, Object> renamed = new LinkedHashMap<>(fx.config());
        renamed.put("name", "shard_2");
        Metric named = KERAS.create(fx.metric(), renamed);
        fx.b().accept(named);
        m.merge(named);
    }
}
