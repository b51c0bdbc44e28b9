package io.github.metricparity.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.Metric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every ND4J fast path gives the reference metric's result on the same arrays: float and double inputs, float32 and
 * float64 metrics, no weights and per-sample weights, over several batches (so accumulation is checked too). The
 * metrics are made to take the fast path at every size; by default only large batches do.
 */
class FastPathParityTest {
    private static final int CLASSES = 5;

    /** One metric under test: its class, config and how to make (y_true, y_pred) of a batch of n rows. */
    record Scenario(String className, Map<String, Object> config,
            BiFunction<TestArrays, Integer, INDArray[]> batch) {
        @Override
        public String toString() {
            return className + config;
        }
    }

    static Stream<Arguments> scenarios() {
        List<Scenario> s = new ArrayList<>();
        s.add(new Scenario("CategoricalAccuracy", Map.of(),
                (t, n) -> new INDArray[] {t.oneHot(n, CLASSES), t.distributions(n, CLASSES)}));
        s.add(new Scenario("SparseCategoricalAccuracy", Map.of(),
                (t, n) -> new INDArray[] {t.classIds(n, CLASSES, false), t.distributions(n, CLASSES)}));
        s.add(new Scenario("SparseCategoricalAccuracy", Map.of(),
                (t, n) -> new INDArray[] {t.classIds(n, CLASSES, true), t.logits(n, CLASSES)}));
        List<Arguments> out = new ArrayList<>();
        for (Scenario sc : s) {
            for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
                for (String dtype : List.of("float32", "float64")) {
                    for (String weights : List.of("none", "(N,)", "(N,1)")) {
                        out.add(Arguments.of(sc, type, dtype, weights));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} inputs, dtype {2}, weights {3}")
    @MethodSource("scenarios")
    void fastPathMatchesTheReference(Scenario sc, DataType type, String dtype, String weights) {
        Map<String, Object> config = new HashMap<>(sc.config());
        config.put("dtype", dtype);
        Nd4jMetric fast = new Nd4jMetric(KerasCatalog.byClassName(sc.className()).create(config), 0);
        Metric reference = KerasCatalog.byClassName(sc.className()).create(config);
        assertTrue(fast.hasFastPath(), "no fast path for " + sc);
        TestArrays data = new TestArrays(sc.toString().hashCode() * 31L + type.ordinal() + dtype.hashCode(), type);
        for (int n : new int[] {7, 1, 33}) {
            INDArray[] b = sc.batch().apply(data, n);
            INDArray w = weights.equals("none") ? null
                    : weights.equals("(N,)") ? data.weights(n) : data.weights(n, 1);
            fast.update(b[0], b[1], w);
            reference.update(Nd4jTensors.toTensor(b[0]), Nd4jTensors.toTensor(b[1]), Nd4jTensors.toTensor(w));
            double expected = reference.resultValue();
            assertEquals(expected, fast.resultValue(), 1e-9 + 1e-9 * Math.abs(expected), sc + " after a batch of " + n);
        }
        assertEquals(3, fast.fastBatches(), "every batch took the fast path");
        assertEquals(reference.snapshot().variable("count").item(), fast.snapshot().variable("count").item(), 1e-9);
    }

    @Test
    void byDefaultBatchesGoThroughTheReferenceAndTheThresholdOptsIn() {
        Nd4jMetric metric = new Dl4jMetricProvider().create("CategoricalAccuracy", Map.of());
        TestArrays data = new TestArrays(3, DataType.FLOAT);
        int rows = (1 << 20) / CLASSES + 1;
        metric.update(data.oneHot(rows, CLASSES), data.distributions(rows, CLASSES));
        assertEquals(0, metric.fastBatches(), "the reference path was faster at every measured size");
        Nd4jMetric optedIn = new Nd4jMetric(KerasCatalog.byClassName("CategoricalAccuracy").create(Map.of()), 1 << 20);
        optedIn.update(data.oneHot(64, CLASSES), data.distributions(64, CLASSES));
        assertEquals(0, optedIn.fastBatches(), "below the threshold");
        optedIn.update(data.oneHot(rows, CLASSES), data.distributions(rows, CLASSES));
        assertEquals(1, optedIn.fastBatches());
    }
}
