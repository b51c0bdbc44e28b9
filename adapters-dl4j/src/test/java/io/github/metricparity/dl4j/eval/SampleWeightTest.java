package io.github.metricparity.dl4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metricparity.dl4j.Nd4jTensors;
import io.github.metricparity.dl4j.TinyNetworks;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sample weights apart from masks, as Keras's CompileMetrics keeps them: metrics get the mask, weighted metrics the
 * mask times the sample weights; through {@code eval(labels, predictions, mask, sampleWeights)} and through
 * {@link SampleWeight} metadata in DL4J's own {@code doEvaluation}.
 */
class SampleWeightTest {
    private static final MetricRegistry REFERENCE = MetricRegistry.load();

    private static double reference(String metric, INDArray labels, INDArray predictions, INDArray weights) {
        Metric m = REFERENCE.create(metric, Map.of());
        m.update(Nd4jTensors.toTensor(labels), Nd4jTensors.toTensor(predictions), weights == null ? null
                : Nd4jTensors.toTensor(weights));
        return m.resultValue();
    }

    private static INDArray weights(long seed, int n) {
        java.util.Random r = new java.util.Random(seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = r.nextDouble();
        }
        return Nd4j.createFromArray(w);
    }

    private static KerasEvaluation plainAndWeighted() {
        return KerasEvaluation.builder().compile("accuracy").weightedCompileAs("accuracy", "weighted_accuracy")
                .metricAs(REFERENCE.create("CategoricalCrossentropy", Map.of()), "xent")
                .weightedMetric(REFERENCE.create("CategoricalCrossentropy", Map.of()), "weighted_xent").build();
    }

    @Test
    void metricsGetTheMaskWeightedMetricsTheMaskTimesTheWeights() {
        DataSet d = TinyNetworks.blobs(3, 40);
        INDArray predictions = TinyNetworks.mlp(3).output(d.getFeatures());
        INDArray weights = weights(7, 40).muli(2);
        INDArray mask = Nd4j.ones(40);
        mask.putScalar(3, 0);
        mask.putScalar(17, 0);
        KerasEvaluation keras = plainAndWeighted();
        keras.eval(d.getLabels(), predictions, mask, weights);
        assertEquals(reference("CategoricalAccuracy", d.getLabels(), predictions, mask), keras.value("accuracy"), 1e-7);
        INDArray both = mask.mul(weights);
        assertEquals(reference("CategoricalAccuracy", d.getLabels(), predictions, both),
                keras.value("weighted_accuracy"), 1e-7);
        assertEquals(reference("CategoricalCrossentropy", d.getLabels(), predictions, mask), keras.value("xent"),
                1e-6);
        assertEquals(reference("CategoricalCrossentropy", d.getLabels(), predictions, both),
                keras.value("weighted_xent"), 1e-6);
        assertEquals("accuracy", keras.metric("weighted_accuracy").name(), "the metric keeps Keras's name");
    }

    @Test
    void timeStepMaskAndExampleWeights() {
        DataSet d = TinyNetworks.sequences(5, 6, 4); // labels [6, classes, 4]
        INDArray predictions = TinyNetworks.rnn(5).output(d.getFeatures());
        INDArray mask = Nd4j.ones(6, 4);
        mask.putScalar(new long[] {2, 3}, 0);
        INDArray weights = Nd4j.createFromArray(0.5, 1.0, 2.0, 0.0, 1.5, 3.0);
        KerasEvaluation keras = plainAndWeighted();
        keras.eval(d.getLabels(), predictions, mask, weights);
        KerasEvaluation expected = KerasEvaluation.builder().compile("accuracy").build();
        expected.eval(d.getLabels(), predictions, mask.mul(weights.reshape(6, 1)));
        assertEquals(expected.value("accuracy"), keras.value("weighted_accuracy"), 1e-7);
        KerasEvaluation plain = KerasEvaluation.builder().compile("accuracy").build();
        plain.eval(d.getLabels(), predictions, mask);
        assertEquals(plain.value("accuracy"), keras.value("accuracy"), 1e-7);
    }

    @Test
    void doEvaluationCarriesTheWeightsBesideTheLabels() {
        DataSet d = TinyNetworks.blobs(8, 50);
        MultiLayerNetwork net = TinyNetworks.mlp(8);
        INDArray weights = weights(9, 50);
        KerasEvaluation viaIterator = plainAndWeighted();
        net.doEvaluation(SampleWeight.iterator(d, weights, 16), viaIterator);
        INDArray predictions = net.output(d.getFeatures());
        assertEquals(reference("CategoricalAccuracy", d.getLabels(), predictions, weights),
                viaIterator.value("weighted_accuracy"), 1e-7);
        assertEquals(reference("CategoricalAccuracy", d.getLabels(), predictions, null),
                viaIterator.value("accuracy"), 1e-7);
        KerasEvaluation unweighted = plainAndWeighted();
        net.doEvaluation(TinyNetworks.iterator(d, 16), unweighted);
        assertEquals(unweighted.value("accuracy"), unweighted.value("weighted_accuracy"), 0.0,
                "no weights: the weighted metric is the plain one");
    }

    @Test
    void weightsOfAWrongShapeAreRefusedAndChangeNothing() {
        DataSet d = TinyNetworks.blobs(4, 10);
        KerasEvaluation keras = plainAndWeighted();
        INDArray predictions = TinyNetworks.mlp(4).output(d.getFeatures());
        keras.eval(d.getLabels(), predictions, null, Nd4j.ones(10));
        double before = keras.value("weighted_accuracy");
        assertThrows(InvalidInputException.class, () -> keras.eval(d.getLabels(), predictions, Nd4j.ones(10),
                Nd4j.ones(7)));
        assertEquals(before, keras.value("weighted_accuracy"));
        assertThrows(IllegalArgumentException.class, () -> SampleWeight.attach(d, Nd4j.ones(3)));
    }
}
