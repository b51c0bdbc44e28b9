package io.github.metricparity.dl4j.parity;

import io.github.metricparity.comparison.ComparisonRule;
import io.github.metricparity.comparison.KerasCounterpart;
import io.github.metricparity.comparison.MetricPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DL4J parity catalog: for each metric of DL4J's own evaluations, named as {@link Dl4jParity} names the values
 * it reads (e.g. {@code Evaluation.precision(2)}, {@code ROC(thresholdSteps=0).calculateAUC()}), the Keras metric of
 * the same intent on predictions of {@code C} columns and the rule relating them. {@code parity compare
 * --framework-values} reads the same names. Stateless.
 */
public final class Dl4jPairs {
    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\.(\\w+)\\((\\d+)\\)");
    private static final Pattern TOP_N = Pattern.compile("Evaluation\\(topN=(\\d+)\\)\\.topNAccuracy\\(\\)");
    private static final Pattern ROC = Pattern.compile("(ROC|ROCBinary|ROCMultiClass)\\(thresholdSteps=(\\d+)\\)\\."
            + "(calculateAUC|calculateAUCPR|calculateAverageAUC)\\((\\d*)\\)");

    private Dl4jPairs() {
    }

    /**
     * The pair of one DL4J metric on predictions of {@code columns} columns.
     *
     * @return empty when the name is not in the catalog
     */
    public static Optional<MetricPair> pair(String frameworkMetric, int columns) {
        Matcher m = TOP_N.matcher(frameworkMetric);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return Optional.of(pair(frameworkMetric, KerasCounterpart.single("TopKCategoricalAccuracy", null, null,
                    "k", n),
                    Dl4jRules.TOP_N));
        }
        m = ROC.matcher(frameworkMetric);
        if (m.matches()) {
            return roc(frameworkMetric, m.group(1), Integer.parseInt(m.group(2)), m.group(3),
                    m.group(4).isEmpty() ? null : Integer.parseInt(m.group(4)), columns);
        }
        m = INDEXED.matcher(frameworkMetric);
        if (m.matches()) {
            int k = Integer.parseInt(m.group(3));
            if (k >= Math.max(columns, 2)) {
                return Optional.empty();
            }
            return indexed(frameworkMetric, m.group(1), m.group(2), k, columns);
        }
        return plain(frameworkMetric, columns);
    }

    /** Pairs for all these names, in their order; names outside the catalog are left out. */
    public static List<MetricPair> pairs(Iterable<String> frameworkMetrics, int columns) {
        List<MetricPair> out = new ArrayList<>();
        for (String name : frameworkMetrics) {
            pair(name, columns).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<MetricPair> plain(String name, int c) {
        switch (name) {
            case "Evaluation.accuracy()":
                return Optional.of(c == 1 ? pair(name, KerasCounterpart.single("BinaryAccuracy", null, null),
                        Dl4jRules.EVALUATION_ONE_COLUMN)
                        : pair(name, KerasCounterpart.single("CategoricalAccuracy", null, null), Dl4jRules.ARGMAX));
            case "Evaluation.precision()":
                return c == 1 ? Optional.of(pair(name, KerasCounterpart.single("Precision", null, null),
                        Dl4jRules.STRICT_HALF))
                        : Optional.empty();
            case "Evaluation.recall()":
                return c == 1 ? Optional.of(pair(name, KerasCounterpart.single("Recall", null, null),
                        Dl4jRules.STRICT_HALF))
                        : Optional.empty();
            case "Evaluation.f1()":
                return c == 1 ? Optional.of(pair(name, KerasCounterpart.single("F1Score", null, 0, "threshold", 0.5),
                        Dl4jRules.EVALUATION_ONE_COLUMN)) : Optional.empty();
            case "Evaluation.precision(Macro)":
                return c > 1 ? Optional.of(pair(name, KerasCounterpart.meanOfTop1("Precision", c),
                        Dl4jRules.MACRO_PRECISION))
                        : Optional.empty();
            case "Evaluation.recall(Macro)":
                return c > 1 ? Optional.of(pair(name, KerasCounterpart.meanOfTop1("Recall", c), Dl4jRules.MACRO_RECALL))
                        : Optional.empty();
            case "Evaluation.f1(Macro)":
                return c > 1 ? Optional.of(pair(name, KerasCounterpart.single("F1Score", null, null, "average",
                        "macro"),
                        Dl4jRules.MACRO_F1)) : Optional.empty();
            case "Evaluation.f1(Micro)":
                return c > 1 ? Optional.of(pair(name, KerasCounterpart.single("F1Score", null, null, "average",
                        "micro"),
                        Dl4jRules.F1_ARGMAX)) : Optional.empty();
            case "RegressionEvaluation.averageMeanSquaredError()":
                return Optional.of(pair(name, KerasCounterpart.single("MeanSquaredError", null, null),
                        Dl4jRules.MSE_AVERAGE));
            case "RegressionEvaluation.averageMeanAbsoluteError()":
                return Optional.of(pair(name, KerasCounterpart.single("MeanAbsoluteError", null, null),
                        Dl4jRules.MAE_AVERAGE));
            case "RegressionEvaluation.averagerootMeanSquaredError()":
                return Optional.of(pair(name, KerasCounterpart.single("RootMeanSquaredError", null, null),
                        Dl4jRules.RMSE_AVERAGE));
            case "RegressionEvaluation.averageRSquared()":
                return Optional.of(pair(name, KerasCounterpart.single("R2Score", null, null), Dl4jRules.R2_AVERAGE));
            case "RegressionEvaluation.averagePearsonCorrelation()":
                return Optional.of(pair(name, KerasCounterpart.single("PearsonCorrelation", null, null, "axis", 0),
                        Dl4jRules.PEARSON_BATCHES));
            default:
                return Optional.empty();
        }
    }

    private static Optional<MetricPair> indexed(String name, String evaluation, String method, int k, int c) {
        Integer col = c > 1 ? k : null;
        switch (evaluation + "." + method) {
            case "Evaluation.precision":
                return c > 1 ? Optional.of(pair(name, KerasCounterpart.single("Precision", null, null, "top_k", 1,
                        "class_id", k),
                        Dl4jRules.TOP1_CLASS)) : Optional.empty();
            case "Evaluation.recall":
                return c > 1 ? Optional.of(pair(name, KerasCounterpart.single("Recall", null, null, "top_k", 1,
                        "class_id", k),
                        Dl4jRules.TOP1_CLASS)) : Optional.empty();
            case "Evaluation.f1":
                return c > 1 ? Optional.of(pair(name, KerasCounterpart.single("F1Score", null, k, "average", null),
                        Dl4jRules.F1_ARGMAX)) : Optional.empty();
            case "EvaluationBinary.accuracy":
                return Optional.of(pair(name, KerasCounterpart.single("BinaryAccuracy", col, null),
                        Dl4jRules.BINARY_LABELS));
            case "EvaluationBinary.precision":
                return Optional.of(pair(name, KerasCounterpart.single("Precision", col, null), Dl4jRules.STRICT_HALF));
            case "EvaluationBinary.recall":
                return Optional.of(pair(name, KerasCounterpart.single("Recall", col, null), Dl4jRules.STRICT_HALF));
            case "EvaluationBinary.f1":
                return Optional.of(pair(name, KerasCounterpart.single("F1Score", col, 0, "threshold", 0.5),
                        Dl4jRules.STRICT_HALF));
            case "RegressionEvaluation.meanSquaredError":
                return Optional.of(pair(name, KerasCounterpart.single("MeanSquaredError", col, null),
                        Dl4jRules.MSE_COLUMN));
            case "RegressionEvaluation.meanAbsoluteError":
                return Optional.of(pair(name, KerasCounterpart.single("MeanAbsoluteError", col, null),
                        Dl4jRules.MAE_COLUMN));
            case "RegressionEvaluation.rootMeanSquaredError":
                return Optional.of(pair(name, KerasCounterpart.single("RootMeanSquaredError", col, null),
                        Dl4jRules.RMSE_COLUMN));
            case "RegressionEvaluation.rSquared":
                return Optional.of(pair(name, KerasCounterpart.single("R2Score", null, k, "class_aggregation", null),
                        Dl4jRules.R2_PER_COLUMN));
            case "RegressionEvaluation.pearsonCorrelation":
                return Optional.of(pair(name, KerasCounterpart.single("PearsonCorrelation", col, null, "axis", 0),
                        Dl4jRules.PEARSON_BATCHES));
            default:
                return Optional.empty();
        }
    }

    private static Optional<MetricPair> roc(String name, String type, int steps, String method, Integer k, int c) {
        ComparisonRule rule = steps == 0 ? Dl4jRules.EXACT_VS_BUCKETED
                : steps == Dl4jRules.KERAS_AUC_THRESHOLDS - 1 ? Dl4jRules.SAME_THRESHOLDS : Dl4jRules.otherGrid(steps);
        boolean pr = method.equals("calculateAUCPR");
        Object[] curve = pr ? new Object[] {"curve", "PR"} : new Object[0];
        if (pr && steps == 0) {
            rule = Dl4jRules.PR_CURVE;
        }
        switch (type) {
            case "ROC":
                if (k != null || method.equals("calculateAverageAUC") || c > 2) {
                    return Optional.empty();
                }
                // DL4J's ROC reads the positive class from column 1 of a two-column softmax
                return Optional.of(pair(name, KerasCounterpart.single("AUC", c == 2 ? 1 : null, null, curve), rule));
            case "ROCBinary":
                if (k == null || k >= c || method.equals("calculateAverageAUC")) {
                    return Optional.empty();
                }
                return Optional.of(pair(name, KerasCounterpart.single("AUC", c > 1 ? k : null, null, curve), rule));
            default:
                if (pr || c < 2 || steps != 0) {
                    return Optional.empty();
                }
                if (method.equals("calculateAverageAUC") && k == null) {
                    return Optional.of(pair(name, KerasCounterpart.single("AUC", null, null, "multi_label", true),
                            Dl4jRules.BUCKETED_AUC));
                }
                if (method.equals("calculateAUC") && k != null && k < c) {
                    return Optional.of(pair(name, KerasCounterpart.single("AUC", null, null, "multi_label", true,
                            "label_weights",
                            KerasCounterpart.oneHot(k, c)), Dl4jRules.BUCKETED_AUC));
                }
                return Optional.empty();
        }
    }

    private static MetricPair pair(String name, KerasCounterpart keras, ComparisonRule rule) {
        return new MetricPair(name, keras, rule);
    }

}
