package io.github.metricparity.dl4j.modelimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.dl4j.modelimport.CompilePlan.PlannedMetric;
import io.github.metricparity.spi.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every committed real Keras 3.16 model, in both formats: it loads, its compile metrics are named, classed and
 * configured as Keras built them, its evaluate() dicts (with and without sample weights) are reproduced from
 * Keras's own predictions and from DL4J's, and DL4J's predictions equal Keras's.
 */
class Keras3ModelFilesTest {
    /** evaluate() values: absolute for values up to 1, relative above (float32 sums of values in the hundreds). */
    private static final double EVALUATE_TOLERANCE = 1e-6;
    private static final double PREDICT_TOLERANCE = 1e-5;

    static Stream<Arguments> files() {
        List<Arguments> out = new ArrayList<>();
        for (String m : KerasRecord.MODELS) {
            out.add(Arguments.of(m, ".keras", KerasFileFormat.KERAS_ZIP));
            out.add(Arguments.of(m, ".h5", KerasFileFormat.KERAS3_H5));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("files")
    void compileMetricsAreKerasOwn(String model, String ext, KerasFileFormat format) throws Exception {
        KerasRecord k = KerasRecord.load(model);
        KerasModelFile file = KerasModelFile.read(KerasRecord.file(model + ext));
        assertEquals(format, file.format());
        assertEquals("3.16.0", file.kerasVersion());
        assertEquals(k.outputNames(), file.outputNames());
        CompilePlan plan = file.compilePlan();
        assertEquals(k.evaluate().keySet(), plan.keys(), "evaluate() keys");
        KerasModelEvaluation eval = file.evaluation();
        eval.update(k.labels(), k.predictions(), null); // resolves the compile strings from the shapes
        List<PlannedMetric> planned = plan.metrics();
        assertEquals(k.metrics().size(), planned.size());
        for (int i = 0; i < planned.size(); i++) {
            Map<String, Object> keras = k.metrics().get(i);
            PlannedMetric p = planned.get(i);
            assertEquals(keras.get("key"), p.key());
            assertEquals(keras.get("weighted"), p.weighted(), p.key());
            assertEquals(keras.get("output"), p.outputName(), p.key());
            Metric m = eval.forOutput(p.output()).metric(p.key());
            assertEquals(keras.get("class_name"), m.className(), p.key());
            assertEquals(numbers(keras.get("config")), numbers(m.config()), p.key() + " config");
        }
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("files")
    void evaluateFromKerasPredictions(String model, String ext, KerasFileFormat format) throws Exception {
        KerasRecord k = KerasRecord.load(model);
        KerasModelFile file = KerasModelFile.read(KerasRecord.file(model + ext));
        assertClose(k.evaluate(), byBatches(file.evaluation(), k, k.predictions(), null), model + " evaluate()");
        assertClose(k.evaluateSampleWeight(), byBatches(file.evaluation(), k, k.predictions(), k.sampleWeight()),
                model + " evaluate(sample_weight)");
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("files")
    void importedIntoDl4jPredictsAndEvaluatesAsKeras(String model, String ext, KerasFileFormat format)
            throws Exception {
        KerasRecord k = KerasRecord.load(model);
        KerasModelFile file = KerasModelFile.read(KerasRecord.file(model + ext));
        Dl4jKerasModel net = file.importModel();
        List<INDArray> predicted = net.predict(k.inputs());
        double worst = 0;
        for (int o = 0; o < predicted.size(); o++) {
            INDArray want = k.predictions().get(o);
            INDArray got = predicted.get(o).reshape(want.shape());
            worst = Math.max(worst, got.castTo(want.dataType()).sub(want).amaxNumber().doubleValue());
        }
        System.out.printf("%s%s: DL4J predictions, max abs difference from Keras %.3g%n", model, ext, worst);
        assertTrue(worst <= PREDICT_TOLERANCE, model + ext + ": predictions differ by " + worst);
        Map<String, Double> plain = file.evaluation().evaluate(net, k.inputs(), k.labels(), null);
        Map<String, Double> weighted = file.evaluation().evaluate(net, k.inputs(), k.labels(), k.sampleWeight());
        assertClose(k.evaluate(), plain, model + ext + " DL4J evaluate()");
        assertClose(k.evaluateSampleWeight(), weighted, model + ext + " DL4J evaluate(sample_weight)");
    }

    /** Batches of 32, as Keras's evaluate() makes them. */
    private static Map<String, Double> byBatches(KerasModelEvaluation eval, KerasRecord k, List<INDArray> predictions,
            INDArray weights) {
        long n = predictions.get(0).size(0);
        for (long from = 0; from < n; from += 32) {
            long to = Math.min(n, from + 32);
            eval.update(rows(k.labels(), from, to), rows(predictions, from, to),
                    weights == null ? null : weights.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to)));
        }
        return eval.result();
    }

    private static List<INDArray> rows(List<INDArray> arrays, long from, long to) {
        List<INDArray> out = new ArrayList<>();
        for (INDArray a : arrays) {
            long[] shape = a.shape().clone();
            shape[0] = to - from;
            out.add(a.reshape('c', a.size(0), a.length() / a.size(0))
                    .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                            org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c').reshape('c', shape));
        }
        return out;
    }

    static double assertClose(Map<String, Double> keras, Map<String, Double> ours, String what) {
        assertEquals(keras.keySet(), ours.keySet(), what + " keys");
        double worst = 0;
        for (Map.Entry<String, Double> e : keras.entrySet()) {
            double want = e.getValue();
            double got = ours.get(e.getKey());
            double diff = Math.abs(got - want) / Math.max(1, Math.abs(want));
            worst = Math.max(worst, diff);
            assertTrue(diff <= EVALUATE_TOLERANCE, what + " " + e.getKey() + ": Keras " + want + ", ours " + got);
        }
        System.out.printf("%s: max difference from Keras %.3g%n", what, worst);
        return worst;
    }

    /** A config with every number as a double, so 0 and 0.0 compare equal. */
    @SuppressWarnings("unchecked")
    private static Object numbers(Object o) {
        if (o instanceof Map) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) o).forEach((key, v) -> out.put(key, numbers(v)));
            return out;
        }
        if (o instanceof List) {
            List<Object> out = new ArrayList<>();
            ((List<Object>) o).forEach(v -> out.add(numbers(v)));
            return out;
        }
        return o instanceof Number ? (Object) ((Number) o).doubleValue() : o;
    }
}
