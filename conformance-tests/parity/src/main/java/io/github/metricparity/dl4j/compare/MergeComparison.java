package io.github.metricparity.dl4j.compare;

import io.github.metricparity.dl4j.parity.Dl4jRules;
import io.github.metricparity.dl4j.compare.ExampleModels.Outputs;
import io.github.metricparity.dl4j.examples.IrisExample;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRows;
import io.github.metricparity.comparison.ComparisonRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.EvaluationBinary;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.classification.ROCMultiClass;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Sharded evaluation: the example models' test rows split into shards, each evaluated by a fresh DL4J evaluation
 * ({@code Evaluation}, {@code EvaluationBinary}, {@code ROC} exact and thresholded, {@code ROCMultiClass},
 * {@code RegressionEvaluation}) and reduced with DL4J's own {@code IEvaluation.merge}, against the same DL4J
 * evaluation in one pass and against {@code KerasEvaluation}s merged over the same shards ({@link ShardRuns},
 * {@link KerasShardRuns}). Every merged-vs-one-pass difference is stated with the rule in DL4J's merge that causes
 * it, read from nd4j-api 1.0.0-M2.1's bytecode.
 */
final class MergeComparison {
    private static final int SHARDS = GeneratedData.TEST_ROWS / GeneratedData.SHARD_ROWS;
    private static final int TIE_DECIMALS = 2;

    // ---------------------------------------------------------------- rules of DL4J's merge

    static final ComparisonRule MERGE_R2 = ComparisonRule.differs("merge",
            "RegressionEvaluation.merge adds every column statistic "
            + "except sumLabels (the column sums of the targets), which rSquared(k) reads: SStot = Σy² + ȳ(n·ȳ - "
            + "2·Σy). After the merge Σy is still the first shard's, so SStot gains 2·ȳ·(Σy of the other shards) and "
            + "R2 = 1 - SSres/SStot is wrong: too high for a column whose mean is far from 0, nearly right for a "
            + "column centred on 0. MSE, MAE, RMSE and Pearson read only merged sums and means and survive the "
            + "merge; KerasEvaluation.merge adds all of R2Score's sums.");
    private static final ComparisonRule EMPTY_R2 = ComparisonRule.differs("merge",
            "A new RegressionEvaluation has no column statistics "
            + "yet; merging a shard into it copies them but not sumLabels (and later merges never add sumLabels), so "
            + "rSquared(k) reads a null sumLabels and throws NullPointerException. The other metrics are computed.");
    private static final ComparisonRule ALIAS_BINARY = ComparisonRule.differs("merge aliasing",
            "EvaluationBinary.merge into an empty "
            + "instance takes the first shard's count arrays themselves, not copies, so the two evaluations share "
            + "them: the later merges add every other shard's counts into the first shard's evaluation, and a batch "
            + "the first shard evaluates afterwards is counted in the merged evaluation too.");
    private static final ComparisonRule ALIAS_ROC = ComparisonRule.differs("merge aliasing",
            "ROC.merge (exact mode) into an empty "
            + "instance adopts the first shard's probAndLabel buffer itself and writes the other shards' rows into "
            + "it after the shard's own rows. The first shard still reads only its own rows, but the next batch it "
            + "evaluates is written over rows the merged evaluation reads (the second shard's).");
    private static final ComparisonRule ALIAS_ROC_MULTI = ComparisonRule.differs("merge aliasing",
            "ROCMultiClass.merge into an empty "
            + "instance takes the first shard's array of per-class ROC objects itself, so the two evaluations share "
            + "those ROCs: the later merges add every other shard's scores to the first shard's evaluation, and a "
            + "batch the first shard evaluates afterwards lands in the merged evaluation too.");
    private static final ComparisonRule ALIAS_REGRESSION = ComparisonRule.differs("merge aliasing",
            "RegressionEvaluation.merge into an "
            + "empty instance copies every column statistic but exampleCountPerColumn, which it shares with the "
            + "first shard: the later merges add every other shard's row count into that shard's count, so it "
            + "divides its own sums by the total row count. (The shard's next eval() replaces its count array, so "
            + "its later batches do not reach the merged evaluation.)");
    private static final ComparisonRule TIES_ORDER = ComparisonRule.differs("tie-breaking",
            "DL4J's exact ROC sorts its (score, label) "
            + "rows by score with a stable sort and walks them one row at a time, so among tied scores the rows that "
            + "arrived first rank higher and the AUC depends on the rows' order; merge appends the other "
            + "evaluation's rows after its own, so the merge order changes the AUC (Spark's reduce takes partition "
            + "results in the order their tasks finish). Keras AUC puts tied scores on one threshold (one ROC point: "
            + "half credit for a tie) and merges by adding counts, so any order gives its one-pass value.");
    private static final ComparisonRule TIES_ONE_PASS = ComparisonRule.differs("tie-breaking",
            "DL4J's exact ROC ranks tied scores "
            + "in the order their rows arrived (a stable sort, then one ROC point per row), so a tie between a "
            + "positive and a negative row counts as ranked right or wrong; Keras AUC puts tied scores on one "
            + "threshold (one ROC point), a tie earning half credit. Each 2-decimal score falls in its own one of "
            + "Keras's 200 buckets here, so bucketing adds nothing else.");
    private static final ComparisonRule PER_BATCH_PEARSON = ComparisonRule.differs("per-sample vs pooled correlation",
            "averagePearsonCorrelation() pools every row in running sums (Σxy, Σx², means): one correlation per "
                    + "column over all rows. Keras PearsonCorrelation(axis=0) is a Mean of per-batch values: each "
                    + "shard's column correlations are computed within the shard, and the result is the mean of those "
                    + SHARDS + " x " + RegressionComparison.COLUMNS + " correlations, in one pass over the shards as "
                    + "after merging.");

    private MergeComparison() {
    }

    /** Adds the sharded-evaluation rows of the three models to {@code out}. */
    static void addRows(Outputs iris, Outputs binary, Outputs regression, List<ComparisonRow> out) {
        iris(iris, out);
        binary(binary, out);
        regression(regression, out);
        ties(binary, out);
    }

    // ---------------------------------------------------------------- models

    private static void iris(Outputs iris, List<ComparisonRow> out) {
        List<INDArray[]> shards = ShardRuns.split(iris.labels(), iris.predictions(),
                iris.rows() / IrisExample.TEST_BATCH);
        List<KerasMetric> metrics = List.of(
                KerasMetric.of("ca", "CategoricalAccuracy"),
                KerasMetric.of("f1_macro", "F1Score", "average", "macro"),
                KerasMetric.of("auc_ml", "AUC", "num_thresholds", BinaryComparison.KERAS_THRESHOLDS,
                        "multi_label", true));
        KerasShardRuns k = new KerasShardRuns(metrics, shards, false);
        ShardRuns<Evaluation> ev = new ShardRuns<>(Evaluation::new, shards, false);
        ShardRuns<ROCMultiClass> roc = new ShardRuns<>(ROCMultiClass::new, shards, false);
        Compared<Evaluation> accuracy = new Compared<>("Evaluation.accuracy()", Evaluation::accuracy, "ca",
                Dl4jRules.ARGMAX);
        Compared<ROCMultiClass> auc = new Compared<>("ROCMultiClass.calculateAverageAUC()",
                ROCMultiClass::calculateAverageAUC, "auc_ml", Dl4jRules.BUCKETED_AUC);

        ComparisonRows spark = new ComparisonRows(Dl4jDifferences.FRAMEWORK, sparkScenario(iris, shards), out);
        sparkRow(spark, ev, k, accuracy);
        sparkRow(spark, ev, k, new Compared<>("Evaluation.f1() (macro)", Evaluation::f1, "f1_macro",
                Dl4jRules.MACRO_F1));
        sparkRow(spark, roc, k, auc);
        ComparisonRows empty = new ComparisonRows(Dl4jDifferences.FRAMEWORK, emptyScenario(iris, shards), out);
        emptyRows(empty, ev, k, accuracy, null);
        emptyRows(empty, roc, k, auc, ALIAS_ROC_MULTI);
    }

    private static void binary(Outputs binary, List<ComparisonRow> out) {
        List<INDArray[]> shards = ShardRuns.split(binary.labels(), binary.predictions(), SHARDS);
        List<KerasMetric> metrics = List.of(
                KerasMetric.of("ba", "BinaryAccuracy"),
                KerasMetric.of("precision", "Precision"),
                KerasMetric.of("recall", "Recall"),
                KerasMetric.of("f1", "F1Score", "threshold", 0.5),
                KerasMetric.of("auc", "AUC"));
        KerasShardRuns k = new KerasShardRuns(metrics, shards, false);
        ShardRuns<EvaluationBinary> eb = new ShardRuns<>(EvaluationBinary::new, shards, false);
        ShardRuns<ROC> exact = new ShardRuns<>(ROC::new, shards, false);
        ShardRuns<ROC> thresholded = new ShardRuns<>(() -> new ROC(BinaryComparison.SAME_STEPS), shards, false);
        Compared<EvaluationBinary> accuracy = new Compared<>("EvaluationBinary.accuracy(0)", e -> e.accuracy(0),
                "ba", Dl4jRules.STRICT_HALF);
        Compared<ROC> exactAuc = new Compared<>("ROC().calculateAUC() (exact)", ROC::calculateAUC, "auc",
                Dl4jRules.EXACT_VS_BUCKETED);
        Compared<ROC> thresholdedAuc = new Compared<>("new ROC(" + BinaryComparison.SAME_STEPS
                + ").calculateAUC() (thresholded)", ROC::calculateAUC, "auc", Dl4jRules.SAME_THRESHOLDS);

        ComparisonRows spark = new ComparisonRows(Dl4jDifferences.FRAMEWORK, sparkScenario(binary, shards), out);
        sparkRow(spark, eb, k, accuracy);
        sparkRow(spark, eb, k, new Compared<>("EvaluationBinary.precision(0)", e -> e.precision(0), "precision",
                Dl4jRules.STRICT_HALF));
        sparkRow(spark, eb, k, new Compared<>("EvaluationBinary.recall(0)", e -> e.recall(0), "recall",
                Dl4jRules.STRICT_HALF));
        sparkRow(spark, eb, k, new Compared<EvaluationBinary>("EvaluationBinary.f1(0)", e -> e.f1(0), "f1",
                Dl4jRules.STRICT_HALF).element(0));
        sparkRow(spark, exact, k, exactAuc);
        sparkRow(spark, thresholded, k, thresholdedAuc);
        ComparisonRows empty = new ComparisonRows(Dl4jDifferences.FRAMEWORK, emptyScenario(binary, shards), out);
        emptyRows(empty, eb, k, accuracy, ALIAS_BINARY);
        emptyRows(empty, exact, k, exactAuc, ALIAS_ROC);
    }

    private static void regression(Outputs regression, List<ComparisonRow> out) {
        List<INDArray[]> shards = ShardRuns.split(regression.labels(), regression.predictions(), SHARDS);
        KerasShardRuns k = new KerasShardRuns(RegressionComparison.metrics(), shards, false);
        ShardRuns<RegressionEvaluation> re = new ShardRuns<>(RegressionEvaluation::new, shards, false);
        Compared<RegressionEvaluation> mse = new Compared<>("RegressionEvaluation.averageMeanSquaredError()",
                RegressionEvaluation::averageMeanSquaredError, "mse", Dl4jRules.MSE_AVERAGE);
        Compared<RegressionEvaluation> r2 = new Compared<>("RegressionEvaluation.averageRSquared()",
                RegressionEvaluation::averageRSquared, "r2", RegressionComparison.R2_UNIFORM);

        ComparisonRows spark = new ComparisonRows(Dl4jDifferences.FRAMEWORK, sparkScenario(regression,
                shards) + "; target column means "
                + columnMeans(regression.labels()), out);
        sparkRow(spark, re, k, mse);
        sparkRow(spark, re, k, new Compared<>("RegressionEvaluation.averageMeanAbsoluteError()",
                RegressionEvaluation::averageMeanAbsoluteError, "mae", Dl4jRules.MAE_AVERAGE));
        sparkRow(spark, re, k, new Compared<>("RegressionEvaluation.averagerootMeanSquaredError()",
                RegressionEvaluation::averagerootMeanSquaredError, "rmse", Dl4jRules.RMSE_AVERAGE));
        for (int c = 0; c < RegressionComparison.COLUMNS; c++) {
            int column = c;
            sparkRow(spark, re, k, new Compared<RegressionEvaluation>("RegressionEvaluation.rSquared(" + c + ")",
                    e -> e.rSquared(column), "r2_none", RegressionComparison.R2_COLUMN).element(c)
                    .mergeRule(MERGE_R2));
        }
        sparkRow(spark, re, k, r2.mergeRule(MERGE_R2));
        sparkRow(spark, re, k, new Compared<>("RegressionEvaluation.averagePearsonCorrelation()",
                RegressionEvaluation::averagePearsonCorrelation, "pearson_rows", PER_BATCH_PEARSON));
        ComparisonRows empty = new ComparisonRows(Dl4jDifferences.FRAMEWORK, emptyScenario(regression, shards), out);
        emptyRows(empty, re, k, mse, ALIAS_REGRESSION);
        emptyTotalRow(empty, re, k, r2.emptyRule(EMPTY_R2));
    }

    /** The binary model's scores rounded, so that positives and negatives tie, merged in reverse shard order. */
    private static void ties(Outputs binary, List<ComparisonRow> out) {
        double scale = Math.pow(10, TIE_DECIMALS);
        INDArray rounded = Transforms.round(binary.predictions().mul(scale), false).divi(scale);
        List<INDArray[]> shards = ShardRuns.split(binary.labels(), rounded, SHARDS);
        List<KerasMetric> metrics = List.of(KerasMetric.of("auc", "AUC"));
        KerasShardRuns k = new KerasShardRuns(metrics, shards, true);
        ShardRuns<ROC> exact = new ShardRuns<>(ROC::new, shards, true);
        ShardRuns<ROC> thresholded = new ShardRuns<>(() -> new ROC(BinaryComparison.SAME_STEPS), shards, true);

        ComparisonRows rows = new ComparisonRows(Dl4jDifferences.FRAMEWORK, String.format(Locale.ROOT,
                "%s, its probabilities rounded to %d decimals (scores "
                + "stored as percentages: %d of the %d distinct scores are shared by a positive and a negative row); "
                + "%d shards of %d merged in reverse order (shard %d into shard %d, ..., then shard 1), against "
                + "one pass in row order", binary.model(), TIE_DECIMALS, sharedScores(binary.labels(), rounded),
                distinct(rounded), SHARDS, GeneratedData.SHARD_ROWS, SHARDS - 1, SHARDS), out);
        Compared<ROC> exactAuc = new Compared<>("ROC().calculateAUC() (exact)", ROC::calculateAUC, "auc",
                TIES_ONE_PASS).mergeRule(TIES_ORDER);
        sparkRow(rows, exact, k, exactAuc);
        sparkRow(rows, thresholded, k, new Compared<>("new ROC(" + BinaryComparison.SAME_STEPS
                + ").calculateAUC() (thresholded)", ROC::calculateAUC, "auc", Dl4jRules.SAME_THRESHOLDS));
    }

    // ---------------------------------------------------------------- rows

    /**
     * The merged DL4J value against the merged Keras value. When DL4J's merge reproduces its one pass the row
     * carries the metric's one-pass rule; otherwise the merge rule, and a second row shows DL4J's one pass against
     * the merged Keras value.
     */
    private static <T extends IEvaluation<T>> void sparkRow(ComparisonRows rows, ShardRuns<T> d, KerasShardRuns k,
            Compared<T> c) {
        Reading onePass = Reading.of(c.read(), d.onePass);
        Reading merged = Reading.of(c.read(), d.merged);
        double keras = c.keras(k.merged);
        double kerasOnePass = c.keras(k.onePass);
        String kerasNote = ComparisonRows.agree(keras, kerasOnePass)
                ? " KerasEvaluation's merge reproduces its one pass (" + ComparisonRows.fmt(kerasOnePass) + ")."
                : " KerasEvaluation merged gives " + ComparisonRows.fmt(keras) + " but "
                + ComparisonRows.fmt(kerasOnePass)
                        + " in one pass.";
        ComparisonRule rule;
        if (ComparisonRows.agree(merged.value(), onePass.value())) {
            rule = c.oneRule().withMore(" DL4J's merge reproduces its one pass (" + ComparisonRows.fmt(onePass.value())
                    + ")."
                    + kerasNote);
        } else {
            rule = explained(c.mergeRule(), "DL4J's merged value differs from its one pass").withMore(
                    " DL4J in one pass: " + ComparisonRows.fmt(onePass.value()) + "." + kerasNote);
        }
        String kerasName = c.display(k.merged) + ", shard KerasEvaluations merged";
        rows.add(c.dl4j() + ", shard evaluations merged" + merged.note(), merged.value(), kerasName, keras, rule);
        if (!ComparisonRows.agree(merged.value(), onePass.value())) {
            rows.add(c.dl4j() + ", one pass" + onePass.note(), onePass.value(), kerasName, keras,
                    c.oneRule().withMore(" The same DL4J evaluation merged from the shards gives "
                            + ComparisonRows.fmt(merged.value()) + "."));
        }
    }

    /**
     * Merged into an empty evaluation: the total; the first shard's own evaluation after the merge; and the total
     * after the first shard's evaluation went on with another batch.
     */
    private static <T extends IEvaluation<T>> void emptyRows(ComparisonRows rows, ShardRuns<T> d, KerasShardRuns k,
            Compared<T> c, ComparisonRule alias) {
        emptyTotalRow(rows, d, k, c);
        ShardRuns.IntoEmpty<T> e = d.intoEmpty();
        Reading after = Reading.of(c.read(), e.firstAfter());
        Reading alone = Reading.of(c.read(), e.firstAlone());
        double kerasAfter = c.keras(k.firstAfter);
        String kerasState = k.firstBefore.equals(k.firstAfter.toJson()) ? " KerasEvaluation's merge copies states: "
                + "shard 1's KerasEvaluation is unchanged." : " Shard 1's KerasEvaluation changed too.";
        ComparisonRule first = e.firstChanged() || !ComparisonRows.agree(after.value(), alone.value())
                ? aliased(alias, "merge() changed the first shard's own evaluation").withMore(" Shard 1 evaluated "
                        + "alone: DL4J " + ComparisonRows.fmt(alone.value()) + ", Keras "
                        + ComparisonRows.fmt(kerasAfter) + "."
                        + kerasState)
                : c.oneRule().withMore(" merge() left the first shard's own evaluation unchanged (same serialised "
                        + "state; alone it gives " + ComparisonRows.fmt(alone.value()) + ")." + kerasState);
        rows.add(c.dl4j() + " of shard 1's own evaluation, after merging it" + after.note(), after.value(),
                c.display(k.firstAfter) + " of shard 1's own KerasEvaluation, after merging it", kerasAfter, first);

        Reading total = Reading.of(c.read(), e.total());
        Reading later = Reading.of(c.read(), e.totalLater());
        double kerasLater = c.keras(k.totalLater);
        ComparisonRule goesOn = e.totalChangedLater() || !ComparisonRows.agree(later.value(), total.value())
                ? aliased(alias, "a later batch of the first shard changed the merged evaluation").withMore(
                        " The merged evaluation before that batch: DL4J " + ComparisonRows.fmt(total.value())
                                + ", Keras "
                                + ComparisonRows.fmt(c.keras(k.intoEmpty)) + ".")
                : c.oneRule().withMore(" The first shard's later batch did not reach the merged evaluation (same "
                        + "serialised state as right after the merges: " + ComparisonRows.fmt(total.value()) + ").");
        rows.add(c.dl4j() + " of the merged evaluation, after shard 1's own evaluation took one more batch"
                + later.note(), later.value(), c.display(k.totalLater) + " of the merged KerasEvaluation, after "
                + "shard 1's took the same batch", kerasLater, goesOn);
    }

    /** An aliasing rule whose agreeing form says that the state changed though the value did not. */
    private static ComparisonRule aliased(ComparisonRule alias, String what) {
        ComparisonRule known = explained(alias, what);
        return new ComparisonRule(known.cause(), known.explanation(),
                "The evaluation's serialised state changed, though "
                + "this value did not: " + known.explanation());
    }

    private static <T extends IEvaluation<T>> void emptyTotalRow(ComparisonRows rows, ShardRuns<T> d, KerasShardRuns k,
            Compared<T> c) {
        Reading onePass = Reading.of(c.read(), d.onePass);
        Reading total = Reading.of(c.read(), d.intoEmpty().total());
        ComparisonRule rule = ComparisonRows.agree(total.value(), onePass.value())
                ? c.oneRule().withMore(" Merging into an empty evaluation reproduces DL4J's one pass ("
                        + ComparisonRows.fmt(onePass.value()) + ").")
                : explained(c.emptyRule(), "merging into an empty evaluation differs from DL4J's one pass")
                        .withMore(" DL4J in one pass: " + ComparisonRows.fmt(onePass.value()) + ".");
        rows.add(c.dl4j() + " of the empty evaluation the shards were merged into" + total.note(), total.value(),
                c.display(k.intoEmpty) + ", shards merged into KerasEvaluation.newInstance()", c.keras(k.intoEmpty),
                rule);
    }

    /** {@code rule}, or the unexplained cause the tests refuse when no known rule covers what happened. */
    private static ComparisonRule explained(ComparisonRule rule, String what) {
        return rule != null ? rule : new ComparisonRule(ComparisonRule.UNEXPLAINED,
                what + ", and no known rule explains it.",
                what + ".");
    }

    // ---------------------------------------------------------------- scenarios

    private static String sparkScenario(Outputs o, List<INDArray[]> shards) {
        return String.format(Locale.ROOT, "%s, sharded evaluation: its %d test rows as %d shards of %d, one fresh "
                + "evaluation per shard, merged into the first shard's with IEvaluation.merge (as DL4J's Spark "
                + "evaluation reduces partition results), against KerasEvaluations merged the same way", o.model(),
                o.rows(), shards.size(), shards.get(0)[0].size(0));
    }

    private static String emptyScenario(Outputs o, List<INDArray[]> shards) {
        return String.format(Locale.ROOT, "%s, the same %d shard evaluations merged into a new, empty evaluation "
                + "(a reduce that starts from an empty evaluation: total = shard1.newInstance(); total.merge(shard) "
                + "for "
                + "each shard), against KerasEvaluations merged the same way; 'one more batch' is the first shard's "
                + "own rows evaluated again",
                o.model(), shards.size());
    }

    private static String columnMeans(INDArray labels) {
        INDArray means = labels.mean(0);
        List<String> out = new ArrayList<>();
        for (int c = 0; c < means.length(); c++) {
            out.add(String.format(Locale.ROOT, "%.2f", means.getDouble(c)));
        }
        return String.join(", ", out);
    }

    /** Distinct scores that both a positive and a negative row have. */
    static int sharedScores(INDArray labels, INDArray scores) {
        java.util.Set<Float> positive = new java.util.HashSet<>();
        java.util.Set<Float> negative = new java.util.HashSet<>();
        for (int i = 0; i < labels.size(0); i++) {
            (labels.getDouble(i, 0) == 1 ? positive : negative).add(scores.getFloat(i, 0));
        }
        positive.retainAll(negative);
        return positive.size();
    }

    private static int distinct(INDArray scores) {
        java.util.Set<Float> all = new java.util.HashSet<>();
        for (int i = 0; i < scores.size(0); i++) {
            all.add(scores.getFloat(i, 0));
        }
        return all.size();
    }

    // ---------------------------------------------------------------- types

    /**
     * A DL4J metric of a sharded evaluation and its Keras counterpart.
     *
     * @param dl4j      how the report writes the DL4J metric
     * @param read      reads it from an evaluation
     * @param keras     the Keras metric's name in the {@link KerasSide}
     * @param element   the element of a vector Keras result, or -1 for a scalar
     * @param oneRule   the rule between the two in one pass
     * @param mergeRule what makes DL4J's merged value differ from its one pass, or null where it should not
     * @param emptyRule what makes a merge into an empty evaluation differ from one pass, or null
     */
    private record Compared<T>(String dl4j, ToDoubleFunction<T> read, String keras, int element, ComparisonRule oneRule,
            ComparisonRule mergeRule, ComparisonRule emptyRule) {

        Compared(String dl4j, ToDoubleFunction<T> read, String keras, ComparisonRule oneRule) {
            this(dl4j, read, keras, -1, oneRule, null, null);
        }

        Compared<T> element(int k) {
            return new Compared<>(dl4j, read, keras, k, oneRule, mergeRule, emptyRule);
        }

        Compared<T> mergeRule(ComparisonRule r) {
            return new Compared<>(dl4j, read, keras, element, oneRule, r, emptyRule);
        }

        Compared<T> emptyRule(ComparisonRule r) {
            return new Compared<>(dl4j, read, keras, element, oneRule, mergeRule, r);
        }

        double keras(KerasSide side) {
            return element < 0 ? side.value(keras) : side.element(keras, element);
        }

        String display(KerasSide side) {
            return side.display(keras) + (element < 0 ? "" : "[" + element + "]");
        }
    }

    /** A DL4J value, or NaN and the exception's name when reading it throws. */
    private record Reading(double value, String failure) {
        static <T> Reading of(ToDoubleFunction<T> read, T evaluation) {
            try {
                return new Reading(read.applyAsDouble(evaluation), null);
            } catch (RuntimeException e) {
                return new Reading(Double.NaN, e.getClass().getSimpleName());
            }
        }

        String note() {
            return failure == null ? "" : " (throws " + failure + ")";
        }
    }
}
