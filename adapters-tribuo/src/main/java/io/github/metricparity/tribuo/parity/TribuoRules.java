package io.github.metricparity.tribuo.parity;

import io.github.metricparity.comparison.ComparisonRule;

/**
 * Why Tribuo's own evaluations agree or differ with the Keras metric of the same intent: one home for each rule, used
 * by {@link TribuoParity} on users' data and by the report's comparisons on the example models.
 */
public final class TribuoRules {
    /** LabelEvaluation.accuracy() against Sparse/CategoricalAccuracy. */
    public static final ComparisonRule ARGMAX = ComparisonRule.differs("tie-breaking",
            "Tribuo scores the label the model predicted (Prediction.getOutput()); Keras takes argmax of y_pred, "
                    + "which breaks ties to the lowest class id, so predictions whose top probabilities tie can "
                    + "count differently.",
            "Both count a prediction right when its top-scoring class is the true one: LinearSGDModel predicts the "
                    + "first label with the highest probability in output-id order, Keras argmax the lowest class "
                    + "id among equal maxima, which is the same output id.");

    /** LabelEvaluation.f1(label) and microAveragedF1() against F1Score(threshold=None). */
    public static final ComparisonRule F1_ARGMAX = ComparisonRule.same(
            "F1Score with threshold=None marks each row's highest score as predicted (argmax; a tie would mark "
                    + "several), and both compute "
                    + "2PR/(P+R) from the same counts (Keras adds 1e-7 to the denominators, far below the "
                    + "tolerance); a class with no true positive scores 0 in both.");

    /** LabelEvaluation.macroAveragedF1() against F1Score(average=macro). */
    public static final ComparisonRule MACRO_F1 = ComparisonRule.same(
            "Both average the per-class F1 uniformly over every class of the model (Tribuo over its output domain, "
                    + "Keras over y_pred's columns); a class never present and never predicted is 0/0, counted as 0 "
                    + "by both (Keras divides with epsilons, Tribuo returns 0), and still enters the mean.");

    /** Macro-averaged precision and recall against the mean of Precision/Recall(top_k=1, class_id=k). */
    public static final ComparisonRule MACRO_TOP1 = ComparisonRule.same(
            "Keras has no macro-averaged precision or recall class; the uniform mean over the classes of "
                    + "Precision/Recall(top_k=1, class_id=k) is Tribuo's macro average: top_k=1 keeps the argmax "
                    + "and divide_no_nan gives 0 for a class never predicted (or never present), as Tribuo does.");

    /** LabelEvaluation's exact AUCROC against Keras's bucketed AUC. */
    public static final ComparisonRule BUCKETED_AUC = ComparisonRule.differs("exact vs bucketed AUC",
            "Tribuo's AUCROC is exact (every distinct score is a threshold of the ROC curve); Keras AUC counts the "
                    + "scores above 200 evenly spaced thresholds and sums trapezoids between them, so scores in one "
                    + "bucket merge into one ROC point.");

    /** RegressionEvaluation.averageMAE() against MeanAbsoluteError. */
    public static final ComparisonRule POOLED_MAE = ComparisonRule.same(
            "Keras MeanAbsoluteError averages |y - ŷ| over each example's outputs, then over examples; with both "
                    + "outputs present in every example this is Tribuo's uniform mean of the per-dimension MAEs.");

    /** Per-dimension mae and rmse against MeanAbsoluteError and RootMeanSquaredError on that column. */
    public static final ComparisonRule ONE_COLUMN = ComparisonRule.same(
            "On one output column (y_true and y_pred of shape (N, 1)) Keras MeanAbsoluteError and "
                    + "RootMeanSquaredError are Tribuo's per-dimension mae and rmse: the mean absolute error and the "
                    + "square root of the mean squared error over the examples.");

    /** RegressionEvaluation.averageRMSE() against RootMeanSquaredError. */
    public static final ComparisonRule POOLED_RMSE = ComparisonRule.differs("pooled vs per-dimension",
            "Tribuo's averageRMSE is the mean over dimensions of each dimension's RMSE; Keras RootMeanSquaredError "
                    + "is the square root of the squared error pooled over every value, sqrt(mean over d of MSE_d), "
                    + "which is larger unless the dimensions' errors are equal and is dominated by the larger-scale "
                    + "output.");

    /** RegressionEvaluation.r2(dim) against R2Score(class_aggregation=None)[k]. */
    public static final ComparisonRule R2 = ComparisonRule.same(
            "Both compute 1 - SSres/SStot for each output column (Keras from accumulated sums, in float32).");

    /** RegressionEvaluation.averageR2() against R2Score(). */
    public static final ComparisonRule R2_UNIFORM = ComparisonRule.same(
            "Tribuo's averageR2 is the uniform mean of the per-dimension R2, as R2Score's default "
                    + "class_aggregation=uniform_average.");

    /** LabelEvaluation.precision(label)/recall(label) against Precision/Recall(top_k=1, class_id=k). */
    public static final ComparisonRule TOP1_CLASS = ComparisonRule.same("Precision/Recall(top_k=1, class_id=k) count "
            + "class k as predicted when it is the example's top score, Tribuo's rule for the label the model "
            + "predicted; both divide the same counts (0 for a class never predicted or never present).");

    private TribuoRules() {
    }
}
