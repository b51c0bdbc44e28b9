package io.github.metricparity.keras.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The input table covers the whole catalog, and what it generates is valid: accepted, with a finite result (a
 * metric never turns valid inputs into NaN), and a config that creates the same metric again.
 */
class MetricInputsTest {
    static final int SEEDS = 60;

    /** A class that lands in KerasCatalog without an entry in MetricInputs fails here (and in every property). */
    @Test
    void everyCatalogClassHasAnInputGenerator() {
        List<String> missing = new ArrayList<>(KerasCatalog.classNames());
        missing.removeAll(MetricInputs.classes());
        assertEquals(List.of(), missing, "classes without an entry in MetricInputs");
        List<String> stale = new ArrayList<>(MetricInputs.classes());
        stale.removeAll(KerasCatalog.classNames());
        assertEquals(List.of(), stale, "MetricInputs entries for classes not in KerasCatalog");
    }

    @TestFactory
    Stream<DynamicTest> generatedInputsAreValidAndGiveFiniteResults() {
        return KerasCatalog.classNames().stream().map(cls -> DynamicTest.dynamicTest(cls, () -> {
            for (long seed = 0; seed < SEEDS; seed++) {
                Scenario s = Scenario.random(cls, seed);
                Metric m;
                try {
                    m = s.run();
                } catch (RuntimeException e) {
                    throw new AssertionError(s + ": a generated batch was refused: " + e.getMessage(), e);
                }
                Tensor r = resultAfterSomeInput(s, m);
                if (cls.equals("R2Score") && weightedSamples(s) < 2) {
                    continue; // Keras's R2 of fewer than 2 weighted samples is 0/0 = NaN (no variance to explain)
                }
                for (double v : r.toDoubleArray()) {
                    if (!Double.isFinite(v)) {
                        fail(s + ": valid inputs gave " + r);
                    }
                }
                Metric again = KerasCatalog.byClassName(cls).create(m.config());
                assertEquals(m.config(), again.config(), () -> s + ": config() does not recreate the metric");
            }
        }));
    }

    /** Samples that carry a non-zero weight (every sample of an unweighted batch). */
    private static int weightedSamples(Scenario s) {
        int n = 0;
        for (Batch b : s.batches()) {
            for (int i = 0; i < b.rows(); i++) {
                n += b.weight() == null || b.weight().get(i) != 0 ? 1 : 0;
            }
        }
        return n;
    }

    /** The result, after one more non-empty batch when nothing was fed yet (R2Score and F-scores raise before). */
    private static Tensor resultAfterSomeInput(Scenario s, Metric m) {
        try {
            return m.result();
        } catch (RuntimeException e) {
            s.feed().batch(new Random(s.seed()), 3, false).feed(m);
            return m.result();
        }
    }

    @Test
    void scenariosAreReproducibleFromTheirSeed() {
        for (String cls : KerasCatalog.classNames()) {
            Scenario a = Scenario.random(cls, 42);
            Scenario b = Scenario.random(cls, 42);
            assertEquals(a.config(), b.config());
            assertEquals(a.batches(), b.batches());
            assertTrue(Outcome.of(a.run()).identicalTo(Outcome.of(b.run())), cls);
        }
    }
}
