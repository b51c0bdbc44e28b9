package io.github.metricparity.tribuo;

import static io.github.metricparity.tribuo.Fixtures.model;
import static io.github.metricparity.tribuo.Fixtures.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

class KerasMultiLabelAndRegressionEvaluatorTest {

    /** Labels x (f0 > 0), y (f1 > 0), z (f0 + f1 > 1) with noise; seeded. */
    private static MutableDataset<MultiLabel> multiLabelData(int n, long seed) {
        MultiLabelFactory factory = new MultiLabelFactory();
        MutableDataset<MultiLabel> data = new MutableDataset<>(new SimpleDataSourceProvenance("xyz " + seed, factory),
                factory);
        Random rng = new Random(seed);
        for (int i = 0; i < n; i++) {
            double f0 = rng.nextGaussian();
            double f1 = rng.nextGaussian();
            Set<Label> labels = new java.util.HashSet<>();
            if (f0 + 0.3 * rng.nextGaussian() > 0) {
                labels.add(new Label("x"));
            }
            if (f1 + 0.3 * rng.nextGaussian() > 0) {
                labels.add(new Label("y"));
            }
            if (f0 + f1 > 1) {
                labels.add(new Label("z"));
            }
            data.add(new ArrayExample<>(new MultiLabel(labels), new String[] {"f0", "f1"}, new double[] {f0, f1}));
        }
        return data;
    }

    @Test
    void multiLabelPredictionsBecomeMultiHotAndPerLabelProbabilities() {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        Model<MultiLabel> model = new LinearSGDTrainer(new BinaryCrossEntropy(), new AdaGrad(0.1), 5, 1L)
                .train(multiLabelData(200, 5L));
        MutableDataset<MultiLabel> test = multiLabelData(80, 6L);
        KerasTribuoEvaluation<MultiLabel> e = new KerasMultiLabelEvaluator(List.of(KerasMetricSpec.of(
                "binary_accuracy"),
                KerasMetricSpec.of("binary_crossentropy"), KerasMetricSpec.of("categorical_accuracy")), false)
                .evaluate(model, test);
        assertEquals(PredictionKind.PROBABILITIES, e.getPredictionKind());
        // the tensors, built here by name through the model's ids
        ImmutableOutputInfo<MultiLabel> info = model.getOutputIDInfo();
        List<Prediction<MultiLabel>> preds = e.getPredictions();
        int n = preds.size();
        int c = info.size();
        double[] truth = new double[n * c];
        double[] scores = new double[n * c];
        for (int i = 0; i < n; i++) {
            for (Label l : preds.get(i).getExample().getOutput().getLabelSet()) {
                truth[i * c + info.getID(new MultiLabel(l.getLabel()))] = 1;
            }
            for (Map.Entry<String, MultiLabel> s : preds.get(i).getOutputScores().entrySet()) {
                scores[i * c + info.getID(new MultiLabel(s.getKey()))] =
                        s.getValue().getLabelScore(new Label(s.getKey())).getAsDouble();
            }
        }
        Tensor yTrue = Tensor.of(truth, n, c);
        Tensor yPred = Tensor.of(scores, n, c);
        for (String name : List.of("binary_accuracy", "binary_crossentropy", "categorical_accuracy")) {
            assertEquals(reference(name, Map.of(), yTrue, yPred, null), e.get(name), 0.0, name);
        }
        assertTrue(e.get("binary_accuracy") > 0.7, e.toString());
    }

    @Test
    void multiLabelRefusesLabelsOutsideTheDomainAndReadsHardSets() {
        Map<MultiLabel, Integer> m = new LinkedHashMap<>();
        m.put(new MultiLabel("x"), 0);
        m.put(new MultiLabel("y"), 1);
        ImmutableOutputInfo<MultiLabel> info = new MultiLabelFactory().constructInfoForExternalModel(m);
        Model<MultiLabel> model = model(info, false);
        Prediction<MultiLabel> hard = new Prediction<>(new MultiLabel(Set.of(new Label("y"))), 0,
                new ArrayExample<>(new MultiLabel(Set.of(new Label("x"), new Label("y")))));
        KerasTribuoEvaluation<MultiLabel> e = new KerasMultiLabelEvaluator("binary_accuracy").evaluate(model,
                List.of(hard), null);
        assertEquals(PredictionKind.HARD, e.getPredictionKind());
        assertEquals(0.5, e.get("binary_accuracy"), 1e-7);
        Prediction<MultiLabel> unknown = new Prediction<>(new MultiLabel("x"), 0,
                new ArrayExample<>(new MultiLabel("w")));
        assertThrows(IllegalArgumentException.class,
                () -> new KerasMultiLabelEvaluator("binary_accuracy").evaluate(model, List.of(unknown), null));
    }

    @Test
    void regressionColumnsFollowTheDimensionIds() {
        // ids: "b" is 0, "a" is 1, against Tribuo's name order
        Map<Regressor, Integer> m = new LinkedHashMap<>();
        m.put(new Regressor("b", Double.NaN), 0);
        m.put(new Regressor("a", Double.NaN), 1);
        ImmutableOutputInfo<Regressor> info = new RegressionFactory().constructInfoForExternalModel(m);
        String[] names = {"a", "b"};
        List<Prediction<Regressor>> preds = new ArrayList<>();
        preds.add(new Prediction<>(new Regressor(names, new double[] {1, 4}), 0,
                new ArrayExample<>(new Regressor(names, new double[] {2, 3}), 2f)));
        preds.add(new Prediction<>(new Regressor(names, new double[] {0.5, 1}), 0,
                new ArrayExample<>(new Regressor(names, new double[] {1, 1}), 1f)));
        Model<Regressor> model = model(info, false);
        KerasTribuoEvaluation<Regressor> e = new KerasRegressionEvaluator("poisson", "accuracy").evaluate(model, preds,
                null);
        assertEquals(PredictionKind.VALUES, e.getPredictionKind());
        Tensor yTrue = Tensor.of(new double[] {3, 2, 1, 1}, 2, 2);   // columns: b, a
        Tensor yPred = Tensor.of(new double[] {4, 1, 1, 0.5}, 2, 2);
        Tensor w = Tensor.vector(2, 1);
        assertEquals(reference("poisson", Map.of(), yTrue, yPred, w), e.get("poisson"), 0.0);
        assertEquals(reference("accuracy", Map.of(), yTrue, yPred, w), e.get("accuracy"), 0.0);
    }

    /** Issue 15: Accuracy on regression outputs is Keras's exact match, almost always 0: it warns with the fix. */
    @Test
    void accuracyOnRealValuedOutputsWarnsOnce() {
        List<Diagnostic> seen = new ArrayList<>();
        Consumer<Diagnostic> listener = seen::add;
        Diagnostics.addListener(listener);
        try {
            new KerasRegressionEvaluator("mse", "accuracy");
            assertEquals(1, seen.size(), seen::toString);
            assertEquals("Accuracy", seen.get(0).metricClass());
            assertTrue(seen.get(0).fix().contains("'mse'"), seen.get(0)::message);
            new KerasMultiLabelEvaluator("accuracy");
            assertEquals(2, seen.size(), seen::toString);
            assertTrue(seen.get(1).fix().contains("BinaryAccuracy"), seen.get(1)::message);
            new KerasLabelEvaluator("accuracy", "mse");
            assertEquals(2, seen.size(), "class ids are meant to match exactly");
        } finally {
            Diagnostics.removeListener(listener);
        }
    }

    @Test
    void providerIsDiscoveredAndOffersEveryMetricItCanFeed() {
        MetricRegistry tribuo = MetricRegistry.load("tribuo");
        assertTrue(tribuo.provider() instanceof TribuoMetricProvider);
        assertTrue(tribuo.metrics().stream().noneMatch(i -> i.className().equals("Mean")
                || i.className().equals("Sum")));
        assertTrue(tribuo.metrics().stream().anyMatch(i -> i.className().equals("MeanMetricWrapper")));
        assertEquals(MetricRegistry.load("reference").metrics().size() - 2, tribuo.metrics().size());
        assertEquals("binary_accuracy", tribuo.get("binary_accuracy").name());
    }
}
