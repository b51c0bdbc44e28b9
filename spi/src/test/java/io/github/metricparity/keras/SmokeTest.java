package io.github.metricparity.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {
    private final MetricRegistry registry = MetricRegistry.load();

    @Test
    void docstringExamples() {
        Metric m = registry.get("SparseCategoricalAccuracy");
        m.update(Tensor.of(new double[] {2, 1}, 2, 1), Tensor.of(new double[] {0.1, 0.6, 0.3, 0.05, 0.95, 0}, 2, 3),
                Tensor.vector(0.7, 0.3));
        assertEquals(0.3, m.resultValue(), 1e-6);

        Metric bce = registry.get("bce");
        bce.update(Tensor.of(new double[] {0, 1, 0, 0}, 2, 2), Tensor.of(new double[] {0.6, 0.4, 0.4, 0.6}, 2, 2));
        assertEquals(0.81492424, bce.resultValue(), 1e-6);

        Metric hard = registry.get("BinaryCrossentropy");
        hard.update(Tensor.of(new double[] {0}, 1, 1), Tensor.of(new double[] {1}, 1, 1));
        assertEquals(15.942385, hard.resultValue(), 1e-5);

        Metric cce = registry.get("categorical_crossentropy");
        cce.update(Tensor.of(new double[] {0, 1, 0, 0, 0, 1}, 2, 3),
                Tensor.of(new double[] {0.05, 0.95, 0, 0.1, 0.8, 0.1}, 2, 3));
        assertEquals(1.1769392, cce.resultValue(), 1e-6);

        Metric scce = registry.get("sparse_categorical_crossentropy");
        scce.update(Tensor.vector(1, 2), Tensor.of(new double[] {0.05, 0.95, 0, 0.1, 0.8, 0.1}, 2, 3));
        assertEquals(1.1769392, scce.resultValue(), 1e-6);

        ValuesMetric mean = (ValuesMetric) registry.get("Mean");
        mean.updateValues(Tensor.vector(1, 3, 5, 7), Tensor.scalar(2));
        mean.updateValues(Tensor.vector(10));
        assertEquals(6.0, mean.resultValue(), 1e-9);

        Metric ba = registry.create("BinaryAccuracy", Map.of("threshold", 0.5));
        ba.update(Tensor.of(new double[] {1, 1, 0, 0}, 4, 1), Tensor.of(new double[] {0.98, 1, 0, 0.6}, 4, 1));
        assertEquals(0.75, ba.resultValue(), 1e-6);
        assertEquals(Map.of("name", "binary_accuracy", "dtype", "float32", "threshold", 0.5), ba.config());

        Metric top = registry.create("TopKCategoricalAccuracy", Map.of("k", 1));
        top.update(Tensor.of(new double[] {0, 0, 1, 0, 1, 0}, 2, 3), Tensor.of(new double[] {0.1, 0.9, 0.8, 0.05, 0.95,
                0}, 2, 3));
        assertEquals(0.5, top.resultValue(), 1e-6);

        Metric acc = registry.compile("accuracy", new int[] {4, 1}, new int[] {4, 1});
        assertEquals("BinaryAccuracy", acc.className());
        assertEquals("accuracy", acc.name());
    }
}
