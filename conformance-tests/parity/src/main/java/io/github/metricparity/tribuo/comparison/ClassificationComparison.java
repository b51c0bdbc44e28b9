package io.github.metricparity.tribuo.comparison;

import io.github.metricparity.tribuo.parity.TribuoRules;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRows;
import io.github.metricparity.comparison.ComparisonRule;
import io.github.metricparity.tribuo.KerasTribuoEvaluation;
import io.github.metricparity.tribuo.KerasLabelEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.evaluation.EvaluationAggregator;
import org.tribuo.evaluation.OnlineEvaluator;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tribuo's {@link LabelEvaluation} against Keras on a logistic regression over four Gaussian blobs: accuracy,
 * per-class and averaged precision, recall and F1, ROC AUC; the same predictions with example weights; a bagged
 * ensemble whose majority votes tie; and the test stream evaluated day by day (sharded evaluation).
 */
final class ClassificationComparison {
    /** Members of the bagged ensemble: an even number, so that votes can tie 2-2. */
    private static final int VOTERS = 4;
    private static final int AUC_THRESHOLDS = 200;

    // ---------------------------------------------------------------- rules

    private static final ComparisonRule THRESHOLD_CLASS = ComparisonRule.differs("threshold vs argmax",
            "Tribuo counts class k as predicted when the model's label (the argmax) is k; Keras Precision/Recall("
                    + "class_id=k) counts it when y_pred[k] > 0.5 (strict), so an argmax prediction of k with "
                    + "probability <= 0.5 is a negative there (a false negative when k is the true class). "
                    + "Precision/Recall(top_k=1, class_id=k) follow Tribuo's rule.");
    private static final ComparisonRule THRESHOLD_POOLED = ComparisonRule.differs("threshold vs argmax",
            "Tribuo's micro average pools the per-class counts of argmax predictions (single-label micro precision "
                    + "and recall both equal accuracy); Keras Precision()/Recall() without class_id pool every cell "
                    + "of the one-hot layout with y_pred > 0.5, so an example whose top probability is <= 0.5 has no "
                    + "predicted positive at all.");
    private static final ComparisonRule F1_THRESHOLD = ComparisonRule.differs("threshold vs argmax",
            "F1Score(threshold=0.5) marks a class predicted when its probability is > 0.5 (strict) instead of the "
                    + "row's argmax: rows whose top probability is <= 0.5 predict no class, which lowers recall.");
    private static final ComparisonRule BUCKETED_AUC_VOTES = ComparisonRule.differs("exact vs bucketed AUC",
            TribuoRules.BUCKETED_AUC.explanation(),
            "Exact and bucketed AUC agree here: the vote fractions 0, 1/4, ..., 1 each fall in a different bucket "
                    + "of Keras's 200 thresholds, so the bucketed ROC curve has exactly the exact curve's points.");
    private static final ComparisonRule WEIGHTS = ComparisonRule.differs("example weights",
            "Tribuo's LabelConfusionMatrix counts every prediction once whatever its example's weight; "
                    + "KerasLabelEvaluator passes example weights as sample_weight, and the Keras metric weighs each "
                    + "example by it.");
    private static final ComparisonRule WEIGHTS_OFF = ComparisonRule.same(
            "With sample_weight omitted (KerasLabelEvaluator(..., useExampleWeights=false)) Keras counts every "
                    + "example once too, as Tribuo's LabelEvaluator does.");
    private static final ComparisonRule TIES = ComparisonRule.differs("tie-breaking", TribuoRules.ARGMAX.explanation(),
            "Tied votes are broken the same way: VotingCombiner predicts the first label with the most votes in "
                    + "output-id order and Keras argmax takes the lowest class id, which is the same output id.");
    private static final ComparisonRule MEAN_OF_DAYS = ComparisonRule.differs("merge",
            "Tribuo evaluations have no merge: EvaluationAggregator.summarize(dayEvaluations, metric).getMean() "
                    + "averages the per-day values unweighted, so a day of 30 predictions counts as much as one of "
                    + "70; KerasTribuoEvaluation.merge adds the metric states (weighted counts), which equals one "
                    + "pass.");
    private static final ComparisonRule MEAN_OF_DAYS_F1 = MEAN_OF_DAYS.withMore(
            " Each day's macro F1 also includes 'd' "
            + "with F1 0 on the days without a true 'd'.");
    private static final ComparisonRule MEAN_OF_DAYS_AUC = ComparisonRule.differs("merge",
            "EvaluationAggregator.summarize(dayEvaluations, e -> e.averageAUCROC(false)).getMean() is NaN: on the "
                    + "days without a true 'd' Tribuo's AUCROC(d) divides by zero positives, and the NaN propagates "
                    + "into the day's average and the mean of days; the merged Keras AUC counts all 200 predictions.");
    private static final ComparisonRule ONLINE = ComparisonRule.same(
            "Tribuo's way to combine shards is to evaluate all their predictions again: OnlineEvaluator observes "
                    + "each day's predictions and evaluate() re-tabulates all of them, which equals the merged Keras "
                    + "states.");
    private static final ComparisonRule NO_POSITIVES = ComparisonRule.differs("0/0 class in macro average",
            "On a day without a true 'd' its ROC has no positives: Tribuo divides by zero and AUCROC(d) is NaN, "
                    + "so averageAUCROC is NaN; Keras AUC uses divide_no_nan, d's true positive rate is 0 at every "
                    + "threshold, its AUC is 0 and enters the label mean.");
    private static final ComparisonRule MACRO_F1_DAY = ComparisonRule.same(
            "On a day without a true 'd', d's F1 is 0 in both (no true positive; 0/0 if never predicted) and "
                    + "both still divide by all four classes.");

    private final Model<Label> model;
    private final List<Label> labels;
    private final List<MutableDataset<Label>> days;
    private final List<List<Prediction<Label>>> dayPredictions = new ArrayList<>();
    private final List<Prediction<Label>> predictions = new ArrayList<>();
    private final DataProvenance stream;

    private ClassificationComparison() {
        this.model = logisticRegression();
        this.labels = byId(model.getOutputIDInfo());
        this.days = ExampleData.blobsTestDays();
        for (MutableDataset<Label> day : days) {
            List<Prediction<Label>> p = model.predict(day);
            dayPredictions.add(p);
            predictions.addAll(p);
        }
        this.stream = new SimpleDataSourceProvenance("four Gaussian blobs, test stream: days 1 to " + days.size()
                + " (" + predictions.size() + " examples)", new LabelFactory());
    }

    /** The compared classifier: Tribuo's logistic regression (LinearSGD, log loss, AdaGrad) on the blobs. */
    static Model<Label> logisticRegression() {
        return new LogisticRegressionTrainer().train(ExampleData.blobsTrain());
    }

    /** The bagged ensemble whose majority votes can tie: {@value #VOTERS} logistic regressions. */
    static Model<Label> baggedVotes() {
        return new BaggingTrainer<>(new LogisticRegressionTrainer(), new VotingCombiner(), VOTERS, 7L)
                .train(ExampleData.blobsTrain());
    }

    /** Trains the models and adds every classification row to {@code out}. */
    static void addRows(List<ComparisonRow> out) {
        ClassificationComparison c = new ClassificationComparison();
        c.onePass(out);
        c.weighted(out);
        c.ties(out);
        c.sharded(out);
    }

    // ---------------------------------------------------------------- one pass

    private void onePass(List<ComparisonRow> out) {
        int c = labels.size();
        List<KerasMetric> metrics = new ArrayList<>(List.of(
                KerasMetric.of("sca", "SparseCategoricalAccuracy"),
                KerasMetric.of("ca", "CategoricalAccuracy"),
                KerasMetric.of("precision", "Precision", "thresholds", 0.5),
                KerasMetric.of("recall", "Recall", "thresholds", 0.5),
                KerasMetric.of("f1_none", "F1Score", "average", null),
                KerasMetric.of("f1_micro", "F1Score", "average", "micro"),
                KerasMetric.of("f1_macro", "F1Score", "average", "macro"),
                KerasMetric.of("f1_macro_05", "F1Score", "average", "macro", "threshold", 0.5),
                KerasMetric.of("auc", "AUC", "num_thresholds", AUC_THRESHOLDS, "multi_label", true)));
        LabelEvaluation tribuo = new LabelEvaluator().evaluate(model, predictions, stream);
        List<Double> support = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            metrics.add(KerasMetric.of("precision_" + k, "Precision", "thresholds", 0.5, "class_id", k));
            metrics.add(KerasMetric.of("recall_" + k, "Recall", "thresholds", 0.5, "class_id", k));
            metrics.add(KerasMetric.of("precision_top1_" + k, "Precision", "top_k", 1, "class_id", k));
            metrics.add(KerasMetric.of("recall_top1_" + k, "Recall", "top_k", 1, "class_id", k));
            metrics.add(KerasMetric.of("auc_" + k, "AUC", "num_thresholds", AUC_THRESHOLDS, "multi_label", true,
                    "label_weights", oneHot(k, c)));
            support.add(tribuo.getConfusionMatrix().support(labels.get(k)));
        }
        KerasMetric aucWeighted = KerasMetric.of("auc_weighted", "AUC", "num_thresholds", AUC_THRESHOLDS,
                "multi_label", true, "label_weights", support);
        metrics.add(aucWeighted);
        KerasTribuoEvaluation<Label> keras = new KerasLabelEvaluator(KerasMetric.specs(metrics))
                .evaluate(model, predictions, stream);
        Metrics m = new Metrics(metrics, keras);

        ComparisonRows rows = new ComparisonRows(TribuoComparison.FRAMEWORK, String.format(Locale.ROOT,
                "Logistic regression (Tribuo LinearSGD, log loss) on four "
                + "Gaussian blobs, %d test predictions with probabilities; class ids %s", predictions.size(),
                ids()), out);
        rows.add("LabelEvaluation.accuracy()", tribuo.accuracy(), m.display("sca"), m.value("sca"), TribuoRules.ARGMAX);
        rows.add("LabelEvaluation.accuracy()", tribuo.accuracy(), m.display("ca"), m.value("ca"), TribuoRules.ARGMAX);
        for (int k = 0; k < c; k++) {
            Label l = labels.get(k);
            rows.add("LabelEvaluation.precision(" + l.getLabel() + ")", tribuo.precision(l),
                    m.display("precision_" + k), m.value("precision_" + k), THRESHOLD_CLASS);
            rows.add("LabelEvaluation.recall(" + l.getLabel() + ")", tribuo.recall(l),
                    m.display("recall_" + k), m.value("recall_" + k), THRESHOLD_CLASS);
            rows.add("LabelEvaluation.f1(" + l.getLabel() + ")", tribuo.f1(l),
                    m.display("f1_none") + "[" + k + "]", m.element("f1_none", k), TribuoRules.F1_ARGMAX);
        }
        rows.add("LabelEvaluation.microAveragedPrecision()", tribuo.microAveragedPrecision(),
                m.display("precision"), m.value("precision"), THRESHOLD_POOLED);
        rows.add("LabelEvaluation.microAveragedRecall()", tribuo.microAveragedRecall(),
                m.display("recall"), m.value("recall"), THRESHOLD_POOLED);
        rows.add("LabelEvaluation.microAveragedF1()", tribuo.microAveragedF1(),
                m.display("f1_micro"), m.value("f1_micro"), TribuoRules.F1_ARGMAX);
        rows.add("LabelEvaluation.macroAveragedPrecision()", tribuo.macroAveragedPrecision(),
                "mean over k of Precision(top_k=1, class_id=k)", m.mean("precision_top1_", c), TribuoRules.MACRO_TOP1);
        rows.add("LabelEvaluation.macroAveragedRecall()", tribuo.macroAveragedRecall(),
                "mean over k of Recall(top_k=1, class_id=k)", m.mean("recall_top1_", c), TribuoRules.MACRO_TOP1);
        rows.add("LabelEvaluation.macroAveragedF1()", tribuo.macroAveragedF1(),
                m.display("f1_macro"), m.value("f1_macro"), TribuoRules.MACRO_F1);
        rows.add("LabelEvaluation.macroAveragedF1()", tribuo.macroAveragedF1(),
                m.display("f1_macro_05"), m.value("f1_macro_05"), F1_THRESHOLD);
        for (int k = 0; k < c; k++) {
            rows.add("LabelEvaluation.AUCROC(" + labels.get(k).getLabel() + ")", tribuo.AUCROC(labels.get(k)),
                    m.display("auc_" + k), m.value("auc_" + k), TribuoRules.BUCKETED_AUC);
        }
        rows.add("LabelEvaluation.averageAUCROC(false)", tribuo.averageAUCROC(false), m.display("auc"),
                m.value("auc"), TribuoRules.BUCKETED_AUC);
        rows.add("LabelEvaluation.averageAUCROC(true)", tribuo.averageAUCROC(true),
                aucWeighted.display() + " (label_weights = class supports)", m.value("auc_weighted"),
                TribuoRules.BUCKETED_AUC);
    }

    // ---------------------------------------------------------------- example weights

    private void weighted(List<ComparisonRow> out) {
        // the same test examples, weighted by recency: day k weighs k
        List<Example<Label>> examples = new ArrayList<>();
        for (int d = 0; d < days.size(); d++) {
            for (Example<Label> e : days.get(d)) {
                Example<Label> copy = e.copy();
                copy.setWeight(d + 1);
                examples.add(copy);
            }
        }
        List<Prediction<Label>> weighted = model.predict(examples);
        List<KerasMetric> metrics = List.of(
                KerasMetric.of("sca", "SparseCategoricalAccuracy"),
                KerasMetric.of("f1_macro", "F1Score", "average", "macro"));
        LabelEvaluation tribuo = new LabelEvaluator().evaluate(model, weighted, stream);
        Metrics withWeights = new Metrics(metrics, new KerasLabelEvaluator(KerasMetric.specs(metrics))
                .evaluate(model, weighted, stream));
        Metrics withoutWeights = new Metrics(metrics, new KerasLabelEvaluator(KerasMetric.specs(metrics), false)
                .evaluate(model, weighted, stream));

        ComparisonRows rows = new ComparisonRows(TribuoComparison.FRAMEWORK,
                "Same model and test examples, weighted by recency (day k of 4 weighs k)", out);
        rows.add("LabelEvaluation.accuracy()", tribuo.accuracy(), withWeights.display("sca")
                + " with sample_weight", withWeights.value("sca"), WEIGHTS);
        rows.add("LabelEvaluation.macroAveragedF1()", tribuo.macroAveragedF1(), withWeights.display("f1_macro")
                + " with sample_weight", withWeights.value("f1_macro"), WEIGHTS);
        rows.add("LabelEvaluation.accuracy()", tribuo.accuracy(), withoutWeights.display("sca")
                + " without sample_weight", withoutWeights.value("sca"), WEIGHTS_OFF);
    }

    // ---------------------------------------------------------------- ties

    private void ties(List<ComparisonRow> out) {
        Model<Label> bagged = baggedVotes();
        List<Prediction<Label>> votes = bagged.predict(allExamples());
        int tied = 0;
        for (Prediction<Label> p : votes) {
            tied += topTies(p) ? 1 : 0;
        }
        List<KerasMetric> metrics = List.of(
                KerasMetric.of("sca", "SparseCategoricalAccuracy"),
                KerasMetric.of("ca", "CategoricalAccuracy"),
                KerasMetric.of("auc", "AUC", "num_thresholds", AUC_THRESHOLDS, "multi_label", true));
        LabelEvaluation tribuo = new LabelEvaluator().evaluate(bagged, votes, stream);
        Metrics m = new Metrics(metrics, new KerasLabelEvaluator(KerasMetric.specs(metrics))
                .evaluate(bagged, votes, stream));

        ComparisonRows rows = new ComparisonRows(TribuoComparison.FRAMEWORK, String.format(Locale.ROOT,
                "Bagging of %d logistic regressions, majority vote "
                + "(VotingCombiner: vote fractions as probabilities), %d test predictions, %d with tied top votes",
                VOTERS, votes.size(), tied), out);
        rows.add("LabelEvaluation.accuracy()", tribuo.accuracy(), m.display("sca"), m.value("sca"), TIES);
        rows.add("LabelEvaluation.accuracy()", tribuo.accuracy(), m.display("ca"), m.value("ca"), TIES);
        rows.add("LabelEvaluation.averageAUCROC(false)", tribuo.averageAUCROC(false), m.display("auc"),
                m.value("auc"), BUCKETED_AUC_VOTES);
    }

    /** True when another label scores as high as the predicted one. */
    static boolean topTies(Prediction<Label> p) {
        double top = p.getOutput().getScore();
        int atTop = 0;
        for (Label s : p.getOutputScores().values()) {
            atTop += s.getScore() == top ? 1 : 0;
        }
        return atTop > 1;
    }

    // ---------------------------------------------------------------- sharded evaluation

    private void sharded(List<ComparisonRow> out) {
        List<KerasMetric> metrics = List.of(
                KerasMetric.of("sca", "SparseCategoricalAccuracy"),
                KerasMetric.of("f1_macro", "F1Score", "average", "macro"),
                KerasMetric.of("auc", "AUC", "num_thresholds", AUC_THRESHOLDS, "multi_label", true),
                KerasMetric.of("auc_d", "AUC", "num_thresholds", AUC_THRESHOLDS, "multi_label", true,
                        "label_weights", oneHot(labels.indexOf(new Label("d")), labels.size())));
        KerasLabelEvaluator kerasEvaluator = new KerasLabelEvaluator(KerasMetric.specs(metrics));
        LabelEvaluator tribuoEvaluator = new LabelEvaluator();
        List<LabelEvaluation> tribuoDays = new ArrayList<>();
        List<KerasTribuoEvaluation<Label>> kerasDays = new ArrayList<>();
        OnlineEvaluator<Label, LabelEvaluation> online = new OnlineEvaluator<>(tribuoEvaluator, model, stream);
        for (int d = 0; d < days.size(); d++) {
            DataProvenance provenance = days.get(d).getProvenance();
            tribuoDays.add(tribuoEvaluator.evaluate(model, dayPredictions.get(d), provenance));
            kerasDays.add(kerasEvaluator.evaluate(model, dayPredictions.get(d), provenance));
            online.observe(dayPredictions.get(d));
        }
        KerasTribuoEvaluation<Label> merged = kerasDays.get(0);
        for (int d = 1; d < kerasDays.size(); d++) {
            merged = merged.merge(kerasDays.get(d));
        }
        Metrics m = new Metrics(metrics, merged);
        LabelEvaluation onePass = online.evaluate();
        String mergedSuffix = ", " + days.size() + " day evaluations merged (KerasTribuoEvaluation.merge)";

        // one day alone: how a class without examples enters the macro averages
        LabelEvaluation day1 = tribuoDays.get(0);
        Metrics k1 = new Metrics(metrics, kerasDays.get(0));
        ComparisonRows first = new ComparisonRows(TribuoComparison.FRAMEWORK, String.format(Locale.ROOT,
                "Day 1 of the test stream alone (%d predictions, no true "
                + "'d')", dayPredictions.get(0).size()), out);
        first.add("LabelEvaluation.macroAveragedF1()", day1.macroAveragedF1(), k1.display("f1_macro"),
                k1.value("f1_macro"), MACRO_F1_DAY);
        first.add("LabelEvaluation.AUCROC(d)", day1.AUCROC(new Label("d")), k1.display("auc_d"),
                k1.value("auc_d"), NO_POSITIVES);
        first.add("LabelEvaluation.averageAUCROC(false)", day1.averageAUCROC(false), k1.display("auc"),
                k1.value("auc"), NO_POSITIVES);

        StringJoiner sizes = new StringJoiner("/");
        dayPredictions.forEach(p -> sizes.add(Integer.toString(p.size())));
        ComparisonRows rows = new ComparisonRows(TribuoComparison.FRAMEWORK, String.format(Locale.ROOT,
                "Sharded evaluation: the %d test predictions as %d daily "
                + "shards (%s), class 'd' only on days 3 and 4", predictions.size(), days.size(), sizes), out);
        String meanOf = "mean of " + days.size() + " day LabelEvaluations (EvaluationAggregator.summarize): ";
        String onePassIs = " One pass over all " + predictions.size() + " predictions: Tribuo ";
        double meanAccuracy = EvaluationAggregator.summarize(tribuoDays, LabelEvaluation::accuracy).getMean();
        double meanF1 = EvaluationAggregator.summarize(tribuoDays, LabelEvaluation::macroAveragedF1).getMean();
        double meanAuc = EvaluationAggregator.summarize(tribuoDays, (LabelEvaluation e) -> e.averageAUCROC(false))
                .getMean();
        rows.add(meanOf + "accuracy()", meanAccuracy, m.display("sca") + mergedSuffix, m.value("sca"),
                MEAN_OF_DAYS.withMore(onePassIs + ComparisonRows.fmt(onePass.accuracy()) + "."));
        rows.add(meanOf + "macroAveragedF1()", meanF1, m.display("f1_macro") + mergedSuffix, m.value("f1_macro"),
                MEAN_OF_DAYS_F1.withMore(onePassIs + ComparisonRows.fmt(onePass.macroAveragedF1()) + "."));
        rows.add(meanOf + "averageAUCROC(false)", meanAuc, m.display("auc") + mergedSuffix, m.value("auc"),
                MEAN_OF_DAYS_AUC.withMore(onePassIs + ComparisonRows.fmt(onePass.averageAUCROC(false)) + "."));
        String onlineName = "OnlineEvaluator(LabelEvaluator) fed the " + days.size() + " days: ";
        rows.add(onlineName + "accuracy()", onePass.accuracy(), m.display("sca") + mergedSuffix, m.value("sca"),
                ONLINE);
        rows.add(onlineName + "macroAveragedF1()", onePass.macroAveragedF1(), m.display("f1_macro") + mergedSuffix,
                m.value("f1_macro"), ONLINE);
    }


    // ---------------------------------------------------------------- helpers

    private List<Example<Label>> allExamples() {
        List<Example<Label>> all = new ArrayList<>();
        days.forEach(d -> d.forEach(all::add));
        return all;
    }

    private String ids() {
        StringJoiner j = new StringJoiner(" ");
        for (int k = 0; k < labels.size(); k++) {
            j.add(labels.get(k).getLabel() + "=" + k);
        }
        return j.toString();
    }

    private static List<Label> byId(ImmutableOutputInfo<Label> info) {
        List<Label> out = new ArrayList<>();
        for (int k = 0; k < info.size(); k++) {
            out.add(info.getOutput(k));
        }
        return out;
    }

    private static List<Double> oneHot(int k, int c) {
        List<Double> w = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            w.add(i == k ? 1.0 : 0.0);
        }
        return w;
    }
}
