package io.github.metricparity.tribuo;

import io.github.metricparity.keras.InputContract;
import io.github.metricparity.spi.MetricProvider;
import io.github.metricparity.spi.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

/**
 * Keras metrics for multi-label classification ({@link MultiLabel}), in place of Tribuo's
 * {@link org.tribuo.multilabel.evaluation.MultiLabelEvaluator}.
 *
 * <p>Every metric gets {@code y_true} = {@link TensorEncoding#MULTI_HOT} {@code (N, C)} (1 for each label in the
 * example's set) and {@code y_pred} = {@link TensorEncoding#SCORES} {@code (N, C)}: the per-label probabilities
 * (sigmoid outputs in Keras terms), raw scores (logits), or the multi-hot of the predicted label set when the model
 * gives no scores ({@link PredictionKind}). Columns are the model's output ids. This is the layout of Keras's binary
 * metrics (BinaryAccuracy, BinaryCrossentropy, Precision, Recall, AUC with {@code multi_label}, F1Score, hinge, ...).
 * Sparse metrics need one class per example and are refused: use {@link KerasLabelEvaluator}.
 *
 * <p>As in Tribuo's MultiLabelEvaluator, a ground-truth label outside the model's domain is refused: it has no
 * column.
 *
 * <p>The constructors resolve every metric at once: an unknown identifier or a config Keras refuses throws the
 * metric's {@link io.github.metricparity.spi.MetricException} ({@code UnknownMetricException},
 * {@code InvalidConfigException}); a metric this output type cannot feed, or two metrics with one name, throws
 * {@link IllegalArgumentException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class KerasMultiLabelEvaluator extends AbstractKerasEvaluator<MultiLabel> {

    /** Metrics named by {@code keras.metrics.get} identifiers, with Keras defaults; example weights are used. */
    public KerasMultiLabelEvaluator(String... identifiers) {
        this(Arrays.stream(identifiers).map(KerasMetricSpec::of).toList());
    }

    /** The given metrics; example weights are used as sample weights. */
    public KerasMultiLabelEvaluator(List<KerasMetricSpec> metrics) {
        this(metrics, true);
    }

    /**
     * @param metrics           the metrics
     * @param useExampleWeights pass example weights as {@code sample_weight}
     */
    public KerasMultiLabelEvaluator(List<KerasMetricSpec> metrics, boolean useExampleWeights) {
        this(new TribuoMetricProvider(), metrics, useExampleWeights);
    }

    /** As {@link #KerasMultiLabelEvaluator(List, boolean)}, with metrics from another provider. */
    public KerasMultiLabelEvaluator(MetricProvider provider, List<KerasMetricSpec> metrics,
            boolean useExampleWeights) {
        super(provider, metrics, useExampleWeights);
    }

    @Override
    String outputTypeName() {
        return "MultiLabel";
    }

    @Override
    String exactMatchFix() {
        return "use BinaryAccuracy ('binary_accuracy'), which thresholds the scores";
    }

    @Override
    TensorEncoding[] encodingsFor(String cls, InputContract contract) {
        if (contract.takesClassIds()) {
            throw new IllegalArgumentException(cls + " takes class ids, which need exactly one label per example; "
                    + "evaluate single-label models with KerasLabelEvaluator");
        }
        return new TensorEncoding[] {TensorEncoding.MULTI_HOT, TensorEncoding.SCORES};
    }

    @Override
    void checkGroundTruth(ImmutableOutputInfo<MultiLabel> info, List<Prediction<MultiLabel>> predictions) {
        for (int i = 0; i < predictions.size(); i++) {
            MultiLabel y = predictions.get(i).getExample().getOutput();
            if (MultiLabelFactory.UNKNOWN_MULTILABEL.equals(y)) {
                throw new IllegalArgumentException("prediction " + i + " has the unknown label as ground truth");
            }
            for (Label l : y.getLabelSet()) {
                if (info.getID(new MultiLabel(l.getLabel())) < 0) {
                    throw new IllegalArgumentException("prediction " + i + ": ground-truth label '" + l.getLabel()
                            + "' is not in the model's domain " + info.getDomain());
                }
            }
        }
    }

    @Override
    PredictionKind kindOf(List<Prediction<MultiLabel>> predictions) {
        return classifierKind(predictions);
    }

    @Override
    Tensor encode(TensorEncoding encoding, boolean truth, ImmutableOutputInfo<MultiLabel> info,
            List<Prediction<MultiLabel>> predictions, PredictionKind kind) {
        int n = predictions.size();
        List<MultiLabel> labels = outputsById(info);
        int c = labels.size();
        double[] out = new double[n * c];
        for (int i = 0; i < n; i++) {
            Prediction<MultiLabel> p = predictions.get(i);
            if (truth) {
                markSet(info, p.getExample().getOutput(), out, i * c, i, "ground-truth");
            } else if (kind == PredictionKind.HARD) {
                markSet(info, p.getOutput(), out, i * c, i, "predicted");
            } else {
                Map<String, MultiLabel> scores = p.getOutputScores();
                for (int k = 0; k < c; k++) {
                    String name = labels.get(k).getLabelString();
                    MultiLabel s = scores.get(name);
                    if (s == null) {
                        if (kind == PredictionKind.SCORES) {
                            throw new IllegalArgumentException("prediction " + i + " has no score for label '"
                                    + name + "'");
                        }
                        continue;
                    }
                    // Tribuo's multi-label models put each label's score on the Label inside a singleton MultiLabel
                    OptionalDouble labelScore = s.getLabelScore(new Label(name));
                    out[i * c + k] = labelScore.isPresent() && !Double.isNaN(labelScore.getAsDouble())
                            ? labelScore.getAsDouble() : s.getScore();
                }
            }
        }
        return Tensor.of(out, n, c);
    }

    private static void markSet(ImmutableOutputInfo<MultiLabel> info, MultiLabel set, double[] out, int offset,
            int i, String what) {
        for (Label l : set.getLabelSet()) {
            int id = info.getID(new MultiLabel(l.getLabel()));
            if (id < 0) {
                throw new IllegalArgumentException("prediction " + i + ": " + what + " label '" + l.getLabel()
                        + "' is not in the model's domain");
            }
            out[offset + id] = 1;
        }
    }
}
