package io.github.metricparity.dl4j.parity;

import io.github.metricparity.comparison.ComparisonRule;

/**
 * Why DL4J's own evaluations agree or differ with the Keras metric of the same intent: one home for each rule, used
 * by {@link Dl4jParity} on users' data and by the report's comparisons on the example models.
 */
public final class Dl4jRules {
    /** Evaluation.accuracy() against CategoricalAccuracy. */
    public static final ComparisonRule ARGMAX = ComparisonRule.same(
            "Both take each row's argmax (the first maximum on ties) as the predicted "
            + "class and count it right when it is the labelled class.");

    /** Evaluation.topNAccuracy() against TopKCategoricalAccuracy. */
    public static final ComparisonRule TOP_N = ComparisonRule.same(
            "The same rule: the labelled class is in the top N when fewer than N "
            + "scores are strictly greater than its score.");

    /** Evaluation.f1(k) and its micro average against F1Score(threshold=None). */
    public static final ComparisonRule F1_ARGMAX = ComparisonRule.same(
            "F1Score with threshold=None marks each row's highest score as "
            + "predicted, as DL4J's confusion matrix does, and both compute 2PR/(P+R) from the same counts (Keras "
            + "adds 1e-7 to the denominators, far below the tolerance).");

    /** Evaluation.precision(k)/recall(k) against Precision/Recall(top_k=1, class_id=k). */
    public static final ComparisonRule TOP1_CLASS = ComparisonRule.same(
            "Precision/Recall(top_k=1, class_id=k) count class k as "
            + "predicted when it is the row's top score, DL4J's argmax rule; the counts are the confusion matrix's.");

    /** Evaluation.f1() (macro) against F1Score(average=macro). */
    public static final ComparisonRule MACRO_F1 = ComparisonRule.differs("0/0 class in macro average",
            "Evaluation.f1(Macro) leaves "
            + "out of the average every class with no true and no predicted example (0/0); Keras F1Score(average="
            + "macro) averages over every column, such a class scoring 0.",
            "Both average the per-class F1 uniformly over the classes: every class is present or predicted here, "
                    + "so DL4J excludes none (a class never present nor predicted would be left out by DL4J "
                    + "and count 0 in Keras).");

    /** Evaluation.precision() (macro) against the mean of Precision(top_k=1, class_id=k). */
    public static final ComparisonRule MACRO_PRECISION = ComparisonRule.differs("0/0 class in macro average",
            "Evaluation.precision("
            + "Macro) leaves out classes never predicted (tp + fp = 0); Keras has no macro precision class, and the "
            + "mean over k of Precision(top_k=1, class_id=k) counts such a class as 0 (divide_no_nan).",
            "Keras has no macro-averaged precision class; the uniform mean over k of Precision(top_k=1, class_id=k) "
                    + "is DL4J's macro average here because every class is predicted at least once (DL4J leaves a "
                    + "never-predicted class out, Keras would count it 0).");

    /** Evaluation.recall() (macro) against the mean of Recall(top_k=1, class_id=k). */
    public static final ComparisonRule MACRO_RECALL = ComparisonRule.differs("0/0 class in macro average",
            "Evaluation.recall(Macro) "
            + "leaves out classes never present (tp + fn = 0); the mean over k of Recall(top_k=1, class_id=k) "
            + "counts such a class as 0 (divide_no_nan).",
            "Keras has no macro-averaged recall class; the uniform mean over k of Recall(top_k=1, class_id=k) is "
                    + "DL4J's macro average here because every class is present in the test rows (DL4J leaves an "
                    + "absent class out, Keras would count it 0).");

    /** ROCMultiClass (exact) against AUC(multi_label=True), per class or averaged. */
    public static final ComparisonRule BUCKETED_AUC = ComparisonRule.differs("exact vs bucketed AUC",
            "ROCMultiClass() (thresholdSteps 0) "
            + "computes each one-vs-all ROC exactly from the sorted scores; Keras AUC counts the scores above 200 "
            + "evenly spaced thresholds (i/199) and sums trapezoids between them, so scores in one bucket merge into "
            + "one ROC point.");

    /** ROCMultiClass.calculateAverageAUC() against AUC() on the flattened one-hot layout. */
    public static final ComparisonRule FLATTENED_AUC = ComparisonRule.differs("averaging",
            "ROCMultiClass averages the one-vs-all AUC "
            + "of each class; Keras AUC() with multi_label=False flattens all N x 3 cells into one curve (a micro "
            + "average, also bucketed). AUC(multi_label=True) averages per class as DL4J does.");

    /** EvaluationBinary and one-column Evaluation against BinaryAccuracy, Precision, Recall, F1Score(threshold=0.5). */
    public static final ComparisonRule STRICT_HALF = ComparisonRule.same(
            "Both predict the positive class when p > 0.5 (strict) and compute "
            + "the metric from the same TP/FP/TN/FN counts (Keras's F1Score adds 1e-7 to its denominators, far below "
            + "the tolerance).");

    /** Evaluation on one sigmoid column against BinaryAccuracy and F1Score(threshold=0.5). */
    public static final ComparisonRule EVALUATION_ONE_COLUMN = ComparisonRule.same(
            "With one output column Evaluation is binary: "
            + "class 1 when p > 0.5 (strict), and f1() is the F1 of the positive class 1, which is what Keras's "
            + "F1Score(threshold=0.5) gives for a single column.");

    /** ROC() (exact) against AUC(). */
    public static final ComparisonRule EXACT_VS_BUCKETED = ComparisonRule.differs("exact vs bucketed AUC",
            "ROC() (thresholdSteps 0) is exact: "
            + "every score is a point of the ROC curve; Keras AUC counts the scores above 200 evenly spaced "
            + "thresholds (i/199) and sums trapezoids between them, so scores in one bucket merge into one point.");

    /** new ROC(199) against AUC(): the same 200 thresholds. */
    public static final ComparisonRule SAME_THRESHOLDS = ComparisonRule.differs("threshold",
            "new ROC(199) counts p >= i/199 and Keras AUC() "
            + "p > i/199 at the same 200 thresholds: scores exactly on a threshold count differently.",
            "Same buckets: new ROC(199) evaluates the thresholds i/199, i = 0..199, which are Keras's 200 default "
                    + "thresholds (Keras nudges 0 and 1 outward by 1e-7); DL4J counts p >= t where Keras counts "
                    + "p > t, which differs only for a score exactly on a threshold, and both integrate the ROC "
                    + "points with trapezoids.");

    /** ROC().calculateAUCPR() against AUC(curve=PR). */
    public static final ComparisonRule PR_CURVE = ComparisonRule.differs("exact vs bucketed AUC",
            "ROC().calculateAUCPR() integrates "
            + "the exact precision-recall curve (one point per score) with trapezoids; Keras AUC(curve=PR) counts at "
            + "200 thresholds and integrates between them with the Davis & Goadrich interpolation "
            + "(summation_method=interpolation).");

    /** RegressionEvaluation.meanSquaredError(k) against MeanSquaredError on column k. */
    public static final ComparisonRule MSE_COLUMN = ComparisonRule.same(
            "Both divide the column's sum of squared errors by its rows.");

    /** RegressionEvaluation.meanAbsoluteError(k) against MeanAbsoluteError on column k. */
    public static final ComparisonRule MAE_COLUMN = ComparisonRule.same(
            "Both divide the column's sum of absolute errors by its rows.");

    /** RegressionEvaluation.rootMeanSquaredError(k) against RootMeanSquaredError on column k. */
    public static final ComparisonRule RMSE_COLUMN = ComparisonRule.same(
            "Both take the square root of the column's mean squared error.");

    /** RegressionEvaluation.pearsonCorrelation(k) against PearsonCorrelation(axis=0) on column k, one batch. */
    public static final ComparisonRule PEARSON_COLUMN = ComparisonRule.same(
            "PearsonCorrelation(axis=0) given one column in one batch "
            + "correlates it across the rows, as DL4J's pearsonCorrelation(k) does from its running sums.");

    /** RegressionEvaluation.averageMeanSquaredError() against MeanSquaredError. */
    public static final ComparisonRule MSE_AVERAGE = ComparisonRule.same(
            "Without masks the mean of the column MSEs equals Keras's mean over "
            + "rows of each row's mean squared error (every column has the same rows).");

    /** RegressionEvaluation.averageMeanAbsoluteError() against MeanAbsoluteError. */
    public static final ComparisonRule MAE_AVERAGE = ComparisonRule.same(
            "Without masks the mean of the column MAEs equals Keras's mean over "
            + "rows of each row's mean absolute error.");

    /** RegressionEvaluation.averagerootMeanSquaredError() against RootMeanSquaredError. */
    public static final ComparisonRule RMSE_AVERAGE = ComparisonRule.differs("averaging",
            "averagerootMeanSquaredError() is the mean of the "
            + "column RMSEs (a mean of square roots); Keras's RootMeanSquaredError() is the square root of the mean "
            + "squared error over every element, which is larger unless the columns' errors are equal.");

    /** RegressionEvaluation.averagePearsonCorrelation() against PearsonCorrelation(axis=0), one batch. */
    public static final ComparisonRule PEARSON_ONE_BATCH = ComparisonRule.same(
            "PearsonCorrelation(axis=0) on all rows as one batch gives one "
            + "correlation per column across the rows and averages them, which is averagePearsonCorrelation(); over "
            + "several batches Keras averages per-batch correlations instead (see the sharded rows).");

    /** Keras's default number of AUC thresholds ({@code num_thresholds=200}). */
    public static final int KERAS_AUC_THRESHOLDS = 200;

    /** EvaluationBinary.accuracy(k) against BinaryAccuracy on column k: the label rule differs for soft labels. */
    public static final ComparisonRule BINARY_LABELS = ComparisonRule.differs("label rule", "EvaluationBinary counts "
            + "a label only when it is exactly 0 or 1: soft (smoothed) labels are counted nowhere; Keras's "
            + "BinaryAccuracy compares the thresholded prediction (p > 0.5) with the label itself.",
            STRICT_HALF.explanation());

    /** RegressionEvaluation.rSquared(k) against R2Score(class_aggregation=None)[k]. */
    public static final ComparisonRule R2_PER_COLUMN = ComparisonRule.differs("float32", "Both compute 1 - SSres/SStot "
            + "per column, DL4J in float64 and Keras's R2Score in its dtype, float32 by default: SStot = Σy² - Σy·ȳ "
            + "keeps the float32 rounding of Σy² for a column whose mean is large next to its spread. "
            + "R2Score(dtype=float64) agrees with DL4J.", "Both compute 1 - SSres/SStot per column (DL4J in float64, "
            + "Keras's R2Score in float32 by default, whose rounding stays below the tolerance here).");

    /** RegressionEvaluation.averageRSquared() against R2Score() (uniform average). */
    public static final ComparisonRule R2_AVERAGE = ComparisonRule.differs("float32", "averageRSquared() is the "
            + "uniform mean of the column R2s, as R2Score's default class_aggregation=uniform_average, but R2Score "
            + "computes in float32 by default and SStot = Σy² - Σy·ȳ keeps the float32 rounding of Σy² for a column "
            + "whose mean is large next to its spread; R2Score(dtype=float64) agrees with DL4J.",
            "averageRSquared() is the uniform mean of the column R2s, as R2Score's default "
                    + "class_aggregation=uniform_average (Keras's float32 rounding stays below the tolerance here).");

    /** RegressionEvaluation's Pearson correlations against PearsonCorrelation(axis=0), batch by batch. */
    public static final ComparisonRule PEARSON_BATCHES = ComparisonRule.differs("per-batch correlation", "DL4J "
            + "correlates each output column across all examples from running sums; Keras's PearsonCorrelation is a "
            + "mean over batches of each batch's correlation (keras/src/metrics/correlation_metrics.py wraps "
            + "pearson_correlation in MeanMetricWrapper), which equals DL4J's only when all rows are one batch.",
            "The same correlation across the rows of each column: the rows were evaluated as one batch, so Keras's "
                    + "mean of per-batch correlations is the correlation of all rows, as DL4J computes it.");

    /**
     * new ROC(steps) against AUC(): {@code steps + 1} thresholds at i/steps against Keras's 200 at i/199.
     *
     * @param steps DL4J's thresholdSteps, neither 0 (exact) nor 199 (Keras's grid)
     */
    public static ComparisonRule otherGrid(int steps) {
        return ComparisonRule.differs("bucket grid", "new ROC(" + steps + ") has " + (steps + 1) + " thresholds at "
                + "i/" + steps + ", Keras's default AUC 200 thresholds at i/199: other buckets, so the interpolated "
                + "curves differ. new ROC(199) matches Keras's grid.");
    }

    private Dl4jRules() {
    }
}
