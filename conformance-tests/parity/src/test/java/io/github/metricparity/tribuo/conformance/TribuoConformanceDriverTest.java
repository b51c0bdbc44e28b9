package io.github.metricparity.tribuo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.conformance.tck.NotExpressibleException;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keras docstring examples of the families on the catalog today, run through the Tribuo entry point by the driver
 * (the golden runner does the same with every golden file). Expected values are the printed docstring values.
 */
class TribuoConformanceDriverTest {
    private final ConformanceDriver driver = new TribuoConformanceDriver();

    private static Tensor t(double[] data, int... shape) {
        return Tensor.of(data, shape);
    }

    private static double[] d(double... v) {
        return v;
    }

    /** update, result, then a weighted update into a fresh handle, result: the usual docstring pair. */
    private void docstring(String metric, Map<String, ?> config, Tensor yTrue, Tensor yPred, double expected,
            Tensor weights, double weightedExpected) {
        Metric m = driver.open(metric, config);
        m.update(yTrue, yPred);
        assertEquals(expected, m.resultValue(), 1e-6, metric + " unweighted");
        Metric w = driver.open(metric, config);
        w.update(yTrue, yPred, weights);
        assertEquals(weightedExpected, w.resultValue(), 1e-6, metric + " weighted");
    }

    @Test
    void driverIsDiscoveredByServiceLoader() {
        assertTrue(Conformance.discovered().stream().anyMatch(x -> x.adapterId().equals("tribuo")));
    }

    @Test
    void accuracyFamilyThroughLabelAndMultiLabelEvaluations() {
        docstring("Accuracy", Map.of(), t(d(1, 2, 3, 4), 4, 1), t(d(0, 2, 3, 4), 4, 1), 0.75,
                Tensor.vector(1, 1, 0, 0), 0.5);
        docstring("BinaryAccuracy", Map.of(), t(d(1, 1, 0, 0), 4, 1), t(d(0.98, 1, 0, 0.6), 4, 1), 0.75,
                Tensor.vector(1, 0, 0, 1), 0.5);
        docstring("CategoricalAccuracy", Map.of(), t(d(0, 0, 1, 0, 1, 0), 2, 3),
                t(d(0.1, 0.9, 0.8, 0.05, 0.95, 0), 2, 3), 0.5, Tensor.vector(0.7, 0.3), 0.3);
        docstring("SparseCategoricalAccuracy", Map.of(), t(d(2, 1), 2, 1), t(d(0.1, 0.6, 0.3, 0.05, 0.95, 0), 2, 3),
                0.5, Tensor.vector(0.7, 0.3), 0.3);
        docstring("TopKCategoricalAccuracy", Map.of("k", 1), t(d(0, 0, 1, 0, 1, 0), 2, 3),
                t(d(0.1, 0.9, 0.8, 0.05, 0.95, 0), 2, 3), 0.5, Tensor.vector(0.7, 0.3), 0.3);
        docstring("SparseTopKCategoricalAccuracy", Map.of("k", 1), Tensor.vector(2, 1),
                t(d(0.1, 0.9, 0.8, 0.05, 0.95, 0), 2, 3), 0.5, Tensor.vector(0.7, 0.3), 0.3);
    }

    @Test
    void probabilisticFamily() {
        docstring("BinaryCrossentropy", Map.of(), t(d(0, 1, 0, 0), 2, 2), t(d(0.6, 0.4, 0.4, 0.6), 2, 2),
                0.81492424, Tensor.vector(1, 0), 0.9162905);
        docstring("CategoricalCrossentropy", Map.of(), t(d(0, 1, 0, 0, 0, 1), 2, 3),
                t(d(0.05, 0.95, 0, 0.1, 0.8, 0.1), 2, 3), 1.1769392, Tensor.vector(0.3, 0.7), 1.6271976);
        docstring("SparseCategoricalCrossentropy", Map.of(), Tensor.vector(1, 2),
                t(d(0.05, 0.95, 0, 0.1, 0.8, 0.1), 2, 3), 1.1769392, Tensor.vector(0.3, 0.7), 1.6271976);
        docstring("KLDivergence", Map.of(), t(d(0, 1, 0, 0), 2, 2), t(d(0.6, 0.4, 0.4, 0.6), 2, 2), 0.45814306,
                Tensor.vector(1, 0), 0.9162892);
        docstring("Poisson", Map.of(), t(d(0, 1, 0, 0), 2, 2), t(d(1, 1, 0, 0), 2, 2), 0.49999997,
                Tensor.vector(1, 0), 0.99999994);
    }

    @Test
    void logitsMakeAScoresModel() {
        Metric m = driver.open("BinaryCrossentropy", Map.of("from_logits", true));
        m.update(t(d(0, 1, 0, 0), 2, 2), t(d(-18.6, 0.51, 2.94, -12.8), 2, 2));
        assertEquals(0.865458, m.resultValue(), 1e-5);
    }

    @Test
    void stateAccumulatesOverStepsAndResets() {
        Metric m = driver.open("SparseCategoricalAccuracy", Map.of());
        assertEquals(0.0, m.resultValue(), 0.0);
        m.update(Tensor.vector(2, 1), t(d(0.1, 0.6, 0.3, 0.05, 0.95, 0), 2, 3));
        m.update(Tensor.vector(0, 0), t(d(0.9, 0.05, 0.05, 0.2, 0.7, 0.1), 2, 3), Tensor.vector(1, 2));
        // step 1: 1 of 2 right, unweighted; step 2: weight 1 right, weight 2 wrong
        assertEquals(2.0 / 5.0, m.resultValue(), 1e-6);
        MetricState s = m.snapshot();
        assertEquals(2.0, s.variable("total").item(), 1e-6);
        m.reset();
        assertEquals(0.0, m.resultValue(), 0.0);
    }

    @Test
    void refusedUpdateLeavesTheStateAsItWas() {
        Metric m = driver.open("BinaryCrossentropy", Map.of());
        m.update(t(d(0, 1, 0, 0), 2, 2), t(d(0.6, 0.4, 0.4, 0.6), 2, 2));
        MetricState before = m.snapshot();
        assertThrows(InvalidInputException.class,
                () -> m.update(t(d(0, 1), 1, 2), t(d(Double.NaN, 0.4), 1, 2)));
        assertEquals(before, m.snapshot());
        assertEquals(0.81492424, m.resultValue(), 1e-6);
    }

    @Test
    void invalidConfigIsRefusedNotSkipped() {
        assertThrows(InvalidConfigException.class, () -> driver.open("BinaryAccuracy", Map.of("threshold", "high")));
    }

    @Test
    void whatTribuoCannotExpressIsSkippedWithTheReason() {
        List<Runnable> skips = List.of(
                () -> driver.open("Mean", Map.of()),
                () -> driver.open("SparseTopKCategoricalAccuracy", Map.of("from_sorted_ids", true)),
                // rank 3 (time series)
                () -> driver.open("BinaryAccuracy", Map.of()).update(t(new double[8], 2, 2, 2), t(new double[8], 2, 2,
                        2)),
                // per-element weights
                () -> driver.open("BinaryAccuracy", Map.of()).update(t(d(0, 1, 0, 0), 2, 2),
                        t(d(0.6, 0.4, 0.4, 0.6), 2, 2), t(d(1, 0, 0, 1), 2, 2)),
                // scalar weight over a batch of 2: Keras weighs the batch as one sample
                () -> driver.open("BinaryAccuracy", Map.of()).update(t(d(0, 1), 2, 1), t(d(0.6, 0.4), 2, 1),
                        Tensor.scalar(2)),
                // soft targets have no Label
                () -> driver.open("CategoricalCrossentropy", Map.of()).update(t(d(0.5, 0.5), 1, 2),
                        t(d(0.6, 0.4), 1, 2)),
                // a label outside the model's classes
                () -> driver.open("SparseCategoricalAccuracy", Map.of()).update(Tensor.vector(3),
                        t(d(0.6, 0.4), 1, 2)),
                // soft targets are not a MultiLabel
                () -> driver.open("BinaryCrossentropy", Map.of()).update(t(d(0.2), 1, 1), t(d(0.6), 1, 1)),
                // Keras reads a rank-1 batch as one sample of 3 outputs for mean-wrapper metrics
                () -> driver.open("Poisson", Map.of()).update(Tensor.vector(1, 2, 3), Tensor.vector(1, 2, 3)));
        for (Runnable r : skips) {
            NotExpressibleException e = assertThrows(NotExpressibleException.class, r::run);
            assertTrue(e.getMessage().startsWith("tribuo: "), e.getMessage());
        }
    }
}
