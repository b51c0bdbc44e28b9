package io.github.metricparity.tribuo.comparison;

import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.FrameworkComparison;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Tribuo part of the parity report (framework id {@value #FRAMEWORK}): Tribuo's own evaluations against the Keras
 * metrics of the same intent, computed through this project's Keras metrics on the SAME predictions, with the rule
 * behind every disagreement.
 *
 * <p>{@link #compare()} trains small Tribuo models (LinearSGD logistic regression, a bagged ensemble, a multi-label
 * and a two-output linear model) on offline data generated from fixed seeds (about a second in all), and
 * compares:
 * <ul>
 *   <li>{@code LabelEvaluation}: accuracy, per-class, micro and macro precision/recall/F1, ROC AUC per class and
 *       averaged; example weights; tied votes;</li>
 *   <li>{@code MultiLabelEvaluation}: per-label, micro and macro precision/recall/F1 at Keras's 0.5 threshold,
 *       Jaccard score; example weights;</li>
 *   <li>{@code RegressionEvaluation}: MAE, RMSE, R2 per dimension and averaged, R2 of a constant target, example
 *       weights;</li>
 *   <li>sharded evaluation: a test stream evaluated day by day, combined the ways Tribuo offers (the mean of the
 *       per-day evaluations with {@code EvaluationAggregator}, or re-evaluating all predictions with
 *       {@code OnlineEvaluator}), against the merged Keras evaluations ({@code KerasTribuoEvaluation.merge}).</li>
 * </ul>
 * Every row states its scenario; a disagreeing row names its cause and explains it. Results are deterministic.
 *
 * <p>Tribuo logs each training run at INFO and warns about every ill-defined per-class accuracy of a shard without
 * that class; the {@code org.tribuo} logger is quietened to SEVERE while the comparison runs (the rows state those
 * cases) and restored afterwards.
 */
public final class TribuoComparison implements FrameworkComparison {
    /** The framework id. */
    public static final String FRAMEWORK = "tribuo";

    @Override
    public String framework() {
        return FRAMEWORK;
    }

    @Override
    public List<ComparisonRow> compare() {
        Logger tribuo = Logger.getLogger("org.tribuo");
        Level before = tribuo.getLevel();
        tribuo.setLevel(Level.SEVERE);
        try {
            List<ComparisonRow> rows = new ArrayList<>();
            ClassificationComparison.addRows(rows);
            MultiLabelComparison.addRows(rows);
            RegressionComparison.addRows(rows);
            return Collections.unmodifiableList(rows);
        } finally {
            tribuo.setLevel(before);
        }
    }
}
