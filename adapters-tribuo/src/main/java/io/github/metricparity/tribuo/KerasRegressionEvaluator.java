package io.github.metricparity.tribuo;

import io.github.metricparity.keras.InputContract;
import io.github.metricparity.spi.MetricProvider;
import io.github.metricparity.spi.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Keras metrics for regression ({@link Regressor}), in place of Tribuo's
 * {@link org.tribuo.regression.evaluation.RegressionEvaluator}.
 *
 * <p>Every metric gets {@code y_true} and {@code y_pred} = {@link TensorEncoding#VALUES} {@code (N, D)}: column
 * {@code d} holds the regression dimension whose output id is {@code d} (Tribuo orders dimensions by name), so
 * per-output results ({@code R2Score(class_aggregation=None)}) follow the model's dimension ids. Predicted variances
 * are not used. Besides the regression metrics this fits every metric of real-valued vectors: correlation,
 * {@code Poisson} (count regression), {@code KLDivergence} (a predicted distribution), {@code CosineSimilarity}.
 *
 * <p>Example weights are used as sample weights by default; Tribuo's own RegressionEvaluator ignores them unless
 * built with {@code useExampleWeights=true}.
 *
 * <p>The constructors resolve every metric at once: an unknown identifier or a config Keras refuses throws the
 * metric's {@link io.github.metricparity.spi.MetricException} ({@code UnknownMetricException},
 * {@code InvalidConfigException}); a metric this output type cannot feed, or two metrics with one name, throws
 * {@link IllegalArgumentException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class KerasRegressionEvaluator extends AbstractKerasEvaluator<Regressor> {

    /** Metrics named by {@code keras.metrics.get} identifiers, with Keras defaults; example weights are used. */
    public KerasRegressionEvaluator(String... identifiers) {
        this(Arrays.stream(identifiers).map(KerasMetricSpec::of).toList());
    }

    /** The given metrics; example weights are used as sample weights. */
    public KerasRegressionEvaluator(List<KerasMetricSpec> metrics) {
        this(metrics, true);
    }

    /**
     * @param metrics           the metrics
     * @param useExampleWeights pass example weights as {@code sample_weight}
     */
    public KerasRegressionEvaluator(List<KerasMetricSpec> metrics, boolean useExampleWeights) {
        this(new TribuoMetricProvider(), metrics, useExampleWeights);
    }

    /** As {@link #KerasRegressionEvaluator(List, boolean)}, with metrics from another provider. */
    public KerasRegressionEvaluator(MetricProvider provider, List<KerasMetricSpec> metrics,
            boolean useExampleWeights) {
        super(provider, metrics, useExampleWeights);
    }

    @Override
    String outputTypeName() {
        return "Regressor";
    }

    @Override
    String exactMatchFix() {
        return "use a regression metric, e.g. 'mse', 'mae' or 'r2_score'";
    }

    @Override
    TensorEncoding[] encodingsFor(String cls, InputContract contract) {
        if (contract.takesClassIds()) {
            throw new IllegalArgumentException(cls + " takes class ids; a regression output has none");
        }
        return new TensorEncoding[] {TensorEncoding.VALUES, TensorEncoding.VALUES};
    }

    @Override
    void checkGroundTruth(ImmutableOutputInfo<Regressor> info, List<Prediction<Regressor>> predictions) {
        for (int i = 0; i < predictions.size(); i++) {
            Regressor y = predictions.get(i).getExample().getOutput();
            if (RegressionFactory.UNKNOWN_REGRESSOR.equals(y)) {
                throw new IllegalArgumentException("prediction " + i + " has the unknown regressor as ground truth");
            }
        }
    }

    @Override
    PredictionKind kindOf(List<Prediction<Regressor>> predictions) {
        return PredictionKind.VALUES;
    }

    @Override
    Tensor encode(TensorEncoding encoding, boolean truth, ImmutableOutputInfo<Regressor> info,
            List<Prediction<Regressor>> predictions, PredictionKind kind) {
        List<Regressor> dims = outputsById(info);
        int n = predictions.size();
        int d = dims.size();
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            Prediction<Regressor> p = predictions.get(i);
            Regressor r = truth ? p.getExample().getOutput() : p.getOutput();
            if (r.size() != d) {
                throw new IllegalArgumentException("prediction " + i + ": " + (truth ? "ground truth" : "prediction")
                        + " has " + r.size() + " dimensions, the model's domain " + d);
            }
            for (int k = 0; k < d; k++) {
                String name = dims.get(k).getNames()[0];
                Optional<Regressor.DimensionTuple> v = r.getDimension(name);
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("prediction " + i + ": "
                            + (truth ? "ground truth" : "prediction")
                            + " has no dimension '" + name + "'");
                }
                out[i * d + k] = v.get().getValue();
            }
        }
        return Tensor.of(out, n, d);
    }
}
