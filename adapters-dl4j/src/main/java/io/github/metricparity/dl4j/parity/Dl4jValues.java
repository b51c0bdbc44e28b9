package io.github.metricparity.dl4j.parity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.nd4j.evaluation.EvaluationAveraging;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.EvaluationBinary;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.classification.ROCBinary;
import org.nd4j.evaluation.classification.ROCMultiClass;
import org.nd4j.evaluation.regression.RegressionEvaluation;

/**
 * The metrics of users' DL4J evaluations under the names of {@link Dl4jPairs}: every metric of the catalog that an
 * evaluation offers for predictions of {@code C} columns, named before the evaluation has data and read after.
 * Stateless.
 */
final class Dl4jValues {
    private Dl4jValues() {
    }

    /** The catalog metrics of one evaluation, by name. */
    static Map<String, DoubleSupplier> of(IEvaluation<?> evaluation, int columns) {
        Map<String, DoubleSupplier> v = new LinkedHashMap<>();
        if (evaluation instanceof Evaluation e) {
            evaluation(e, columns, v);
        } else if (evaluation instanceof EvaluationBinary e) {
            for (int i = 0; i < columns; i++) {
                int k = i;
                v.put("EvaluationBinary.accuracy(" + k + ")", () -> e.accuracy(k));
                v.put("EvaluationBinary.precision(" + k + ")", () -> e.precision(k));
                v.put("EvaluationBinary.recall(" + k + ")", () -> e.recall(k));
                v.put("EvaluationBinary.f1(" + k + ")", () -> e.f1(k));
            }
        } else if (evaluation instanceof ROCMultiClass e) {
            String name = "ROCMultiClass(thresholdSteps=" + e.getThresholdSteps() + ").";
            for (int i = 0; i < columns; i++) {
                int k = i;
                v.put(name + "calculateAUC(" + k + ")", () -> e.calculateAUC(k));
            }
            v.put(name + "calculateAverageAUC()", () -> e.calculateAverageAUC());
        } else if (evaluation instanceof ROCBinary e) {
            String name = "ROCBinary(thresholdSteps=" + e.getThresholdSteps() + ").";
            for (int i = 0; i < columns; i++) {
                int k = i;
                v.put(name + "calculateAUC(" + k + ")", () -> e.calculateAUC(k));
                v.put(name + "calculateAUCPR(" + k + ")", () -> e.calculateAUCPR(k));
            }
        } else if (evaluation instanceof ROC e) {
            String name = "ROC(thresholdSteps=" + e.getThresholdSteps() + ").";
            v.put(name + "calculateAUC()", () -> e.calculateAUC());
            v.put(name + "calculateAUCPR()", () -> e.calculateAUCPR());
        } else if (evaluation instanceof RegressionEvaluation e) {
            for (int i = 0; i < columns; i++) {
                int k = i;
                v.put("RegressionEvaluation.meanSquaredError(" + k + ")", () -> e.meanSquaredError(k));
                v.put("RegressionEvaluation.meanAbsoluteError(" + k + ")", () -> e.meanAbsoluteError(k));
                v.put("RegressionEvaluation.rootMeanSquaredError(" + k + ")", () -> e.rootMeanSquaredError(k));
                v.put("RegressionEvaluation.rSquared(" + k + ")", () -> e.rSquared(k));
                v.put("RegressionEvaluation.pearsonCorrelation(" + k + ")", () -> e.pearsonCorrelation(k));
            }
            v.put("RegressionEvaluation.averageMeanSquaredError()", () -> e.averageMeanSquaredError());
            v.put("RegressionEvaluation.averageMeanAbsoluteError()", () -> e.averageMeanAbsoluteError());
            v.put("RegressionEvaluation.averagerootMeanSquaredError()", () -> e.averagerootMeanSquaredError());
            v.put("RegressionEvaluation.averageRSquared()", () -> e.averageRSquared());
            v.put("RegressionEvaluation.averagePearsonCorrelation()", () -> e.averagePearsonCorrelation());
        } else {
            throw new IllegalArgumentException("no parity catalog for " + evaluation.getClass().getName()
                    + ": Evaluation, EvaluationBinary, ROC, ROCBinary, ROCMultiClass and RegressionEvaluation have "
                    + "one");
        }
        return v;
    }

    private static void evaluation(Evaluation e, int columns, Map<String, DoubleSupplier> v) {
        v.put("Evaluation.accuracy()", () -> e.accuracy());
        if (columns == 1) {
            v.put("Evaluation.precision()", () -> e.precision());
            v.put("Evaluation.recall()", () -> e.recall());
            v.put("Evaluation.f1()", () -> e.f1());
            return;
        }
        for (int i = 0; i < columns; i++) {
                int k = i;
            v.put("Evaluation.precision(" + k + ")", () -> e.precision(k));
            v.put("Evaluation.recall(" + k + ")", () -> e.recall(k));
            v.put("Evaluation.f1(" + k + ")", () -> e.f1(k));
        }
        v.put("Evaluation.precision(Macro)", () -> e.precision(EvaluationAveraging.Macro));
        v.put("Evaluation.recall(Macro)", () -> e.recall(EvaluationAveraging.Macro));
        v.put("Evaluation.f1(Macro)", () -> e.f1(EvaluationAveraging.Macro));
        v.put("Evaluation.f1(Micro)", () -> e.f1(EvaluationAveraging.Micro));
        if (e.getTopN() > 1) {
            v.put("Evaluation(topN=" + e.getTopN() + ").topNAccuracy()", () -> e.topNAccuracy());
        }
    }
}
