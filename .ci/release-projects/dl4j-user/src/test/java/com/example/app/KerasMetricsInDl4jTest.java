package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A user's test: Keras metrics through DL4J's IEvaluation, on the backend the application chose. */
class KerasMetricsInDl4jTest {

    @Test
    void evaluatesWithKerasMetricsOnTheApplicationsBackend() {
        // Keras 3 docstring of CategoricalAccuracy: 0.5; of CategoricalCrossentropy: 1.1769392
        INDArray labels = Nd4j.createFromArray(new float[][] {{0, 1, 0}, {0, 0, 1}});
        INDArray predictions = Nd4j.createFromArray(new float[][] {{0.05f, 0.95f, 0f}, {0.1f, 0.8f, 0.1f}});
        KerasEvaluation keras = KerasEvaluation.compile("accuracy", "categorical_crossentropy");
        keras.eval(labels, predictions);
        assertEquals(0.5, keras.value("accuracy"), 1e-7);
        assertEquals(1.1769392, keras.value("categorical_crossentropy"), 1e-6);
        assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", Nd4j.getBackend().getClass().getName());
    }

    @Test
    void theReferenceMetricsAreThereToo() {
        Metric auc = MetricRegistry.load().create("AUC", java.util.Map.of());
        auc.update(Tensor.vector(0, 0, 1, 1), Tensor.vector(0, 0.5, 0.3, 0.9));
        assertEquals(0.75, auc.resultValue(), 1e-6);
    }
}
