package io.github.metricparity.dl4j.compare;

import io.github.metricparity.dl4j.compare.ExampleModels.Outputs;
import io.github.metricparity.dl4j.parity.Dl4jRules;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRows;
import io.github.metricparity.comparison.ComparisonRule;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.evaluation.EvaluationAveraging;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROCMultiClass;

/**
 * DL4J's {@link Evaluation} and {@link ROCMultiClass} against Keras on the Iris classifier's test outputs: accuracy,
 * top-2 accuracy, per-class, micro and macro precision/recall/F1, per-class and averaged AUC, and the network's loss
 * score against Keras's crossentropy of the same outputs.
 */
final class IrisComparison {
    static final String[] CLASSES = {"setosa", "versicolor", "virginica"};
    private static final int AUC_THRESHOLDS = 200;

    // ---------------------------------------------------------------- rules

    private static final String THRESHOLD_CLASS = "Evaluation.precision(k)/recall(k) count class k as predicted "
            + "when it is the row's argmax; Keras Precision/Recall(class_id=k) (thresholds=None, i.e. 0.5) when "
            + "y_pred[:, k] > 0.5 (strict), so an argmax of k at probability <= 0.5 is no prediction of k (a false "
            + "negative when k is the labelled class). Precision/Recall(top_k=1, class_id=k) follow DL4J's rule.";
    private static final String THRESHOLD_POOLED = "Evaluation's micro average pools the per-class counts of argmax "
            + "predictions (with one label per row it equals accuracy); Keras Precision()/Recall() without class_id "
            + "pool every cell of the one-hot layout with y_pred > 0.5, so a row whose top probability is <= 0.5 has "
            + "no predicted positive at all.";
    private static final String F1_THRESHOLD = "F1Score(threshold=0.5) marks a class predicted when its probability "
            + "is > 0.5 (strict) instead of the row's argmax: a row whose top probability is <= 0.5 predicts no "
            + "class, which lowers recall.";
    private static final ComparisonRule LOSS_L2 = ComparisonRule.differs("regularisation",
            "MultiLayerNetwork.score(DataSet) is the mean "
            + "MCXENT plus the L2 penalty of the weights (calcRegularizationScore(true)); Keras's "
            + "CategoricalCrossentropy metric is the mean crossentropy of the outputs alone.");

    private IrisComparison() {
    }

    /** Adds the one-pass Iris rows to {@code out}. */
    static void addRows(Outputs iris, List<ComparisonRow> out) {
        int c = CLASSES.length;
        List<KerasMetric> metrics = new ArrayList<>(List.of(
                KerasMetric.of("ca", "CategoricalAccuracy"),
                KerasMetric.of("top2", "TopKCategoricalAccuracy", "k", 2),
                KerasMetric.of("precision", "Precision"),
                KerasMetric.of("recall", "Recall"),
                KerasMetric.of("f1_none", "F1Score", "average", null),
                KerasMetric.of("f1_micro", "F1Score", "average", "micro"),
                KerasMetric.of("f1_macro", "F1Score", "average", "macro"),
                KerasMetric.of("f1_macro_05", "F1Score", "average", "macro", "threshold", 0.5),
                KerasMetric.of("auc_ml", "AUC", "num_thresholds", AUC_THRESHOLDS, "multi_label", true),
                KerasMetric.of("auc", "AUC", "num_thresholds", AUC_THRESHOLDS),
                KerasMetric.of("cce", "CategoricalCrossentropy")));
        for (int k = 0; k < c; k++) {
            metrics.add(KerasMetric.of("precision_" + k, "Precision", "class_id", k));
            metrics.add(KerasMetric.of("recall_" + k, "Recall", "class_id", k));
            metrics.add(KerasMetric.of("precision_top1_" + k, "Precision", "top_k", 1, "class_id", k));
            metrics.add(KerasMetric.of("recall_top1_" + k, "Recall", "top_k", 1, "class_id", k));
            metrics.add(KerasMetric.of("auc_" + k, "AUC", "num_thresholds", AUC_THRESHOLDS, "multi_label", true,
                    "label_weights", oneHot(k, c)));
        }
        KerasSide m = KerasSide.of(metrics, iris.labels(), iris.predictions());
        Evaluation e = new Evaluation();
        e.eval(iris.labels(), iris.predictions());
        Evaluation top2 = new Evaluation(null, 2);
        top2.eval(iris.labels(), iris.predictions());
        ROCMultiClass roc = new ROCMultiClass();
        roc.eval(iris.labels(), iris.predictions());

        double minTop = iris.predictions().max(1).minNumber().doubleValue();
        String aboveHalf = "Equal here: every row's top probability is above 0.5 (the lowest is "
                + ComparisonRows.fmt(minTop)
                + "), and a softmax row has at most one entry above 0.5, so thresholding at 0.5 marks exactly the "
                + "argmax.";
        ComparisonRule thresholdClass = ComparisonRule.differs("threshold vs argmax", THRESHOLD_CLASS, aboveHalf);
        ComparisonRule thresholdPooled = ComparisonRule.differs("threshold vs argmax", THRESHOLD_POOLED, aboveHalf);
        ComparisonRule f1Threshold = ComparisonRule.differs("threshold vs argmax", F1_THRESHOLD, aboveHalf);

        ComparisonRows rows = new ComparisonRows(Dl4jDifferences.FRAMEWORK,
                iris.description() + "; class ids 0=setosa 1=versicolor 2=virginica", out);
        rows.add("Evaluation.accuracy()", e.accuracy(), m.display("ca"), m.value("ca"), Dl4jRules.ARGMAX);
        rows.add("new Evaluation(null, 2).topNAccuracy()", top2.topNAccuracy(), m.display("top2"),
                m.value("top2"), Dl4jRules.TOP_N);
        for (int k = 0; k < c; k++) {
            String cls = k + " (" + CLASSES[k] + ")";
            rows.add("Evaluation.precision(" + cls + ")", e.precision(k), m.display("precision_" + k),
                    m.value("precision_" + k), thresholdClass);
            rows.add("Evaluation.precision(" + cls + ")", e.precision(k), m.display("precision_top1_" + k),
                    m.value("precision_top1_" + k), Dl4jRules.TOP1_CLASS);
            rows.add("Evaluation.recall(" + cls + ")", e.recall(k), m.display("recall_" + k),
                    m.value("recall_" + k), thresholdClass);
            rows.add("Evaluation.recall(" + cls + ")", e.recall(k), m.display("recall_top1_" + k),
                    m.value("recall_top1_" + k), Dl4jRules.TOP1_CLASS);
            rows.add("Evaluation.f1(" + cls + ")", e.f1(k), m.display("f1_none") + "[" + k + "]",
                    m.element("f1_none", k), Dl4jRules.F1_ARGMAX);
        }
        rows.add("Evaluation.precision(Micro)", e.precision(EvaluationAveraging.Micro), m.display("precision"),
                m.value("precision"), thresholdPooled);
        rows.add("Evaluation.recall(Micro)", e.recall(EvaluationAveraging.Micro), m.display("recall"),
                m.value("recall"), thresholdPooled);
        rows.add("Evaluation.f1(Micro)", e.f1(EvaluationAveraging.Micro), m.display("f1_micro"),
                m.value("f1_micro"), Dl4jRules.F1_ARGMAX);
        rows.add("Evaluation.precision() (macro)", e.precision(), "mean over k of Precision(top_k=1, class_id=k)",
                m.mean("precision_top1_", c), Dl4jRules.MACRO_PRECISION);
        rows.add("Evaluation.recall() (macro)", e.recall(), "mean over k of Recall(top_k=1, class_id=k)",
                m.mean("recall_top1_", c), Dl4jRules.MACRO_RECALL);
        rows.add("Evaluation.f1() (macro)", e.f1(), m.display("f1_macro"), m.value("f1_macro"), Dl4jRules.MACRO_F1);
        rows.add("Evaluation.f1() (macro)", e.f1(), m.display("f1_macro_05"), m.value("f1_macro_05"), f1Threshold);
        for (int k = 0; k < c; k++) {
            rows.add("ROCMultiClass.calculateAUC(" + k + " (" + CLASSES[k] + "))", roc.calculateAUC(k),
                    m.display("auc_" + k), m.value("auc_" + k), Dl4jRules.BUCKETED_AUC);
        }
        rows.add("ROCMultiClass.calculateAverageAUC()", roc.calculateAverageAUC(), m.display("auc_ml"),
                m.value("auc_ml"), Dl4jRules.BUCKETED_AUC);
        rows.add("ROCMultiClass.calculateAverageAUC()", roc.calculateAverageAUC(), m.display("auc"),
                m.value("auc"), Dl4jRules.FLATTENED_AUC);
        double loss = iris.score() - iris.regularisation();
        rows.add("MultiLayerNetwork.score(test) (MCXENT + L2)", iris.score(), m.display("cce"), m.value("cce"),
                LOSS_L2.withMore(" The L2 term is " + ComparisonRows.fmt(iris.regularisation())
                        + "; without it the score is "
                        + ComparisonRows.fmt(loss) + "."));
        rows.add("score(test) - calcRegularizationScore(true) (mean MCXENT)", loss, m.display("cce"),
                m.value("cce"), crossentropyClip(iris));
    }

    /** The MCXENT loss without L2 against Keras's crossentropy: the clips differ only for tiny probabilities. */
    private static ComparisonRule crossentropyClip(Outputs iris) {
        double minTrue = iris.predictions().mul(iris.labels()).sum(1).minNumber().doubleValue();
        return ComparisonRule.differs("epsilon",
                "DL4J's MCXENT clips softmax probabilities at 1e-10 before the log, Keras at "
                + "1e-7; a labelled class given less than 1e-7 costs more in DL4J.",
                "The same mean of -log(p[labelled class]): the lowest probability of a labelled class here is "
                        + ComparisonRows.fmt(minTrue) + ", far above both clips (DL4J 1e-10, Keras 1e-7).");
    }

    static List<Double> oneHot(int k, int c) {
        List<Double> w = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            w.add(i == k ? 1.0 : 0.0);
        }
        return w;
    }
}
