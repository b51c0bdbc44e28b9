package io.github.metricparity.dl4j.compare;

import io.github.metricparity.dl4j.compare.ExampleModels.Outputs;
import io.github.metricparity.dl4j.parity.Dl4jRules;
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
        rows.add("EvaluationBinary.accuracy(0)", eb.accuracy(0), m.display("ba"), m.value("ba"), Dl4jRules.STRICT_HALF);
        rows.add("EvaluationBinary.precision(0)", eb.precision(0), m.display("precision"), m.value("precision"),
                Dl4jRules.STRICT_HALF);
        rows.add("EvaluationBinary.recall(0)", eb.recall(0), m.display("recall"), m.value("recall"),
                Dl4jRules.STRICT_HALF);
        rows.add("EvaluationBinary.f1(0)", eb.f1(0), m.display("f1") + "[0]", m.element("f1", 0),
                Dl4jRules.STRICT_HALF);
        rows.add("Evaluation.accuracy() (one column)", e.accuracy(), m.display("ba"), m.value("ba"),
                Dl4jRules.EVALUATION_ONE_COLUMN);
        rows.add("Evaluation.f1() (one column)", e.f1(), m.display("f1") + "[0]", m.element("f1", 0),
                Dl4jRules.EVALUATION_ONE_COLUMN);
        rows.add("ROC().calculateAUC() (exact)", exact.calculateAUC(), m.display("auc"), m.value("auc"),
                Dl4jRules.EXACT_VS_BUCKETED);
        rows.add("new ROC(" + SAME_STEPS + ").calculateAUC() (thresholded)", sameGrid.calculateAUC(),
                m.display("auc"), m.value("auc"), Dl4jRules.SAME_THRESHOLDS);
        rows.add("new ROC(" + KERAS_THRESHOLDS + ").calculateAUC() (thresholded)", otherGrid.calculateAUC(),
                m.display("auc"), m.value("auc"), Dl4jRules.otherGrid(KERAS_THRESHOLDS));
        rows.add("ROC().calculateAUCPR() (exact)", exact.calculateAUCPR(), m.display("auc_pr"), m.value("auc_pr"),
                Dl4jRules.PR_CURVE);
        rows.add("MultiLayerNetwork.score(test) (XENT, no regularisation)", binary.score(), m.display("bce"),
                m.value("bce"), crossentropyClip(binary));
    }

    /** DL4J's XENT clips at 1e-5, Keras at 1e-7: they part only where an output is that close to 0 or 1. */
    private static ComparisonRule crossentropyClip(Outputs binary) {
        double lo = binary.predictions().minNumber().doubleValue();
        double hi = binary.predictions().maxNumber().doubleValue();
        return ComparisonRule.differs("epsilon",
                "DL4J's LossBinaryXENT clips the sigmoid output to [1e-5, 1 - 1e-5] before the "
                + "logs, Keras's BinaryCrossentropy to [1e-7, 1 - 1e-7] (in float32): outputs closer than 1e-5 to 0 "
                + "or 1 (here from " + ComparisonRows.fmt(lo) + " to " + ComparisonRows.fmt(hi) + ") cost differently.",
                "The same mean of -(y log p + (1 - y) log(1 - p)): the outputs lie in [" + ComparisonRows.fmt(lo) + ", "
                        + ComparisonRows.fmt(hi) + "], where neither DL4J's clip (1e-5) nor Keras's (1e-7) acts.");
    }
}
