package io.github.metricparity.dl4j.compare;

import io.github.metricparity.dl4j.compare.ExampleModels.Outputs;
import io.github.metricparity.dl4j.parity.Dl4jRules;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRows;
import io.github.metricparity.comparison.ComparisonRule;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.evaluation.regression.RegressionEvaluation;

/**
 * DL4J's {@link RegressionEvaluation} against Keras's regression and correlation metrics on the outputs of a
 * three-output regression network: MSE, MAE, RMSE, R2 and Pearson correlation per output column and averaged, and
 * the network's loss score against Keras's mean squared error.
 */
final class RegressionComparison {
    static final int COLUMNS = 3;

    static final ComparisonRule R2_COLUMN = ComparisonRule.differs("float32",
            "Both compute 1 - SSres/SStot per column, DL4J in float64 "
            + "and Keras's R2Score in its dtype, float32 by default: SStot = Σy² - Σy·ȳ, and for a column whose mean "
            + "is large next to its spread (column 1, centred near 10) Σy² carries float32 rounding of about 1e-3 "
            + "that the subtraction keeps. R2Score(dtype=float64) agrees with DL4J.",
            "Both compute 1 - SSres/SStot per column (DL4J in float64, Keras's R2Score in float32 by default, whose "
                    + "rounding of Σy² - Σy·ȳ stays below the tolerance here).");
    static final ComparisonRule R2_UNIFORM = ComparisonRule.differs("float32",
            "averageRSquared() is the uniform mean of the column R2s, "
            + "as R2Score's default class_aggregation=uniform_average, but R2Score computes in float32 by default and "
            + "SStot = Σy² - Σy·ȳ keeps the float32 rounding of Σy² for a column whose mean is large next to its "
            + "spread; DL4J computes in float64, and R2Score(dtype=float64) agrees with it.",
            "averageRSquared() is the uniform mean of the column R2s, as R2Score's default "
                    + "class_aggregation=uniform_average (Keras's float32 rounding stays below the tolerance here).");
    private static final ComparisonRule R2_FLOAT64 = ComparisonRule.same(
            "With dtype=float64 R2Score computes SStot and the score in "
            + "float64 as DL4J does: the same uniform mean of the column R2s.");
    private static final ComparisonRule R2_VARIANCE = ComparisonRule.differs("averaging", "R2Score(class_aggregation="
            + "variance_weighted_average) weighs each column's R2 by its total sum of squares, so the column with "
            + "the widest spread dominates; averageRSquared() weighs the columns equally.");
    private static final ComparisonRule PEARSON_AXIS = ComparisonRule.differs("per-sample vs pooled correlation",
            "DL4J correlates each "
            + "output column across the examples and averages the columns; Keras's PearsonCorrelation() (axis=-1) "
            + "correlates each example's three outputs with its three targets and averages over examples: another "
            + "quantity.");
    private static final ComparisonRule LOSS = ComparisonRule.same(
            "DL4J's LossMSE is each row's squared error summed over the outputs "
            + "and divided by their number, averaged over rows, with no regularisation configured: Keras's "
            + "MeanSquaredError of the same outputs.");

    private RegressionComparison() {
    }

    /** The compared Keras metrics: on every column, and MSE, MAE, RMSE and Pearson on each column alone. */
    static List<KerasMetric> metrics() {
        List<KerasMetric> metrics = new ArrayList<>(List.of(
                KerasMetric.of("mse", "MeanSquaredError"),
                KerasMetric.of("mae", "MeanAbsoluteError"),
                KerasMetric.of("rmse", "RootMeanSquaredError"),
                KerasMetric.of("r2_none", "R2Score", "class_aggregation", null),
                KerasMetric.of("r2", "R2Score", "class_aggregation", "uniform_average"),
                KerasMetric.of("r2_64", "R2Score", "class_aggregation", "uniform_average", "dtype", "float64"),
                KerasMetric.of("r2_variance", "R2Score", "class_aggregation", "variance_weighted_average"),
                KerasMetric.of("pearson_rows", "PearsonCorrelation", "axis", 0),
                KerasMetric.of("pearson", "PearsonCorrelation")));
        for (int k = 0; k < COLUMNS; k++) {
            metrics.add(KerasMetric.of("mse", "MeanSquaredError").onColumn(k, "mse_" + k));
            metrics.add(KerasMetric.of("mae", "MeanAbsoluteError").onColumn(k, "mae_" + k));
            metrics.add(KerasMetric.of("rmse", "RootMeanSquaredError").onColumn(k, "rmse_" + k));
            metrics.add(KerasMetric.of("pearson_rows", "PearsonCorrelation", "axis", 0)
                    .onColumn(k, "pearson_rows_" + k));
        }
        return metrics;
    }

    /** Adds the one-pass regression rows to {@code out}. */
    static void addRows(Outputs regression, List<ComparisonRow> out) {
        KerasSide m = KerasSide.of(metrics(), regression.labels(), regression.predictions());
        RegressionEvaluation e = new RegressionEvaluation();
        e.eval(regression.labels(), regression.predictions());

        ComparisonRows rows = new ComparisonRows(Dl4jDifferences.FRAMEWORK,
                regression.description() + "; all test rows in one batch", out);
        for (int k = 0; k < COLUMNS; k++) {
            rows.add("RegressionEvaluation.meanSquaredError(" + k + ")", e.meanSquaredError(k),
                    m.display("mse_" + k), m.value("mse_" + k), Dl4jRules.MSE_COLUMN);
            rows.add("RegressionEvaluation.meanAbsoluteError(" + k + ")", e.meanAbsoluteError(k),
                    m.display("mae_" + k), m.value("mae_" + k), Dl4jRules.MAE_COLUMN);
            rows.add("RegressionEvaluation.rootMeanSquaredError(" + k + ")", e.rootMeanSquaredError(k),
                    m.display("rmse_" + k), m.value("rmse_" + k), Dl4jRules.RMSE_COLUMN);
            rows.add("RegressionEvaluation.rSquared(" + k + ")", e.rSquared(k), m.display("r2_none") + "[" + k + "]",
                    m.element("r2_none", k), R2_COLUMN);
            rows.add("RegressionEvaluation.pearsonCorrelation(" + k + ")", e.pearsonCorrelation(k),
                    m.display("pearson_rows_" + k), m.value("pearson_rows_" + k), Dl4jRules.PEARSON_COLUMN);
        }
        rows.add("RegressionEvaluation.averageMeanSquaredError()", e.averageMeanSquaredError(), m.display("mse"),
                m.value("mse"), Dl4jRules.MSE_AVERAGE);
        rows.add("RegressionEvaluation.averageMeanAbsoluteError()", e.averageMeanAbsoluteError(), m.display("mae"),
                m.value("mae"), Dl4jRules.MAE_AVERAGE);
        rows.add("RegressionEvaluation.averagerootMeanSquaredError()", e.averagerootMeanSquaredError(),
                m.display("rmse"), m.value("rmse"), Dl4jRules.RMSE_AVERAGE);
        rows.add("RegressionEvaluation.averageRSquared()", e.averageRSquared(), m.display("r2"), m.value("r2"),
                R2_UNIFORM);
        rows.add("RegressionEvaluation.averageRSquared()", e.averageRSquared(), m.display("r2_64"),
                m.value("r2_64"), R2_FLOAT64);
        rows.add("RegressionEvaluation.averageRSquared()", e.averageRSquared(), m.display("r2_variance"),
                m.value("r2_variance"), R2_VARIANCE);
        rows.add("RegressionEvaluation.averagePearsonCorrelation()", e.averagePearsonCorrelation(),
                m.display("pearson_rows"), m.value("pearson_rows"), Dl4jRules.PEARSON_ONE_BATCH);
        rows.add("RegressionEvaluation.averagePearsonCorrelation()", e.averagePearsonCorrelation(),
                m.display("pearson"), m.value("pearson"), PEARSON_AXIS);
        rows.add("MultiLayerNetwork.score(test) (MSE, no regularisation)", regression.score(), m.display("mse"),
                m.value("mse"), LOSS);
    }
}
