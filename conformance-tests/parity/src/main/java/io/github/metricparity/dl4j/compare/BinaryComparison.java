package io.github.metricparity.dl4j.compare;

import io.github.metricparity.dl4j.compare.ExampleModels.Outputs;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRows;
import io.github.metricparity.comparison.ComparisonRule;
import java.util.List;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.EvaluationBinary;
import org.nd4j.evaluation.classification.ROC;

/**
 * DL4J's {@link EvaluationBinary}, {@link Evaluation} and {@link ROC} (exact and thresholded) against Keras on the
 * outputs of a network with one sigmoid output, and the network's loss score against Keras's binary crossentropy.
 */
final class BinaryComparison {
    /** Keras's default number of AUC thresholds, and the DL4J thresholdSteps that gives the same thresholds. */
    static final int KERAS_THRESHOLDS = 200;
    static final int SAME_STEPS = KERAS_THRESHOLDS - 1;

    static final ComparisonRule STRICT_HALF = ComparisonRule.same("Both predict the positive class when p > 0.5 (strict) and compute "
            + "the metric from the same TP/FP/TN/FN counts (Keras's F1Score adds 1e-7 to its denominators, far below "
            + "the tolerance).");
    private static final ComparisonRule EVALUATION_ONE_COLUMN = ComparisonRule.same("With one output column Evaluation is binary: "
            + "class 1 when p > 0.5 (strict), and f1() is the F1 of the positive class 1, which is what Keras's "
            + "F1Score(threshold=0.5) gives for a single column.");
    static final ComparisonRule EXACT_VS_BUCKETED = ComparisonRule.differs("exact vs bucketed AUC", "ROC() (thresholdSteps 0) is exact: "
            + "every score is a point of the ROC curve; Keras AUC counts the scores above 200 evenly spaced "
            + "thresholds (i/199) and sums trapezoids between them, so scores in one bucket merge into one point.");
    static final ComparisonRule SAME_THRESHOLDS = ComparisonRule.differs("threshold", "new ROC(199) counts p >= i/199 and Keras AUC() "
            + "p > i/199 at the same 200 thresholds: scores exactly on a threshold count differently.",
            "Same buckets: new ROC(199) evaluates the thresholds i/199, i = 0..199, which are Keras's 200 default "
                    + "thresholds (Keras nudges 0 and 1 outward by 1e-7); DL4J counts p >= t where Keras counts "
                    + "p > t, which differs only for a score exactly on a threshold, and both integrate the ROC "
                    + "points with trapezoids.");
    private static final ComparisonRule OTHER_GRID = ComparisonRule.differs("bucket grid", "new ROC(200) has 201 thresholds at i/200, "
            + "Keras's default AUC 200 thresholds at i/199: other buckets, so the interpolated curves differ. "
            + "new ROC(199) matches Keras's grid.");
    private static final ComparisonRule PR_CURVE = ComparisonRule.differs("exact vs bucketed AUC", "ROC().calculateAUCPR() integrates "
            + "the exact precision-recall curve (one point per score) with trapezoids; Keras AUC(curve=PR) counts at "
            + "200 thresholds and integrates between them with the Davis & Goadrich interpolation "
            + "(summation_method=interpolation).");

    private BinaryComparison() {
    }

    /** Adds the one-pass binary rows to {@code out}. */
    static void addRows(Outputs binary, List<ComparisonRow> out) {
        List<KerasMetric> metrics = List.of(
                KerasMetric.of("ba", "BinaryAccuracy"),
                KerasMetric.of("precision", "Precision"),
                KerasMetric.of("recall", "Recall"),
                KerasMetric.of("f1", "F1Score", "threshold", 0.5),
                KerasMetric.of("auc", "AUC"),
                KerasMetric.of("auc_pr", "AUC", "curve", "PR"),
                KerasMetric.of("bce", "BinaryCrossentropy"));
        KerasSide m = KerasSide.of(metrics, binary.labels(), binary.predictions());
        EvaluationBinary eb = new EvaluationBinary();
        eb.eval(binary.labels(), binary.predictions());
        Evaluation e = new Evaluation();
        e.eval(binary.labels(), binary.predictions());
        ROC exact = new ROC();
        exact.eval(binary.labels(), binary.predictions());
        ROC sameGrid = new ROC(SAME_STEPS);
        sameGrid.eval(binary.labels(), binary.predictions());
        ROC otherGrid = new ROC(KERAS_THRESHOLDS);
        otherGrid.eval(binary.labels(), binary.predictions());

        ComparisonRows rows = new ComparisonRows(Dl4jDifferences.FRAMEWORK, binary.description(), out);
        rows.add("EvaluationBinary.accuracy(0)", eb.accuracy(0), m.display("ba"), m.value("ba"), STRICT_HALF);
        rows.add("EvaluationBinary.precision(0)", eb.precision(0), m.display("precision"), m.value("precision"),
                STRICT_HALF);
        rows.add("EvaluationBinary.recall(0)", eb.recall(0), m.display("recall"), m.value("recall"), STRICT_HALF);
        rows.add("EvaluationBinary.f1(0)", eb.f1(0), m.display("f1") + "[0]", m.element("f1", 0), STRICT_HALF);
        rows.add("Evaluation.accuracy() (one column)", e.accuracy(), m.display("ba"), m.value("ba"),
                EVALUATION_ONE_COLUMN);
        rows.add("Evaluation.f1() (one column)", e.f1(), m.display("f1") + "[0]", m.element("f1", 0),
                EVALUATION_ONE_COLUMN);
        rows.add("ROC().calculateAUC() (exact)", exact.calculateAUC(), m.display("auc"), m.value("auc"),
                EXACT_VS_BUCKETED);
        rows.add("new ROC(" + SAME_STEPS + ").calculateAUC() (thresholded)", sameGrid.calculateAUC(),
                m.display("auc"), m.value("auc"), SAME_THRESHOLDS);
        rows.add("new ROC(" + KERAS_THRESHOLDS + ").calculateAUC() (thresholded)", otherGrid.calculateAUC(),
                m.display("auc"), m.value("auc"), OTHER_GRID);
        rows.add("ROC().calculateAUCPR() (exact)", exact.calculateAUCPR(), m.display("auc_pr"), m.value("auc_pr"),
                PR_CURVE);
        rows.add("MultiLayerNetwork.score(test) (XENT, no regularisation)", binary.score(), m.display("bce"),
                m.value("bce"), crossentropyClip(binary));
    }

    /** DL4J's XENT clips at 1e-5, Keras at 1e-7: they part only where an output is that close to 0 or 1. */
    private static ComparisonRule crossentropyClip(Outputs binary) {
        double lo = binary.predictions().minNumber().doubleValue();
        double hi = binary.predictions().maxNumber().doubleValue();
        return ComparisonRule.differs("epsilon", "DL4J's LossBinaryXENT clips the sigmoid output to [1e-5, 1 - 1e-5] before the "
                + "logs, Keras's BinaryCrossentropy to [1e-7, 1 - 1e-7] (in float32): outputs closer than 1e-5 to 0 "
                + "or 1 (here from " + ComparisonRows.fmt(lo) + " to " + ComparisonRows.fmt(hi) + ") cost differently.",
                "The same mean of -(y log p + (1 - y) log(1 - p)): the outputs lie in [" + ComparisonRows.fmt(lo) + ", "
                        + ComparisonRows.fmt(hi) + "], where neither DL4J's clip (1e-5) nor Keras's (1e-7) acts.");
    }
}
