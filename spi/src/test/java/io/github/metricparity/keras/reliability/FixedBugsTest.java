package io.github.metricparity.keras.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression tests of the bugs the reliability work found and fixed, one per bug. */
class FixedBugsTest {

    private static Metric create(String cls, Map<String, ?> config) {
        return KerasCatalog.byClassName(cls).create(config);
    }

    /** Inputs.finiteRange: an empty float32 tensor threw ArrayIndexOutOfBoundsException. */
    @Test
    void anEmptyFloat32BatchIsANoOp() {
        Metric m = create("BinaryAccuracy", Map.of());
        m.update(Tensor.of(new float[0], 0, 1), Tensor.of(new float[0], 0, 1), Tensor.of(new float[0], 0));
        assertEquals(0.0, m.resultValue());
        Metric mean = create("Mean", Map.of());
        ((ValuesMetric) mean).updateValues(Tensor.of(new float[0], 0));
        assertEquals(0.0, mean.resultValue());
    }

    /** A finite double beyond float32 became an infinity in a float32 metric: CategoricalCrossentropy gave NaN. */
    @Test
    void doublesBeyondFloat32AreRefusedByFloat32Metrics() {
        Metric cce = create("CategoricalCrossentropy", Map.of());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> cce.update(
                Tensor.of(new double[] {0, 1}, 1, 2), Tensor.of(new double[] {1e39, 1}, 1, 2)));
        assertTrue(e.getMessage().contains("overflows the metric's dtype float32"), e::getMessage);
        Metric wide = create("CategoricalCrossentropy", Map.of("dtype", "float64"));
        wide.update(Tensor.of(new double[] {0, 1}, 1, 2), Tensor.of(new double[] {0.5, 0.5}, 1, 2));
        assertTrue(Double.isFinite(wide.resultValue()));
    }

    /** SparseTopKCategoricalAccuracy divided by the size of y_pred's last axis: / by zero for shape (N, 0). */
    @Test
    void topKWithAnEmptyClassAxis() {
        Metric sorted = create("SparseTopKCategoricalAccuracy", Map.of("from_sorted_ids", true));
        sorted.update(Tensor.vector(1, 2), Tensor.of(new double[0], 2, 0));
        assertEquals(0.0, sorted.resultValue(), "no ids, no match: Keras's any() over an empty axis is False");
        Metric scores = create("SparseTopKCategoricalAccuracy", Map.of());
        scores.update(Tensor.of(new double[0], 0), Tensor.of(new double[0], 0, 0));
        assertThrows(InvalidInputException.class, () -> scores.update(Tensor.vector(0), Tensor.of(new double[0],
                1, 0)));
    }

    /** BinaryCrossentropy over an empty last axis failed with a message about Tensor internals. */
    @Test
    void binaryCrossentropyOverAnEmptyAxisIsRefusedClearly() {
        Metric bce = create("BinaryCrossentropy", Map.of());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> bce.update(Tensor.of(new double[0], 3, 0), Tensor.of(new double[0], 3, 0)));
        assertTrue(e.getMessage().contains("empty last axis"), e::getMessage);
    }

    /**
     * KerasShapes.reduceTrailing returned numpy's NaN for a mean over an empty axis, which poisoned the state: a
     * (0,) batch is ONE sample for a metric that averages its last axis (Keras gives NaN), and so is an empty class
     * axis. A (0, D) batch, which holds no sample, still adds nothing.
     */
    @Test
    void aMeanOverAnEmptyAxisIsRefused() {
        for (String cls : List.of("MeanSquaredError", "Poisson", "Hinge")) {
            Metric m = create(cls, Map.of());
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> m.update(Tensor.vector(), Tensor.vector()));
            assertTrue(e.getMessage().contains("the mean of nothing is NaN"), e::getMessage);
            assertThrows(InvalidInputException.class, () -> m.update(Tensor.zeros(2, 0), Tensor.zeros(2, 0)));
            m.update(Tensor.zeros(0, 2), Tensor.zeros(0, 2));
            assertEquals(0.0, m.resultValue(), cls);
        }
    }

    /**
     * A restored state holding only some of the variables built on the first update (a hand-edited or corrupt
     * checkpoint) was accepted; AUC's result() then threw IllegalStateException. Found by the checkpoint fuzzer.
     */
    @Test
    void aStateWithSomeLazyVariablesMissingIsRefused() {
        Metric auc = create("AUC", Map.of("multi_label", true, "num_thresholds", 3));
        auc.update(Tensor.of(new double[] {1, 0, 0, 1}, 2, 2), Tensor.of(new double[] {0.9, 0.2, 0.4, 0.6}, 2, 2));
        MetricState full = auc.snapshot();
        Map<String, Tensor> partial = new java.util.LinkedHashMap<>(full.variables());
        partial.remove("false_negatives");
        Metric fresh = create("AUC", Map.of("multi_label", true, "num_thresholds", 3));
        MetricState before = fresh.snapshot();
        assertThrows(MetricException.class, () -> fresh.restore(new MetricState("AUC", full.config(), partial)));
        assertThrows(MetricException.class, () -> fresh.merge(new MetricState("AUC", full.config(), partial)));
        assertEquals(before, fresh.snapshot());
        fresh.restore(full);
        assertEquals(auc.resultValue(), fresh.resultValue());
    }

    /** KerasShapes.reduceTrailing with a negative keepRank threw NegativeArraySizeException. */
    @Test
    void reduceTrailingRefusesANegativeRank() {
        assertThrows(InvalidInputException.class, () -> KerasShapes.reduceTrailing(Tensor.zeros(2, 3), -1, true));
    }

    /** A state too large for the heap threw OutOfMemoryError (or overflowed int) instead of a config error. */
    @Test
    void statesLargerThanTheLimitAreRefusedAtCreation() {
        InvalidConfigException iou = assertThrows(InvalidConfigException.class,
                () -> create("MeanIoU", Map.of("num_classes", 40_000)));
        assertTrue(iou.getMessage().contains("metricparity.maxStateValues"), iou::getMessage);
        assertThrows(InvalidConfigException.class,
                () -> create("AUC", Map.of("multi_label", true, "num_labels", 1_000_000_000)));
        assertThrows(InvalidConfigException.class, () -> create("MeanIoU", Map.of("num_classes", 46_340)));
    }

    /** The limit can be raised (or lowered) at run time. */
    @Test
    void theStateLimitIsASystemProperty() {
        String key = io.github.metricparity.keras.internal.StateVariable.MAX_VALUES_PROPERTY;
        try {
            System.setProperty(key, "100");
            assertThrows(InvalidConfigException.class, () -> create("MeanIoU", Map.of("num_classes", 11)));
            create("MeanIoU", Map.of("num_classes", 10));
            Metric f1 = create("F1Score", Map.of());
            InvalidInputException lazy = assertThrows(InvalidInputException.class,
                    () -> f1.update(Tensor.zeros(1, 101), Tensor.zeros(1, 101)));
            assertTrue(lazy.getMessage().startsWith("F1Score"), lazy::getMessage);
        } finally {
            System.clearProperty(key);
        }
    }
}
