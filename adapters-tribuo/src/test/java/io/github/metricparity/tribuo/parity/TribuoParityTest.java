package io.github.metricparity.tribuo.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.comparison.ComparisonRule;
import io.github.metricparity.comparison.ParityAssertionError;
import io.github.metricparity.tribuo.KerasTribuoEvaluation;
import io.github.metricparity.tribuo.KerasLabelEvaluator;
import io.github.metricparity.tribuo.KerasMetricSpec;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class TribuoParityTest {
    static MutableDataset<Label> blobs(int n, long seed) {
        LabelFactory f = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("blobs", f), f);
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(3);
            ds.add(new ArrayExample<>(new Label("c" + k), new String[] {"x", "y"},
                    new double[] {r.nextGaussian() + 2 * k, r.nextGaussian() - k}));
        }
        return ds;
    }

    @Test
    void labelEvaluationMetricsGetTheirKerasCounterpartsAndRules() {
        Model<Label> model = new LogisticRegressionTrainer().train(blobs(150, 1));
        TribuoParity.Result r = TribuoParity.compareLabels(model, blobs(60, 2));
        assertEquals("LabelEvaluation.accuracy()", r.rows().get(0).frameworkMetric());
        assertTrue(r.rows().get(0).agrees(), r.table());
        assertTrue(r.rows().stream().anyMatch(x -> x.frameworkMetric().startsWith("LabelEvaluation.AUCROC(0: ")),
                r.table());
        assertTrue(r.rows().stream().noneMatch(x -> x.cause().equals(ComparisonRule.UNEXPLAINED)), r.table());
        r.assertExplained();
    }

    @Test
    void kerasRecordedValuesAreAssertedWithTheTable() {
        Model<Label> model = new LogisticRegressionTrainer().train(blobs(150, 1));
        KerasTribuoEvaluation<Label> keras = new KerasLabelEvaluator(List.of(KerasMetricSpec.of("CategoricalAccuracy",
                Map.of("name", "accuracy")))).evaluate(model, blobs(60, 2));
        double acc = keras.get("accuracy");
        assertEquals(1, TribuoParity.assertReproduces(Map.of("accuracy", acc), keras).size());
        ParityAssertionError e = assertThrows(ParityAssertionError.class,
                () -> TribuoParity.assertReproduces(Map.of("accuracy", acc + 0.01), keras));
        assertTrue(e.getMessage().contains("DIFFERS"), e.getMessage());
    }

    @Test
    void aRecordedNameDifferingInCaseFailsInsteadOfBeingLeftOut() {
        // compile(metrics=["AUC"]) records "AUC"; the evaluator's "AUC" is keras.metrics.get's, named "auc"
        Model<Label> model = new LogisticRegressionTrainer().train(blobs(150, 1));
        KerasTribuoEvaluation<Label> keras = new KerasLabelEvaluator("sparse_categorical_accuracy", "AUC")
                .evaluate(model, blobs(60, 2));
        Map<String, Double> recorded = Map.of("sparse_categorical_accuracy", keras.get("sparse_categorical_accuracy"),
                "AUC", 0.5);
        ParityAssertionError e = assertThrows(ParityAssertionError.class,
                () -> TribuoParity.assertReproduces(recorded, keras));
        assertTrue(e.getMessage().contains("Keras recorded 'AUC' but the JVM's metric is named 'auc'"),
                e.getMessage());
        KerasTribuoEvaluation<Label> named = new KerasLabelEvaluator(List.of(KerasMetricSpec.of("AUC",
                Map.of("name", "AUC")))).evaluate(model, blobs(60, 2));
        assertThrows(ParityAssertionError.class, () -> TribuoParity.assertReproduces(recorded, named));
        TribuoParity.assertReproduces(Map.of("AUC", named.get("AUC")), named);
    }
}
