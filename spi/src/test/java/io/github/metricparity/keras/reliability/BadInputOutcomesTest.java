package io.github.metricparity.keras.reliability;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.MetricDefinition;
import io.github.metricparity.keras.internal.Catalog;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Param;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The documented outcome of each kind of bad input (docs/RELIABILITY.md, "Bad input"), for every catalog class.
 * Where Keras defines an outcome it is kept (empty batches and zero weights add nothing, negative weights count with
 * their sign, out-of-range ids are dropped by the IoU family); everything else is refused with
 * {@link InvalidInputException} or {@link InvalidConfigException} whose message names the metric, the argument and
 * the shapes, and a refused update leaves the state bit-for-bit unchanged.
 */
class BadInputOutcomesTest {
    private static final long SEED = 8L;

    /** A metric with some state, its feed, and a few valid batches. */
    private record Setup(String cls, MetricInputs.Feed feed, Metric metric, Random random) {
        static Setup of(String cls) {
            Random r = new Random(SEED ^ cls.hashCode());
            MetricInputs.Feed feed = MetricInputs.feed(cls, r);
            Metric m = KerasCatalog.byClassName(cls).create(feed.config());
            feed.batch(r, 3, true).feed(m);
            feed.batch(r, 2, false).feed(m);
            return new Setup(cls, feed, m, r);
        }

        Metric fresh() {
            return KerasCatalog.byClassName(cls).create(feed.config());
        }

        Batch batch(int rows, boolean weighted) {
            return feed.batch(random, rows, weighted);
        }

        boolean valuesMetric() {
            return batch(1, false).yTrue() == null;
        }
    }

    @TestFactory
    Stream<DynamicNode> everyCatalogClass() {
        return KerasCatalog.classNames().stream().map(cls -> DynamicContainer.dynamicContainer(cls, Stream.of(
                test("an empty batch is accepted and adds nothing", () -> emptyBatch(Setup.of(cls))),
                test("a batch whose weights are all 0 adds nothing", () -> zeroWeights(Setup.of(cls))),
                test("negative weights are accepted", () -> negativeWeights(Setup.of(cls))),
                test("NaN and infinities are refused", () -> nonFinite(Setup.of(cls))),
                test("doubles beyond float32 are refused by float32 metrics", () -> float32Overflow(Setup.of(cls))),
                test("mismatched batch sizes are refused", () -> rowsMismatch(Setup.of(cls))),
                test("sample weights that do not broadcast are refused", () -> weightMismatch(Setup.of(cls))),
                test("out-of-range sparse labels are refused", () -> sparseLabels(Setup.of(cls))),
                test("other ranks are accepted or refused, never a crash", () -> otherRanks(Setup.of(cls))),
                test("unknown config keys are refused", () -> unknownKey(cls)),
                test("config values of the wrong type are refused", () -> wrongTypes(cls)),
                test("a state of another metric is refused", () -> foreignState(Setup.of(cls))))));
    }

    private static DynamicTest test(String name, org.junit.jupiter.api.function.Executable body) {
        return DynamicTest.dynamicTest(name, body);
    }

    /** Feeds a batch that must be refused with InvalidInputException; checks the message and the state. */
    private static InvalidInputException assertRefused(Setup s, Batch bad, String what, String... mustName) {
        MetricState before = s.metric.snapshot();
        Outcome resultBefore = Outcome.of(s.metric);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> bad.feed(s.metric),
                () -> s.cls + s.feed.config() + ": " + what + " was accepted: " + bad);
        String message = e.getMessage();
        assertTrue(message.startsWith(s.cls), () -> "the message does not start with the metric: " + message);
        for (String fragment : mustName) {
            assertTrue(message.contains(fragment), () -> s.cls + ": " + what + ": the message does not name \""
                    + fragment + "\": " + message);
        }
        States.assertSame(before, s.metric.snapshot(), () -> s.cls + ": " + what + " changed the state");
        assertTrue(resultBefore.identicalTo(Outcome.of(s.metric)), () -> s.cls + ": " + what + " changed the result");
        return e;
    }

    /** Keras: total += 0, count += 0. A lazily built metric (R2, F-scores) builds its variables from the shape. */
    private static void emptyBatch(Setup s) {
        Metric withEmpty = s.fresh();
        Metric without = s.fresh();
        List<Batch> batches = List.of(s.batch(3, true), s.batch(2, false));
        assertDoesNotThrow(() -> s.batch(0, false).feed(withEmpty));
        assertDoesNotThrow(() -> s.batch(0, true).feed(withEmpty));
        batches.forEach(b -> b.feed(withEmpty));
        batches.forEach(b -> b.feed(without));
        States.assertSame(without.snapshot(), withEmpty.snapshot(), () -> s.cls + ": empty batches changed the state");
        assertDoesNotThrow(() -> s.batch(0, true).feed(s.metric));
    }

    /** Zero weights contribute 0 to every weighted sum and count: the result is that of an empty batch. */
    private static void zeroWeights(Setup s) {
        Batch b = s.batch(4, true);
        Batch zero = b.scaleWeights(0.0);
        Metric a = s.fresh();
        Metric e = s.fresh();
        zero.feed(a);
        s.batch(0, false).feed(e);
        assertTrue(Outcome.of(e).identicalTo(Outcome.of(a)), () -> s.cls + ": only zero weights gave "
                + Outcome.of(a) + ", an empty batch " + Outcome.of(e));
        Outcome before = Outcome.of(s.metric);
        zero.feed(s.metric);
        assertTrue(before.identicalTo(Outcome.of(s.metric)), () -> s.cls + ": zero weights changed the result");
    }

    /** Keras validates no weight: negative weights enter the sums with their sign. */
    private static void negativeWeights(Setup s) {
        Batch b = s.batch(4, true).scaleWeights(-1.0);
        assertDoesNotThrow(() -> b.feed(s.metric), () -> s.cls + ": negative weights were refused");
    }

    private static void nonFinite(Setup s) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Batch b = s.batch(3, true);
            String first = s.valuesMetric() ? "values" : "y_true";
            if (!s.valuesMetric()) {
                Batch t = b.with(Corruption.set(s.random, b.yTrue(), bad), b.yPred());
                assertRefused(s, t, bad + " in y_true", "y_true", t.yTrue().shapeString(), String.valueOf(bad));
            }
            Batch p = b.with(b.yTrue(), Corruption.set(s.random, b.yPred(), bad));
            assertRefused(s, p, bad + " in " + (s.valuesMetric() ? "values" : "y_pred"),
                    s.valuesMetric() ? "values" : "y_pred", p.yPred().shapeString(), String.valueOf(bad));
            Batch w = b.withWeight(Corruption.set(s.random, b.weight(), bad));
            assertRefused(s, w, bad + " in sample_weight", "sample_weight", w.weight().shapeString());
            assertTrue(first.length() > 0);
        }
    }

    private static void float32Overflow(Setup s) {
        if (s.metric.dtype() != DType.FLOAT32) {
            return; // float64 holds any finite double; the integer dtypes truncate (IoU family)
        }
        Batch b = s.batch(3, true);
        Batch p = b.with(b.yTrue(), Corruption.set(s.random, b.yPred(), -1e39));
        assertRefused(s, p, "-1e39 in " + (s.valuesMetric() ? "values" : "y_pred"), "overflows", "float32");
        Batch w = b.withWeight(Corruption.set(s.random, b.weight(), 4e38));
        assertRefused(s, w, "4e38 in sample_weight", "sample_weight", "overflows");
    }

    private static void rowsMismatch(Setup s) {
        if (s.valuesMetric()) {
            return; // one argument: see weightMismatch
        }
        Batch b = s.batch(3, false);
        Batch bad = b.with(b.yTrue(), s.batch(4, false).yPred());
        InvalidInputException e = assertRefused(s, bad, "y_true with 3 rows and y_pred with 4");
        String m = e.getMessage();
        assertTrue(m.contains("y_true") || m.contains("y_pred"), () -> s.cls + ": names no argument: " + m);
        assertTrue(m.contains("(3") || m.contains("(4") || m.contains(" 3 ") || m.contains(" 4 "),
                () -> s.cls + ": names no shape: " + m);
    }

    private static void weightMismatch(Setup s) {
        Batch b = s.batch(3, true);
        Batch bad = b.withWeight(Gen.weights(s.random, 4));
        // "(4": the shape as given, or as Keras expands it ((4, 1)) before broadcasting
        assertRefused(s, bad, "4 weights for 3 samples", "sample_weight", "(4");
    }

    private static void sparseLabels(Setup s) {
        int classes = s.feed.sparseClasses();
        if (classes == 0) {
            return; // no sparse labels, or the IoU family, which drops out-of-range ids (see iouDropsOutOfRangeIds)
        }
        for (double bad : new double[] {classes, -1, 0.5}) {
            Batch b = s.batch(3, true);
            Batch t = b.with(Corruption.set(s.random, b.yTrue(), bad), b.yPred());
            assertRefused(s, t, "label " + bad + " with " + classes + " classes", "y_true", String.valueOf(bad),
                    "[0, " + classes + ")");
        }
    }

    /**
     * Scalars, a trailing axis of 1 and an extra axis of 2: whether the metric takes them depends on its Keras
     * function; either way the outcome is acceptance or {@link InvalidInputException} with the state unchanged.
     */
    private static void otherRanks(Setup s) {
        Batch b = s.batch(3, true);
        List<Batch> variants = new ArrayList<>();
        Tensor scalar = Tensor.scalar(1.0);
        variants.add(new Batch(s.valuesMetric() ? null : scalar, Tensor.scalar(0.5), null));
        variants.add(b.with(b.yTrue() == null ? null : expand(b.yTrue(), 1), expand(b.yPred(), 1)));
        variants.add(b.with(b.yTrue() == null ? null : expand(b.yTrue(), 2), expand(b.yPred(), 2)));
        variants.add(b.with(b.yTrue(), expand(b.yPred(), 2)));
        variants.add(new Batch(b.yTrue(), b.yPred(), Tensor.of(new double[9], 3, 3)));
        for (Batch v : variants) {
            MetricState before = s.metric.snapshot();
            try {
                v.feed(s.metric);
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage().startsWith(s.cls), e::getMessage);
                States.assertSame(before, s.metric.snapshot(), () -> s.cls + ": a refused " + v + " changed the state");
            } catch (RuntimeException e) {
                fail(s.cls + s.feed.config() + ": " + v + " threw " + e, e);
            }
        }
    }

    /** The tensor with a new trailing axis of {@code n} (values repeated). */
    private static Tensor expand(Tensor t, int n) {
        int[] shape = java.util.Arrays.copyOf(t.shape(), t.rank() + 1);
        shape[t.rank()] = n;
        double[] d = new double[t.size() * n];
        for (int i = 0; i < d.length; i++) {
            d[i] = t.get(i / n);
        }
        return Tensor.of(d, shape);
    }

    private static void unknownKey(String cls) {
        Map<String, Object> cfg = new LinkedHashMap<>(MetricInputs.feed(cls, new Random(SEED)).config());
        cfg.put("no_such_key", 1);
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> KerasCatalog.byClassName(cls).create(cfg), () -> cls + ": an unknown key was accepted");
        assertTrue(e.getMessage().contains("no_such_key"), e::getMessage);
    }

    /** Every parameter, plus name and dtype, given a value of a type it never takes. */
    private static void wrongTypes(String cls) {
        MetricSpec d = Catalog.byClassName(cls);
        Map<String, Object> valid = MetricInputs.feed(cls, new Random(SEED)).config();
        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("name", 5);
        wrong.put("dtype", "float16");
        for (Param p : d.params()) {
            wrong.put(p.key(), p.kind() == Param.Kind.STRING ? (Object) 5
                    : p.kind() == Param.Kind.BOOL ? "yes" : Map.of("not", "a " + p.kind()));
        }
        for (Map.Entry<String, Object> e : wrong.entrySet()) {
            Map<String, Object> cfg = new LinkedHashMap<>(valid);
            cfg.put(e.getKey(), e.getValue());
            MetricException ex = assertThrows(MetricException.class, () -> d.create(cfg),
                    () -> cls + ": " + e.getKey() + "=" + e.getValue() + " was accepted");
            assertTrue(ex instanceof InvalidConfigException, () -> cls + ": " + ex);
            assertTrue(ex.getMessage().contains(e.getKey()), () -> cls + ": the message does not name '"
                    + e.getKey() + "': " + ex.getMessage());
        }
    }

    private static void foreignState(Setup s) {
        String other = s.cls.equals("Sum") ? "Mean" : "Sum";
        MetricState foreign = KerasCatalog.byClassName(other).create(Map.of()).snapshot();
        MetricState before = s.metric.snapshot();
        assertThrows(MetricException.class, () -> s.metric.merge(foreign));
        assertThrows(MetricException.class, () -> s.metric.restore(foreign));
        States.assertSame(before, s.metric.snapshot(), () -> s.cls + ": a refused state changed the state");
    }

    // ---------------------------------------------------------------- outcomes specific to a family

    /** Keras's IoU family drops pairs whose class id is outside [0, num_classes): they add nothing. */
    @Test
    void iouDropsOutOfRangeIds() {
        for (String cls : List.of("IoU", "MeanIoU")) {
            Map<String, Object> cfg = new LinkedHashMap<>(Map.of("num_classes", 3, "dtype", "float32"));
            if (cls.equals("IoU")) {
                cfg.put("target_class_ids", List.of(0, 1, 2));
            }
            Metric dropped = KerasCatalog.byClassName(cls).create(cfg);
            dropped.update(Tensor.vector(0, 1, 3, -1, 2), Tensor.vector(0, 2, 1, 1, 2));
            Metric clean = KerasCatalog.byClassName(cls).create(cfg);
            clean.update(Tensor.vector(0, 1, 2), Tensor.vector(0, 2, 2));
            States.assertSame(clean.snapshot(), dropped.snapshot(), () -> cls + ": out-of-range ids were counted");
        }
    }

    /** Mean-based metrics give 0 when the total weight is 0 (Keras divide_no_nan), never NaN. */
    @Test
    void zeroTotalWeightGivesZero() {
        for (String cls : KerasCatalog.classNames()) {
            MetricInputs.Feed feed = MetricInputs.feed(cls, new Random(SEED));
            if (feed.weightScaling() != MetricInputs.WeightScaling.INVARIANT || cls.equals("R2Score")) {
                continue; // R2Score: Keras divides 0 by 0 when the total weight is 0, its result is NaN
            }
            Metric m = KerasCatalog.byClassName(cls).create(feed.config());
            Outcome first = Outcome.of(m);
            feed.batch(new Random(SEED), 4, true).scaleWeights(0.0).feed(m);
            Outcome after = Outcome.of(m);
            Supplier<String> where = () -> cls + feed.config() + ": " + after;
            if (after.value() != null) {
                for (double v : after.value().toDoubleArray()) {
                    assertTrue(v == 0.0, where);
                }
            } else {
                assertTrue(first.identicalTo(after), where);
            }
        }
    }

    /** Thresholds and rates outside [0, 1]: refused where Keras refuses them, accepted where Keras does not check. */
    @Test
    void thresholdsOutsideTheUnitInterval() {
        record Case(String cls, Map<String, Object> cfg, boolean refused) {
        }
        List<Case> cases = new ArrayList<>();
        for (String cls : List.of("TruePositives", "FalsePositives", "TrueNegatives", "FalseNegatives", "Precision",
                "Recall")) {
            cases.add(new Case(cls, Map.of("thresholds", -0.1), true));
            cases.add(new Case(cls, Map.of("thresholds", List.of(0.5, 1.1)), true));
        }
        Map<String, String> rates = Map.of("SensitivityAtSpecificity", "specificity", "SpecificityAtSensitivity",
                "sensitivity", "PrecisionAtRecall", "recall", "RecallAtPrecision", "precision");
        rates.forEach((cls, key) -> {
            cases.add(new Case(cls, Map.of(key, -0.1), true));
            cases.add(new Case(cls, Map.of(key, 1.5), true));
        });
        cases.add(new Case("FBetaScore", Map.of("threshold", 0.0), true));
        cases.add(new Case("F1Score", Map.of("threshold", 1.5), true));
        // Keras does not check these: thresholds on logits or scores are legitimate
        cases.add(new Case("BinaryAccuracy", Map.of("threshold", 1.5), false));
        cases.add(new Case("BinaryAccuracy", Map.of("threshold", -2.0), false));
        cases.add(new Case("BinaryIoU", Map.of("threshold", 1.5), false));
        cases.add(new Case("AUC", Map.of("thresholds", List.of(-0.5, 0.5, 1.5)), false));
        for (Case c : cases) {
            MetricDefinition d = KerasCatalog.byClassName(c.cls);
            if (c.refused) {
                InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> d.create(c.cfg),
                        () -> c.cls + c.cfg + " was accepted");
                String key = c.cfg.keySet().iterator().next();
                assertTrue(e.getMessage().contains(key), e::getMessage);
            } else {
                assertDoesNotThrow(() -> d.create(c.cfg), () -> c.cls + c.cfg + " was refused");
            }
        }
    }
}
