package io.github.metricparity.keras.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.ReferenceProvider;
import io.github.metricparity.spi.Checkpoint;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The algebra every metric must satisfy, checked for every class of {@link KerasCatalog} on random valid inputs from
 * {@link MetricInputs}. Each try picks a class and a seed; the seed reproduces the scenario
 * ({@code Scenario.random(class, seed)}). The number of tries per property is jqwik's {@code jqwik.tries.default}
 * ({@code src/test/resources/junit-platform.properties}; override with {@code -Djqwik.tries.default=N}), and every
 * property checks that each class was tried at least once.
 *
 * <p>Tolerance: {@value Scenario#TOLERANCE} absolute plus relative, element-wise, for the properties that reorder
 * floating-point sums (order, merge, split, weight scaling); the reset, checkpoint and refused-update properties
 * demand bit-for-bit equality. The reordering properties skip (jqwik {@code Assume}) streams a feed marks as
 * ill-conditioned: R2Score with fewer than 2 weighted samples or nearly constant targets per output; R2Score's
 * tolerance is {@value MetricInputs#R2_TOLERANCE} (its sums are rounded to float32, as in Keras), and AUC's
 * interpolated PR curve's {@value MetricInputs#AUC_PR_TOLERANCE} (logs of count ratios in float32).
 */
class MetricPropertiesTest {
    private static final List<String> CLASSES = KerasCatalog.classNames();
    private static final MetricRegistry REGISTRY = MetricRegistry.of(new ReferenceProvider());

    @Provide
    Arbitrary<String> metricClasses() {
        return Arbitraries.of(CLASSES);
    }

    /** Counts the class for jqwik's statistics and fails the property if some class was never tried. */
    private static void covered(String cls) {
        Statistics.label("class").collect(cls);
        Statistics.label("class").coverage(c -> {
            for (String k : CLASSES) {
                c.check(k).count(n -> n >= 1);
            }
        });
    }

    @Property
    void batchOrderDoesNotChangeTheResult(@ForAll("metricClasses") String cls, @ForAll long seed) {
        covered(cls);
        Scenario s = Scenario.random(cls, seed);
        Assume.that(s.feed().conditioned(s.batches()));
        List<Batch> shuffled = new ArrayList<>(s.batches());
        Collections.shuffle(shuffled, new Random(~seed));
        Outcome inOrder = Outcome.of(s.run());
        Outcome reordered = Outcome.of(s.run(shuffled));
        assertTrue(inOrder.closeTo(reordered, s.feed().tolerance()),
                () -> s + ": in order " + inOrder + ", shuffled " + reordered);
    }

    @Property
    void mergeIsAssociativeCommutativeAndEqualsOnePass(@ForAll("metricClasses") String cls, @ForAll long seed) {
        covered(cls);
        Scenario s = Scenario.random(cls, seed);
        Assume.that(s.feed().conditioned(s.batches()));
        Random r = new Random(~seed);
        List<List<Batch>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Batch b : s.batches()) {
            parts.get(r.nextInt(3)).add(b);
        }
        MetricState a = s.run(parts.get(0)).snapshot();
        MetricState b = s.run(parts.get(1)).snapshot();
        MetricState c = s.run(parts.get(2)).snapshot();

        Outcome onePass = Outcome.of(s.run());
        Outcome leftFirst = Outcome.of(merged(s, merged(s, a, b).snapshot(), c));   // (a + b) + c
        Outcome rightFirst = Outcome.of(merged(s, a, merged(s, b, c).snapshot()));  // a + (b + c)
        Outcome swapped = Outcome.of(merged(s, c, b, a));                           // c + b + a
        double tol = s.feed().tolerance();
        assertTrue(onePass.closeTo(leftFirst, tol), () -> s + ": one pass " + onePass + ", (a+b)+c " + leftFirst);
        assertTrue(leftFirst.closeTo(rightFirst, tol), () -> s + ": (a+b)+c " + leftFirst + ", a+(b+c) " + rightFirst);
        assertTrue(leftFirst.closeTo(swapped, tol), () -> s + ": a+b+c " + leftFirst + ", c+b+a " + swapped);
    }

    private static Metric merged(Scenario s, MetricState... states) {
        Metric m = s.newMetric();
        for (MetricState st : states) {
            m.merge(st);
        }
        return m;
    }

    @Property
    void splittingABatchDoesNotChangeTheResult(@ForAll("metricClasses") String cls, @ForAll long seed) {
        covered(cls);
        Random r = new Random(seed);
        MetricInputs.Feed feed = MetricInputs.feed(cls, r);
        Batch whole = feed.batch(r, r.nextInt(13), r.nextBoolean());
        Assume.that(feed.conditioned(List.of(whole)));
        int[] cuts = r.ints(1 + r.nextInt(3), 0, whole.rows() + 1).sorted().toArray();
        List<Batch> pieces = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            pieces.add(whole.slice(from, cut));
            from = cut;
        }
        pieces.add(whole.slice(from, whole.rows()));
        Scenario s = new Scenario(cls, seed, feed, List.of(whole));
        Outcome once = Outcome.of(s.run());
        Outcome split = Outcome.of(s.run(pieces));
        assertTrue(once.closeTo(split, feed.tolerance()),
                () -> s + ": one update " + once + ", in pieces " + split + " (cuts "
                + java.util.Arrays.toString(cuts) + ")");
    }

    /**
     * Weighted means and ratios ({@code INVARIANT}) do not change when every weight is multiplied by {@code c} in
     * [1e-3, 1e3]; ratios with Keras's epsilon in a denominator ({@code INVARIANT_UP_TO_EPSILON}: IoU, F-scores) are
     * checked for {@code c} in [1, 1e3] within {@value MetricInputs#EPSILON_TOLERANCE}; weighted sums and counts
     * ({@code LINEAR}: Sum, the four confusion counts) are multiplied by {@code c}, checked with powers of two so
     * that float32 rounding of the weights scales exactly. The IoU family with Keras's default integer dtype
     * ({@code NONE}) truncates weights, so only acceptance is checked there.
     */
    @Property
    void scalingEveryWeightKeepsWeightedMeans(@ForAll("metricClasses") String cls, @ForAll long seed) {
        covered(cls);
        Scenario s = Scenario.random(cls, seed, Scenario.Weighting.ALL);
        Assume.that(s.feed().conditioned(s.batches()));
        Random r = new Random(~seed);
        MetricInputs.WeightScaling scaling = s.feed().weightScaling();
        double c;
        double tolerance = s.feed().tolerance();
        switch (scaling) {
            case INVARIANT:
                c = Math.pow(10, 6 * r.nextDouble() - 3);
                break;
            case INVARIANT_UP_TO_EPSILON:
                c = Math.pow(10, 3 * r.nextDouble());
                tolerance = Math.max(tolerance, MetricInputs.EPSILON_TOLERANCE);
                break;
            default:
                c = Math.scalb(1.0, r.nextInt(21) - 10);
                break;
        }
        List<Batch> scaled = new ArrayList<>();
        for (Batch b : s.batches()) {
            scaled.add(b.scaleWeights(c));
        }
        Outcome plain = Outcome.of(s.run());
        Outcome weighted = Outcome.of(s.run(scaled));
        if (scaling == MetricInputs.WeightScaling.NONE) {
            return;
        }
        if (scaling == MetricInputs.WeightScaling.LINEAR && plain.value() != null) {
            plain = new Outcome(times(plain.value(), c), null);
        }
        Outcome expected = plain;
        double tol = tolerance;
        assertTrue(expected.closeTo(weighted, tol), () -> s + ": weights x" + c + " (" + scaling + ") expected "
                + expected + ", got " + weighted);
    }

    private static Tensor times(Tensor t, double c) {
        double[] d = t.toDoubleArray();
        for (int i = 0; i < d.length; i++) {
            d[i] *= c;
        }
        return Tensor.of(d, t.shape());
    }

    /**
     * After {@code reset()} a metric behaves like a new one: its state is that of a new instance (for the metrics
     * whose variables Keras builds on the first update, R2Score, FBetaScore and multi-label AUC, that of a new
     * instance given an empty batch: Keras's {@code reset_state} assigns zeros and keeps them built), its result
     * is that instance's, and feeding the same batches again gives the first run's state and result bit-for-bit.
     */
    @Property
    void resetReturnsToTheInitialState(@ForAll("metricClasses") String cls, @ForAll long seed) {
        covered(cls);
        Scenario s = Scenario.random(cls, seed);
        Metric used = s.run();
        MetricState firstRun = used.snapshot();
        Outcome firstResult = Outcome.of(used);
        used.reset();

        Metric fresh = s.newMetric();
        if (used.snapshot().variables().size() > fresh.snapshot().variables().size()) {
            s.feed().batch(new Random(seed), 0, false).feed(fresh); // builds the lazy variables, adds nothing
        }
        States.assertSame(fresh.snapshot(), used.snapshot(), () -> s + ": state after reset");
        Outcome initial = Outcome.of(fresh);
        Outcome afterReset = Outcome.of(used);
        assertTrue(initial.identicalTo(afterReset), () -> s + ": new " + initial + ", after reset " + afterReset);

        s.batches().forEach(b -> b.feed(used));
        States.assertSame(firstRun, used.snapshot(), () -> s + ": state after reset and the same batches again");
        Outcome again = Outcome.of(used);
        assertTrue(firstResult.identicalTo(again), () -> s + ": first run " + firstResult + ", again " + again);
    }

    /** A checkpoint taken midway and restored into a new instance continues bit-for-bit like the original. */
    @Property
    void checkpointRestoresAnIdenticalMetric(@ForAll("metricClasses") String cls, @ForAll long seed) {
        covered(cls);
        Scenario s = Scenario.random(cls, seed);
        int half = s.batches().size() / 2;
        Metric original = s.run(s.batches().subList(0, half));
        String json = Checkpoint.toJson(original.snapshot());
        Metric restored = Checkpoint.resume(Checkpoint.fromJson(json), REGISTRY);
        assertEquals(original.config(), restored.config(), () -> s + ": config after restore");
        States.assertSame(original.snapshot(), restored.snapshot(), () -> s + ": state after restore");
        for (Batch b : s.batches().subList(half, s.batches().size())) {
            b.feed(original);
            b.feed(restored);
        }
        States.assertSame(original.snapshot(), restored.snapshot(), () -> s + ": state after continuing");
        Outcome a = Outcome.of(original);
        Outcome b = Outcome.of(restored);
        assertTrue(a.identicalTo(b), () -> s + ": original " + a + ", restored " + b);
    }

    /**
     * A batch with a non-finite value, mismatched rows or weights, or an out-of-range sparse label is refused with
     * {@link InvalidInputException} naming the metric, and the state stays exactly as it was.
     */
    @Property
    void refusedUpdateLeavesTheStateUnchanged(@ForAll("metricClasses") String cls, @ForAll long seed) {
        covered(cls);
        Scenario s = Scenario.random(cls, seed);
        Random r = new Random(~seed);
        Metric m = s.run();
        MetricState before = m.snapshot();
        Outcome resultBefore = Outcome.of(m);
        Corruption corruption = Corruption.random(r, s.feed());
        Batch bad = corruption.apply(r, s.feed());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> bad.feed(m),
                () -> s + ": " + corruption + " was accepted: " + bad);
        assertTrue(e.getMessage().contains(cls), () -> "the message does not name " + cls + ": " + e.getMessage());
        States.assertSame(before, m.snapshot(), () -> s + ": state changed by a refused update (" + corruption + ")");
        Outcome resultAfter = Outcome.of(m);
        assertTrue(resultBefore.identicalTo(resultAfter), () -> s + ": result changed by a refused update");
    }
}
