package io.github.metricparity.dl4j.compare;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.comparison.ComparisonRow;
import java.util.List;
import java.util.Map;
import org.nd4j.evaluation.EvaluationAveraging;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.EvaluationBinary;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.classification.ROCMultiClass;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Where DL4J's own evaluations and losses ({@code Evaluation}, {@code EvaluationBinary}, {@code ROC},
 * {@code ROCMultiClass}, {@code LossMCXENT}, {@code LossBinaryXENT}) agree with Keras 3's metrics of the same
 * intent, and where and why they do not: one small fixed case per rule, DL4J's value next to the Keras value
 * computed by this adapter ({@link KerasEvaluation}) on the same arrays. Each method is one row of the parity
 * report; the README's DL4J section lists them. Stateless.
 */
public final class Dl4jDifferences {
    static final String FRAMEWORK = Dl4jMetricProvider.ID;

    private Dl4jDifferences() {
    }

    /** Every row, in README order. */
    public static List<ComparisonRow> all() {
        return List.of(thresholdAtExactlyOneHalf(), softBinaryLabels(), softBinaryLabelsEvaluationBinary(),
                binaryDecisionThresholdOnTwoColumns(), exactRocVersusBucketedAuc(), rocMultiClassVersusFlattenedAuc(),
                macroF1WithAnAbsentClass(), binaryF1IsThePositiveClass(), topNAccuracy(), noDataYet(),
                fractionalPerExampleMask(), fractionalTimeStepMask(), categoricalCrossentropyClip(),
                binaryCrossentropyClip(), meanSquaredError(), rSquared(), rootMeanSquaredError(),
                pearsonCorrelation());
    }

    static INDArray array(double[][] rows) {
        return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
    }

    /** The Keras metric's value on these arrays, through the adapter's IEvaluation. */
    static double keras(String className, Map<String, ?> config, INDArray labels, INDArray predictions) {
        KerasEvaluation e = KerasEvaluation.of(new Dl4jMetricProvider().create(className, config));
        e.eval(labels, predictions);
        return e.values().values().iterator().next();
    }

    private static ComparisonRow row(String scenario, String dl4jMetric, double dl4jValue, String kerasMetric,
            double kerasValue, String cause, String explanation) {
        return new ComparisonRow(FRAMEWORK, scenario, dl4jMetric, dl4jValue, kerasMetric, kerasValue, cause,
                explanation);
    }

    /** Both threshold strictly: a probability of exactly 0.5 is a negative. */
    public static ComparisonRow thresholdAtExactlyOneHalf() {
        INDArray labels = array(new double[][] {{1}, {0}, {1}, {0}});
        INDArray predictions = array(new double[][] {{0.5}, {0.5}, {0.7}, {0.2}});
        Evaluation e = new Evaluation();
        e.eval(labels, predictions);
        return row("one sigmoid output, predictions of exactly 0.5", "Evaluation.accuracy()", e.accuracy(),
                "BinaryAccuracy()", keras("BinaryAccuracy", Map.of(), labels, predictions), "",
                "The same rule: y_pred > 0.5 is positive (strict), in DL4J's Evaluation and EvaluationBinary as in "
                        + "Keras's BinaryAccuracy.");
    }

    /** Soft (smoothed) binary labels: DL4J truncates label products to integers, Keras compares raw labels. */
    public static ComparisonRow softBinaryLabels() {
        INDArray labels = array(new double[][] {{0.9}, {0.1}});
        INDArray predictions = array(new double[][] {{0.8}, {0.3}});
        Evaluation e = new Evaluation();
        e.eval(labels, predictions);
        return row("one sigmoid output, soft labels 0.9 / 0.1", "Evaluation.accuracy()", e.accuracy(),
                "BinaryAccuracy()", keras("BinaryAccuracy", Map.of(), labels, predictions), "label rule",
                "DL4J counts true/false positives as int(label * prediction) and takes the rest as true negatives, "
                        + "so soft labels count as correct; Keras compares the thresholded prediction with the label "
                        + "itself, and 0.9 never equals 1.");
    }

    /** EvaluationBinary counts soft labels nowhere. */
    public static ComparisonRow softBinaryLabelsEvaluationBinary() {
        INDArray labels = array(new double[][] {{0.9}, {0.1}});
        INDArray predictions = array(new double[][] {{0.8}, {0.3}});
        EvaluationBinary e = new EvaluationBinary();
        e.eval(labels, predictions);
        return row("one sigmoid output, soft labels 0.9 / 0.1", "EvaluationBinary.accuracy(0)", e.accuracy(0),
                "BinaryAccuracy()", keras("BinaryAccuracy", Map.of(), labels, predictions), "label rule",
                "EvaluationBinary counts a label only when it is exactly 0 or 1: with soft labels every count is "
                        + "0 and the accuracy is NaN; Keras gives 0.0.");
    }

    /** Evaluation(threshold) on a 2-column softmax thresholds column 1; Keras's "accuracy" takes the argmax. */
    public static ComparisonRow binaryDecisionThresholdOnTwoColumns() {
        INDArray labels = array(new double[][] {{1, 0}, {0, 1}, {1, 0}, {0, 1}});
        INDArray predictions = array(new double[][] {{0.8, 0.2}, {0.3, 0.7}, {0.4, 0.6}, {0.6, 0.4}});
        Evaluation e = new Evaluation(0.3);
        e.eval(labels, predictions);
        return row("two-column softmax, DL4J decision threshold 0.3", "new Evaluation(0.3).accuracy()",
                e.accuracy(), "compile accuracy = CategoricalAccuracy()",
                keras("CategoricalAccuracy", Map.of(), labels, predictions), "threshold",
                "DL4J's binaryDecisionThreshold on two columns predicts class 1 when p[:, 1] > threshold; Keras 3 "
                        + "resolves \"accuracy\" on (N, 2) outputs to CategoricalAccuracy (argmax, i.e. 0.5), and "
                        + "BinaryAccuracy(threshold) compares every column with its label.");
    }

    /** DL4J's ROC() is exact; Keras's AUC() buckets predictions into 200 thresholds and interpolates. */
    public static ComparisonRow exactRocVersusBucketedAuc() {
        INDArray labels = array(new double[][] {{1}, {0}, {1}, {0}, {1}, {0}});
        INDArray predictions = array(new double[][] {{0.501}, {0.502}, {0.503}, {0.5035}, {0.9}, {0.1}});
        ROC roc = new ROC();
        roc.eval(labels, predictions);
        return row("scores closer together than 1/199", "ROC().calculateAUC() (exact)", roc.calculateAUC(),
                "AUC() (200 thresholds)", keras("AUC", Map.of(), labels, predictions), "exact vs bucketed AUC",
                "ROC() with thresholdSteps=0 ranks every score exactly; Keras's AUC counts the confusion matrix at "
                        + "200 evenly spaced thresholds and interpolates, so scores inside one bucket tie. "
                        + "AUC(num_thresholds=2000) or ROC(200) move each towards the other.");
    }

    /** ROCMultiClass averages one-vs-all AUCs; Keras's AUC() flattens (N, C) one-hot data into one curve. */
    public static ComparisonRow rocMultiClassVersusFlattenedAuc() {
        INDArray labels = array(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        INDArray predictions = array(new double[][] {{0.5, 0.3, 0.2}, {0.2, 0.5, 0.3}, {0.4, 0.3, 0.3},
            {0.3, 0.4, 0.3}, {0.1, 0.8, 0.1}, {0.2, 0.2, 0.6}});
        ROCMultiClass roc = new ROCMultiClass();
        roc.eval(labels, predictions);
        return row("three-class softmax", "ROCMultiClass.calculateAverageAUC()", roc.calculateAverageAUC(),
                "AUC()", keras("AUC", Map.of(), labels, predictions), "averaging",
                "ROCMultiClass averages the one-vs-all AUC of each class; Keras's AUC() with multi_label=False "
                        + "flattens all N x C entries into one curve (a micro average). AUC(multi_label=True) "
                        + "averages per class like DL4J, with 200 buckets.");
    }

    /** A class absent from labels and predictions: DL4J's macro F1 skips it, Keras's counts it as 0. */
    public static ComparisonRow macroF1WithAnAbsentClass() {
        INDArray labels = array(new double[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {0, 1, 0}});
        INDArray predictions = array(new double[][] {{0.8, 0.1, 0.1}, {0.1, 0.8, 0.1}, {0.2, 0.7, 0.1},
            {0.1, 0.8, 0.1}});
        Evaluation e = new Evaluation();
        e.eval(labels, predictions);
        return row("three classes, class 2 never seen nor predicted", "Evaluation.f1(Macro)",
                e.f1(EvaluationAveraging.Macro), "F1Score(average=\"macro\")",
                keras("F1Score", Map.of("average", "macro"), labels, predictions), "averaging",
                "DL4J leaves classes without any true or predicted example out of the macro average; Keras "
                        + "averages over every column, an empty class scoring 0 (its epsilons turn 0/0 into 0).");
    }

    /** Evaluation.f1() on two classes is the F1 of class 1; Keras's F1Score averages or returns every class. */
    public static ComparisonRow binaryF1IsThePositiveClass() {
        INDArray labels = array(new double[][] {{1, 0}, {1, 0}, {1, 0}, {0, 1}});
        INDArray predictions = array(new double[][] {{0.8, 0.2}, {0.7, 0.3}, {0.4, 0.6}, {0.3, 0.7}});
        Evaluation e = new Evaluation();
        e.eval(labels, predictions);
        return row("two-class softmax", "Evaluation.f1()", e.f1(), "F1Score(average=\"macro\")",
                keras("F1Score", Map.of("average", "macro"), labels, predictions), "averaging",
                "With two classes DL4J's f1() is the F1 of the positive class 1 only; Keras's F1Score() returns "
                        + "one F1 per class (average=None) or their macro, micro or weighted average.");
    }

    /** The same top-N rule: ties with the true class's score count as in. */
    public static ComparisonRow topNAccuracy() {
        INDArray labels = array(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        INDArray predictions = array(new double[][] {{0.3, 0.4, 0.3}, {0.5, 0.2, 0.3}, {0.4, 0.3, 0.3}});
        Evaluation e = new Evaluation(null, 2);
        e.eval(labels, predictions);
        return row("three-class softmax with ties", "new Evaluation(labels, 2).topNAccuracy()", e.topNAccuracy(),
                "TopKCategoricalAccuracy(k=2)", keras("TopKCategoricalAccuracy", Map.of("k", 2), labels, predictions),
                "", "The same rule: the true class is in the top N when fewer than N scores are strictly greater.");
    }

    /** Before any data DL4J refuses to report an accuracy; Keras reports 0. */
    public static ComparisonRow noDataYet() {
        double dl4j;
        try {
            dl4j = new Evaluation().accuracy();
        } catch (IllegalStateException e) {
            dl4j = Double.NaN;
        }
        KerasEvaluation keras = KerasEvaluation.of(new Dl4jMetricProvider().create("CategoricalAccuracy", Map.of()));
        return row("no batch evaluated yet", "Evaluation.accuracy() (throws)", dl4j, "CategoricalAccuracy()",
                keras.value("categorical_accuracy"), "empty",
                "DL4J throws IllegalStateException before the first batch; Keras's Mean-based metrics report 0.0 "
                        + "(divide_no_nan).");
    }

    /** A per-example mask value of 0.5: DL4J ignores or mishandles it, a Keras sample weight halves the example. */
    public static ComparisonRow fractionalPerExampleMask() {
        INDArray labels = array(new double[][] {{1, 0}, {0, 1}, {1, 0}});
        INDArray predictions = array(new double[][] {{0.9, 0.1}, {0.8, 0.2}, {0.3, 0.7}});
        INDArray mask = Nd4j.createFromArray(1f, 0.5f, 1f);
        Evaluation e = new Evaluation();
        e.eval(labels, predictions, mask);
        KerasEvaluation keras = KerasEvaluation.compile("accuracy");
        keras.eval(labels, predictions, mask);
        return row("per-example mask [1, 0.5, 1]", "Evaluation.accuracy() with the mask", e.accuracy(),
                "accuracy with sample_weight [1, 0.5, 1] (KerasEvaluation)", keras.value("accuracy"), "mask",
                "DL4J's masks are 0/1: a per-example mask with no zero is ignored (0.5 counts as 1), and with a "
                        + "zero elsewhere 0.5 is truncated to 0 (and the first kept row is counted in its place); "
                        + "time-step masks keep exactly-1 steps only. Keras weighs the example by 0.5, as "
                        + "KerasEvaluation does with DL4J masks.");
    }

    /** A time-step mask value of 0.5: DL4J drops the step, a Keras sample weight halves it. */
    public static ComparisonRow fractionalTimeStepMask() {
        INDArray labels = Nd4j.create(DataType.FLOAT, 1, 2, 3);
        INDArray predictions = Nd4j.create(DataType.FLOAT, 1, 2, 3);
        double[][] steps = {{1, 0, 0.9, 0.1}, {0, 1, 0.9, 0.1}, {1, 0, 0.9, 0.1}};
        for (int t = 0; t < 3; t++) {
            for (int c = 0; c < 2; c++) {
                labels.putScalar(new long[] {0, c, t}, steps[t][c]);
                predictions.putScalar(new long[] {0, c, t}, steps[t][2 + c]);
            }
        }
        INDArray mask = array(new double[][] {{1, 0.5, 1}});
        Evaluation e = new Evaluation();
        e.eval(labels, predictions, mask);
        KerasEvaluation keras = KerasEvaluation.compile("accuracy");
        keras.eval(labels, predictions, mask);
        return row("time series, step mask [1, 0.5, 1]", "Evaluation.accuracy() with the mask", e.accuracy(),
                "accuracy with per-step sample_weight (KerasEvaluation)", keras.value("accuracy"), "mask",
                "DL4J keeps only time steps whose mask is exactly 1, dropping the 0.5 step; Keras weighs it by "
                        + "0.5.");
    }

    /** A confidently wrong softmax: DL4J clips at 1e-10, Keras at 1e-7. */
    public static ComparisonRow categoricalCrossentropyClip() {
        INDArray labels = array(new double[][] {{0, 1}});
        double dl4j = new LossMCXENT().computeScore(labels, array(new double[][] {{30, -30}}),
                new ActivationSoftmax(), null, true);
        return row("softmax output [1, 0], label [0, 1]", "LossMCXENT score (softmax)", dl4j,
                "CategoricalCrossentropy()", keras("CategoricalCrossentropy", Map.of(), labels,
                        array(new double[][] {{1, 0}})), "epsilon",
                "DL4J's MCXENT clips softmax probabilities at 1e-10 (-log = 23.03); Keras clips at 1e-7 (16.12). "
                        + "DL4J's score also adds the L1/L2 terms; Keras's loss adds the layers' regularisation "
                        + "losses, its metrics do not.");
    }

    /** A confidently wrong sigmoid: DL4J clips at 1e-5, Keras at float32 1 - 1e-7. */
    public static ComparisonRow binaryCrossentropyClip() {
        INDArray labels = array(new double[][] {{0}});
        double dl4j = new LossBinaryXENT().computeScore(labels, array(new double[][] {{40}}),
                new ActivationSigmoid(), null, true);
        return row("sigmoid output 1.0, label 0", "LossBinaryXENT score (sigmoid)", dl4j, "BinaryCrossentropy()",
                keras("BinaryCrossentropy", Map.of(), labels, array(new double[][] {{1}})), "epsilon",
                "DL4J's binary XENT clips at 1e-5 (-log = 11.51); Keras clips at 1 - 1e-7 computed in float32 "
                        + "(0.99999988), which costs 15.94.");
    }

    /** Three regression outputs for four examples, and DL4J's RegressionEvaluation of them. */
    private static final double[][] REGRESSION_TARGETS = {{1, 2, 3}, {2, 4, 1}, {3, 1, 2}, {4, 3, 5}};
    private static final double[][] REGRESSION_PREDICTIONS = {{1.5, 2, 2.5}, {2, 3.5, 1.5}, {2.5, 1.5, 2}, {4, 3, 4}};

    private static RegressionEvaluation regression() {
        RegressionEvaluation e = new RegressionEvaluation();
        e.eval(array(REGRESSION_TARGETS), array(REGRESSION_PREDICTIONS));
        return e;
    }

    private static double kerasRegression(String className, Map<String, ?> config) {
        return keras(className, config, array(REGRESSION_TARGETS), array(REGRESSION_PREDICTIONS));
    }

    /** The same mean squared error without masks. */
    public static ComparisonRow meanSquaredError() {
        return row("three regression outputs", "RegressionEvaluation.averageMeanSquaredError()",
                regression().averageMeanSquaredError(), "MeanSquaredError()",
                kerasRegression("MeanSquaredError", Map.of()), "",
                "The same value without masks: the mean of the per-column means equals the mean of the per-sample "
                        + "means. With per-output masks DL4J averages each column over its own unmasked rows; Keras's "
                        + "MeanSquaredError has one value per sample and refuses a per-output weight.");
    }

    /** The same R^2 (uniform average over outputs). */
    public static ComparisonRow rSquared() {
        return row("three regression outputs", "RegressionEvaluation.averageRSquared()",
                regression().averageRSquared(), "R2Score()", kerasRegression("R2Score", Map.of()), "",
                "The same rule: 1 - SSres/SStot per output, then the plain mean over outputs (Keras's default "
                        + "class_aggregation=\"uniform_average\").");
    }

    /** DL4J averages per-output RMSEs; Keras takes the root of the overall mean square. */
    public static ComparisonRow rootMeanSquaredError() {
        return row("three regression outputs", "RegressionEvaluation.averagerootMeanSquaredError()",
                regression().averagerootMeanSquaredError(), "RootMeanSquaredError()",
                kerasRegression("RootMeanSquaredError", Map.of()), "averaging",
                "DL4J averages the RMSE of each output (a mean of square roots); Keras's RootMeanSquaredError is the "
                        + "square root of the mean square over every element.");
    }

    /** DL4J correlates each output over the samples; Keras correlates each sample over the outputs. */
    public static ComparisonRow pearsonCorrelation() {
        return row("three regression outputs", "RegressionEvaluation.averagePearsonCorrelation()",
                regression().averagePearsonCorrelation(), "PearsonCorrelation()",
                kerasRegression("PearsonCorrelation", Map.of()), "axis",
                "DL4J computes one correlation per output column across the examples and averages them; Keras's "
                        + "PearsonCorrelation computes one correlation per example across its outputs (axis=-1) and "
                        + "averages those: a different quantity.");
    }
}
