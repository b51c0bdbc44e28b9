package io.github.metricparity.keras.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.MetricTesting;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Tensors over direct buffers (how the DL4J adapter hands over ND4J's memory) leave exactly the state that the same
 * values in arrays leave, for the metrics that read buffers in place (staged by blocks or chunks, batches of
 * several chunks included) and for those that take a copy; the in-place ones take their fused update.
 */
class BufferTensorsTest {
    private static final int CLASSES = 10;

    @Test
    void everyMetricGivesTheStateOfTheSameValuesInArrays() {
        List<Object[]> metrics = List.of(
                new Object[] {"SparseCategoricalAccuracy", Map.of(), true, true},
                new Object[] {"CategoricalAccuracy", Map.of(), false, true},
                new Object[] {"BinaryAccuracy", Map.of(), false, true},
                new Object[] {"CategoricalCrossentropy", Map.of("from_logits", true), false, true},
                new Object[] {"SparseCategoricalCrossentropy", Map.of("from_logits", true), true, true},
                new Object[] {"BinaryCrossentropy", Map.of("from_logits", true), false, true},
                new Object[] {"KLDivergence", Map.of(), false, true},
                new Object[] {"AUC", Map.of(), false, false},
                new Object[] {"MeanSquaredError", Map.of(), false, false});
        SplittableRandom r = new SplittableRandom(11);
        for (Object[] m : metrics) {
            String id = (String) m[0];
            boolean sparse = (Boolean) m[2];
            boolean binary = id.startsWith("Binary") || id.equals("AUC") || id.equals("MeanSquaredError");
            for (int rows : new int[] {1, 700, 5000}) {
                for (boolean weighted : new boolean[] {false, true}) {
                    int width = binary ? 1 : CLASSES;
                    float[] truth = new float[rows * (sparse ? 1 : width)];
                    float[] pred = new float[rows * width];
                    float[] weight = new float[rows];
                    for (int i = 0; i < rows; i++) {
                        int label = r.nextInt(width == 1 ? 2 : width);
                        if (sparse) {
                            truth[i] = label;
                        } else {
                            truth[i * width + (width == 1 ? 0 : label)] = width == 1 ? label : 1;
                        }
                        for (int j = 0; j < width; j++) {
                            pred[i * width + j] = (float) r.nextDouble();
                        }
                        weight[i] = (float) r.nextDouble();
                    }
                    int[] trueShape = sparse ? new int[] {rows} : new int[] {rows, width};
                    AbstractMetric onArrays = create(id, (Map<?, ?>) m[1]);
                    AbstractMetric onBuffers = create(id, (Map<?, ?>) m[1]);
                    Tensor w = weighted ? Tensor.of(weight, rows) : null;
                    onArrays.update(Tensor.of(truth, trueShape), Tensor.of(pred, rows, width), w);
                    Tensor bufferTrue = Tensor.of(direct(truth), trueShape);
                    Tensor bufferPred = Tensor.of(doubles(pred), rows, width);
                    Tensor bufferWeight = weighted ? Tensor.of(direct(weight), rows) : null;
                    String where = id + " rows " + rows + (weighted ? " weighted" : "");
                    if ((Boolean) m[3]) {
                        // the fused update alone, so a decline (which update() would hide) fails the test
                        Fused.Check check = onBuffers.fusedCheck();
                        assertTrue(check != null && onBuffers.fusedUpdate(bufferTrue, bufferPred, bufferWeight,
                                check), where + " takes the fused update");
                    } else {
                        onBuffers.update(bufferTrue, bufferPred, bufferWeight);
                    }
                    assertStatesEqual(onArrays.snapshot(), onBuffers.snapshot(), where);
                }
            }
        }
    }

    @Test
    void aNonFiniteValueInABufferIsRefusedAsInAnArray() {
        for (String id : List.of("CategoricalAccuracy", "CategoricalCrossentropy")) {
            float[] truth = new float[40 * CLASSES];
            float[] pred = new float[40 * CLASSES];
            for (int i = 0; i < 40; i++) {
                truth[i * CLASSES + i % CLASSES] = 1;
                pred[i * CLASSES] = 0.5f;
            }
            pred[pred.length - 1] = Float.NaN;
            AbstractMetric metric = create(id, Map.of());
            MetricState before = metric.snapshot();
            org.junit.jupiter.api.Assertions.assertThrows(io.github.metricparity.spi.InvalidInputException.class,
                    () -> metric.update(Tensor.of(direct(truth), 40, CLASSES), Tensor.of(direct(pred), 40, CLASSES)));
            assertStatesEqual(before, metric.snapshot(), id);
            Fused.Check check = metric.fusedCheck();
            assertTrue(check == null || !metric.fusedUpdate(Tensor.of(direct(truth), 40, CLASSES),
                    Tensor.of(direct(pred), 40, CLASSES), null, check), id + ": the fused update declines NaN");
        }
    }

    private static FloatBuffer direct(float[] values) {
        FloatBuffer b = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        return b.put(values).flip();
    }

    /** The values as a direct buffer of doubles (they are float32 values, so nothing is rounded). */
    private static DoubleBuffer doubles(float[] values) {
        DoubleBuffer b = ByteBuffer.allocateDirect(values.length * 8).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        for (float v : values) {
            b.put(v);
        }
        return b.flip();
    }

    private static AbstractMetric create(String id, Map<?, ?> config) {
        @SuppressWarnings("unchecked")
        Map<String, ?> c = (Map<String, ?>) config;
        return (AbstractMetric) MetricTesting.REGISTRY.create(id, c);
    }

    private static void assertStatesEqual(MetricState expected, MetricState actual, String where) {
        for (Map.Entry<String, Tensor> e : expected.variables().entrySet()) {
            Tensor a = actual.variables().get(e.getKey());
            for (int i = 0; i < e.getValue().size(); i++) {
                assertEquals(e.getValue().get(i), a.get(i), where + ": " + e.getKey() + "[" + i + "]");
            }
        }
    }
}
