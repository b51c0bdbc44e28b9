package io.github.metricparity.dl4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.dl4j.Nd4jTensors;
import io.github.metricparity.spi.CompileRules;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.BaseEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** KerasEvaluation as an IEvaluation: resolution, DL4J masks and layouts, merge, reset, serialisation. */
class KerasEvaluationTest {
    private static final MetricRegistry REFERENCE = MetricRegistry.load();

    private static INDArray arr(double[][] rows) {
        return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
    }

    /** Softmax-like rows and one-hot labels for n examples of c classes. */
    private static INDArray[] classification(long seed, int n, int c) {
        Random r = new Random(seed);
        double[][] y = new double[n][c];
        double[][] p = new double[n][c];
        for (int i = 0; i < n; i++) {
            y[i][r.nextInt(c)] = 1;
            double sum = 0;
            for (int j = 0; j < c; j++) {
                p[i][j] = Math.exp(r.nextGaussian());
                sum += p[i][j];
            }
            for (int j = 0; j < c; j++) {
                p[i][j] /= sum;
            }
        }
        return new INDArray[] {arr(y), arr(p)};
    }

    private static double reference(String metric, INDArray yTrue, INDArray yPred, INDArray weight) {
        Metric m = REFERENCE.get(metric);
        m.update(Nd4jTensors.toTensor(yTrue), Nd4jTensors.toTensor(yPred), Nd4jTensors.toTensor(weight));
        return m.resultValue();
    }

    @Test
    void docstringExamplesThroughEval() {
        KerasEvaluation eval = KerasEvaluation.builder().metric("SparseCategoricalAccuracy")
                .metric("BinaryCrossentropy").build();
        KerasEvaluation sca = KerasEvaluation.of(REFERENCE.get("SparseCategoricalAccuracy"));
        sca.eval(arr(new double[][] {{2}, {1}}), arr(new double[][] {{0.1, 0.6, 0.3}, {0.05, 0.95, 0}}),
                Nd4j.createFromArray(0.7f, 0.3f));
        assertEquals(0.3, sca.value("sparse_categorical_accuracy"), 1e-6);

        KerasEvaluation bce = KerasEvaluation.compile("binary_crossentropy");
        bce.eval(arr(new double[][] {{0, 1}, {0, 0}}), arr(new double[][] {{0.6, 0.4}, {0.4, 0.6}}));
        assertEquals(0.81492424, bce.getValue(KerasMetricKey.of("binary_crossentropy")), 1e-6);
        assertTrue(bce.key("binary_crossentropy").minimize());
        assertEquals(java.util.List.of("sparse_categorical_accuracy", "binary_crossentropy"), eval.names());
    }

    @Test
    void accuracyIsResolvedFromTheFirstBatchAsKeras3Does() {
        KerasEvaluation binary = KerasEvaluation.compile("accuracy");
        assertNull(binary.metric("accuracy"));
        binary.eval(arr(new double[][] {{1}, {0}, {1}}), arr(new double[][] {{0.9}, {0.6}, {0.4}}));
        assertEquals("BinaryAccuracy", binary.metric("accuracy").className());
        assertEquals(1.0 / 3, binary.value("accuracy"), 1e-6);
        assertFalse(binary.key("accuracy").minimize());

        INDArray[] d = classification(1, 20, 4);
        KerasEvaluation categorical = KerasEvaluation.compile("acc");
        categorical.eval(d[0], d[1]);
        assertEquals("CategoricalAccuracy", categorical.metric("acc").className());
        assertEquals(reference("CategoricalAccuracy", d[0], d[1], null), categorical.value("acc"), 1e-12);

        KerasEvaluation sparse = KerasEvaluation.compile("accuracy");
        sparse.eval(Nd4j.argMax(d[0], 1).castTo(DataType.FLOAT).reshape(20, 1), d[1]);
        assertEquals("SparseCategoricalAccuracy", sparse.metric("accuracy").className());

        KerasEvaluation lossBased = KerasEvaluation.builder().compile("accuracy").loss("binary_crossentropy")
                .rules(CompileRules.KERAS_2_LOSS_BASED).build();
        lossBased.eval(d[0], d[1]);
        assertEquals("BinaryAccuracy", lossBased.metric("accuracy").className());
        assertThrows(MetricException.class, () -> KerasEvaluation.compile("no_such_metric"));
    }

    @Test
    void perExampleMaskDropsZerosAndWeighsTheRest() {
        INDArray[] d = classification(2, 6, 3);
        INDArray mask = Nd4j.createFromArray(1f, 0f, 1f, 1f, 0f, 1f).reshape(6, 1);
        KerasEvaluation eval = KerasEvaluation.compile("categorical_accuracy", "categorical_crossentropy");
        eval.eval(d[0], d[1], mask);
        int[] kept = {0, 2, 3, 5};
        INDArray yTrue = Nd4j.pullRows(d[0], 1, kept);
        INDArray yPred = Nd4j.pullRows(d[1], 1, kept);
        assertEquals(reference("categorical_accuracy", yTrue, yPred, null), eval.value("categorical_accuracy"), 1e-12);
        assertEquals(reference("categorical_crossentropy", yTrue, yPred, null),
                eval.value("categorical_crossentropy"), 1e-9);

        KerasEvaluation weighted = KerasEvaluation.compile("categorical_crossentropy");
        INDArray w = Nd4j.createFromArray(0.5f, 0f, 2f, 1f, 0f, 1f);
        weighted.eval(d[0], d[1], w);
        assertEquals(reference("categorical_crossentropy", yTrue, yPred,
                        Nd4j.createFromArray(0.5f, 2f, 1f, 1f)),
                weighted.value("categorical_crossentropy"), 1e-9);

        KerasEvaluation allMasked = KerasEvaluation.compile("accuracy");
        allMasked.eval(d[0], d[1], Nd4j.zeros(DataType.FLOAT, 6));
        assertNull(allMasked.metric("accuracy"), "nothing evaluated");
    }

    @Test
    void timeSeriesAreReadAsDl4jLaysThemOutWithPerStepMasks() {
        // DL4J: [minibatch=2, classes=3, timeSteps=4]; Keras sees every unmasked (example, step) as one row
        INDArray[] d = classification(3, 8, 3); // rows are (example, step) pairs, example-major
        INDArray yTrueKeras = d[0];
        INDArray yPredKeras = d[1];
        INDArray labels = yTrueKeras.reshape(2, 4, 3).permute(0, 2, 1).dup('c');
        INDArray predictions = yPredKeras.reshape(2, 4, 3).permute(0, 2, 1).dup('c');
        INDArray mask = arr(new double[][] {{1, 1, 1, 0}, {1, 1, 0, 0}});

        KerasEvaluation eval = KerasEvaluation.compile("accuracy", "categorical_crossentropy");
        eval.eval(labels, predictions, mask);
        int[] kept = {0, 1, 2, 4, 5};
        INDArray yTrue = Nd4j.pullRows(yTrueKeras, 1, kept);
        INDArray yPred = Nd4j.pullRows(yPredKeras, 1, kept);
        assertEquals(reference("categorical_accuracy", yTrue, yPred, null), eval.value("accuracy"), 1e-12);
        assertEquals(reference("categorical_crossentropy", yTrue, yPred, null),
                eval.value("categorical_crossentropy"), 1e-9);

        // the same through DL4J's evalTimeSeries and with NWC data (axis 2)
        KerasEvaluation series = KerasEvaluation.compile("accuracy");
        series.evalTimeSeries(labels, predictions, mask);
        assertEquals(eval.value("accuracy"), series.value("accuracy"), 1e-12);
        KerasEvaluation nwc = KerasEvaluation.builder().compile("accuracy").axis(2).build();
        nwc.eval(yTrueKeras.reshape(2, 4, 3), yPredKeras.reshape(2, 4, 3), mask);
        assertEquals(eval.value("accuracy"), nwc.value("accuracy"), 1e-12);

        // per-output mask: Keras sample_weight of the labels' shape (BinaryAccuracy weighs element-wise)
        KerasEvaluation perOutput = KerasEvaluation.compile("binary_accuracy");
        INDArray outputMask = Nd4j.ones(DataType.FLOAT, 2, 3, 4);
        outputMask.putScalar(new long[] {0, 1, 2}, 0);
        perOutput.eval(labels, predictions, outputMask);
        INDArray weightRows = outputMask.permute(0, 2, 1).dup('c').reshape(8, 3);
        assertEquals(reference("binary_accuracy", yTrueKeras, yPredKeras, weightRows),
                perOutput.value("binary_accuracy"), 1e-12);

        assertThrows(InvalidInputException.class, () -> eval.eval(labels, predictions, Nd4j.ones(2, 5)));
    }

    @Test
    void kerasLayoutPassesArraysAndSampleWeightAsTheyAre() {
        KerasEvaluation eval = KerasEvaluation.builder().metric("Accuracy").layout(ArrayLayout.KERAS).build();
        INDArray yTrue = Nd4j.createFromArray(1f, 2f, 3f, 4f);
        INDArray yPred = Nd4j.createFromArray(0f, 2f, 3f, 4f);
        eval.eval(yTrue, yPred, Nd4j.scalar(2f)); // a scalar weight: the whole batch is one sample
        eval.eval(Nd4j.createFromArray(1f), Nd4j.createFromArray(1f));
        Metric m = REFERENCE.get("Accuracy");
        m.update(Nd4jTensors.toTensor(yTrue), Nd4jTensors.toTensor(yPred), Tensor.scalar(2));
        m.update(Tensor.vector(1), Tensor.vector(1));
        assertEquals(m.resultValue(), eval.value("accuracy"), 1e-12);
    }

    @Test
    void aRefusedBatchChangesNoMetric() {
        KerasEvaluation eval = KerasEvaluation.compile("categorical_accuracy", "sparse_categorical_accuracy");
        INDArray labels = arr(new double[][] {{0, 0.5}, {0.5, 0}}); // argmax works, class ids must be integers
        INDArray predictions = arr(new double[][] {{0.3, 0.7}, {0.4, 0.6}});
        assertThrows(InvalidInputException.class, () -> eval.eval(labels, predictions));
        assertEquals(0.0, eval.value("categorical_accuracy"));
        assertEquals(0.0, eval.metric("categorical_accuracy").snapshot().variable("count").item());
    }

    @Test
    void mergedShardsGiveTheOnePassResult() {
        INDArray[] d = classification(4, 30, 5);
        KerasEvaluation onePass = KerasEvaluation.compile("accuracy", "categorical_crossentropy",
                "top_k_categorical_accuracy");
        onePass.eval(d[0], d[1]);
        KerasEvaluation merged = KerasEvaluation.compile("accuracy", "categorical_crossentropy",
                "top_k_categorical_accuracy");
        assertNull(merged.metric("accuracy"), "resolved by the first merged shard");
        assertEquals(0.0, onePass.newInstance().value("accuracy"), "a new instance keeps the resolution");
        for (int[] range : new int[][] {{0, 7}, {7, 20}, {20, 30}}) {
            KerasEvaluation shard = merged.newInstance();
            shard.eval(d[0].get(NDArrayIndex.interval(range[0], range[1]), NDArrayIndex.all()),
                    d[1].get(NDArrayIndex.interval(range[0], range[1]), NDArrayIndex.all()));
            merged.merge(shard);
        }
        for (String name : onePass.names()) {
            assertEquals(onePass.value(name), merged.value(name), 1e-9, name);
        }
        merged.merge(merged.newInstance()); // an instance that saw nothing changes nothing
        assertEquals(onePass.value("accuracy"), merged.value("accuracy"), 1e-12);
        assertThrows(MetricException.class, () -> merged.merge(KerasEvaluation.compile("mse")));

        merged.reset();
        assertEquals(0.0, merged.value("accuracy"));
        assertEquals("CategoricalAccuracy", merged.metric("accuracy").className(), "reset keeps the resolution");
    }

    @Test
    void jsonAndJavaSerialisationKeepMetricsAndState() throws Exception {
        INDArray[] d = classification(5, 16, 3);
        INDArray[] e = classification(6, 16, 3);
        KerasEvaluation full = KerasEvaluation.builder().compile("accuracy")
                .metric("CategoricalCrossentropy", Map.of("label_smoothing", 0.1)).build();
        full.eval(d[0], d[1]);
        full.eval(e[0], e[1]);

        KerasEvaluation half = full.newInstance();
        half.eval(d[0], d[1]);
        String json = half.toJson();
        assertTrue(json.contains("\"label_smoothing\""), json);
        KerasEvaluation fromJson = BaseEvaluation.fromJson(json, KerasEvaluation.class);
        fromJson.eval(e[0], e[1]);
        assertEquals(full.values(), fromJson.values());
        KerasEvaluation fromYaml = BaseEvaluation.fromYaml(half.toYaml(), KerasEvaluation.class);
        assertEquals(half.values(), fromYaml.values());
        KerasEvaluation unresolved = BaseEvaluation.fromJson(full.newInstance().newInstance().toJson(),
                KerasEvaluation.class);
        assertEquals(full.names(), unresolved.names());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(half);
        }
        KerasEvaluation copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (KerasEvaluation) in.readObject();
        }
        copy.eval(e[0], e[1]);
        assertEquals(full.values(), copy.values());
        MetricState state = copy.metric("categorical_crossentropy").snapshot();
        assertEquals(0.1, ((Number) state.config().get("label_smoothing")).doubleValue());
    }

    /**
     * A serialiser that copies fields without calling writeObject (Kryo's FieldSerializer, Spark's KryoSerializer)
     * leaves the transient state behind: the copy refuses to report instead of reporting an empty state's result.
     */
    @Test
    void aStateDroppedByAFieldCopyingSerialiserIsReportedNotZero() throws Exception {
        INDArray[] d = classification(5, 16, 3);
        KerasEvaluation eval = KerasEvaluation.builder().compile("accuracy").metric("AUC").build();
        eval.eval(d[0], d[1]);
        KerasEvaluation fresh = eval.newInstance();
        java.lang.reflect.Field entriesField = KerasEvaluation.class.getDeclaredField("entries");
        entriesField.setAccessible(true);
        for (Object entry : (java.util.List<?>) entriesField.get(eval)) {
            for (String transientField : new String[] {"metric", "pendingState"}) {
                java.lang.reflect.Field f = entry.getClass().getDeclaredField(transientField);
                f.setAccessible(true);
                f.set(entry, null);
            }
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> eval.value("accuracy"));
        assertTrue(e.getMessage().contains("KerasKryoRegistrator"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> fresh.merge(eval));
        // an empty copy is not a lost state
        assertEquals(0.0, fresh.value("auc"));
    }

    @Test
    void statsListsEveryMetric() {
        KerasEvaluation eval = KerasEvaluation.compile("accuracy", "binary_crossentropy");
        assertTrue(eval.stats().contains("accuracy: not resolved yet"), eval.stats());
        eval.eval(arr(new double[][] {{1}, {0}}), arr(new double[][] {{0.8}, {0.4}}));
        String stats = eval.stats();
        assertTrue(stats.contains("accuracy (BinaryAccuracy): 1.0000"), stats);
        assertArrayEquals(new int[0], eval.result("accuracy").shape());
    }
}
