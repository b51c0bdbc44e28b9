package io.github.metricparity.tribuo;

import static io.github.metricparity.tribuo.Fixtures.abc;
import static io.github.metricparity.tribuo.Fixtures.labelPrediction;
import static io.github.metricparity.tribuo.Fixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.evaluation.MultiLabelEvaluator;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

/**
 * Where Tribuo's own evaluations and Keras disagree on the SAME predictions (README-tribuo.md, "Tribuo's metrics vs
 * Keras"). Each test computes both and shows the rule that makes them differ. The Keras side always comes through
 * the adapter and is checked against the reference metrics fed directly. Tests of families that are not in the
 * catalog of this build are skipped until they are.
 */
class TribuoVsKerasTest {

    private static void assumeCatalogHas(String cls) {
        assumeTrue(KerasCatalog.byClassName(cls) != null, cls + " is not in this build's catalog yet");
    }

    /** Keras result through the adapter, asserted equal to the reference fed with the evaluation's own tensors. */
    private static double keras(KerasTribuoEvaluation<?> e, String name) {
        MetricBinding b = e.getBindings().stream().filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        Metric m = MetricRegistry.load("reference").create(b.getClassName(), b.getConfig());
        m.merge(e.getState(name));
        assertEquals(m.resultValue(), e.get(name), 0.0);
        return e.get(name);
    }

    @Test
    void tribuoConfusionMatrixIgnoresExampleWeights() {
        List<Prediction<Label>> preds = List.of(
                labelPrediction("a", 3f, "a", true, 0.8, 0.1, 0.1),
                labelPrediction("b", 1f, "a", true, 0.6, 0.3, 0.1));
        Model<Label> model = model(abc(), true);
        LabelEvaluation tribuo = new LabelEvaluator().evaluate(model, preds, null);
        KerasTribuoEvaluation<Label> keras = new KerasLabelEvaluator("sparse_categorical_accuracy")
                .evaluate(model, preds, null);
        assertEquals(0.5, tribuo.accuracy(), 1e-12);          // 1 of 2 examples, weights ignored
        assertEquals(0.75, keras(keras, "sparse_categorical_accuracy"), 1e-6); // weight 3 of 4
    }

    @Test
    void tiesGoToTheModelsChoiceInTribuoAndToTheFirstClassInKeras() {
        // probabilities tie between "a" and "b"; the model chose "b", which is right
        List<Prediction<Label>> preds = List.of(labelPrediction("b", 1f, "b", true, 0.45, 0.45, 0.1));
        Model<Label> model = model(abc(), true);
        assertEquals(1.0, new LabelEvaluator().evaluate(model, preds, null).accuracy(), 0.0);
        KerasTribuoEvaluation<Label> keras = new KerasLabelEvaluator(List.of(
                KerasMetricSpec.of("sparse_categorical_accuracy"),
                KerasMetricSpec.of("sparse_top_k_categorical_accuracy", Map.of("k", 1)),
                KerasMetricSpec.of("accuracy")), false).evaluate(model, preds, null);
        assertEquals(0.0, keras(keras, "sparse_categorical_accuracy"), 0.0); // argmax: first of the tie, "a"
        assertEquals(1.0, keras(keras, "sparse_top_k_categorical_accuracy"), 0.0); // in_top_k: ties count as in
        assertEquals(1.0, keras(keras, "accuracy"), 0.0); // exact match of the predicted label, as Tribuo
    }

    @Test
    void noPredictionsIsNaNOrAnErrorInTribuoAndZeroInKeras() {
        Model<Label> scores = model(abc(), false);
        assertTrue(Double.isNaN(new LabelEvaluator().evaluate(scores, List.of(), null).accuracy()));
        // with probabilities Tribuo also computes AUCROC, which fails on an empty list
        Model<Label> probabilities = model(abc(), true);
        assertThrows(RuntimeException.class, () -> new LabelEvaluator().evaluate(probabilities, List.of(), null));
        for (Model<Label> m : List.of(scores, probabilities)) {
            assertEquals(0.0, new KerasLabelEvaluator("sparse_categorical_accuracy").evaluate(m, List.of(), null)
                    .get("sparse_categorical_accuracy"), 0.0);
        }
    }

    @Test
    void tribuoPrecisionUsesThePredictedLabelKerasThresholdsEveryProbability() {
        assumeCatalogHas("Precision");
        // right predictions, but no probability above 0.5
        List<Prediction<Label>> preds = List.of(
                labelPrediction("a", 1f, "a", true, 0.4, 0.35, 0.25),
                labelPrediction("b", 1f, "b", true, 0.3, 0.45, 0.25));
        Model<Label> model = model(abc(), true);
        LabelEvaluation tribuo = new LabelEvaluator().evaluate(model, preds, null);
        assertEquals(1.0, tribuo.microAveragedPrecision(), 0.0);
        KerasTribuoEvaluation<Label> keras = new KerasLabelEvaluator("Precision").evaluate(model, preds, null);
        assertEquals(0.0, keras(keras, "precision"), 0.0); // one-hot cells: no prediction > 0.5 is positive
    }

    @Test
    void tribuoAucIsExactKerasAucIsBucketedIntoThresholds() {
        assumeCatalogHas("AUC");
        Map<Label, Integer> ab = new LinkedHashMap<>();
        ab.put(new Label("a"), 0);
        ab.put(new Label("b"), 1);
        ImmutableOutputInfo<Label> info = new LabelFactory().constructInfoForExternalModel(ab);
        // scores of "a" a few 1e-4 apart: exact ranking gives AUC 0.25; all fall in one of Keras's 200 buckets
        double[] pa = {0.5001, 0.5002, 0.5003, 0.5004};
        String[] truth = {"a", "b", "a", "b"};
        List<Prediction<Label>> preds = new java.util.ArrayList<>();
        for (int i = 0; i < pa.length; i++) {
            Map<String, Label> scores = new LinkedHashMap<>();
            scores.put("a", new Label("a", pa[i]));
            scores.put("b", new Label("b", 1 - pa[i]));
            preds.add(new Prediction<>(scores.get("a"), scores, 0, new ArrayExample<>(new Label(truth[i])), true));
        }
        Model<Label> model = model(info, true);
        LabelEvaluation tribuo = new LabelEvaluator().evaluate(model, preds, null);
        assertEquals(0.25, tribuo.AUCROC(new Label("a")), 1e-12);
        assertEquals(0.25, tribuo.averageAUCROC(false), 1e-12);
        KerasTribuoEvaluation<Label> keras = new KerasLabelEvaluator(List.of(
                KerasMetricSpec.of("AUC", Map.of("multi_label", true)))).evaluate(model, preds, null);
        assertEquals(0.5, keras(keras, "auc"), 1e-6);
    }

    private static Prediction<MultiLabel> multiLabel(Set<String> truth, float weight, double x, double y) {
        Set<Label> labels = new java.util.HashSet<>();
        truth.forEach(t -> labels.add(new Label(t)));
        Map<String, MultiLabel> scores = new LinkedHashMap<>();
        scores.put("x", new MultiLabel(new Label("x", x)));
        scores.put("y", new MultiLabel(new Label("y", y)));
        Set<Label> predicted = new java.util.HashSet<>();
        if (x > 0.5) {
            predicted.add(new Label("x", x));
        }
        if (y > 0.5) {
            predicted.add(new Label("y", y));
        }
        return new Prediction<>(new MultiLabel(predicted), scores, 0,
                new ArrayExample<>(new MultiLabel(labels), weight), true);
    }

    @Test
    void tribuoMultiLabelIgnoresExampleWeights() {
        assumeCatalogHas("Recall");
        Map<MultiLabel, Integer> m = new LinkedHashMap<>();
        m.put(new MultiLabel("x"), 0);
        m.put(new MultiLabel("y"), 1);
        Model<MultiLabel> model = model(new MultiLabelFactory().constructInfoForExternalModel(m), true);
        List<Prediction<MultiLabel>> preds = List.of(multiLabel(Set.of("x"), 3f, 0.9, 0.1),
                multiLabel(Set.of("x"), 1f, 0.2, 0.1));
        assertEquals(0.5, new MultiLabelEvaluator().evaluate(model, preds, null).microAveragedRecall(), 1e-12);
        KerasTribuoEvaluation<MultiLabel> keras = new KerasMultiLabelEvaluator("Recall").evaluate(model, preds, null);
        assertEquals(0.75, keras(keras, "recall"), 1e-6);
        // a ground-truth label the model does not know is refused by both
        List<Prediction<MultiLabel>> unknown = List.of(multiLabel(Set.of("x", "w"), 1f, 0.9, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new MultiLabelEvaluator().evaluate(model, unknown, null));
        assertThrows(IllegalArgumentException.class,
                () -> new KerasMultiLabelEvaluator("Recall").evaluate(model, unknown, null));
    }

    private static ImmutableOutputInfo<Regressor> dims(String... names) {
        Map<Regressor, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(new Regressor(names[i], Double.NaN), i);
        }
        return new RegressionFactory().constructInfoForExternalModel(m);
    }

    private static Prediction<Regressor> regression(double[] truth, double[] predicted, float weight) {
        String[] names = truth.length == 1 ? new String[] {"u"} : new String[] {"u", "v"};
        return new Prediction<>(new Regressor(names, predicted), 0,
                new ArrayExample<>(new Regressor(names, truth), weight));
    }

    @Test
    void r2OfAConstantTargetIsMinusInfinityInTribuoAndZeroInKeras() {
        assumeCatalogHas("R2Score");
        List<Prediction<Regressor>> preds = List.of(
                regression(new double[] {2}, new double[] {1.5}, 1f),
                regression(new double[] {2}, new double[] {2.5}, 1f));
        Model<Regressor> model = model(dims("u"), false);
        RegressionEvaluation tribuo = new RegressionEvaluator().evaluate(model, preds, null);
        assertEquals(Double.NEGATIVE_INFINITY, tribuo.r2(new Regressor("u", Double.NaN)), 0.0);
        KerasTribuoEvaluation<Regressor> keras = new KerasRegressionEvaluator("R2Score").evaluate(model, preds, null);
        assertEquals(0.0, keras(keras, "r2_score"), 0.0);
    }

    @Test
    void tribuoAveragesRmsePerDimensionKerasPoolsEveryValue() {
        assumeCatalogHas("RootMeanSquaredError");
        List<Prediction<Regressor>> preds = List.of(
                regression(new double[] {0, 0}, new double[] {1, 3}, 1f),
                regression(new double[] {0, 0}, new double[] {1, 3}, 1f));
        Model<Regressor> model = model(dims("u", "v"), false);
        RegressionEvaluation tribuo = new RegressionEvaluator().evaluate(model, preds, null);
        assertEquals((1 + 3) / 2.0, tribuo.averageRMSE(), 1e-12);  // mean of per-dimension RMSEs
        KerasTribuoEvaluation<Regressor> keras = new KerasRegressionEvaluator("RootMeanSquaredError")
                .evaluate(model, preds, null);
        assertEquals(Math.sqrt((1 + 9) / 2.0), keras(keras, "root_mean_squared_error"), 1e-6); // sqrt of pooled mean
    }

    @Test
    void tribuoRegressionIgnoresExampleWeightsByDefault() {
        assumeCatalogHas("MeanAbsoluteError");
        List<Prediction<Regressor>> preds = List.of(
                regression(new double[] {0}, new double[] {1}, 3f),
                regression(new double[] {0}, new double[] {3}, 1f));
        Model<Regressor> model = model(dims("u"), false);
        assertEquals(2.0, new RegressionEvaluator().evaluate(model, preds, null).averageMAE(), 1e-12);
        assertEquals(1.5, new RegressionEvaluator(true).evaluate(model, preds, null).averageMAE(), 1e-12);
        KerasTribuoEvaluation<Regressor> keras = new KerasRegressionEvaluator("mae").evaluate(model, preds, null);
        assertEquals(1.5, keras(keras, "mean_absolute_error"), 1e-6);
    }
}
