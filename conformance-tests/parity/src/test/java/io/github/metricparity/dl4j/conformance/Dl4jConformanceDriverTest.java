package io.github.metricparity.dl4j.conformance;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden-style cases (Keras docstring examples) through the dl4j driver, i.e. through IEvaluation.eval. */
class Dl4jConformanceDriverTest {
    private final ConformanceDriver driver = new Dl4jConformanceDriver();

    private static Tensor t(double[] data, int... shape) {
        return Tensor.of(data, shape);
    }

    @Test
    void isDiscoveredUnderItsAdapterId() {
        assertTrue(Conformance.discovered().stream().anyMatch(d -> d.adapterId().equals("dl4j")));
    }

    @Test
    void sparseCategoricalAccuracyDocstring() {
        Metric m = driver.open("SparseCategoricalAccuracy", Map.of());
        m.update(t(new double[] {2, 1}, 2, 1), t(new double[] {0.1, 0.6, 0.3, 0.05, 0.95, 0}, 2, 3));
        assertEquals(0.5, m.resultValue(), 1e-6);
        m.reset();
        assertEquals(0.0, m.resultValue());
        m.update(t(new double[] {2, 1}, 2, 1), t(new double[] {0.1, 0.6, 0.3, 0.05, 0.95, 0}, 2, 3),
                Tensor.vector(0.7, 0.3));
        assertEquals(0.3, m.resultValue(), 1e-6);
    }

    @Test
    void binaryAccuracyDocstringWithRankOneInputsAndWeights() {
        Metric m = driver.open("binary_accuracy", Map.of());
        m.update(t(new double[] {1, 1, 0, 0}, 4, 1), t(new double[] {0.98, 1, 0, 0.6}, 4, 1));
        assertEquals(0.75, m.resultValue(), 1e-6);
        m.reset();
        m.update(t(new double[] {1, 1, 0, 0}, 4, 1), t(new double[] {0.98, 1, 0, 0.6}, 4, 1),
                Tensor.vector(1, 0, 0, 1));
        assertEquals(0.5, m.resultValue(), 1e-6);
    }

    @Test
    void crossentropyDocstrings() {
        Metric bce = driver.open("BinaryCrossentropy", Map.of());
        bce.update(t(new double[] {0, 1, 0, 0}, 2, 2), t(new double[] {0.6, 0.4, 0.4, 0.6}, 2, 2));
        assertEquals(0.81492424, bce.resultValue(), 1e-6);
        bce.reset();
        bce.update(t(new double[] {0, 1, 0, 0}, 2, 2), t(new double[] {0.6, 0.4, 0.4, 0.6}, 2, 2),
                Tensor.vector(1, 0));
        assertEquals(0.9162905, bce.resultValue(), 1e-6);

        Metric scce = driver.open("sparse_categorical_crossentropy", Map.of());
        scce.update(Tensor.vector(1, 2), t(new double[] {0.05, 0.95, 0, 0.1, 0.8, 0.1}, 2, 3));
        assertEquals(1.1769392, scce.resultValue(), 1e-6);
    }

    @Test
    void refusedUpdatesLeaveTheStateAndConfigsAreChecked() {
        Metric m = driver.open("CategoricalAccuracy", Map.of());
        m.update(t(new double[] {0, 1}, 1, 2), t(new double[] {0.2, 0.8}, 1, 2));
        MetricState before = m.snapshot();
        assertThrows(InvalidInputException.class,
                () -> m.update(t(new double[] {0, 1}, 1, 2), t(new double[] {Double.NaN, 0.8}, 1, 2)));
        assertEquals(before, m.snapshot());
        assertThrows(InvalidConfigException.class, () -> driver.open("BinaryAccuracy", Map.of("threshold", "high")));
        assertThrows(NotExpressibleException.class, () -> driver.open("Mean", Map.of()));
    }

    @Test
    void restoreAndMergeGoThroughTheEvaluation() {
        Metric m = driver.open("CategoricalAccuracy", Map.of());
        m.update(t(new double[] {0, 1, 1, 0}, 2, 2), t(new double[] {0.2, 0.8, 0.3, 0.7}, 2, 2));
        MetricState half = m.snapshot();
        m.merge(half);
        assertEquals(4.0, m.snapshot().variable("count").item());
        m.restore(half);
        assertEquals(half, m.snapshot());
        assertEquals("CategoricalAccuracy", m.className());
        assertEquals("categorical_accuracy", m.name());
    }
}
