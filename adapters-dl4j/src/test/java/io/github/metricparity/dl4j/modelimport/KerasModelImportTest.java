package io.github.metricparity.dl4j.modelimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.dl4j.Nd4jTensors;
import io.github.metricparity.dl4j.TinyNetworks;
import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.spi.CompileRules;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras models imported with deeplearning4j-modelimport from .h5 files the tests write: their compile() metrics are
 * read and resolved as Keras resolves them, and evaluated with doEvaluation against the reference provider.
 */
class KerasModelImportTest {
    private static final MetricRegistry REFERENCE = MetricRegistry.load();
    private static final String ADAM = "\"optimizer_config\": {\"class_name\": \"Adam\", \"config\": {\"name\": "
            + "\"Adam\", \"learning_rate\": 0.001, \"decay\": 0.0, \"beta_1\": 0.9, \"beta_2\": 0.999, "
            + "\"epsilon\": 1e-07, \"amsgrad\": false}}";

    @TempDir
    Path dir;

    private static float[] weights(long seed, int n) {
        Random r = new Random(seed);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) r.nextGaussian();
        }
        return w;
    }

    private static double reference(String metric, Map<String, ?> config, INDArray labels, INDArray predictions) {
        Metric m = REFERENCE.create(metric, config);
        m.update(Nd4jTensors.toTensor(labels), Nd4jTensors.toTensor(predictions));
        return m.resultValue();
    }

    @Test
    void softmaxModelCompiledWithAccuracy() throws Exception {
        Path h5 = dir.resolve("softmax.h5");
        KerasH5Writer.writeDenseModel(h5, 4, 3, "softmax", weights(1, 12), new float[] {0.1f, 0f, -0.1f},
                "{\"loss\": \"categorical_crossentropy\", \"metrics\": [\"accuracy\"], \"weighted_metrics\": null, "
                        + "\"loss_weights\": null, " + ADAM + "}");
        MultiLayerNetwork net = KerasModelImport.importKerasSequentialModelAndWeights(h5.toString(), false);
        KerasEvaluation keras = KerasModelMetrics.forModel(h5);
        assertEquals(List.of("accuracy"), keras.names());

        DataSet test = TinyNetworks.blobs(2, 60);
        net.doEvaluation(TinyNetworks.iterator(test, 16), keras);
        assertEquals("CategoricalAccuracy", keras.metric("accuracy").className(), "one-hot targets, 3 outputs");
        double expected = reference("CategoricalAccuracy", Map.of(), test.getLabels(), net.output(test.getFeatures()));
        System.out.println("imported Keras model, doEvaluation: " + keras.values() + "; reference provider: "
                + expected);
        assertEquals(expected, keras.value("accuracy"), 1e-9);
    }

    @Test
    void keras2FileThroughTheOneEntryPoint() throws Exception {
        Path h5 = dir.resolve("keras2.h5");
        KerasH5Writer.writeDenseModel(h5, 4, 3, "softmax", weights(2, 12), new float[] {0.1f, 0f, -0.1f},
                "{\"loss\": \"categorical_crossentropy\", \"metrics\": [\"accuracy\"], \"weighted_metrics\": "
                        + "[\"accuracy\"], " + ADAM + "}");
        KerasModelFile file = KerasModelFile.read(h5);
        assertEquals(KerasFileFormat.KERAS2_H5, file.format());
        assertEquals("2.4.0", file.kerasVersion());
        assertEquals(java.util.Set.of("loss", "accuracy", "weighted_accuracy"), file.compilePlan().keys());
        Dl4jKerasModel model = file.importModel();
        assertTrue(model.network() instanceof MultiLayerNetwork);
        DataSet test = TinyNetworks.blobs(6, 40);
        INDArray out = model.predict(List.of(test.getFeatures())).get(0);
        INDArray weights = Nd4j.linspace(1, 40, 40).divi(40);
        Map<String, Double> logs = file.evaluation().evaluate(model, List.of(test.getFeatures()),
                List.of(test.getLabels()), weights);
        Metric weighted = REFERENCE.create("CategoricalAccuracy", Map.of());
        weighted.update(Nd4jTensors.toTensor(test.getLabels()), Nd4jTensors.toTensor(out),
                Nd4jTensors.toTensor(weights));
        assertEquals(reference("CategoricalAccuracy", Map.of(), test.getLabels(), out), logs.get("accuracy"), 1e-7);
        assertEquals(weighted.resultValue(), logs.get("weighted_accuracy"), 1e-7);
        Metric xent = REFERENCE.create("CategoricalCrossentropy", Map.of());
        xent.update(Nd4jTensors.toTensor(test.getLabels()), Nd4jTensors.toTensor(out), Nd4jTensors.toTensor(weights));
        // sum_over_batch_size: sum(loss * w) / N = weighted mean * mean(w)
        assertEquals(xent.resultValue() * weights.meanNumber().doubleValue(), logs.get("loss"), 1e-6);
    }

    @Test
    void sigmoidModelWithAccuracyAndASerialisedAuc() throws Exception {
        Path h5 = dir.resolve("sigmoid.h5");
        KerasH5Writer.writeDenseModel(h5, 4, 1, "sigmoid", weights(3, 4), new float[] {0.2f},
                "{\"loss\": \"binary_crossentropy\", \"metrics\": [\"accuracy\", {\"class_name\": \"AUC\", "
                        + "\"config\": {\"name\": \"auc\", \"dtype\": \"float32\", \"num_thresholds\": 50, "
                        + "\"curve\": \"ROC\", \"summation_method\": \"interpolation\", \"multi_label\": false, "
                        + "\"num_labels\": null, \"label_weights\": null, \"from_logits\": false}}], " + ADAM + "}");
        MultiLayerNetwork net = KerasModelImport.importKerasSequentialModelAndWeights(h5.toString(), false);
        KerasEvaluation keras = KerasModelMetrics.forModel(h5);
        assertEquals(List.of("accuracy", "auc"), keras.names());

        DataSet blobs = TinyNetworks.blobs(4, 80);
        INDArray binary = blobs.getLabels().getColumn(0).reshape(80, 1).dup();
        DataSet test = new DataSet(blobs.getFeatures(), binary);
        net.doEvaluation(TinyNetworks.iterator(test, 20), keras);
        assertEquals("BinaryAccuracy", keras.metric("accuracy").className());
        INDArray out = net.output(test.getFeatures());
        assertEquals(reference("BinaryAccuracy", Map.of(), binary, out), keras.value("accuracy"), 1e-9);
        assertEquals(reference("AUC", Map.of("num_thresholds", 50), binary, out), keras.value("auc"), 1e-7);
    }

    @Test
    void keras3CompileConfigWithObjectsDtypePoliciesAndWeightedMetrics() throws Exception {
        String compileConfig = "{\"optimizer\": {\"module\": \"keras.optimizers\", \"class_name\": \"Adam\", "
                + "\"config\": {\"name\": \"adam\", \"learning_rate\": 0.001}, \"registered_name\": null}, "
                + "\"loss\": {\"module\": \"keras.losses\", \"class_name\": \"SparseCategoricalCrossentropy\", "
                + "\"config\": {\"name\": \"sparse_categorical_crossentropy\", \"reduction\": "
                + "\"sum_over_batch_size\", \"from_logits\": true, \"ignore_class\": null}, \"registered_name\": "
                + "null}, "
                + "\"metrics\": [\"accuracy\", {\"module\": \"keras.metrics\", \"class_name\": "
                + "\"SparseTopKCategoricalAccuracy\", \"config\": {\"name\": \"top2\", \"dtype\": {\"module\": "
                + "\"keras\", \"class_name\": \"DTypePolicy\", \"config\": {\"name\": \"float32\"}, "
                + "\"registered_name\": null}, \"k\": 2}, \"registered_name\": null}], \"loss_weights\": null, "
                + "\"weighted_metrics\": [\"accuracy\"], \"run_eagerly\": false, \"steps_per_execution\": 1, "
                + "\"jit_compile\": false}";
        KerasTrainingConfig config = KerasTrainingConfig.parse("{\"compile_config\": " + compileConfig + "}",
                "3.3.3");
        assertEquals("3.3.3", config.kerasVersion());
        assertEquals("SparseCategoricalCrossentropy", config.loss().className());
        assertEquals(CompileRules.KERAS_3, KerasModelMetrics.rulesFor(config.kerasVersion()));
        assertEquals(config.metrics(), KerasTrainingConfig.parse(compileConfig, null).metrics(), "unwrapped too");

        KerasEvaluation keras = KerasModelMetrics.builder(config, CompileRules.KERAS_3).build();
        assertEquals(List.of("accuracy", "top2", "weighted_accuracy"), keras.names());
        INDArray labels = Nd4j.createFromArray(new float[][] {{2}, {0}, {1}});
        INDArray predictions = Nd4j.createFromArray(new float[][] {{0.1f, 0.3f, 0.6f}, {0.5f, 0.4f, 0.1f},
                {0.6f, 0.1f, 0.3f}});
        keras.eval(labels, predictions);
        assertEquals("SparseCategoricalAccuracy", keras.metric("accuracy").className());
        assertEquals("SparseCategoricalAccuracy", keras.metric("weighted_accuracy").className());
        assertEquals(2.0 / 3, keras.value("accuracy"), 1e-6);
        assertEquals(2.0 / 3, keras.value("top2"), 1e-6);
    }

    @Test
    void tfKeras2ResolvedMetricWrappersAndLossBasedRules() throws Exception {
        // tf.keras 2 saves the metrics it built: "accuracy" as MeanMetricWrapper(fn=binary_accuracy)
        KerasTrainingConfig resolved = KerasTrainingConfig.parse("{\"loss\": \"binary_crossentropy\", "
                + "\"metrics\": [[{\"class_name\": \"MeanMetricWrapper\", \"config\": {\"name\": \"accuracy\", "
                + "\"dtype\": \"float32\", \"fn\": \"binary_accuracy\"}}]], " + ADAM + "}", "2.6.0");
        assertEquals(CompileRules.TF_KERAS_2, KerasModelMetrics.rulesFor(resolved.kerasVersion()));
        assertEquals(List.of("0"), List.copyOf(resolved.metricsByOutput().keySet()), "a list per output");
        KerasTrainingConfig flat = KerasTrainingConfig.parse("{\"loss\": \"binary_crossentropy\", \"metrics\": "
                + "[{\"class_name\": \"MeanMetricWrapper\", \"config\": {\"name\": \"accuracy\", \"dtype\": "
                + "\"float32\", \"fn\": \"binary_accuracy\"}}]}", "2.6.0");
        KerasEvaluation wrapper = KerasModelMetrics.builder(flat, CompileRules.TF_KERAS_2).build();
        INDArray labels = Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}});
        INDArray predictions = Nd4j.createFromArray(new float[][] {{0.7f, 0.2f}, {0.6f, 0.9f}});
        wrapper.eval(labels, predictions);
        assertEquals("MeanMetricWrapper", wrapper.metric("accuracy").className());
        assertEquals(reference("BinaryAccuracy", Map.of(), labels, predictions), wrapper.value("accuracy"), 1e-9);

        // Keras 2.2: "accuracy" with a binary crossentropy loss is element-wise, whatever the output width
        KerasTrainingConfig old = KerasTrainingConfig.parse("{\"loss\": \"binary_crossentropy\", \"metrics\": "
                + "[\"accuracy\"]}", "2.2.4");
        assertEquals(CompileRules.KERAS_2_LOSS_BASED, KerasModelMetrics.rulesFor(old.kerasVersion()));
        KerasEvaluation lossBased = KerasModelMetrics.builder(old, CompileRules.KERAS_2_LOSS_BASED).build();
        lossBased.eval(labels, predictions);
        assertEquals("BinaryAccuracy", lossBased.metric("accuracy").className());
        KerasEvaluation keras3 = KerasModelMetrics.builder(old, CompileRules.KERAS_3).build();
        keras3.eval(labels, predictions);
        assertEquals("CategoricalAccuracy", keras3.metric("accuracy").className());
        assertEquals(CompileRules.TF_KERAS_2, KerasModelMetrics.rulesFor("2.3.0-tf"));
    }

    @Test
    void aModelSavedWithoutCompileHasNoTrainingConfig() {
        Path h5 = dir.resolve("uncompiled.h5");
        KerasH5Writer.writeDenseModel(h5, 4, 3, "softmax", weights(5, 12), new float[3], null);
        IOException e = assertThrows(IOException.class, () -> KerasModelMetrics.forModel(h5));
        assertTrue(e.getMessage().contains("saved without compile()"), e.getMessage());
        assertThrows(IOException.class, () -> KerasTrainingConfig.parse("{\"optimizer\": \"adam\"}", null));
    }
}
