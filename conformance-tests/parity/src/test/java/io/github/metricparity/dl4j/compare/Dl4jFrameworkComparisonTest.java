package io.github.metricparity.dl4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.dl4j.compare.ExampleModels.Outputs;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRows;
import io.github.metricparity.comparison.ComparisonRule;
import io.github.metricparity.comparison.FrameworkComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DL4J rows of the parity report: their shape (every DL4J evaluation type in one pass and sharded, a cause and an
 * explanation for every disagreement), and spot checks of the values against figures computed here by hand
 * ({@link Hand}) from the same network outputs, each side with its own rule, so that a row's stated cause is shown
 * to account for the difference.
 */
class Dl4jFrameworkComparisonTest {
    private static final double EXACT = 1e-9;
    /** Keras computes in float32: agreement within the report's tolerance. */
    private static final double FLOAT32 = 2e-6;

    private static Dl4jFrameworkComparison.Run run;
    private static List<ComparisonRow> rows;

    @BeforeAll
    static void compare() {
        run = Dl4jFrameworkComparison.run();
        rows = run.rows();
    }

    // ---------------------------------------------------------------- shape

    @Test
    void isTheParityReportsDl4jComparison() {
        FrameworkComparison dl4j = StreamSupport.stream(ServiceLoader.load(FrameworkComparison.class).spliterator(),
                false).filter(c -> c.framework().equals("dl4j")).findFirst().orElseThrow();
        assertTrue(dl4j instanceof Dl4jFrameworkComparison);
        assertTrue(rows.stream().allMatch(r -> r.framework().equals("dl4j")));
        assertEquals(Dl4jDifferences.all(), rows.subList(0, Dl4jDifferences.all().size()),
                "the rule-by-rule rows come first, unchanged");
    }

    @Test
    void everyDisagreementHasACauseAndAnExplanation() {
        for (ComparisonRow r : rows) {
            assertFalse(r.explanation().isBlank(), r.toString());
            if (r.agrees()) {
                assertEquals("", r.cause(), r.toString());
            } else {
                assertFalse(r.cause().isBlank(), r.toString());
                assertNotEquals(ComparisonRule.UNEXPLAINED, r.cause(), r.toString());
            }
        }
    }

    @Test
    void everyDl4jEvaluationTypeHasOnePassAndShardedRows() {
        List<String> types = List.of("Evaluation.", "EvaluationBinary.", "ROC().", "new ROC(199).",
                "ROCMultiClass.", "RegressionEvaluation.");
        for (String type : types) {
            assertTrue(rows.stream().anyMatch(r -> isModelRow(r) && r.frameworkMetric().startsWith(type)),
                    "one pass " + type);
            assertTrue(rows.stream().anyMatch(r -> r.scenario().contains(", sharded evaluation:")
                    && r.frameworkMetric().startsWith(type)
                    && r.frameworkMetric().contains(", shard evaluations merged")), "sharded " + type);
        }
        for (Outputs o : List.of(run.iris(), run.binary(), run.regression())) {
            assertTrue(rows.stream().anyMatch(r -> r.scenario().startsWith(o.description())
                    && r.frameworkMetric().startsWith("MultiLayerNetwork.score(test)")), o.model() + " loss");
        }
    }

    @Test
    void showsDisagreementsOfEachKindAndAgreements() {
        Set<String> causes = rows.stream().filter(r -> !r.agrees()).map(ComparisonRow::cause)
                .collect(Collectors.toSet());
        assertTrue(causes.containsAll(List.of("exact vs bucketed AUC", "averaging", "regularisation",
                "per-sample vs pooled correlation", "merge", "merge aliasing", "tie-breaking")), causes.toString());
        assertTrue(rows.stream().filter(r -> isModelRow(r) && r.agrees()).count() > 40);
    }

    @Test
    void everyMergedRowSaysWhetherDl4jsMergeReproducesItsOnePass() {
        List<ComparisonRow> merged = rows.stream()
                .filter(r -> r.frameworkMetric().endsWith(", shard evaluations merged")
                        || r.frameworkMetric().contains(", shard evaluations merged ("))
                .collect(Collectors.toList());
        assertTrue(merged.size() >= 15, "merged rows: " + merged.size());
        for (ComparisonRow r : merged) {
            assertTrue(r.explanation().contains("DL4J's merge reproduces its one pass")
                    || r.explanation().contains("DL4J in one pass:"), r.toString());
            assertTrue(r.explanation().contains("KerasEvaluation's merge reproduces its one pass"), r.toString());
        }
    }

    @Test
    void rowsTakeTheirTextFromTheRuleAccordingToTheValues() {
        List<ComparisonRow> out = new ArrayList<>();
        ComparisonRows r = new ComparisonRows(Dl4jDifferences.FRAMEWORK, "s", out);
        ComparisonRule differs = ComparisonRule.differs("threshold", "the rule");
        r.add("d", 0.5, "k", 0.75, differs);
        r.add("d", 0.5, "k", 0.5 + 1e-9, differs);
        r.add("d", 0.5, "k", 0.75, ComparisonRule.same("same rule"));
        r.add("d", Double.NaN, "k", Double.NaN, ComparisonRule.same("same rule"));
        assertEquals(List.of("threshold", "", ComparisonRule.UNEXPLAINED, ""),
                out.stream().map(ComparisonRow::cause).collect(Collectors.toList()));
        assertEquals("the rule", out.get(0).explanation());
        assertTrue(out.get(1).explanation().startsWith("Equal on these predictions"));
        assertEquals("same rule", out.get(3).explanation());
    }

    @Test
    void kerasMetricsAreWrittenInPythonNotation() {
        assertEquals("F1Score(average=None, threshold=0.5)",
                KerasMetric.of("f", "F1Score", "average", null, "threshold", 0.5).display());
        assertEquals("AUC(num_thresholds=200, multi_label=True, label_weights=[0.0, 1.0])",
                KerasMetric.of("a", "AUC", "num_thresholds", 200, "multi_label", true, "label_weights",
                        List.of(0.0, 1.0)).display());
        assertEquals("MeanSquaredError() on column 2",
                KerasMetric.of("m", "MeanSquaredError").onColumn(2, "m2").display());
    }

    // ---------------------------------------------------------------- Iris, by hand

    @Test
    void irisAccuracyPerClassAndMacroScoresFollowTheArgmax() {
        double[][] y = run.iris().labels().toDoubleMatrix();
        double[][] p = run.iris().predictions().toDoubleMatrix();
        int[][] m = Hand.confusion(y, p);
        double right = 0;
        for (int k = 0; k < 3; k++) {
            right += m[k][k];
        }
        String s = run.iris().description();
        assertBoth(row(s, "Evaluation.accuracy()", "CategoricalAccuracy()"), right / y.length, FLOAT32);
        double f1Sum = 0;
        for (int k = 0; k < 3; k++) {
            String cls = k + " (" + IrisComparison.CLASSES[k] + ")";
            double precision = Hand.precision(m, k);
            double recall = Hand.recall(m, k);
            f1Sum += Hand.f1(precision, recall);
            assertBoth(row(s, "Evaluation.precision(" + cls + ")", "Precision(top_k=1, class_id=" + k + ")"),
                    precision, FLOAT32);
            assertBoth(row(s, "Evaluation.recall(" + cls + ")", "Recall(top_k=1, class_id=" + k + ")"), recall,
                    FLOAT32);
            assertBoth(row(s, "Evaluation.f1(" + cls + ")", "F1Score(average=None)[" + k + "]"),
                    Hand.f1(precision, recall), FLOAT32);
        }
        assertBoth(row(s, "Evaluation.f1() (macro)", "F1Score(average=macro)"), f1Sum / 3, FLOAT32);
    }

    @Test
    void irisAucIsExactPerClassInDl4jAndBucketedInKeras() {
        double[][] y = run.iris().labels().toDoubleMatrix();
        double[][] p = run.iris().predictions().toDoubleMatrix();
        String s = run.iris().description();
        double[] thresholds = Hand.kerasThresholds(200);
        double exactSum = 0;
        double bucketedSum = 0;
        List<Double> flatY = new ArrayList<>();
        List<Double> flatP = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double[] yk = Hand.column(y, k);
            double[] pk = Hand.column(p, k);
            double exact = Hand.mannWhitney(yk, pk);
            double bucketed = Hand.thresholdedAuc(yk, pk, thresholds, true);
            exactSum += exact;
            bucketedSum += bucketed;
            ComparisonRow r = row(s, "ROCMultiClass.calculateAUC(" + k + " (" + IrisComparison.CLASSES[k] + "))",
                    "AUC(num_thresholds=200, multi_label=True, label_weights=");
            assertEquals(exact, r.frameworkValue(), EXACT);
            assertEquals(bucketed, r.kerasValue(), FLOAT32);
            for (int i = 0; i < yk.length; i++) {
                flatY.add(yk[i]);
                flatP.add(pk[i]);
            }
        }
        ComparisonRow average = row(s, "ROCMultiClass.calculateAverageAUC()",
                "AUC(num_thresholds=200, multi_label=True)");
        assertEquals(exactSum / 3, average.frameworkValue(), EXACT);
        assertEquals(bucketedSum / 3, average.kerasValue(), FLOAT32);
        ComparisonRow flattened = row(s, "ROCMultiClass.calculateAverageAUC()", "AUC(num_thresholds=200)");
        double flat = Hand.thresholdedAuc(unbox(flatY), unbox(flatP), thresholds, true);
        assertEquals(flat, flattened.kerasValue(), FLOAT32);
        assertNotEquals(flattened.frameworkValue(), flattened.kerasValue(), 1e-6);
        assertEquals("averaging", flattened.cause());
    }

    @Test
    void irisLossScoreIsTheCrossentropyPlusTheL2Term() {
        double[][] y = run.iris().labels().toDoubleMatrix();
        double[][] p = run.iris().predictions().toDoubleMatrix();
        double ce = 0;
        for (int i = 0; i < y.length; i++) {
            ce -= Math.log(Math.max(p[i][Hand.argmax(y[i])], 1e-7));
        }
        ce /= y.length;
        String s = run.iris().description();
        ComparisonRow score = row(s, "MultiLayerNetwork.score(test) (MCXENT + L2)", "CategoricalCrossentropy()");
        assertEquals(ce, score.kerasValue(), FLOAT32);
        assertTrue(run.iris().regularisation() > 0);
        assertEquals(ce + run.iris().regularisation(), score.frameworkValue(), FLOAT32);
        assertEquals("regularisation", score.cause());
        assertBoth(row(s, "score(test) - calcRegularizationScore(true) (mean MCXENT)", "CategoricalCrossentropy()"),
                ce, FLOAT32);
    }

    // ---------------------------------------------------------------- binary, by hand

    @Test
    void binaryCountsThresholdStrictlyAtOneHalf() {
        double[] y = Hand.column(run.binary().labels().toDoubleMatrix(), 0);
        double[] p = Hand.column(run.binary().predictions().toDoubleMatrix(), 0);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        double tn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean positive = p[i] > 0.5;
            tp += positive && y[i] == 1 ? 1 : 0;
            fp += positive && y[i] == 0 ? 1 : 0;
            fn += !positive && y[i] == 1 ? 1 : 0;
            tn += !positive && y[i] == 0 ? 1 : 0;
        }
        String s = run.binary().description();
        double precision = tp / (tp + fp);
        double recall = tp / (tp + fn);
        assertBoth(row(s, "EvaluationBinary.accuracy(0)", "BinaryAccuracy()"), (tp + tn) / y.length, FLOAT32);
        assertBoth(row(s, "EvaluationBinary.precision(0)", "Precision()"), precision, FLOAT32);
        assertBoth(row(s, "EvaluationBinary.recall(0)", "Recall()"), recall, FLOAT32);
        assertBoth(row(s, "EvaluationBinary.f1(0)", "F1Score(threshold=0.5)[0]"), Hand.f1(precision, recall),
                FLOAT32);
        assertBoth(row(s, "Evaluation.f1() (one column)", "F1Score(threshold=0.5)[0]"), Hand.f1(precision, recall),
                FLOAT32);
    }

    @Test
    void binaryRocIsExactOrOnDl4jsGridAndKerasCountsStrictlyAboveItsThresholds() {
        double[] y = Hand.column(run.binary().labels().toDoubleMatrix(), 0);
        double[] p = Hand.column(run.binary().predictions().toDoubleMatrix(), 0);
        assertEquals(0, MergeComparison.sharedScores(run.binary().labels(), run.binary().predictions()),
                "no positive and negative row share a score, so the exact AUC is the Mann-Whitney statistic");
        String s = run.binary().description();
        double keras = Hand.thresholdedAuc(y, p, Hand.kerasThresholds(200), true);
        ComparisonRow exact = row(s, "ROC().calculateAUC() (exact)", "AUC()");
        assertEquals(Hand.mannWhitney(y, p), exact.frameworkValue(), EXACT);
        assertEquals(keras, exact.kerasValue(), FLOAT32);
        ComparisonRow sameGrid = row(s, "new ROC(199).calculateAUC() (thresholded)", "AUC()");
        assertEquals(Hand.thresholdedAuc(y, p, Hand.dl4jThresholds(199), false), sameGrid.frameworkValue(), EXACT);
        assertTrue(sameGrid.agrees(), "the same 200 thresholds: " + sameGrid);
        ComparisonRow otherGrid = row(s, "new ROC(200).calculateAUC() (thresholded)", "AUC()");
        assertEquals(Hand.thresholdedAuc(y, p, Hand.dl4jThresholds(200), false), otherGrid.frameworkValue(), EXACT);
    }

    @Test
    void binaryLossScoreIsTheBinaryCrossentropy() {
        double[] y = Hand.column(run.binary().labels().toDoubleMatrix(), 0);
        double[] p = Hand.column(run.binary().predictions().toDoubleMatrix(), 0);
        double bce = 0;
        for (int i = 0; i < y.length; i++) {
            double q = Math.min(Math.max(p[i], 1e-7), 1 - 1e-7);
            bce -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
        }
        assertEquals(0.0, run.binary().regularisation());
        assertBoth(row(run.binary().description(), "MultiLayerNetwork.score(test) (XENT, no regularisation)",
                "BinaryCrossentropy()"), bce / y.length, FLOAT32);
    }

    // ---------------------------------------------------------------- regression, by hand

    @Test
    void regressionColumnsAgreeAndAveragesFollowTheirRules() {
        double[][] y = run.regression().labels().toDoubleMatrix();
        double[][] p = run.regression().predictions().toDoubleMatrix();
        String s = run.regression().description();
        double rmseSum = 0;
        double mseSum = 0;
        double r2Sum = 0;
        double weighted = 0;
        double weights = 0;
        double pearsonSum = 0;
        for (int k = 0; k < 3; k++) {
            double[] yk = Hand.column(y, k);
            double[] pk = Hand.column(p, k);
            double mse = Hand.sumSquaredError(yk, pk) / yk.length;
            double r2 = Hand.rSquared(yk, pk);
            mseSum += mse;
            rmseSum += Math.sqrt(mse);
            r2Sum += r2;
            weighted += Hand.sumOfSquares(yk) * r2;
            weights += Hand.sumOfSquares(yk);
            pearsonSum += Hand.pearson(yk, pk);
            assertBoth(row(s, "RegressionEvaluation.meanSquaredError(" + k + ")", "MeanSquaredError() on column "
                    + k), mse, FLOAT32);
            assertBoth(row(s, "RegressionEvaluation.meanAbsoluteError(" + k + ")", "MeanAbsoluteError() on column "
                    + k), Hand.meanAbsoluteError(yk, pk), FLOAT32);
            assertBoth(row(s, "RegressionEvaluation.rootMeanSquaredError(" + k + ")", "RootMeanSquaredError() on "
                    + "column " + k), Math.sqrt(mse), FLOAT32);
            ComparisonRow r2Row = row(s, "RegressionEvaluation.rSquared(" + k + ")", "R2Score(class_aggregation=None)["
                    + k + "]");
            assertEquals(r2, r2Row.frameworkValue(), EXACT);
            assertEquals(r2, r2Row.kerasValue(), 1e-5, "float32 R2Score");
            assertBoth(row(s, "RegressionEvaluation.pearsonCorrelation(" + k + ")",
                    "PearsonCorrelation(axis=0) on column " + k), Hand.pearson(yk, pk), FLOAT32);
        }
        ComparisonRow rmse = row(s, "RegressionEvaluation.averagerootMeanSquaredError()", "RootMeanSquaredError()");
        assertEquals(rmseSum / 3, rmse.frameworkValue(), EXACT);
        assertEquals(Math.sqrt(mseSum / 3), rmse.kerasValue(), FLOAT32);
        assertEquals("averaging", rmse.cause());
        assertBoth(row(s, "RegressionEvaluation.averageMeanSquaredError()", "MeanSquaredError()"), mseSum / 3,
                FLOAT32);
        assertBoth(row(s, "RegressionEvaluation.averageRSquared()", "R2Score(class_aggregation=uniform_average, "
                + "dtype=float64)"), r2Sum / 3, 1e-9);
        ComparisonRow variance = row(s, "RegressionEvaluation.averageRSquared()",
                "R2Score(class_aggregation=variance_weighted_average)");
        assertEquals(weighted / weights, variance.kerasValue(), 1e-5);
        assertBoth(row(s, "RegressionEvaluation.averagePearsonCorrelation()", "PearsonCorrelation(axis=0)"),
                pearsonSum / 3, FLOAT32);
        double perRow = 0;
        for (int i = 0; i < y.length; i++) {
            perRow += Hand.pearson(y[i], p[i]);
        }
        ComparisonRow axis = row(s, "RegressionEvaluation.averagePearsonCorrelation()", "PearsonCorrelation()");
        assertEquals(perRow / y.length, axis.kerasValue(), 1e-5);
        assertEquals("per-sample vs pooled correlation", axis.cause());
        assertBoth(row(s, "MultiLayerNetwork.score(test) (MSE, no regularisation)", "MeanSquaredError()"),
                mseSum / 3, FLOAT32);
    }

    // ---------------------------------------------------------------- sharded evaluation, by hand

    /** DL4J's merge leaves sumLabels at the first shard's: R2 from SStot = Σy² + ȳ(n·ȳ - 2·Σy_shard1). */
    @Test
    void mergedR2IsWhatDl4jsStaleLabelSumGives() {
        double[][] y = run.regression().labels().toDoubleMatrix();
        double[][] p = run.regression().predictions().toDoubleMatrix();
        String s = "Regression MLP, sharded evaluation";
        int shard = GeneratedData.SHARD_ROWS;
        double wrongSum = 0;
        double rightSum = 0;
        for (int k = 0; k < 3; k++) {
            double[] yk = Hand.column(y, k);
            double[] pk = Hand.column(p, k);
            double n = yk.length;
            double mean = Hand.mean(yk);
            double squares = 0;
            for (double v : yk) {
                squares += v * v;
            }
            double staleSum = Hand.sum(Hand.slice(yk, 0, shard));
            double ssTot = squares + mean * (n * mean - 2 * staleSum);
            double wrong = 1 - Hand.sumSquaredError(yk, pk) / ssTot;
            double right = Hand.rSquared(yk, pk);
            wrongSum += wrong;
            rightSum += right;
            ComparisonRow merged = row(s, "RegressionEvaluation.rSquared(" + k + "), shard evaluations merged",
                    "R2Score(class_aggregation=None)[" + k + "]");
            assertEquals(wrong, merged.frameworkValue(), 1e-9);
            assertEquals(right, merged.kerasValue(), 1e-5);
            assertEquals("merge", merged.cause());
            assertBoth(row(s, "RegressionEvaluation.rSquared(" + k + "), one pass",
                    "R2Score(class_aggregation=None)[" + k + "]"), right, 1e-5);
        }
        ComparisonRow average = row(s, "RegressionEvaluation.averageRSquared(), shard evaluations merged",
                "R2Score(class_aggregation=uniform_average)");
        assertEquals(wrongSum / 3, average.frameworkValue(), 1e-9);
        assertEquals(rightSum / 3, average.kerasValue(), 1e-5);
        assertTrue(average.frameworkValue() > average.kerasValue() + 0.05, "R2 inflated by the merge: " + average);
        ComparisonRow mse = row(s, "RegressionEvaluation.averageMeanSquaredError(), shard evaluations merged",
                "MeanSquaredError()");
        assertTrue(mse.agrees() && mse.explanation().contains("DL4J's merge reproduces its one pass"), mse.toString());
    }

    @Test
    void kerasPearsonOverShardsIsTheMeanOfPerShardCorrelations() {
        double[][] y = run.regression().labels().toDoubleMatrix();
        double[][] p = run.regression().predictions().toDoubleMatrix();
        int shard = GeneratedData.SHARD_ROWS;
        double sum = 0;
        int count = 0;
        for (int from = 0; from < y.length; from += shard) {
            for (int k = 0; k < 3; k++) {
                sum += Hand.pearson(Hand.slice(Hand.column(y, k), from, from + shard),
                        Hand.slice(Hand.column(p, k), from, from + shard));
                count++;
            }
        }
        ComparisonRow r = row("Regression MLP, sharded evaluation",
                "RegressionEvaluation.averagePearsonCorrelation(), shard evaluations merged",
                "PearsonCorrelation(axis=0)");
        assertEquals(sum / count, r.kerasValue(), FLOAT32);
        double pooled = 0;
        for (int k = 0; k < 3; k++) {
            pooled += Hand.pearson(Hand.column(y, k), Hand.column(p, k));
        }
        assertEquals(pooled / 3, r.frameworkValue(), EXACT);
        assertEquals("per-sample vs pooled correlation", r.cause());
    }

    @Test
    void mergingIntoAnEmptyEvaluationSharesStateWithTheFirstShard() {
        String s = "Binary MLP, the same";
        double[] y = Hand.column(run.binary().labels().toDoubleMatrix(), 0);
        double[] p = Hand.column(run.binary().predictions().toDoubleMatrix(), 0);
        int shard = GeneratedData.SHARD_ROWS;
        double right = 0;
        double rightFirst = 0;
        for (int i = 0; i < y.length; i++) {
            boolean ok = (p[i] > 0.5) == (y[i] == 1);
            right += ok ? 1 : 0;
            rightFirst += ok && i < shard ? 1 : 0;
        }
        // the first shard's own EvaluationBinary reports the merged counts; its KerasEvaluation its own
        ComparisonRow first = row(s, "EvaluationBinary.accuracy(0) of shard 1's own evaluation, after merging it",
                "BinaryAccuracy()");
        assertEquals(right / y.length, first.frameworkValue(), EXACT);
        assertEquals(rightFirst / shard, first.kerasValue(), FLOAT32);
        assertEquals("merge aliasing", first.cause());
        // the first shard's next batch (its own rows again) is counted in the merged evaluation too
        ComparisonRow later = row(s, "EvaluationBinary.accuracy(0) of the merged evaluation, after shard 1",
                "BinaryAccuracy()");
        assertEquals((right + rightFirst) / (y.length + shard), later.frameworkValue(), EXACT);
        assertEquals(right / y.length, later.kerasValue(), FLOAT32);
        // the exact ROC's next batch overwrites the second shard's rows in the shared buffer
        double[] overwrittenY = y.clone();
        double[] overwrittenP = p.clone();
        System.arraycopy(y, 0, overwrittenY, shard, shard);
        System.arraycopy(p, 0, overwrittenP, shard, shard);
        ComparisonRow roc = row(s, "ROC().calculateAUC() (exact) of the merged evaluation, after shard 1", "AUC()");
        assertEquals(Hand.mannWhitney(overwrittenY, overwrittenP), roc.frameworkValue(), EXACT);
        assertEquals("merge aliasing", roc.cause());
        assertEquals(Hand.mannWhitney(Hand.slice(y, 0, shard), Hand.slice(p, 0, shard)),
                row(s, "ROC().calculateAUC() (exact) of shard 1's own evaluation, after merging it", "AUC()")
                        .frameworkValue(), EXACT, "the first shard reads only its own rows");
    }

    @Test
    void mergingRegressionIntoAnEmptyEvaluationSharesTheRowCountAndLosesR2() {
        String s = "Regression MLP, the same";
        double[][] y = run.regression().labels().toDoubleMatrix();
        double[][] p = run.regression().predictions().toDoubleMatrix();
        int shard = GeneratedData.SHARD_ROWS;
        double sharedCount = 0;
        double own = 0;
        for (int k = 0; k < 3; k++) {
            double sse = Hand.sumSquaredError(Hand.slice(Hand.column(y, k), 0, shard),
                    Hand.slice(Hand.column(p, k), 0, shard));
            sharedCount += sse / y.length;
            own += sse / shard;
        }
        ComparisonRow first = row(s, "RegressionEvaluation.averageMeanSquaredError() of shard 1's own evaluation",
                "MeanSquaredError()");
        assertEquals(sharedCount / 3, first.frameworkValue(), EXACT);
        assertEquals(own / 3, first.kerasValue(), FLOAT32);
        assertEquals("merge aliasing", first.cause());
        ComparisonRow r2 = row(s, "RegressionEvaluation.averageRSquared() of the empty evaluation", "R2Score(");
        assertTrue(Double.isNaN(r2.frameworkValue()));
        assertTrue(r2.frameworkMetric().endsWith("(throws NullPointerException)"), r2.frameworkMetric());
        assertEquals("merge", r2.cause());
    }

    @Test
    void exactRocWithTiedScoresDependsOnTheMergeOrder() {
        String s = "Binary MLP, its probabilities rounded";
        double[] y = Hand.column(run.binary().labels().toDoubleMatrix(), 0);
        double[] p = Hand.column(run.binary().predictions().toDoubleMatrix(), 0);
        double[] rounded = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            float scaled = (float) (p[i] * 100); // ND4J multiplies in float32
            rounded[i] = Math.round(scaled) / 100f;
        }
        int shard = GeneratedData.SHARD_ROWS;
        double[] reverseY = new double[y.length];
        double[] reverseP = new double[y.length];
        int shards = y.length / shard;
        for (int s4 = 0; s4 < shards; s4++) {
            System.arraycopy(y, (shards - 1 - s4) * shard, reverseY, s4 * shard, shard);
            System.arraycopy(rounded, (shards - 1 - s4) * shard, reverseP, s4 * shard, shard);
        }
        ComparisonRow merged = row(s, "ROC().calculateAUC() (exact), shard evaluations merged", "AUC()");
        ComparisonRow onePass = row(s, "ROC().calculateAUC() (exact), one pass", "AUC()");
        assertEquals(Hand.arrivalOrderAuc(reverseY, reverseP), merged.frameworkValue(), EXACT);
        assertEquals(Hand.arrivalOrderAuc(y, rounded), onePass.frameworkValue(), EXACT);
        assertEquals(Hand.mannWhitney(y, rounded), merged.kerasValue(), FLOAT32);
        assertNotEquals(merged.frameworkValue(), onePass.frameworkValue(), 1e-6);
        assertEquals("tie-breaking", merged.cause());
        assertTrue(row(s, "new ROC(199).calculateAUC() (thresholded), shard evaluations merged", "AUC()").agrees());
    }

    @Test
    void kerasEvaluationMergeReproducesItsOnePassForEveryComparedMetric() {
        for (Outputs o : List.of(run.iris(), run.binary(), run.regression())) {
            List<KerasMetric> metrics = o == run.regression() ? RegressionComparison.metrics()
                    : o == run.binary() ? List.of(KerasMetric.of("ba", "BinaryAccuracy"),
                            KerasMetric.of("f1", "F1Score", "threshold", 0.5, "average", "micro"),
                            KerasMetric.of("auc", "AUC"), KerasMetric.of("auc_pr", "AUC", "curve", "PR"))
                    : List.of(KerasMetric.of("ca", "CategoricalAccuracy"),
                            KerasMetric.of("f1", "F1Score", "average", "macro"),
                            KerasMetric.of("auc", "AUC", "multi_label", true));
            int shards = o == run.iris() ? 3 : 4;
            KerasShardRuns k = new KerasShardRuns(metrics, ShardRuns.split(o.labels(), o.predictions(), shards),
                    false);
            KerasShardRuns reverse = new KerasShardRuns(metrics, ShardRuns.split(o.labels(), o.predictions(),
                    shards), true);
            for (KerasMetric m : metrics) {
                if (m.name().equals("r2_none")) {
                    continue; // a vector; its elements are checked through the rows
                }
                // the states are sums: merged in any order they give the one-pass value, up to float32 rounding
                double one = k.onePass.value(m.name());
                assertEquals(one, k.merged.value(m.name()), 1e-6, o.model() + " " + m.display());
                assertEquals(one, reverse.merged.value(m.name()), 1e-6, o.model() + " " + m.display());
                assertEquals(one, k.intoEmpty.value(m.name()), 1e-6, o.model() + " " + m.display());
                assertEquals(one, k.totalLater.value(m.name()), 1e-6, o.model() + " " + m.display());
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isModelRow(ComparisonRow r) {
        return List.of(run.iris(), run.binary(), run.regression()).stream()
                .anyMatch(o -> r.scenario().startsWith(o.description()));
    }

    /** The only row whose scenario starts with, DL4J metric starts with and Keras metric starts with these. */
    private static ComparisonRow row(String scenario, String dl4j, String keras) {
        List<ComparisonRow> found = rows.stream().filter(r -> r.scenario().startsWith(scenario)
                && r.frameworkMetric().startsWith(dl4j) && r.kerasMetric().startsWith(keras))
                .collect(Collectors.toList());
        assertEquals(1, found.size(), scenario + " / " + dl4j + " / " + keras + ": " + found);
        return found.get(0);
    }

    /** Both sides equal the hand value; DL4J computes in float64 from float32 outputs, Keras in float32. */
    private static void assertBoth(ComparisonRow r, double expected, double kerasTolerance) {
        assertEquals(expected, r.frameworkValue(), 1e-6, "DL4J: " + r);
        assertEquals(expected, r.kerasValue(), kerasTolerance, "Keras: " + r);
        assertTrue(r.agrees(), r.toString());
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
