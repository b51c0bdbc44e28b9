package io.github.metricparity.dl4j.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.dl4j.Nd4jTensors;
import io.github.metricparity.dl4j.TinyNetworks;
import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

/** Keras-style epoch lines and history, checked against the reference provider on the same predictions. */
class KerasProgressListenerTest {
    private static final MetricRegistry REFERENCE = MetricRegistry.load();

    private static double reference(String metric, INDArray labels, INDArray predictions) {
        Metric m = REFERENCE.get(metric);
        m.update(Nd4jTensors.toTensor(labels), Nd4jTensors.toTensor(predictions));
        return m.resultValue();
    }

    @Test
    void printsKerasEpochLinesAndKeepsTheHistory() {
        DataSet train = TinyNetworks.blobs(11, 120);
        DataSet test = TinyNetworks.blobs(12, 45);
        MultiLayerNetwork net = TinyNetworks.mlp(13);
        List<String> lines = new ArrayList<>();
        KerasProgressListener listener = KerasProgressListener.builder()
                .compile("accuracy", "categorical_crossentropy")
                .validation(TinyNetworks.iterator(test, 20))
                .epochs(3)
                .printTo(lines::add)
                .build();
        net.setListeners(listener);
        net.fit(TinyNetworks.iterator(train, 32), 3);

        lines.forEach(System.out::println);
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).matches("Epoch 3/3 - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4} - "
                + "categorical_crossentropy: \\d\\.\\d{4} - val_loss: \\d\\.\\d{4} - val_accuracy: \\d\\.\\d{4} - "
                + "val_categorical_crossentropy: \\d\\.\\d{4}"), lines.get(2));
        KerasHistory history = listener.history();
        assertEquals(3, history.epochs());
        assertEquals(List.of("loss", "accuracy", "categorical_crossentropy", "val_loss", "val_accuracy",
                "val_categorical_crossentropy"), List.copyOf(history.asMap().keySet()));

        // the last validation values are those of the trained network
        INDArray out = net.output(test.getFeatures());
        assertEquals(reference("categorical_accuracy", test.getLabels(), out), history.get("val_accuracy").get(2),
                1e-9);
        assertEquals(reference("categorical_crossentropy", test.getLabels(), out),
                history.get("val_categorical_crossentropy").get(2), 1e-6);
        assertEquals(net.score(test, false), history.get("val_loss").get(2), 1e-5);
    }

    /** Issue 15: a metric that refuses the batches (one-hot labels to a Sparse metric) need not abort fit(). */
    @Test
    void aFailingMetricIsLoggedAndSkippedWhenAsked() {
        DataSet train = TinyNetworks.blobs(31, 60);
        DataSet test = TinyNetworks.blobs(32, 30);
        List<String> lines = new ArrayList<>();
        KerasProgressListener listener = KerasProgressListener.builder()
                .compile("sparse_categorical_accuracy", "accuracy")
                .validation(TinyNetworks.iterator(test, 10))
                .skipFailingMetrics()
                .printTo(lines::add)
                .build();
        MultiLayerNetwork net = TinyNetworks.mlp(33);
        net.setListeners(listener);
        net.fit(TinyNetworks.iterator(train, 20), 2);

        assertEquals(Set.of("sparse_categorical_accuracy"), listener.skippedMetrics());
        assertTrue(lines.get(0).startsWith("KerasProgressListener: metric 'sparse_categorical_accuracy' skipped for "
                + "the rest of training: SparseCategoricalAccuracy"), lines.get(0));
        assertTrue(lines.get(0).contains("use CategoricalAccuracy"), lines.get(0));
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"),
                List.copyOf(listener.history().asMap().keySet()));
        assertEquals(2, listener.history().epochs());

        // without the option the refusal aborts training, with the fix in its message
        MultiLayerNetwork strict = TinyNetworks.mlp(34);
        strict.setListeners(KerasProgressListener.builder().compile("sparse_categorical_accuracy").printTo(s -> { })
                .build());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> strict.fit(TinyNetworks.iterator(train, 20), 1));
        assertTrue(e.getMessage().contains("use CategoricalAccuracy"), e.getMessage());
    }

    @Test
    void trainingValuesAreTheEpochsBatchesWeightedBySize() {
        // a network that does not learn (learning rate 0): every batch sees the same model, so the epoch's training
        // values are those of the whole training set
        DataSet train = TinyNetworks.blobs(21, 100);
        MultiLayerNetwork net = TinyNetworks.mlp(22, new Sgd(0.0));
        KerasProgressListener listener = KerasProgressListener.builder()
                .metrics(KerasEvaluation.compile("accuracy", "categorical_crossentropy")).printTo(s -> { }).build();
        net.setListeners(listener);
        net.fit(TinyNetworks.iterator(train, 32)); // batches of 32, 32, 32 and 4
        INDArray out = net.output(train.getFeatures());
        KerasHistory h = listener.history();
        assertEquals(reference("categorical_accuracy", train.getLabels(), out), h.get("accuracy").get(0), 1e-9);
        assertEquals(reference("categorical_crossentropy", train.getLabels(), out),
                h.get("categorical_crossentropy").get(0), 1e-6);
        assertEquals(net.score(train, false), h.get("loss").get(0), 1e-5);
    }

    @Test
    void maskedSequencesTrainingMetricsUseTheLabelMask() {
        DataSet seqs = TinyNetworks.sequences(31, 12, 5);
        MultiLayerNetwork rnn = TinyNetworks.rnn(32, new Sgd(0.0));
        KerasProgressListener listener = KerasProgressListener.builder().compile("accuracy")
                .printTo(s -> { }).build();
        rnn.setListeners(listener);
        rnn.fit(TinyNetworks.iterator(seqs, 5));

        KerasEvaluation expected = KerasEvaluation.compile("accuracy");
        rnn.doEvaluation(TinyNetworks.iterator(seqs, 12), expected);
        assertEquals(expected.value("accuracy"), listener.history().get("accuracy").get(0), 1e-9);
    }

    @Test
    void aComputationGraphLogsLossAndValidation() {
        DataSet train = TinyNetworks.blobs(41, 60);
        ComputationGraph graph = TinyNetworks.graph(42);
        List<String> lines = new ArrayList<>();
        graph.setListeners(KerasProgressListener.builder().compile("accuracy")
                .validation(TinyNetworks.iterator(train, 30)).printTo(lines::add).build());
        graph.fit(TinyNetworks.iterator(train, 30), 2);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("Epoch 2 - loss: "), lines.get(1));
        assertTrue(lines.get(1).contains(" - val_accuracy: "), lines.get(1));
        assertFalse(lines.get(1).contains(" - accuracy: "), lines.get(1));
    }

    @Test
    void numbersArePrintedAsKerasPrintsThem() {
        assertEquals("0.1235", KerasEvaluation.formatValue(0.12345));
        assertEquals("1.2340e-04", KerasEvaluation.formatValue(1.234e-4));
        assertEquals("0.0000e+00", KerasEvaluation.formatValue(0.0));
    }
}
