package io.github.metricparity.tribuo;

import io.github.metricparity.keras.InputContract;
import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.spi.MetricProvider;
import io.github.metricparity.spi.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * Keras metrics for single-label classification ({@link Label}), in place of Tribuo's
 * {@link org.tribuo.classification.evaluation.LabelEvaluator}.
 *
 * <p>Class ids are the model's output ids ({@code model.getOutputIDInfo().getID(label)}), so {@code C} is the size of
 * the model's domain. Each metric gets the tensors its input contract
 * ({@link io.github.metricparity.keras.InputContract}) asks for:
 * <table>
 * <caption>encodings</caption>
 * <tr><th>metric</th><th>y_true</th><th>y_pred</th></tr>
 * <tr><td>labels as class ids: the {@code Sparse*} classes, and IoU, MeanIoU with {@code sparse_y_true=True}</td>
 *     <td>{@link TensorEncoding#CLASS_IDS} (N,)</td><td>{@link TensorEncoding#SCORES} (N, C)</td></tr>
 * <tr><td>predictions as class ids ({@code sparse_y_pred=True})</td><td>as above</td>
 *     <td>{@link TensorEncoding#PREDICTED_IDS} (N,)</td></tr>
 * <tr><td>free values: {@code Accuracy} (exact match)</td><td>{@link TensorEncoding#CLASS_IDS}</td>
 *     <td>{@link TensorEncoding#PREDICTED_IDS}: the fraction of predictions whose label is the true one</td></tr>
 * <tr><td>every other metric (CategoricalAccuracy, CategoricalCrossentropy, TopK, AUC, Precision, F1Score, ...)</td>
 *     <td>{@link TensorEncoding#ONE_HOT} (N, C)</td><td>{@link TensorEncoding#SCORES} (N, C)</td></tr>
 * </table>
 * Binary metrics on the one-hot layout work element-wise over all {@code C} columns, exactly as Keras does for a
 * {@code C}-unit output; use {@code class_id} to score one class.
 *
 * <p>{@code y_pred} is the probability distribution when the model generates probabilities, the raw scores
 * (logits) when it gives scores only, and the one-hot of the predicted label when it gives neither
 * ({@link PredictionKind}). A label missing from a probability map counts as probability 0; a raw-score map must
 * score every label. {@code SparseTopKCategoricalAccuracy(from_sorted_ids=True)} is refused: the evaluator passes
 * scores, not sorted ids (use the default, which gives the same result).
 *
 * <p>The constructors resolve every metric at once: an unknown identifier or a config Keras refuses throws the
 * metric's {@link io.github.metricparity.spi.MetricException} ({@code UnknownMetricException},
 * {@code InvalidConfigException}); a metric this output type cannot feed, or two metrics with one name, throws
 * {@link IllegalArgumentException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class KerasLabelEvaluator extends AbstractKerasEvaluator<Label> {

    /** Metrics named by {@code keras.metrics.get} identifiers, with Keras defaults; example weights are used. */
    public KerasLabelEvaluator(String... identifiers) {
        this(Arrays.stream(identifiers).map(KerasMetricSpec::of).toList());
    }

    /** The given metrics; example weights are used as sample weights. */
    public KerasLabelEvaluator(List<KerasMetricSpec> metrics) {
        this(metrics, true);
    }

    /**
     * @param metrics           the metrics
     * @param useExampleWeights pass example weights as {@code sample_weight} (false: every example counts once, as
     *                          Tribuo's LabelEvaluator does)
     */
    public KerasLabelEvaluator(List<KerasMetricSpec> metrics, boolean useExampleWeights) {
        this(new TribuoMetricProvider(), metrics, useExampleWeights);
    }

    /** As {@link #KerasLabelEvaluator(List, boolean)}, with metrics from another provider. */
    public KerasLabelEvaluator(MetricProvider provider, List<KerasMetricSpec> metrics, boolean useExampleWeights) {
        super(provider, metrics, useExampleWeights);
    }

    @Override
    String outputTypeName() {
        return "Label";
    }

    /** Null: Accuracy compares the true and the predicted class ids, an exact match that is meant. */
    @Override
    String exactMatchFix() {
        return null;
    }

    @Override
    TensorEncoding[] encodingsFor(String cls, InputContract contract) {
        if (contract.predictions() == Predictions.SORTED_CLASS_IDS) {
            throw new IllegalArgumentException(cls + "(from_sorted_ids=True) expects class ids sorted by score; a "
                    + "Tribuo evaluation passes per-class scores: use from_sorted_ids=False");
        }
        // free values (Accuracy, an exact match) compare the true class id with the predicted one
        boolean exact = contract.labels() == Labels.FREE_VALUES;
        boolean sparseTrue = exact || contract.labels() == Labels.CLASS_IDS;
        boolean sparsePred = exact || contract.predictions() == Predictions.CLASS_IDS;
        return new TensorEncoding[] {sparseTrue ? TensorEncoding.CLASS_IDS : TensorEncoding.ONE_HOT,
                sparsePred ? TensorEncoding.PREDICTED_IDS : TensorEncoding.SCORES};
    }

    @Override
    void checkGroundTruth(ImmutableOutputInfo<Label> info, List<Prediction<Label>> predictions) {
        for (int i = 0; i < predictions.size(); i++) {
            Label y = predictions.get(i).getExample().getOutput();
            if (LabelFactory.UNKNOWN_LABEL.equals(y)) {
                throw new IllegalArgumentException("prediction " + i + " has the unknown label as ground truth");
            }
            if (info.getID(y) < 0) {
                throw new IllegalArgumentException("prediction " + i + ": ground truth '" + y.getLabel()
                        + "' is not in the model's domain " + info.getDomain());
            }
        }
    }

    @Override
    PredictionKind kindOf(List<Prediction<Label>> predictions) {
        return classifierKind(predictions);
    }

    @Override
    Tensor encode(TensorEncoding encoding, boolean truth, ImmutableOutputInfo<Label> info,
            List<Prediction<Label>> predictions, PredictionKind kind) {
        int n = predictions.size();
        int c = info.size();
        switch (encoding) {
            case CLASS_IDS: {
                double[] ids = new double[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = info.getID(predictions.get(i).getExample().getOutput());
                }
                return Tensor.of(ids, n);
            }
            case ONE_HOT: {
                double[] hot = new double[n * c];
                for (int i = 0; i < n; i++) {
                    hot[i * c + info.getID(predictions.get(i).getExample().getOutput())] = 1;
                }
                return Tensor.of(hot, n, c);
            }
            case PREDICTED_IDS: {
                double[] ids = new double[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = predictedId(info, predictions.get(i), i);
                }
                return Tensor.of(ids, n);
            }
            case SCORES:
                return scores(info, predictions, kind);
            default:
                throw new IllegalStateException("encoding " + encoding + " is not used for Label outputs");
        }
    }

    private static int predictedId(ImmutableOutputInfo<Label> info, Prediction<Label> p, int i) {
        int id = info.getID(p.getOutput());
        if (id < 0) {
            throw new IllegalArgumentException("prediction " + i + ": predicted label '" + p.getOutput().getLabel()
                    + "' is not in the model's domain");
        }
        return id;
    }

    private static Tensor scores(ImmutableOutputInfo<Label> info, List<Prediction<Label>> predictions,
            PredictionKind kind) {
        int n = predictions.size();
        List<Label> labels = outputsById(info);
        int c = labels.size();
        double[] out = new double[n * c];
        for (int i = 0; i < n; i++) {
            Prediction<Label> p = predictions.get(i);
            if (kind == PredictionKind.HARD) {
                out[i * c + predictedId(info, p, i)] = 1;
                continue;
            }
            Map<String, Label> scores = p.getOutputScores();
            for (int k = 0; k < c; k++) {
                Label s = scores.get(labels.get(k).getLabel());
                if (s == null && kind == PredictionKind.SCORES) {
                    throw new IllegalArgumentException("prediction " + i + " has no score for label '"
                            + labels.get(k).getLabel() + "'");
                }
                out[i * c + k] = s == null ? 0.0 : s.getScore();
            }
        }
        return Tensor.of(out, n, c);
    }
}
