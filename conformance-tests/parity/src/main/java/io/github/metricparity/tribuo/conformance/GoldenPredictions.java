package io.github.metricparity.tribuo.conformance;

import io.github.metricparity.conformance.tck.NotExpressibleException;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Builds the Tribuo {@link Prediction}s (and their {@link ArrayExample}s, weighted with the golden sample weights)
 * that a golden {@code (y_true, y_pred)} batch stands for, or says why a Tribuo model could not have produced them
 * ({@link NotExpressibleException}). Outputs are named by their golden index; the output-id mapping makes the index
 * the id.
 *
 * @param <T> the output type
 */
abstract class GoldenPredictions<T extends Output<T>> {

    /** The output factory of the output type. */
    abstract OutputFactory<T> factory();

    /** The domain size (classes or dimensions) this batch needs. */
    abstract int domainSize(Tensor yTrue, Tensor yPred);

    /** The model output info for a domain of {@code size} outputs, id {@code i} = golden index {@code i}. */
    abstract ImmutableOutputInfo<T> outputInfo(int size);

    /** The predictions of one batch; {@code weights} null for unweighted. */
    abstract List<Prediction<T>> predictions(Tensor yTrue, Tensor yPred, float[] weights, int size);

    static NotExpressibleException notExpressible(String why) {
        return new NotExpressibleException("tribuo: " + why);
    }

    static float weight(float[] weights, int i) {
        return weights == null ? 1.0f : weights[i];
    }

    /** An integral class id in {@code [0, size)}, or not expressible. */
    static int classId(double v, int size, String what) {
        if (v != Math.rint(v) || v < 0 || v >= size) {
            throw notExpressible(what + " " + v + " is not a class id in [0, " + size + "): a Tribuo ground truth "
                    + "or predicted label is always one of the model's labels");
        }
        return (int) v;
    }

    /** Rows of a rank-1 or rank-2 tensor whose first axis is {@code n}: (N,) or (N, 1) as ids. */
    static double[] column(Tensor t, int n, String what) {
        boolean ok = t.rank() == 1 && t.dim(0) == n || t.rank() == 2 && t.dim(0) == n && t.dim(1) == 1;
        if (!ok) {
            throw notExpressible(what + " of shape " + t.shapeString() + " is not one class id per example (N,) "
                    + "or (N, 1) with N = " + n);
        }
        return t.toDoubleArray();
    }

    /** Single-label classification. */
    static final class Labels extends GoldenPredictions<Label> {
        private final boolean sparseTrue;
        private final boolean sparsePred;
        private final Integer numClasses;
        private final boolean probabilities;

        Labels(boolean sparseTrue, boolean sparsePred, Integer numClasses, boolean probabilities) {
            this.sparseTrue = sparseTrue;
            this.sparsePred = sparsePred;
            this.numClasses = numClasses;
            this.probabilities = probabilities;
        }

        @Override
        OutputFactory<Label> factory() {
            return new LabelFactory();
        }

        @Override
        int domainSize(Tensor yTrue, Tensor yPred) {
            if (!sparsePred) {
                if (yPred.rank() != 2) {
                    throw notExpressible("y_pred of shape " + yPred.shapeString() + " is not one score vector per "
                            + "example (N, C)");
                }
                return yPred.dim(1);
            }
            if (numClasses != null) {
                return numClasses;
            }
            // the exact-match Accuracy has no class count: the ids seen make the domain
            double max = 0;
            for (Tensor t : List.of(yTrue, yPred)) {
                for (int i = 0; i < t.size(); i++) {
                    double v = t.get(i);
                    if (!(v >= 0 && v < 1 << 16 && v == Math.rint(v))) {
                        throw notExpressible("value " + v + " is not a class id: a Tribuo label is one of the "
                                + "model's classes");
                    }
                    max = Math.max(max, v);
                }
            }
            return (int) max + 1;
        }

        @Override
        ImmutableOutputInfo<Label> outputInfo(int size) {
            Map<Label, Integer> mapping = new LinkedHashMap<>();
            for (int k = 0; k < size; k++) {
                mapping.put(new Label(Integer.toString(k)), k);
            }
            return new LabelFactory().constructInfoForExternalModel(mapping);
        }

        @Override
        List<Prediction<Label>> predictions(Tensor yTrue, Tensor yPred, float[] weights, int c) {
            if (yTrue.rank() == 0 || yPred.rank() == 0) {
                throw notExpressible("scalar y_true or y_pred: a Tribuo prediction belongs to one example");
            }
            int n = yTrue.dim(0);
            if (yPred.dim(0) != n) {
                throw notExpressible("y_true has " + n + " rows and y_pred " + yPred.dim(0) + ": each Tribuo "
                        + "prediction carries its own ground truth");
            }
            int[] truth = new int[n];
            if (sparseTrue) {
                double[] ids = column(yTrue, n, "y_true");
                for (int i = 0; i < n; i++) {
                    truth[i] = classId(ids[i], c, "y_true label");
                }
            } else {
                if (yTrue.rank() != 2 || yTrue.dim(1) != c) {
                    throw notExpressible("y_true of shape " + yTrue.shapeString() + " is not one-hot over the " + c
                            + " classes of y_pred");
                }
                for (int i = 0; i < n; i++) {
                    truth[i] = oneHot(yTrue, i, c);
                }
            }
            List<Prediction<Label>> out = new ArrayList<>(n);
            double[] predIds = sparsePred ? column(yPred, n, "y_pred") : null;
            for (int i = 0; i < n; i++) {
                ArrayExample<Label> example = new ArrayExample<>(new Label(Integer.toString(truth[i])),
                        weight(weights, i));
                if (sparsePred) {
                    // a model that outputs only its predicted label
                    int id = classId(predIds[i], c, "y_pred label");
                    out.add(new Prediction<>(new Label(Integer.toString(id)), 0, example));
                    continue;
                }
                Map<String, Label> scores = new LinkedHashMap<>();
                int best = 0;
                for (int k = 0; k < c; k++) {
                    double s = yPred.get(i * c + k);
                    scores.put(Integer.toString(k), new Label(Integer.toString(k), s));
                    if (s > yPred.get(i * c + best)) {
                        best = k;
                    }
                }
                out.add(new Prediction<>(scores.get(Integer.toString(best)), scores, 0, example, probabilities));
            }
            return out;
        }

        private static int oneHot(Tensor yTrue, int row, int c) {
            int hot = -1;
            for (int k = 0; k < c; k++) {
                double v = yTrue.get(row * c + k);
                if (v == 1 && hot < 0) {
                    hot = k;
                } else if (v != 0) {
                    hot = -2;
                    break;
                }
            }
            if (hot < 0) {
                throw notExpressible("y_true row " + row + " is not one-hot: a Tribuo Label is exactly one class "
                        + "(soft, multi-hot or empty targets have no Label)");
            }
            return hot;
        }
    }

    /** Multi-label classification: independent binary outputs. */
    static final class MultiLabels extends GoldenPredictions<MultiLabel> {
        private final boolean rank1AsColumn;
        private final boolean signedLabels;
        private final boolean probabilities;

        /**
         * @param rank1AsColumn accept (N,) as N examples of one label (metrics that flatten their inputs)
         * @param signedLabels  accept a batch of -1/1 targets as absent/present (the hinge family, which Keras
         *                      reads as -1/1 whether given as 0/1 or -1/1)
         */
        MultiLabels(boolean rank1AsColumn, boolean signedLabels, boolean probabilities) {
            this.rank1AsColumn = rank1AsColumn;
            this.signedLabels = signedLabels;
            this.probabilities = probabilities;
        }

        @Override
        OutputFactory<MultiLabel> factory() {
            return new MultiLabelFactory();
        }

        @Override
        int domainSize(Tensor yTrue, Tensor yPred) {
            return yPred.rank() <= 1 ? 1 : yPred.dim(-1);
        }

        @Override
        ImmutableOutputInfo<MultiLabel> outputInfo(int size) {
            Map<MultiLabel, Integer> mapping = new LinkedHashMap<>();
            for (int k = 0; k < size; k++) {
                mapping.put(new MultiLabel(Integer.toString(k)), k);
            }
            return new MultiLabelFactory().constructInfoForExternalModel(mapping);
        }

        @Override
        List<Prediction<MultiLabel>> predictions(Tensor yTrue, Tensor yPred, float[] weights, int c) {
            int n = sameShapeRows(yTrue, yPred, rank1AsColumn, "labels");
            boolean signed = false;
            for (int i = 0; i < yTrue.size(); i++) {
                double v = yTrue.get(i);
                if (v == -1 && signedLabels) {
                    signed = true;
                } else if (v != 0 && v != 1) {
                    throw notExpressible("y_true value " + v + " is not 0 or 1: a MultiLabel either holds a label "
                            + "or not");
                }
            }
            if (signed) {
                for (int i = 0; i < yTrue.size(); i++) {
                    if (yTrue.get(i) == 0) {
                        throw notExpressible("y_true mixes -1, 0 and 1, which Keras's hinge reads as three values; "
                                + "a MultiLabel has two");
                    }
                }
            }
            double present = 1;
            double threshold = probabilities ? 0.5 : 0.0;
            List<Prediction<MultiLabel>> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Set<Label> truth = new HashSet<>();
                Set<Label> predicted = new HashSet<>();
                Map<String, MultiLabel> scores = new HashMap<>();
                for (int k = 0; k < c; k++) {
                    String name = Integer.toString(k);
                    if (yTrue.get(i * c + k) == present) {
                        truth.add(new Label(name));
                    }
                    double s = yPred.get(i * c + k);
                    Label scored = new Label(name, s);
                    scores.put(name, new MultiLabel(scored));
                    if (s > threshold) {
                        predicted.add(scored);
                    }
                }
                ArrayExample<MultiLabel> example = new ArrayExample<>(new MultiLabel(truth), weight(weights, i));
                out.add(new Prediction<>(new MultiLabel(predicted), scores, 0, example, probabilities));
            }
            return out;
        }
    }

    /** Regression: real vectors. */
    static final class Regressors extends GoldenPredictions<Regressor> {
        private final boolean rank1AsColumn;

        Regressors(boolean rank1AsColumn) {
            this.rank1AsColumn = rank1AsColumn;
        }

        @Override
        OutputFactory<Regressor> factory() {
            return new RegressionFactory();
        }

        @Override
        int domainSize(Tensor yTrue, Tensor yPred) {
            return yPred.rank() <= 1 ? 1 : yPred.dim(-1);
        }

        private static String[] names(int size) {
            String[] names = new String[size];
            int digits = Integer.toString(Math.max(size - 1, 0)).length();
            for (int k = 0; k < size; k++) {
                // zero-padded so that Tribuo's name order is the index order
                names[k] = String.format("dim%0" + digits + "d", k);
            }
            return names;
        }

        @Override
        ImmutableOutputInfo<Regressor> outputInfo(int size) {
            Map<Regressor, Integer> mapping = new LinkedHashMap<>();
            String[] names = names(size);
            for (int k = 0; k < size; k++) {
                mapping.put(new Regressor(names[k], Double.NaN), k);
            }
            return new RegressionFactory().constructInfoForExternalModel(mapping);
        }

        @Override
        List<Prediction<Regressor>> predictions(Tensor yTrue, Tensor yPred, float[] weights, int d) {
            int n = sameShapeRows(yTrue, yPred, rank1AsColumn, "values");
            String[] names = names(d);
            List<Prediction<Regressor>> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                double[] t = new double[d];
                double[] p = new double[d];
                for (int k = 0; k < d; k++) {
                    t[k] = yTrue.get(i * d + k);
                    p[k] = yPred.get(i * d + k);
                }
                ArrayExample<Regressor> example = new ArrayExample<>(new Regressor(names, t), weight(weights, i));
                out.add(new Prediction<>(new Regressor(names, p), 0, example));
            }
            return out;
        }
    }

    /** The number of examples when y_true and y_pred are both (N, C), or both (N,) read as (N, 1). */
    static int sameShapeRows(Tensor yTrue, Tensor yPred, boolean rank1AsColumn, String what) {
        if (yTrue.rank() == 2 && yPred.rank() == 2 && yTrue.dim(0) == yPred.dim(0) && yTrue.dim(1) == yPred.dim(1)) {
            return yTrue.dim(0);
        }
        if (rank1AsColumn && yTrue.rank() == 1 && yPred.rank() == 1 && yTrue.dim(0) == yPred.dim(0)) {
            return yTrue.dim(0);
        }
        throw notExpressible("y_true " + yTrue.shapeString() + " and y_pred " + yPred.shapeString()
                + " are not one vector of " + what + " per example with equal widths (N, C)"
                + (yTrue.rank() == 1 && yPred.rank() == 1
                ? "; for this metric and config Keras reads a rank-1 batch as one sample (or ranks across the batch "
                + "axis with top_k/class_id), not as N examples of one output" : ""));
    }
}
