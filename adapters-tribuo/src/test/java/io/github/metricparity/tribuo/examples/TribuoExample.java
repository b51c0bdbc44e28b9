package io.github.metricparity.tribuo.examples;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.tribuo.KerasTribuoEvaluation;
import io.github.metricparity.tribuo.KerasLabelEvaluator;
import io.github.metricparity.tribuo.KerasMetricSpec;
import io.github.metricparity.tribuo.KerasRegressionEvaluator;
import io.github.metricparity.tribuo.MetricBinding;
import io.github.metricparity.tribuo.TensorEncoding;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Trains a Tribuo classifier and a regressor on offline data generated here, then evaluates each with Tribuo's own
 * evaluator and with Keras metrics ({@link KerasLabelEvaluator}, {@link KerasRegressionEvaluator}) side by side, and
 * checks the Keras numbers against the reference provider fed directly with the same predictions.
 *
 * <p>Run: {@code mvn -B -pl adapters-tribuo -am test-compile -Ptribuo-example} (see README-tribuo.md).
 */
public final class TribuoExample {
    /** Keras metrics shown for the classifier; those missing from the catalog are listed as such. */
    static final List<KerasMetricSpec> CLASSIFICATION = List.of(
            KerasMetricSpec.of("sparse_categorical_accuracy"),
            KerasMetricSpec.of("sparse_categorical_crossentropy"),
            KerasMetricSpec.of("sparse_top_k_categorical_accuracy", Map.of("k", 2)),
            KerasMetricSpec.of("categorical_crossentropy", Map.of("label_smoothing", 0.1)),
            KerasMetricSpec.of("AUC", Map.of("multi_label", true)),
            KerasMetricSpec.of("F1Score", Map.of("average", "macro")),
            KerasMetricSpec.of("Precision", Map.of("class_id", 0)));

    /** Keras metrics shown for the regressor. */
    static final List<KerasMetricSpec> REGRESSION = List.of(
            KerasMetricSpec.of("mse"),
            KerasMetricSpec.of("mae"),
            KerasMetricSpec.of("RootMeanSquaredError"),
            KerasMetricSpec.of("R2Score"),
            KerasMetricSpec.of("LogCoshError"));

    private TribuoExample() {
    }

    public static void main(String[] args) {
        // Tribuo's trainers log every epoch; keep the console for the comparison
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        run(System.out);
    }

    /**
     * Runs the example.
     *
     * @return the largest |adapter - reference| difference over every Keras result printed
     */
    public static double run(PrintStream out) {
        double worst = classification(out);
        return Math.max(worst, regression(out));
    }

    // ---------------------------------------------------------------- classification

    /** Three Gaussian blobs in the plane, labelled "a", "b", "c"; seeded. */
    public static MutableDataset<Label> blobs(int n, long seed) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("three Gaussian blobs, seed " + seed, factory), factory);
        Random rng = new Random(seed);
        double[][] centres = {{0, 0}, {2.5, 0.5}, {1, 2.5}};
        String[] names = {"a", "b", "c"};
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            double x = centres[k][0] + rng.nextGaussian();
            double y = centres[k][1] + rng.nextGaussian();
            data.add(new ArrayExample<>(new Label(names[k]), new String[] {"x", "y"}, new double[] {x, y}));
        }
        return data;
    }

    private static double classification(PrintStream out) {
        MutableDataset<Label> train = blobs(300, 1L);
        MutableDataset<Label> test = blobs(150, 2L);
        Model<Label> model = new LogisticRegressionTrainer().train(train);
        out.println("== Classification: logistic regression (Tribuo LinearSGD, log loss), 3 classes, "
                + train.size() + " train / " + test.size() + " test examples");
        List<KerasMetricSpec> specs = available(CLASSIFICATION, out);
        LabelEvaluation tribuo = new LabelEvaluator().evaluate(model, test);
        out.printf("Tribuo LabelEvaluator:   accuracy %.6f   macro F1 %.6f   macro AUCROC %.6f%n",
                tribuo.accuracy(), tribuo.macroAveragedF1(), tribuo.averageAUCROC(false));
        KerasTribuoEvaluation<Label> keras = new KerasLabelEvaluator(specs).evaluate(model, test);
        out.print("Keras metrics: " + keras);
        double worst = checkAgainstReference(keras, out);

        // a hinge-loss model has scores but no probabilities: Keras calls them logits
        Model<Label> svm = new LinearSGDTrainer(new Hinge(), new AdaGrad(0.1), 5, 1L).train(train);
        KerasTribuoEvaluation<Label> logits = new KerasLabelEvaluator(List.of(
                KerasMetricSpec.of("sparse_categorical_accuracy"),
                KerasMetricSpec.of("SparseCategoricalCrossentropy", Map.of("from_logits", true))))
                .evaluate(svm, test);
        out.printf("Tribuo LabelEvaluator (hinge model): accuracy %.6f%n",
                new LabelEvaluator().evaluate(svm, test).accuracy());
        out.print("Keras metrics (hinge model): " + logits);
        return Math.max(worst, checkAgainstReference(logits, out));
    }

    // ---------------------------------------------------------------- regression

    /** y = 1.5 x - 2 z + 0.5 + noise(0.3); seeded. */
    public static MutableDataset<Regressor> line(int n, long seed) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("noisy plane, seed " + seed, factory), factory);
        Random rng = new Random(seed);
        for (int i = 0; i < n; i++) {
            double x = rng.nextDouble() * 4 - 2;
            double z = rng.nextDouble() * 4 - 2;
            double y = 1.5 * x - 2 * z + 0.5 + 0.3 * rng.nextGaussian();
            data.add(new ArrayExample<>(new Regressor("y", y), new String[] {"x", "z"}, new double[] {x, z}));
        }
        return data;
    }

    private static double regression(PrintStream out) {
        MutableDataset<Regressor> train = line(300, 3L);
        MutableDataset<Regressor> test = line(150, 4L);
        Model<Regressor> model = new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(),
                new AdaGrad(0.1), 10, 1L).train(train);
        out.println("== Regression: linear model (Tribuo LinearSGD, squared loss), " + train.size() + " train / "
                + test.size() + " test examples");
        RegressionEvaluation tribuo = new RegressionEvaluator().evaluate(model, test);
        out.printf("Tribuo RegressionEvaluator:   RMSE %.6f   MAE %.6f   R2 %.6f%n", tribuo.averageRMSE(),
                tribuo.averageMAE(), tribuo.averageR2());
        List<KerasMetricSpec> specs = available(REGRESSION, out);
        if (specs.isEmpty()) {
            out.println("Keras metrics: none of the regression metrics is in this build's catalog yet");
            return 0;
        }
        KerasTribuoEvaluation<Regressor> keras = new KerasRegressionEvaluator(specs).evaluate(model, test);
        out.print("Keras metrics: " + keras);
        return checkAgainstReference(keras, out);
    }

    // ---------------------------------------------------------------- the check

    private static List<KerasMetricSpec> available(List<KerasMetricSpec> wanted, PrintStream out) {
        MetricRegistry reference = MetricRegistry.load("reference");
        List<KerasMetricSpec> have = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (KerasMetricSpec s : wanted) {
            try {
                String cls = reference.resolve(s.getIdentifier()).className();
                if (KerasCatalog.byClassName(cls) != null) {
                    have.add(s);
                    continue;
                }
            } catch (RuntimeException e) {
                // not in this build's catalog
            }
            missing.add(s.getIdentifier());
        }
        if (!missing.isEmpty()) {
            out.println("(not in this build's Keras catalog yet: " + String.join(", ", missing) + ")");
        }
        return have;
    }

    /**
     * Feeds the reference provider's metrics with tensors built here, directly from the predictions, and compares
     * with the adapter's results.
     */
    static <T extends Output<T>> double checkAgainstReference(KerasTribuoEvaluation<T> keras, PrintStream out) {
        MetricRegistry reference = MetricRegistry.load("reference");
        double worst = 0;
        for (MetricBinding b : keras.getBindings()) {
            Metric m = reference.create(b.getClassName(), b.getConfig());
            m.update(tensor(keras, b.getYTrueEncoding(), true), tensor(keras, b.getYPredEncoding(), false));
            Tensor expected = m.result();
            Tensor actual = keras.result(b.getName());
            for (int i = 0; i < expected.size(); i++) {
                worst = Math.max(worst, Math.abs(expected.get(i) - actual.get(i)));
            }
        }
        out.printf("Reference provider on the same predictions: %s (max |difference| = %.3g)%n",
                worst <= 1e-9 ? "equal" : "DIFFERENT", worst);
        return worst;
    }

    private static <T extends Output<T>> Tensor tensor(KerasTribuoEvaluation<T> keras, TensorEncoding encoding,
            boolean truth) {
        ImmutableOutputInfo<T> info = keras.getOutputIDInfo();
        List<Prediction<T>> preds = keras.getPredictions();
        int n = preds.size();
        int c = info.size();
        boolean vector = encoding == TensorEncoding.CLASS_IDS || encoding == TensorEncoding.PREDICTED_IDS;
        double[] out = new double[vector ? n : n * c];
        for (int i = 0; i < n; i++) {
            Prediction<T> p = preds.get(i);
            T y = truth ? p.getExample().getOutput() : p.getOutput();
            if (vector) {
                out[i] = info.getID(y);
            } else if (y instanceof Regressor) {
                for (int k = 0; k < c; k++) {
                    out[i * c + k] = ((Regressor) y).getDimension(((Regressor) info.getOutput(k)).getNames()[0])
                            .orElseThrow().getValue();
                }
            } else if (truth) {
                out[i * c + info.getID(y)] = 1;
            } else {
                for (int k = 0; k < c; k++) {
                    out[i * c + k] = ((Label) p.getOutputScores().get(((Label) info.getOutput(k)).getLabel()))
                            .getScore();
                }
            }
        }
        return vector ? Tensor.of(out, n) : Tensor.of(out, n, c);
    }

}
