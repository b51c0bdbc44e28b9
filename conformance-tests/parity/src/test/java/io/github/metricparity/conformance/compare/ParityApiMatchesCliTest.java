package io.github.metricparity.conformance.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metricparity.conformance.cli.ParityCli;
import io.github.metricparity.dl4j.parity.Dl4jParity;
import io.github.metricparity.dl4j.parity.Dl4jParityResult;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.tribuo.parity.TribuoParity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.EvaluationBinary;
import org.nd4j.evaluation.classification.ROCMultiClass;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** The adapters' parity APIs and {@code parity compare} give the same rows for the same model and data. */
class ParityApiMatchesCliTest {
    @TempDir
    Path dir;

    @Test
    void dl4jApiAndCliGiveTheSameRows() throws IOException {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(6).nOut(3).activation(Activation.SOFTMAX)
                        .build())
                .build());
        net.init();
        Random random = new Random(3);
        List<DataSet> rows = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            INDArray x = Nd4j.create(DataType.FLOAT, 1, 4);
            int label = random.nextInt(3);
            for (int k = 0; k < 4; k++) {
                x.putScalar(0, k, random.nextGaussian() + (k == label ? 1.5 : 0));
            }
            INDArray y = Nd4j.zeros(DataType.FLOAT, 1, 3).putScalar(0, label, 1);
            rows.add(new DataSet(x, y));
        }
        ListDataSetIterator<DataSet> data = new ListDataSetIterator<>(rows, 32);
        Dl4jParityResult api = Dl4jParity.compare(net, data, new Evaluation(null, 2), new ROCMultiClass(),
                new EvaluationBinary());

        StringBuilder csv = new StringBuilder("y_true_0,y_true_1,y_true_2,y_pred_0,y_pred_1,y_pred_2\n");
        data.reset();
        while (data.hasNext()) {
            DataSet ds = data.next();
            INDArray out = net.output(ds.getFeatures());
            for (int i = 0; i < out.size(0); i++) {
                for (int k = 0; k < 3; k++) {
                    csv.append(k == 0 ? "" : ",").append(ds.getLabels().getFloat(i, k));
                }
                for (int k = 0; k < 3; k++) {
                    csv.append(',').append(out.getFloat(i, k));
                }
                csv.append('\n');
            }
        }
        List<ComparisonRow> cli = cli(csv.toString(), api.frameworkValuesJson());
        assertSameRows(api.rows(), cli);
        assertTrue(api.rows().stream().anyMatch(r -> !r.agrees()), "exact vs bucketed AUC shows: " + api.table());
    }

    @Test
    void tribuoApiAndCliGiveTheSameRows() throws IOException {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> train = blobs(200, 1, factory);
        MutableDataset<Label> test = blobs(75, 2, factory);
        var model = new LogisticRegressionTrainer().train(train);
        TribuoParity.Result api = TribuoParity.compareLabels(model, test);
        List<ComparisonRow> cli = cli(api.writeCsv(), api.frameworkValuesJson());
        assertSameRows(api.rows(), cli);
        assertTrue(api.rows().size() > 10, api.table());
    }

    private static MutableDataset<Label> blobs(int n, long seed, LabelFactory factory) {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("blobs " + seed, factory),
                factory);
        Random random = new Random(seed);
        String[] names = {"a", "b", "c"};
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(3);
            ds.add(new ArrayExample<>(new Label(names[k]), new String[] {"x", "y"},
                    new double[] {random.nextGaussian() + 2 * k, random.nextGaussian() - k}));
        }
        return ds;
    }

    private List<ComparisonRow> cli(String csv, String values) throws IOException {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        Path v = dir.resolve("values.json");
        Files.writeString(v, values);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new ParityCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8)).run("compare", "--data", data.toString(),
                "--metrics", "accuracy", "--framework-values", v.toString(), "--out", dir.toString(), "--format",
                "json", "--progress", "never");
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("compare.json").toFile());
        assertTrue(json.get("not_compared").isEmpty(), json.get("not_compared").toString());
        List<ComparisonRow> rows = new ArrayList<>();
        for (JsonNode r : json.get("framework")) {
            rows.add(new ComparisonRow(r.get("framework").asText(), r.get("scenario").asText(),
                    r.get("framework_metric").asText(), number(r.get("framework_value")),
                    r.get("keras_metric").asText(), number(r.get("keras_value")), r.get("cause").asText(),
                    r.get("explanation").asText()));
        }
        return rows;
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText());
    }

    private static void assertSameRows(List<ComparisonRow> api, List<ComparisonRow> cli) {
        assertFalse(api.isEmpty());
        assertEquals(api.size(), cli.size());
        for (int i = 0; i < api.size(); i++) {
            ComparisonRow a = api.get(i);
            ComparisonRow c = cli.get(i);
            String where = "row " + i + ": " + a + " vs " + c;
            assertEquals(a.framework(), c.framework(), where);
            assertEquals(a.scenario(), c.scenario(), where);
            assertEquals(a.frameworkMetric(), c.frameworkMetric(), where);
            assertEquals(a.frameworkValue(), c.frameworkValue(), 0.0, where);
            assertEquals(a.kerasMetric(), c.kerasMetric(), where);
            assertEquals(a.kerasValue(), c.kerasValue(), 1e-12, where);
            assertEquals(a.cause(), c.cause(), where);
            assertEquals(a.explanation(), c.explanation(), where);
        }
    }
}
