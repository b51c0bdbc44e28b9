package io.github.metricparity.tribuo.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRows;
import io.github.metricparity.comparison.ComparisonRule;
import io.github.metricparity.comparison.FrameworkComparison;
import io.github.metricparity.tribuo.KerasTribuoEvaluation;
import io.github.metricparity.tribuo.KerasLabelEvaluator;
import io.github.metricparity.tribuo.KerasMetricSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.regression.Regressor;

/**
 * The Tribuo rows of the parity report: their shape (every evaluation type, a cause and an explanation for every
 * disagreement), and spot checks of the values against figures computed here by hand from the same models'
 * predictions, each side with its own rule, so that a row's stated cause is shown to account for the difference.
 */
class TribuoComparisonTest {
    /** Held so the level sticks: the tests train the compared models again, and Tribuo logs every run. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");
    private static List<ComparisonRow> rows;

    @BeforeAll
    static void compare() {
        TRIBUO_LOG.setLevel(Level.WARNING);
        rows = new TribuoComparison().compare();
    }

    // ---------------------------------------------------------------- shape

    @Test
    void isFoundWithServiceLoaderAsTheTribuoComparison() {
        List<String> ids = new ArrayList<>();
        for (FrameworkComparison fc : ServiceLoader.load(FrameworkComparison.class)) {
            ids.add(fc.framework());
        }
        assertTrue(ids.contains("tribuo"), ids.toString());
        assertTrue(rows.stream().allMatch(r -> r.framework().equals("tribuo")));
    }

    @Test
    void everyTribuoEvaluationTypeAndShardedEvaluationHaveRows() {
        for (String type : List.of("LabelEvaluation.", "MultiLabelEvaluation.", "RegressionEvaluation.")) {
            assertTrue(rows.stream().anyMatch(r -> r.frameworkMetric().startsWith(type)), type);
        }
        for (String type : List.of("LabelEvaluation", "RegressionEvaluation")) {
            assertTrue(rows.stream().anyMatch(r -> r.scenario().startsWith("Sharded evaluation")
                    && r.frameworkMetric().contains(type)), "sharded " + type);
        }
    }

    @Test
    void everyDisagreementHasACauseAndAnExplanation() {
        for (ComparisonRow r : rows) {
            assertFalse(r.explanation().isBlank(), r.toString());
            if (r.agrees()) {
                assertEquals("", r.cause(), r.toString());
            } else {
                assertFalse(r.cause().isBlank(), r.toString());
                assertNotEquals(ComparisonRule.UNEXPLAINED, r.cause(), r.toString());
            }
        }
    }

    @Test
    void showsDisagreementsOfEachKindAndAgreements() {
        Set<String> causes = rows.stream().filter(r -> !r.agrees()).map(ComparisonRow::cause)
                .collect(Collectors.toSet());
        assertTrue(causes.containsAll(List.of("threshold vs argmax", "exact vs bucketed AUC", "example weights",
                "per-sample vs pooled", "merge", "0/0 class in macro average", "pooled vs per-dimension",
                "R2 of constant target", "averaging")), causes.toString());
        assertTrue(rows.stream().filter(ComparisonRow::agrees).count() > 10);
    }

    @Test
    void isDeterministic() {
        assertEquals(rows, new TribuoComparison().compare());
    }

    @Test
    void rowsTakeTheirTextFromTheRuleAccordingToTheValues() {
        List<ComparisonRow> out = new ArrayList<>();
        ComparisonRows r = new ComparisonRows(TribuoComparison.FRAMEWORK, "s", out);
        ComparisonRule differs = ComparisonRule.differs("threshold", "the rule");
        r.add("t", 0.5, "k", 0.75, differs);
        r.add("t", 0.5, "k", 0.5 + 1e-9, differs);
        r.add("t", 0.5, "k", 0.75, ComparisonRule.same("same rule"));
        r.add("t", Double.NaN, "k", Double.NaN, ComparisonRule.same("same rule"));
        assertEquals(List.of("threshold", "", ComparisonRule.UNEXPLAINED, ""),
                out.stream().map(ComparisonRow::cause).collect(Collectors.toList()));
        assertEquals("the rule", out.get(0).explanation());
        assertTrue(out.get(1).explanation().startsWith("Equal on these predictions"));
        assertEquals("same rule", out.get(3).explanation());
    }

    @Test
    void kerasMetricsAreWrittenInPythonNotation() {
        assertEquals("F1Score(average=None, threshold=0.5)",
                KerasMetric.of("f", "F1Score", "average", null, "threshold", 0.5).display());
        assertEquals("AUC(num_thresholds=200, multi_label=True, label_weights=[0.0, 1.0])",
                KerasMetric.of("a", "AUC", "num_thresholds", 200, "multi_label", true, "label_weights",
                        List.of(0.0, 1.0)).display());
        assertEquals("a", KerasMetric.of("a", "AUC").spec().getConfig().get("name"));
    }

    // ---------------------------------------------------------------- classification, by hand

    /** The classifier's predictions on the test days, concatenated, and the class ids. */
    private static final class Classifier {
        final Model<Label> model = ClassificationComparison.logisticRegression();
        final List<List<Prediction<Label>>> days = new ArrayList<>();
        final List<Prediction<Label>> all = new ArrayList<>();
        final List<String> ids = new ArrayList<>();

        Classifier() {
            for (MutableDataset<Label> day : ExampleData.blobsTestDays()) {
                List<Prediction<Label>> p = model.predict(day);
                days.add(p);
                all.addAll(p);
            }
            for (int k = 0; k < model.getOutputIDInfo().size(); k++) {
                ids.add(model.getOutputIDInfo().getOutput(k).getLabel());
            }
        }

        int truth(Prediction<Label> p) {
            return ids.indexOf(p.getExample().getOutput().getLabel());
        }

        int predicted(Prediction<Label> p) {
            return ids.indexOf(p.getOutput().getLabel());
        }

        double score(Prediction<Label> p, int k) {
            return p.getOutputScores().get(ids.get(k)).getScore();
        }
    }

    @Test
    void perClassPrecisionAndRecallFollowTheArgmaxInTribuoAndTheThresholdInKeras() {
        Classifier c = new Classifier();
        String scenario = "Logistic regression";
        for (int k = 0; k < c.ids.size(); k++) {
            double tpArgmax = 0;
            double predictedArgmax = 0;
            double tpThreshold = 0;
            double predictedThreshold = 0;
            double present = 0;
            for (Prediction<Label> p : c.all) {
                boolean isK = c.truth(p) == k;
                boolean argmaxK = c.predicted(p) == k;
                boolean aboveHalf = (float) c.score(p, k) > 0.5f;
                present += isK ? 1 : 0;
                predictedArgmax += argmaxK ? 1 : 0;
                tpArgmax += argmaxK && isK ? 1 : 0;
                predictedThreshold += aboveHalf ? 1 : 0;
                tpThreshold += aboveHalf && isK ? 1 : 0;
            }
            String l = c.ids.get(k);
            ComparisonRow precision = row(scenario, "LabelEvaluation.precision(" + l + ")",
                    "Precision(thresholds=0.5, class_id=" + k + ")");
            assertEquals(tpArgmax / predictedArgmax, precision.frameworkValue(), 1e-12);
            assertEquals(tpThreshold / predictedThreshold, precision.kerasValue(), 1e-6);
            ComparisonRow recall = row(scenario, "LabelEvaluation.recall(" + l + ")",
                    "Recall(thresholds=0.5, class_id=" + k + ")");
            assertEquals(tpArgmax / present, recall.frameworkValue(), 1e-12);
            assertEquals(tpThreshold / present, recall.kerasValue(), 1e-6);
        }
        // pooled over every one-hot cell in Keras, the argmax's micro average (= accuracy) in Tribuo
        double right = 0;
        double tp = 0;
        double positives = 0;
        for (Prediction<Label> p : c.all) {
            right += c.predicted(p) == c.truth(p) ? 1 : 0;
            for (int k = 0; k < c.ids.size(); k++) {
                boolean above = (float) c.score(p, k) > 0.5f;
                positives += above ? 1 : 0;
                tp += above && c.truth(p) == k ? 1 : 0;
            }
        }
        ComparisonRow micro = row(scenario, "LabelEvaluation.microAveragedPrecision()", "Precision(thresholds=0.5)");
        assertEquals(right / c.all.size(), micro.frameworkValue(), 1e-12);
        assertEquals(tp / positives, micro.kerasValue(), 1e-6);
        assertEquals(right / c.all.size(), row(scenario, "LabelEvaluation.accuracy()",
                "SparseCategoricalAccuracy()").kerasValue(), 1e-6);
    }

    @Test
    void precisionAndRecallWithTopKOneAreTribuosRulePerClass() {
        // what the threshold rows' explanation promises: top_k=1 keeps the argmax, as Tribuo counts
        Classifier c = new Classifier();
        List<KerasMetricSpec> specs = new ArrayList<>();
        for (int k = 0; k < c.ids.size(); k++) {
            specs.add(KerasMetricSpec.of("Precision", Map.of("top_k", 1, "class_id", k, "name", "p" + k)));
            specs.add(KerasMetricSpec.of("Recall", Map.of("top_k", 1, "class_id", k, "name", "r" + k)));
        }
        KerasTribuoEvaluation<Label> keras = new KerasLabelEvaluator(specs).evaluate(c.model, c.all, null);
        LabelEvaluation tribuo = new LabelEvaluator().evaluate(c.model, c.all, null);
        for (int k = 0; k < c.ids.size(); k++) {
            Label l = new Label(c.ids.get(k));
            assertEquals(tribuo.precision(l), keras.get("p" + k), 1e-6, l.getLabel());
            assertEquals(tribuo.recall(l), keras.get("r" + k), 1e-6, l.getLabel());
        }
    }

    @Test
    void aucIsExactInTribuoAndBucketedIntoTwoHundredThresholdsInKeras() {
        Classifier c = new Classifier();
        for (int k = 0; k < c.ids.size(); k++) {
            List<Double> pos = new ArrayList<>();
            List<Double> neg = new ArrayList<>();
            for (Prediction<Label> p : c.all) {
                (c.truth(p) == k ? pos : neg).add(c.score(p, k));
            }
            ComparisonRow auc = row("Logistic regression", "LabelEvaluation.AUCROC(" + c.ids.get(k) + ")", "AUC(");
            assertEquals(mannWhitneyAuc(pos, neg), auc.frameworkValue(), 1e-12);
            assertEquals(bucketedAuc(pos, neg, 200), auc.kerasValue(), 1e-6);
            assertNotEquals(auc.frameworkValue(), auc.kerasValue(), 0.0);
        }
    }

    /** P(positive scores above negative) + half the ties: the exact ROC AUC, computed without any curve. */
    private static double mannWhitneyAuc(List<Double> pos, List<Double> neg) {
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) pos.size() * neg.size());
    }

    /**
     * Keras's ROC AUC: float32 scores counted above the thresholds {@code -1e-7, 1/(T-1), ..., 1+1e-7}, trapezoids
     * between consecutive (FPR, TPR) points.
     */
    private static double bucketedAuc(List<Double> pos, List<Double> neg, int t) {
        double[] tpr = new double[t];
        double[] fpr = new double[t];
        for (int i = 0; i < t; i++) {
            float threshold = i == 0 ? -1e-7f : i == t - 1 ? 1 + 1e-7f : (float) (i / (double) (t - 1));
            tpr[i] = pos.stream().filter(s -> (float) (double) s > threshold).count() / (double) pos.size();
            fpr[i] = neg.stream().filter(s -> (float) (double) s > threshold).count() / (double) neg.size();
        }
        double auc = 0;
        for (int i = 0; i < t - 1; i++) {
            auc += (fpr[i] - fpr[i + 1]) * (tpr[i] + tpr[i + 1]) / 2;
        }
        return auc;
    }

    @Test
    void weightedAccuracyWeighsByRecencyInKerasOnly() {
        Classifier c = new Classifier();
        double right = 0;
        double rightWeighted = 0;
        double total = 0;
        for (int d = 0; d < c.days.size(); d++) {
            for (Prediction<Label> p : c.days.get(d)) {
                boolean ok = c.predicted(p) == c.truth(p);
                right += ok ? 1 : 0;
                rightWeighted += ok ? d + 1 : 0;
                total += d + 1;
            }
        }
        ComparisonRow r = row("Same model and test examples, weighted", "LabelEvaluation.accuracy()",
                "SparseCategoricalAccuracy() with sample_weight");
        assertEquals(right / c.all.size(), r.frameworkValue(), 1e-12);
        assertEquals(rightWeighted / total, r.kerasValue(), 1e-6);
        assertEquals("example weights", r.cause());
    }

    @Test
    void shardedAccuracyIsTheUnweightedMeanOfDaysInTribuoAndOnePassWhenKerasMerges() {
        Classifier c = new Classifier();
        double sumOfDayAccuracies = 0;
        double right = 0;
        for (List<Prediction<Label>> day : c.days) {
            double dayRight = day.stream().filter(p -> c.predicted(p) == c.truth(p)).count();
            sumOfDayAccuracies += dayRight / day.size();
            right += dayRight;
        }
        ComparisonRow r = row("Sharded evaluation: the 200 test predictions",
                "mean of 4 day LabelEvaluations (EvaluationAggregator.summarize): accuracy()",
                "SparseCategoricalAccuracy(), 4 day evaluations merged");
        assertEquals(sumOfDayAccuracies / c.days.size(), r.frameworkValue(), 1e-12);
        assertEquals(right / c.all.size(), r.kerasValue(), 1e-6);
        assertEquals("merge", r.cause());
        assertEquals(right / c.all.size(), row("Sharded evaluation: the 200 test predictions",
                "OnlineEvaluator(LabelEvaluator) fed the 4 days: accuracy()", "SparseCategoricalAccuracy()")
                .frameworkValue(), 1e-12);
    }

    @Test
    void theFirstDaysHaveNoTrueDSoTribuoAucOfDIsNaNAndKerasZero() {
        Classifier c = new Classifier();
        int d = c.ids.indexOf("d");
        for (int day = 0; day < c.days.size(); day++) {
            boolean hasD = c.days.get(day).stream().anyMatch(p -> c.truth(p) == d);
            assertEquals(day >= 2, hasD, "day " + (day + 1));
        }
        ComparisonRow auc = row("Day 1", "LabelEvaluation.AUCROC(d)", "AUC(");
        assertTrue(Double.isNaN(auc.frameworkValue()));
        assertEquals(0.0, auc.kerasValue(), 0.0);
    }

    @Test
    void theBaggedEnsembleReallyHasTiedVotes() {
        List<Example<Label>> examples = new ArrayList<>();
        ExampleData.blobsTestDays().forEach(day -> day.forEach(examples::add));
        List<Prediction<Label>> votes = ClassificationComparison.baggedVotes().predict(examples);
        long tied = votes.stream().filter(ClassificationComparison::topTies).count();
        assertTrue(tied > 0);
        ComparisonRow r = row("Bagging", "LabelEvaluation.accuracy()", "SparseCategoricalAccuracy()");
        Matcher m = Pattern.compile("(\\d+) with tied top votes").matcher(r.scenario());
        assertTrue(m.find(), r.scenario());
        assertEquals(tied, Long.parseLong(m.group(1)));
        assertTrue(r.agrees(), r.toString());
    }

    // ---------------------------------------------------------------- multi-label, by hand

    @Test
    void jaccardIsPerSampleInTribuoAndPooledInKeras() {
        Model<MultiLabel> model = MultiLabelComparison.linearModel();
        List<Prediction<MultiLabel>> preds = model.predict(ExampleData.multiLabelTest());
        double sum = 0;
        double tp = 0;
        double union = 0;
        for (Prediction<MultiLabel> p : preds) {
            Set<String> truth = p.getExample().getOutput().getNameSet();
            Set<String> predicted = new HashSet<>();
            // Keras's rule on the scores, independent of the model's own decision
            // Tribuo's multi-label models put each label's score on the Label inside a singleton MultiLabel
            p.getOutputScores().forEach((name, s) -> {
                if ((float) s.getLabelScore(new Label(name)).orElseThrow() > 0.5f) {
                    predicted.add(name);
                }
            });
            assertEquals(p.getOutput().getNameSet(), predicted, "the model's decision is score > 0.5");
            Set<String> both = new HashSet<>(truth);
            both.retainAll(predicted);
            Set<String> either = new HashSet<>(truth);
            either.addAll(predicted);
            sum += both.size() / (double) either.size();
            tp += both.size();
            union += either.size();
        }
        ComparisonRow r = row("Multi-label", "MultiLabelEvaluation.jaccardScore()", "BinaryIoU(");
        assertEquals(sum / preds.size(), r.frameworkValue(), 1e-12);
        assertEquals(tp / union, r.kerasValue(), 1e-6);
        assertEquals("per-sample vs pooled", r.cause());
    }

    // ---------------------------------------------------------------- regression, by hand

    @Test
    void rmseIsAveragedPerDimensionInTribuoAndPooledInKeras() {
        Regression g = new Regression();
        double[] sse = new double[2];
        for (Prediction<Regressor> p : g.all) {
            for (int k = 0; k < 2; k++) {
                double e = g.value(p.getOutput(), k) - g.value(p.getExample().getOutput(), k);
                sse[k] += e * e;
            }
        }
        int n = g.all.size();
        for (int k = 0; k < 2; k++) {
            String name = g.model.getOutputIDInfo().getOutput(k).getNames()[0];
            ComparisonRow column = row("Two-output", "RegressionEvaluation.rmse(" + name + ")",
                    "RootMeanSquaredError() on column " + k);
            assertEquals(Math.sqrt(sse[k] / n), column.frameworkValue(), 1e-9);
            assertEquals(Math.sqrt(sse[k] / n), column.kerasValue(), 1e-6 * column.kerasValue());
        }
        ComparisonRow r = row("Two-output", "RegressionEvaluation.averageRMSE()", "RootMeanSquaredError()");
        assertEquals((Math.sqrt(sse[0] / n) + Math.sqrt(sse[1] / n)) / 2, r.frameworkValue(), 1e-9);
        assertEquals(Math.sqrt((sse[0] + sse[1]) / (2.0 * n)), r.kerasValue(), 1e-6 * r.kerasValue());
    }

    @Test
    void shardedR2IsTheMeanOfDayR2sInTribuoAndOnePassWhenKerasMerges() {
        Regression g = new Regression();
        double meanOfDays = 0;
        for (List<Prediction<Regressor>> day : g.days) {
            meanOfDays += (r2(g, day, 0) + r2(g, day, 1)) / 2 / g.days.size();
        }
        double onePass = (r2(g, g.all, 0) + r2(g, g.all, 1)) / 2;
        ComparisonRow r = row("Sharded evaluation: the 200 regression",
                "mean of 4 day RegressionEvaluations (EvaluationAggregator.summarize): averageR2()", "R2Score(");
        assertEquals(meanOfDays, r.frameworkValue(), 1e-9);
        assertEquals(onePass, r.kerasValue(), 1e-5);
        assertTrue(r.frameworkValue() < r.kerasValue() - 0.05, "per-day R2s are lower under drift: " + r);
    }

    @Test
    void r2OfTheStuckSensorIsMinusInfinityInTribuoAndZeroInKeras() {
        ComparisonRow r = row("Same regression model, a test batch", "RegressionEvaluation.r2(rate)", "R2Score(");
        assertEquals(Double.NEGATIVE_INFINITY, r.frameworkValue());
        assertEquals(0.0, r.kerasValue(), 0.0);
    }

    /** The regression model's predictions on the test days, and the dimension order of its outputs. */
    private static final class Regression {
        final Model<Regressor> model = RegressionComparison.linearModel();
        final List<List<Prediction<Regressor>>> days = new ArrayList<>();
        final List<Prediction<Regressor>> all = new ArrayList<>();

        Regression() {
            for (MutableDataset<Regressor> day : ExampleData.processTestDays()) {
                List<Prediction<Regressor>> p = model.predict(day);
                days.add(p);
                all.addAll(p);
            }
        }

        double value(Regressor r, int k) {
            String name = model.getOutputIDInfo().getOutput(k).getNames()[0];
            return r.getDimension(name).orElseThrow().getValue();
        }
    }

    private static double r2(Regression g, List<Prediction<Regressor>> preds, int k) {
        double mean = preds.stream().mapToDouble(p -> g.value(p.getExample().getOutput(), k)).average()
                .orElseThrow();
        double res = 0;
        double tot = 0;
        for (Prediction<Regressor> p : preds) {
            double y = g.value(p.getExample().getOutput(), k);
            res += Math.pow(y - g.value(p.getOutput(), k), 2);
            tot += Math.pow(y - mean, 2);
        }
        return 1 - res / tot;
    }

    // ---------------------------------------------------------------- lookup

    /** The one row of a scenario (by its start) with this Tribuo metric and a Keras metric starting so. */
    private static ComparisonRow row(String scenarioStart, String tribuoMetric, String kerasStart) {
        List<ComparisonRow> found = rows.stream()
                .filter(r -> r.scenario().startsWith(scenarioStart) && r.frameworkMetric().equals(tribuoMetric)
                        && r.kerasMetric().startsWith(kerasStart))
                .collect(Collectors.toList());
        assertEquals(1, found.size(), scenarioStart + " / " + tribuoMetric + " / " + kerasStart + ": " + found);
        return found.get(0);
    }
}
