package io.github.metricparity.dl4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.dl4j.Nd4jTensors;
import io.github.metricparity.dl4j.TinyNetworks;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.InvocationType;
import org.deeplearning4j.optimize.listeners.EvaluativeListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * KerasEvaluation inside DL4J's own evaluation entry points, on trained networks: the Keras metrics it reports equal
 * the reference provider's on the same predictions.
 */
@SuppressWarnings({"unchecked", "rawtypes"}) // DL4J's generic varargs and raw IEvaluation maps
class NetworkEvaluationTest {
    private static final MetricRegistry REFERENCE = MetricRegistry.load();
    private static final String[] METRICS = {"accuracy", "categorical_crossentropy", "top_k_categorical_accuracy"};

    private static DataSet train;
    private static DataSet test;
    private static MultiLayerNetwork mlp;

    @BeforeAll
    static void trainOnce() {
        train = TinyNetworks.blobs(1, 240);
        test = TinyNetworks.blobs(2, 90);
        mlp = TinyNetworks.mlp(3);
        mlp.fit(TinyNetworks.iterator(train, 32), 15);
    }

    /** The reference provider's values on these predictions, metric by metric, resolved as compile() would. */
    private static Map<String, Double> referenceValues(INDArray labels, INDArray predictions) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String name : METRICS) {
            Metric m = REFERENCE.compile(name, Nd4jTensors.intShape(labels), Nd4jTensors.intShape(predictions));
            m.update(Nd4jTensors.toTensor(labels), Nd4jTensors.toTensor(predictions));
            out.put(name, m.resultValue());
        }
        return out;
    }

    private static void assertSameValues(Map<String, Double> expected, Map<String, Double> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertEquals(expected.get(name), actual.get(name), 1e-6 * Math.max(1, Math.abs(expected.get(name))), name);
        }
    }

    @Test
    void doEvaluationOnATrainedMultiLayerNetwork() {
        KerasEvaluation keras = KerasEvaluation.compile(METRICS);
        Evaluation dl4j = new Evaluation();
        mlp.doEvaluation(TinyNetworks.iterator(test, 25), keras, dl4j);
        Map<String, Double> expected = referenceValues(test.getLabels(), mlp.output(test.getFeatures()));
        System.out.println("doEvaluation, Keras metrics: " + keras.values() + "; reference provider: " + expected
                + "; DL4J Evaluation.accuracy(): " + dl4j.accuracy());
        assertSameValues(expected, keras.values());
        assertEquals(dl4j.accuracy(), keras.value("accuracy"), 1e-9, "argmax accuracy is the same rule");
        assertTrue(keras.value("accuracy") > 0.6, "the network learned something");
    }

    @Test
    void doEvaluationAndEvaluateOnAComputationGraph() {
        ComputationGraph graph = TinyNetworks.graph(4);
        graph.fit(TinyNetworks.iterator(train, 32), 10);
        KerasEvaluation keras = KerasEvaluation.compile(METRICS);
        graph.doEvaluation(TinyNetworks.iterator(test, 25), keras);
        Map<String, Double> expected = referenceValues(test.getLabels(), graph.outputSingle(test.getFeatures()));
        assertSameValues(expected, keras.values());

        Map<Integer, IEvaluation[]> perOutput = Map.of(0, new IEvaluation[] {KerasEvaluation.compile(METRICS)});
        Map<Integer, IEvaluation[]> result = graph.evaluate(TinyNetworks.iterator(test, 25), perOutput);
        assertSameValues(expected, ((KerasEvaluation) result.get(0)[0]).values());
    }

    @Test
    void evaluativeListenerReportsKerasMetricsAtEpochEnd() {
        MultiLayerNetwork net = TinyNetworks.mlp(5);
        KerasEvaluation keras = KerasEvaluation.compile(METRICS);
        List<Double> perEpoch = new ArrayList<>();
        EvaluativeListener listener = new EvaluativeListener(TinyNetworks.iterator(test, 30), 1,
                InvocationType.EPOCH_END, keras);
        listener.setCallback((l, model, invocation, evaluations) ->
                perEpoch.add(((KerasEvaluation) evaluations[0]).value("accuracy")));
        net.setListeners(listener);
        net.fit(TinyNetworks.iterator(train, 32), 3);
        assertEquals(3, perEpoch.size());
        Map<String, Double> expected = referenceValues(test.getLabels(), net.output(test.getFeatures()));
        assertSameValues(expected, keras.values()); // the listener resets before each evaluation
    }

    @Test
    void maskedTimeSeriesAsDl4jEvaluatesThem() {
        MultiLayerNetwork rnn = TinyNetworks.rnn(6);
        DataSet seqs = TinyNetworks.sequences(7, 10, 6);
        KerasEvaluation keras = KerasEvaluation.compile("accuracy", "categorical_crossentropy");
        Evaluation dl4j = new Evaluation();
        rnn.doEvaluation(TinyNetworks.iterator(seqs, 4), keras, dl4j);

        // the unmasked (example, step) rows, gathered element by element
        INDArray out = rnn.output(seqs.getFeatures(), false, seqs.getFeaturesMaskArray(), seqs.getLabelsMaskArray());
        List<double[]> yTrue = new ArrayList<>();
        List<double[]> yPred = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            for (int t = 0; t < 6; t++) {
                if (seqs.getLabelsMaskArray().getDouble(n, t) == 0) {
                    continue;
                }
                double[] tr = new double[TinyNetworks.CLASSES];
                double[] pr = new double[TinyNetworks.CLASSES];
                for (int c = 0; c < TinyNetworks.CLASSES; c++) {
                    tr[c] = seqs.getLabels().getDouble(n, c, t);
                    pr[c] = out.getDouble(n, c, t);
                }
                yTrue.add(tr);
                yPred.add(pr);
            }
        }
        INDArray labels = Nd4j.createFromArray(yTrue.toArray(new double[0][])).castTo(out.dataType());
        INDArray predictions = Nd4j.createFromArray(yPred.toArray(new double[0][])).castTo(out.dataType());
        Metric acc = REFERENCE.get("categorical_accuracy");
        acc.update(Nd4jTensors.toTensor(labels), Nd4jTensors.toTensor(predictions));
        Metric cce = REFERENCE.get("categorical_crossentropy");
        cce.update(Nd4jTensors.toTensor(labels), Nd4jTensors.toTensor(predictions));
        assertEquals(acc.resultValue(), keras.value("accuracy"), 1e-9);
        assertEquals(cce.resultValue(), keras.value("categorical_crossentropy"), 1e-6);
        assertEquals(dl4j.accuracy(), keras.value("accuracy"), 1e-9, "same unmasked steps as DL4J's Evaluation");
        assertEquals(yTrue.size(), dl4j.getNumRowCounter());
    }

    @Test
    void threadsAndSerialisedShardsMergeToTheOnePassResult() throws Exception {
        KerasEvaluation onePass = KerasEvaluation.compile(METRICS);
        mlp.doEvaluation(TinyNetworks.iterator(test, 25), onePass);

        // as DL4J's parallel and Spark evaluations do: one instance per worker, shipped serialised, merged
        List<DataSet> shards = test.batchBy(30);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<byte[]>> results = new ArrayList<>();
        KerasEvaluation template = KerasEvaluation.compile(METRICS);
        for (DataSet shard : shards) {
            MultiLayerNetwork worker = mlp.clone();
            KerasEvaluation local = template.newInstance();
            results.add(pool.submit(() -> {
                worker.doEvaluation(TinyNetworks.iterator(shard, 10), local);
                return serialise(local);
            }));
        }
        KerasEvaluation merged = template.newInstance();
        for (Future<byte[]> f : results) {
            merged.merge(deserialise(f.get()));
        }
        pool.shutdown();
        assertSameValues(onePass.values(), merged.values());
    }

    private static byte[] serialise(KerasEvaluation e) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        return bytes.toByteArray();
    }

    private static KerasEvaluation deserialise(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (KerasEvaluation) in.readObject();
        }
    }
}
