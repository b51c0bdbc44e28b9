package io.github.metricparity.tribuo.comparison;

import com.oracle.labs.mlrg.olcut.util.Pair;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRows;
import io.github.metricparity.comparison.ComparisonRule;
import io.github.metricparity.tribuo.KerasMultiLabelEvaluator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.evaluation.MultiLabelEvaluation;
import org.tribuo.multilabel.evaluation.MultiLabelEvaluator;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;

/**
 * Tribuo's {@link MultiLabelEvaluation} against Keras on a multi-label linear model (binary cross-entropy, sigmoid
 * scores) trained on Tribuo's {@code MultiLabelGaussianDataSource}: per-label, micro and macro precision, recall
 * and F1 against Keras's 0.5 threshold, the Jaccard score, and example weights.
 */
final class MultiLabelComparison {
    private static final ComparisonRule DECISION_RULE = ComparisonRule.differs("decision rule",
            "Tribuo counts the labels the model predicted; Keras thresholds each label's score (y_pred > 0.5, "
                    + "strict). They differ when the model's decision rule is not score > 0.5.",
            "Tribuo counts the labels the model predicted, and LinearSGDModel with BinaryCrossEntropy predicts a "
                    + "label when its sigmoid score is > 0.5 (strict), exactly the cells Keras's threshold 0.5 "
                    + "selects (y_pred > 0.5); both then pool (micro) or average (macro) the same per-label counts.");
    private static final ComparisonRule PER_SAMPLE = ComparisonRule.differs("per-sample vs pooled",
            "Tribuo's jaccardScore() averages |true ∩ predicted| / |true ∪ predicted| over examples (an example "
                    + "with both sets empty is 0/0 = NaN); BinaryIoU(target_class_ids=[1]) pools every label cell "
                    + "of the batch: TP / (TP + FP + FN), so examples with many labels weigh more.");
    private static final ComparisonRule WEIGHTS = ComparisonRule.differs("example weights",
            "Tribuo's MultiLabelConfusionMatrix counts every example once whatever its weight; "
                    + "KerasMultiLabelEvaluator passes example weights as sample_weight, and the Keras metric weighs "
                    + "each example's label cells by it.");

    private final Model<MultiLabel> model;
    private final List<MultiLabel> labels;
    private final MutableDataset<MultiLabel> test;

    private MultiLabelComparison() {
        this.model = linearModel();
        this.labels = byId(model.getOutputIDInfo());
        this.test = ExampleData.multiLabelTest();
    }

    /** The compared model: a linear model per label with sigmoid scores (LinearSGD, BinaryCrossEntropy). */
    static Model<MultiLabel> linearModel() {
        return new LinearSGDTrainer(new BinaryCrossEntropy(), new AdaGrad(0.1), 10, Integer.MAX_VALUE, 1, 1L)
                .train(ExampleData.multiLabelTrain());
    }

    /** Trains the model and adds every multi-label row to {@code out}. */
    static void addRows(List<ComparisonRow> out) {
        MultiLabelComparison c = new MultiLabelComparison();
        c.onePass(out);
        c.weighted(out);
    }

    private void onePass(List<ComparisonRow> out) {
        int c = labels.size();
        List<KerasMetric> metrics = new ArrayList<>(List.of(
                KerasMetric.of("precision", "Precision", "thresholds", 0.5),
                KerasMetric.of("recall", "Recall", "thresholds", 0.5),
                KerasMetric.of("f1_none", "F1Score", "average", null, "threshold", 0.5),
                KerasMetric.of("f1_micro", "F1Score", "average", "micro", "threshold", 0.5),
                KerasMetric.of("f1_macro", "F1Score", "average", "macro", "threshold", 0.5),
                KerasMetric.of("iou", "BinaryIoU", "target_class_ids", List.of(1), "threshold", 0.5)));
        for (int k = 0; k < c; k++) {
            metrics.add(KerasMetric.of("precision_" + k, "Precision", "thresholds", 0.5, "class_id", k));
            metrics.add(KerasMetric.of("recall_" + k, "Recall", "thresholds", 0.5, "class_id", k));
        }
        List<Prediction<MultiLabel>> predictions = model.predict(test);
        MultiLabelEvaluation tribuo = new MultiLabelEvaluator().evaluate(model, predictions, test.getProvenance());
        // every example weighs 1 here; BinaryIoU would refuse per-example weights anyway (Keras flattens y_true
        // to N*C cells and needs a weight per cell)
        Metrics m = new Metrics(metrics, new KerasMultiLabelEvaluator(KerasMetric.specs(metrics), false)
                .evaluate(model, predictions, test.getProvenance()));

        ComparisonRows rows = new ComparisonRows(TribuoComparison.FRAMEWORK, String.format(Locale.ROOT,
                "Multi-label LinearSGD (binary cross-entropy, sigmoid "
                + "scores) on Tribuo's MultiLabelGaussianDataSource, %d test predictions; label ids %s",
                predictions.size(), ids()), out);
        for (int k = 0; k < c; k++) {
            MultiLabel l = labels.get(k);
            String name = l.getLabelString();
            rows.add("MultiLabelEvaluation.precision(" + name + ")", tribuo.precision(l),
                    m.display("precision_" + k), m.value("precision_" + k), DECISION_RULE);
            rows.add("MultiLabelEvaluation.recall(" + name + ")", tribuo.recall(l),
                    m.display("recall_" + k), m.value("recall_" + k), DECISION_RULE);
            rows.add("MultiLabelEvaluation.f1(" + name + ")", tribuo.f1(l),
                    m.display("f1_none") + "[" + k + "]", m.element("f1_none", k), DECISION_RULE);
        }
        rows.add("MultiLabelEvaluation.microAveragedPrecision()", tribuo.microAveragedPrecision(),
                m.display("precision"), m.value("precision"), DECISION_RULE);
        rows.add("MultiLabelEvaluation.microAveragedRecall()", tribuo.microAveragedRecall(),
                m.display("recall"), m.value("recall"), DECISION_RULE);
        rows.add("MultiLabelEvaluation.microAveragedF1()", tribuo.microAveragedF1(),
                m.display("f1_micro"), m.value("f1_micro"), DECISION_RULE);
        rows.add("MultiLabelEvaluation.macroAveragedPrecision()", tribuo.macroAveragedPrecision(),
                "mean over k of Precision(thresholds=0.5, class_id=k)", m.mean("precision_", c), DECISION_RULE);
        rows.add("MultiLabelEvaluation.macroAveragedRecall()", tribuo.macroAveragedRecall(),
                "mean over k of Recall(thresholds=0.5, class_id=k)", m.mean("recall_", c), DECISION_RULE);
        rows.add("MultiLabelEvaluation.macroAveragedF1()", tribuo.macroAveragedF1(),
                m.display("f1_macro"), m.value("f1_macro"), DECISION_RULE);
        rows.add("MultiLabelEvaluation.jaccardScore()", tribuo.jaccardScore(), m.display("iou"), m.value("iou"),
                PER_SAMPLE);
    }

    private void weighted(List<ComparisonRow> out) {
        // re-balancing: examples that carry the rarest label of the training data weigh 3
        MultiLabel rarest = rarestLabel(model);
        List<Example<MultiLabel>> examples = new ArrayList<>();
        for (Example<MultiLabel> e : test) {
            Example<MultiLabel> copy = e.copy();
            copy.setWeight(e.getOutput().contains(rarest.getLabelString()) ? 3f : 1f);
            examples.add(copy);
        }
        List<Prediction<MultiLabel>> predictions = model.predict(examples);
        List<KerasMetric> metrics = List.of(
                KerasMetric.of("recall", "Recall", "thresholds", 0.5),
                KerasMetric.of("f1_macro", "F1Score", "average", "macro", "threshold", 0.5));
        MultiLabelEvaluation tribuo = new MultiLabelEvaluator().evaluate(model, predictions, test.getProvenance());
        Metrics m = new Metrics(metrics, new KerasMultiLabelEvaluator(KerasMetric.specs(metrics))
                .evaluate(model, predictions, test.getProvenance()));

        ComparisonRows rows = new ComparisonRows(TribuoComparison.FRAMEWORK,
                "Same multi-label model and test examples; examples carrying the training set's "
                + "rarest label (" + rarest.getLabelString() + ") weigh 3", out);
        rows.add("MultiLabelEvaluation.microAveragedRecall()", tribuo.microAveragedRecall(),
                m.display("recall") + " with sample_weight", m.value("recall"), WEIGHTS);
        rows.add("MultiLabelEvaluation.macroAveragedF1()", tribuo.macroAveragedF1(),
                m.display("f1_macro") + " with sample_weight", m.value("f1_macro"), WEIGHTS);
    }

    /** The label with the fewest training examples (the first such in output-id order). */
    private static MultiLabel rarestLabel(Model<MultiLabel> model) {
        Map<String, Long> counts = new HashMap<>();
        for (Pair<String, Long> p : model.getOutputIDInfo().outputCountsIterable()) {
            counts.put(p.getA(), p.getB());
        }
        MultiLabel rarest = null;
        long fewest = Long.MAX_VALUE;
        for (MultiLabel l : byId(model.getOutputIDInfo())) {
            long n = counts.getOrDefault(l.getLabelString(), 0L);
            if (n < fewest) {
                fewest = n;
                rarest = l;
            }
        }
        return rarest;
    }

    private String ids() {
        StringJoiner j = new StringJoiner(" ");
        for (int k = 0; k < labels.size(); k++) {
            j.add(labels.get(k).getLabelString() + "=" + k);
        }
        return j.toString();
    }

    private static List<MultiLabel> byId(ImmutableOutputInfo<MultiLabel> info) {
        List<MultiLabel> out = new ArrayList<>();
        for (int k = 0; k < info.size(); k++) {
            out.add(info.getOutput(k));
        }
        return out;
    }
}
