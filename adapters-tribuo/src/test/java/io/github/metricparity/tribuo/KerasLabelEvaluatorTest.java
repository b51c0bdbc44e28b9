package io.github.metricparity.tribuo;

import static io.github.metricparity.tribuo.Fixtures.abc;
import static io.github.metricparity.tribuo.Fixtures.labelPrediction;
import static io.github.metricparity.tribuo.Fixtures.model;
import static io.github.metricparity.tribuo.Fixtures.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.UnknownMetricException;
import io.github.metricparity.tribuo.examples.TribuoExample;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.evaluation.CrossValidation;
import org.tribuo.evaluation.OnlineEvaluator;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.classification.LabelFactory;

class KerasLabelEvaluatorTest {
    private static MutableDataset<Label> train;
    private static MutableDataset<Label> test;
    private static Model<Label> logistic;

    @BeforeAll
    static void trainOnce() {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        train = TribuoExample.blobs(120, 11L);
        test = TribuoExample.blobs(60, 12L);
        logistic = new LogisticRegressionTrainer().train(train);
    }

    private static final double[] SCORES = {0.1, 0.6, 0.3, 0.05, 0.95, 0, 0.5, 0.25, 0.25};

    private static List<Prediction<Label>> threePredictions() {
        return List.of(labelPrediction("c", 0.7f, "b", true, 0.1, 0.6, 0.3),
                labelPrediction("b", 0.3f, "b", true, 0.05, 0.95, 0),
                labelPrediction("a", 2f, "a", true, 0.5, 0.25, 0.25));
    }

    @Test
    void predictionsBecomeSparseAndOneHotTensorsThroughTheOutputIds() {
        KerasLabelEvaluator ev = new KerasLabelEvaluator(List.of(KerasMetricSpec.of("sparse_categorical_accuracy"),
                KerasMetricSpec.of("categorical_crossentropy"), KerasMetricSpec.of("accuracy")), false);
        KerasTribuoEvaluation<Label> e = ev.evaluate(model(abc(), true), threePredictions(),
                new SimpleDataSourceProvenance("three", new LabelFactory()));
        Tensor ids = Tensor.vector(2, 1, 0);
        Tensor oneHot = Tensor.of(new double[] {0, 0, 1, 0, 1, 0, 1, 0, 0}, 3, 3);
        Tensor scores = Tensor.of(SCORES, 3, 3);
        assertEquals(reference("sparse_categorical_accuracy", Map.of(), ids, scores, null),
                e.get("sparse_categorical_accuracy"), 0.0);
        assertEquals(reference("categorical_crossentropy", Map.of(), oneHot, scores, null),
                e.get("categorical_crossentropy"), 0.0);
        assertEquals(2.0 / 3.0, e.get("accuracy"), 1e-7);
        assertEquals(PredictionKind.PROBABILITIES, e.getPredictionKind());
        assertEquals(TensorEncoding.CLASS_IDS, e.getBindings().get(0).getYTrueEncoding());
        assertEquals(TensorEncoding.ONE_HOT, e.getBindings().get(1).getYTrueEncoding());
        assertEquals(TensorEncoding.PREDICTED_IDS, e.getBindings().get(2).getYPredEncoding());
        assertEquals(e.get("sparse_categorical_accuracy"),
                e.asMap().get(new MetricID<Label>(MetricTarget.microAverageTarget(), "sparse_categorical_accuracy")));
    }

    @Test
    void exampleWeightsBecomeSampleWeights() {
        KerasTribuoEvaluation<Label> weighted = new KerasLabelEvaluator("sparse_categorical_accuracy")
                .evaluate(model(abc(), true), threePredictions(), null);
        assertEquals(reference("sparse_categorical_accuracy", Map.of(), Tensor.vector(2, 1, 0),
                Tensor.of(SCORES, 3, 3), Tensor.of(new float[] {0.7f, 0.3f, 2f}, 3)),
                weighted.get("sparse_categorical_accuracy"), 0.0);
        assertTrue(weighted.usedExampleWeights());
        KerasTribuoEvaluation<Label> unweighted = new KerasLabelEvaluator(Fixtures.specs("sparse_categorical_accuracy"),
                false).evaluate(model(abc(), true), threePredictions(), null);
        assertEquals(2.0 / 3.0, unweighted.get("sparse_categorical_accuracy"), 1e-7);
    }

    @Test
    void evaluatesTrainedModelsAndRecordsProvenance() {
        KerasTribuoEvaluation<Label> e = new KerasLabelEvaluator(List.of(KerasMetricSpec.of(
                "sparse_categorical_accuracy"),
                KerasMetricSpec.of("SparseCategoricalCrossentropy", Map.of("name", "xent")))).evaluate(logistic, test);
        assertEquals(test.size(), e.getNumExamples());
        assertEquals(logistic.getProvenance(), e.getProvenance().getModelProvenance());
        assertEquals(test.getProvenance(), e.getProvenance().getTestDatasetProvenance());
        KerasMetricsProvenance p = e.getMetricsProvenance();
        assertEquals(e.getProvenance(), p.getEvaluationProvenance());
        assertEquals(TribuoMetricProvider.ID, p.getProviderId());
        assertEquals("PROBABILITIES", p.getPredictionKind());
        assertEquals(2, p.getMetrics().getList().size());
        String text = p.toString();
        assertTrue(text.contains("xent") && text.contains("SparseCategoricalCrossentropy")
                && text.contains("from_logits") && text.contains("CLASS_IDS"), text);
        assertEquals(e.getMetricsProvenance(), new KerasMetricsProvenance(toMap(p)));
    }

    private static Map<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> toMap(KerasMetricsProvenance p) {
        Map<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> m = new java.util.HashMap<>();
        p.forEach(pair -> m.put(pair.getA(), pair.getB()));
        return m;
    }

    @Test
    void mergingShardsEqualsOnePass() {
        KerasLabelEvaluator ev = new KerasLabelEvaluator("sparse_categorical_accuracy",
                "sparse_categorical_crossentropy", "categorical_crossentropy");
        List<Prediction<Label>> all = logistic.predict(test);
        KerasTribuoEvaluation<Label> whole = ev.evaluate(logistic, all, test.getProvenance());
        SimpleDataSourceProvenance first = new SimpleDataSourceProvenance("first half", new LabelFactory());
        SimpleDataSourceProvenance second = new SimpleDataSourceProvenance("second half", new LabelFactory());
        KerasTribuoEvaluation<Label> merged = ev.evaluate(logistic, all.subList(0, 25), first)
                .merge(ev.evaluate(logistic, all.subList(25, all.size()), second));
        for (String name : whole.getMetricNames()) {
            assertEquals(whole.get(name), merged.get(name), 1e-12, name);
        }
        assertEquals(all.size(), merged.getPredictions().size());
        ShardedDataProvenance shards = (ShardedDataProvenance) merged.getProvenance().getTestDatasetProvenance();
        assertEquals(List.of(first, second), shards.getShards());
        // merging with an empty evaluation changes nothing
        assertEquals(whole.get("sparse_categorical_accuracy"), whole.merge(ev.evaluate(logistic, List.of(),
                test.getProvenance())).get("sparse_categorical_accuracy"), 0.0);
    }

    @Test
    void mergeRefusesOtherMetricsAndOtherModels() {
        KerasLabelEvaluator ev = new KerasLabelEvaluator("sparse_categorical_accuracy");
        KerasTribuoEvaluation<Label> a = ev.evaluate(logistic, test);
        KerasTribuoEvaluation<Label> other = new KerasLabelEvaluator("categorical_accuracy").evaluate(logistic, test);
        assertThrows(IllegalArgumentException.class, () -> a.merge(other));
        Model<Label> second = new LogisticRegressionTrainer().train(TribuoExample.blobs(60, 99L));
        assertThrows(IllegalArgumentException.class, () -> a.merge(ev.evaluate(second, test)));
    }

    @Test
    void worksWithCrossValidationAndOnlineEvaluation() {
        KerasLabelEvaluator ev = new KerasLabelEvaluator("sparse_categorical_accuracy");
        CrossValidation<Label, KerasTribuoEvaluation<Label>> cv = new CrossValidation<>(new LogisticRegressionTrainer(),
                train, ev, 3, 1L);
        var folds = cv.evaluate();
        assertEquals(3, folds.size());
        for (var fold : folds) {
            double acc = fold.getA().get("sparse_categorical_accuracy");
            assertTrue(acc > 0.5 && acc <= 1, "fold accuracy " + acc);
            assertEquals(fold.getB().getProvenance(), fold.getA().getProvenance().getModelProvenance());
        }
        OnlineEvaluator<Label, KerasTribuoEvaluation<Label>> online = ev.createOnlineEvaluator(logistic,
                test.getProvenance());
        online.predictAndObserve(test.getData());
        assertEquals(ev.evaluate(logistic, test).get("sparse_categorical_accuracy"),
                online.evaluate().get("sparse_categorical_accuracy"), 0.0);
    }

    @Test
    void scoresWithoutProbabilitiesAreLogits() {
        Model<Label> svm = new LinearSGDTrainer(new Hinge(), new AdaGrad(0.1), 3, 1L).train(train);
        KerasLabelEvaluator asProbabilities = new KerasLabelEvaluator("sparse_categorical_crossentropy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> asProbabilities.evaluate(svm, test));
        assertTrue(e.getMessage().contains("from_logits=true"), e.getMessage());
        KerasTribuoEvaluation<Label> logits = new KerasLabelEvaluator(List.of(KerasMetricSpec.of(
                "sparse_categorical_crossentropy", Map.of("from_logits", true)))).evaluate(svm, test);
        assertEquals(PredictionKind.SCORES, logits.getPredictionKind());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> new KerasLabelEvaluator(List.of(KerasMetricSpec.of("sparse_categorical_crossentropy",
                        Map.of("from_logits", true)))).evaluate(logistic, test));
        assertTrue(p.getMessage().contains("from_logits=false"), p.getMessage());
    }

    @Test
    void predictionsWithoutScoresAreHardOneHot() {
        List<Prediction<Label>> hard = List.of(
                new Prediction<>(new Label("b"), 0, new ArrayExample<>(new Label("c"))),
                new Prediction<>(new Label("b"), 0, new ArrayExample<>(new Label("b"))));
        KerasTribuoEvaluation<Label> e = new KerasLabelEvaluator("categorical_accuracy", "categorical_crossentropy")
                .evaluate(model(abc(), false), hard, null);
        assertEquals(PredictionKind.HARD, e.getPredictionKind());
        Tensor oneHotPred = Tensor.of(new double[] {0, 1, 0, 0, 1, 0}, 2, 3);
        Tensor oneHotTrue = Tensor.of(new double[] {0, 0, 1, 0, 1, 0}, 2, 3);
        assertEquals(0.5, e.get("categorical_accuracy"), 1e-7);
        assertEquals(reference("categorical_crossentropy", Map.of(), oneHotTrue, oneHotPred, null),
                e.get("categorical_crossentropy"), 0.0);
    }

    @Test
    void groundTruthOutsideTheDomainAndBadInputAreRefusedTheTribuoWay() {
        KerasLabelEvaluator ev = new KerasLabelEvaluator("sparse_categorical_accuracy");
        List<Prediction<Label>> unknown = List.of(labelPrediction("z", 1f, "a", true, 0.5, 0.25, 0.25));
        assertThrows(IllegalArgumentException.class, () -> ev.evaluate(model(abc(), true), unknown, null));
        List<Prediction<Label>> nan = List.of(labelPrediction("a", 1f, "a", true, Double.NaN, 0.25, 0.25));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ev.evaluate(model(abc(), true), nan, null));
        assertTrue(e.getCause() instanceof InvalidInputException, String.valueOf(e.getCause()));
    }

    @Test
    void evaluatorConstructionRefusesWhatItCannotFeed() {
        // the tribuo provider does not offer values metrics; a plain provider does, and the evaluator refuses them
        assertThrows(UnknownMetricException.class, () -> new KerasLabelEvaluator("Mean"));
        assertThrows(IllegalArgumentException.class, () -> new KerasLabelEvaluator(
                new io.github.metricparity.keras.ReferenceProvider(), Fixtures.specs("Mean"), true));
        assertThrows(IllegalArgumentException.class, () -> new KerasLabelEvaluator("accuracy", "Accuracy"));
        assertThrows(IllegalArgumentException.class, () -> new KerasLabelEvaluator(List.of(KerasMetricSpec.of(
                "SparseTopKCategoricalAccuracy", Map.of("from_sorted_ids", true)))));
        assertThrows(IllegalArgumentException.class, () -> new KerasMultiLabelEvaluator("sparse_categorical_accuracy"));
        assertThrows(IllegalArgumentException.class,
                () -> new KerasRegressionEvaluator("SparseCategoricalCrossentropy"));
    }

    @Test
    void emptyEvaluationHasKerasInitialResults() {
        KerasTribuoEvaluation<Label> e = new KerasLabelEvaluator("sparse_categorical_accuracy")
                .evaluate(logistic, List.of(), test.getProvenance());
        assertEquals(PredictionKind.NONE, e.getPredictionKind());
        assertEquals(0.0, e.get("sparse_categorical_accuracy"), 0.0);
    }
}
