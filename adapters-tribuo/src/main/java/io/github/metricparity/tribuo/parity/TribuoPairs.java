package io.github.metricparity.tribuo.parity;

import io.github.metricparity.comparison.ComparisonRule;
import io.github.metricparity.comparison.KerasCounterpart;
import io.github.metricparity.comparison.MetricPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Tribuo parity catalog: for each metric of Tribuo's {@code LabelEvaluation} and {@code RegressionEvaluation},
 * named as {@link TribuoParity} names them (a class or dimension by its output id and name, e.g.
 * {@code LabelEvaluation.precision(2: virginica)}), the Keras metric of the same intent on predictions of {@code C}
 * columns in output-id order and the rule relating them. Stateless.
 */
public final class TribuoPairs {
    private static final Pattern INDEXED = Pattern.compile("(LabelEvaluation|RegressionEvaluation)\\.(\\w+)\\((\\d+)"
            + "(?::[^)]*)?\\)");

    private TribuoPairs() {
    }

    /**
     * The pair of one Tribuo metric on predictions of {@code columns} columns.
     *
     * @return empty when the name is not in the catalog
     */
    public static Optional<MetricPair> pair(String name, int columns) {
        Matcher m = INDEXED.matcher(name);
        if (m.matches()) {
            int k = Integer.parseInt(m.group(3));
            if (k >= columns) {
                return Optional.empty();
            }
            Integer col = columns > 1 ? k : null;
            switch (m.group(1) + "." + m.group(2)) {
                case "LabelEvaluation.precision":
                    return pair(name, KerasCounterpart.single("Precision", null, null, "top_k", 1, "class_id", k),
                            TribuoRules.TOP1_CLASS);
                case "LabelEvaluation.recall":
                    return pair(name, KerasCounterpart.single("Recall", null, null, "top_k", 1, "class_id", k),
                            TribuoRules.TOP1_CLASS);
                case "LabelEvaluation.f1":
                    return pair(name, KerasCounterpart.single("F1Score", null, k, "average", null),
                            TribuoRules.F1_ARGMAX);
                case "LabelEvaluation.AUCROC":
                    return pair(name, KerasCounterpart.single("AUC", null, null, "multi_label", true, "label_weights",
                            KerasCounterpart.oneHot(k, columns)), TribuoRules.BUCKETED_AUC);
                case "RegressionEvaluation.mae":
                    return pair(name, KerasCounterpart.single("MeanAbsoluteError", col, null), TribuoRules.ONE_COLUMN);
                case "RegressionEvaluation.rmse":
                    return pair(name, KerasCounterpart.single("RootMeanSquaredError", col, null),
                            TribuoRules.ONE_COLUMN);
                case "RegressionEvaluation.r2":
                    return pair(name, KerasCounterpart.single("R2Score", null, k, "class_aggregation", null),
                            TribuoRules.R2);
                default:
                    return Optional.empty();
            }
        }
        switch (name) {
            case "LabelEvaluation.accuracy()":
                return pair(name, KerasCounterpart.single("CategoricalAccuracy", null, null), TribuoRules.ARGMAX);
            case "LabelEvaluation.macroAveragedPrecision()":
                return pair(name, KerasCounterpart.meanOfTop1("Precision", columns), TribuoRules.MACRO_TOP1);
            case "LabelEvaluation.macroAveragedRecall()":
                return pair(name, KerasCounterpart.meanOfTop1("Recall", columns), TribuoRules.MACRO_TOP1);
            case "LabelEvaluation.macroAveragedF1()":
                return pair(name, KerasCounterpart.single("F1Score", null, null, "average", "macro"),
                        TribuoRules.MACRO_F1);
            case "LabelEvaluation.microAveragedF1()":
                return pair(name, KerasCounterpart.single("F1Score", null, null, "average", "micro"),
                        TribuoRules.F1_ARGMAX);
            case "LabelEvaluation.averageAUCROC(false)":
                return pair(name, KerasCounterpart.single("AUC", null, null, "multi_label", true),
                        TribuoRules.BUCKETED_AUC);
            case "RegressionEvaluation.averageMAE()":
                return pair(name, KerasCounterpart.single("MeanAbsoluteError", null, null), TribuoRules.POOLED_MAE);
            case "RegressionEvaluation.averageRMSE()":
                return pair(name, KerasCounterpart.single("RootMeanSquaredError", null, null), TribuoRules.POOLED_RMSE);
            case "RegressionEvaluation.averageR2()":
                return pair(name, KerasCounterpart.single("R2Score", null, null), TribuoRules.R2_UNIFORM);
            default:
                return Optional.empty();
        }
    }

    /** Pairs for all these names, in their order; names outside the catalog are left out. */
    public static List<MetricPair> pairs(Iterable<String> names, int columns) {
        List<MetricPair> out = new ArrayList<>();
        for (String name : names) {
            pair(name, columns).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<MetricPair> pair(String name, KerasCounterpart keras, ComparisonRule rule) {
        return Optional.of(new MetricPair(name, keras, rule));
    }
}
