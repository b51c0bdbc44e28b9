package io.github.metricparity.dl4j.modelimport;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.Nd4jMetric;
import io.github.metricparity.spi.CompileRules;
import io.github.metricparity.spi.InvalidConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A compile() loss computed as Keras's {@code Loss.__call__} computes it for one batch
 * ({@code keras/src/losses/loss.py}: the loss function per value, times the sample weight, reduced): the per-value
 * function is that of the Keras metric of the same name (Keras builds both from one function, e.g.
 * {@code mean_squared_error}), and the reduction follows from the metric's weighted mean: with {@code r = sum(v*w) /
 * sum(w)} over the {@code n} values, {@code sum_over_batch_size} is {@code r * sum(w) / n}, {@code sum} is
 * {@code r * sum(w)}, {@code mean_with_sample_weight} is {@code r}. Immutable.
 */
final class KerasLosses {
    /** Loss identifiers and classes, by the Keras metric class that computes the same function. */
    private static final Map<String, String> METRIC_CLASS = new LinkedHashMap<>();
    /** The loss config keys the metric takes as they are. */
    private static final Set<String> PASSED = Set.of("from_logits", "label_smoothing", "axis", "ignore_class");
    /** The loss config keys that change nothing the metric computes. */
    private static final Set<String> IGNORED = Set.of("name", "reduction", "dtype");

    static {
        alias("BinaryCrossentropy", "binary_crossentropy");
        alias("CategoricalCrossentropy", "categorical_crossentropy");
        alias("SparseCategoricalCrossentropy", "sparse_categorical_crossentropy");
        alias("MeanSquaredError", "mean_squared_error", "mse", "MSE");
        alias("MeanAbsoluteError", "mean_absolute_error", "mae", "MAE");
        alias("MeanAbsolutePercentageError", "mean_absolute_percentage_error", "mape", "MAPE");
        alias("MeanSquaredLogarithmicError", "mean_squared_logarithmic_error", "msle", "MSLE");
        alias("KLDivergence", "kl_divergence", "kld", "KLD", "kullback_leibler_divergence");
        alias("Poisson", "poisson");
        alias("Hinge", "hinge");
        alias("SquaredHinge", "squared_hinge");
        alias("CategoricalHinge", "categorical_hinge");
        alias("LogCoshError", "LogCosh", "log_cosh", "logcosh");
    }

    private static void alias(String metricClass, String... names) {
        METRIC_CLASS.put(metricClass, metricClass);
        for (String n : names) {
            METRIC_CLASS.put(n, metricClass);
        }
    }

    private final String description;
    private final String identifier;
    private final Map<String, Object> metricConfig;
    private final String reduction;

    private KerasLosses(String description, String identifier, Map<String, Object> metricConfig, String reduction) {
        this.description = description;
        this.identifier = identifier;
        this.metricConfig = metricConfig;
        this.reduction = reduction;
    }

    /**
     * The loss of a compile() entry.
     *
     * @throws InvalidConfigException for a loss this adapter does not compute (the message names it)
     */
    static KerasLosses of(CompileEntry loss) {
        String id = loss.isIdentifier() ? loss.identifier() : loss.className();
        String lower = id.toLowerCase(java.util.Locale.ROOT);
        boolean byShapes = loss.isIdentifier() && (lower.equals("crossentropy") || lower.equals("ce"));
        if (!byShapes && !METRIC_CLASS.containsKey(id)) {
            throw new InvalidConfigException("the compile() loss " + loss + " is not one whose value this adapter "
                    + "reproduces (supported: " + METRIC_CLASS.keySet() + ", \"crossentropy\")");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        String reduction = "sum_over_batch_size";
        if (!loss.isIdentifier()) {
            for (Map.Entry<String, Object> e : loss.config().entrySet()) {
                if (PASSED.contains(e.getKey())) {
                    config.put(e.getKey(), e.getValue());
                } else if (e.getKey().equals("reduction")) {
                    reduction = e.getValue() == null ? "none" : String.valueOf(e.getValue());
                } else if (!IGNORED.contains(e.getKey())) {
                    throw new InvalidConfigException("the compile() loss " + loss + " has the option '" + e.getKey()
                            + "', which this adapter does not reproduce");
                }
            }
        }
        if (!Set.of("sum_over_batch_size", "mean", "sum", "mean_with_sample_weight").contains(reduction)) {
            throw new InvalidConfigException("the compile() loss " + loss + " has reduction '" + reduction
                    + "': evaluate() reduces a loss to one number, and 'none' leaves it a tensor");
        }
        return new KerasLosses(String.valueOf(loss), byShapes ? lower : METRIC_CLASS.get(id), config, reduction);
    }

    /**
     * The loss of one batch, Keras layout.
     *
     * @param sampleWeight per example ({@code [N]}), or null
     */
    double value(INDArray yTrue, INDArray yPred, INDArray sampleWeight) {
        Dl4jMetricProvider provider = new Dl4jMetricProvider();
        String cls = identifier;
        if (identifier.equals("crossentropy") || identifier.equals("ce")) {
            // keras/src/trainers/compile_utils.py get_loss: chosen from the shapes by the rule that resolves
            // "accuracy" (is_binary_or_sparse_categorical), which tf.keras 2's compile rules apply to "crossentropy"
            cls = CompileRules.TF_KERAS_2.resolve(identifier, shape(yTrue), shape(yPred), null).identifier();
        }
        Nd4jMetric m = provider.create(cls, metricConfig);
        m.update(yTrue, yPred, sampleWeight);
        double r = m.resultValue();
        double meanWeight = sampleWeight == null ? 1.0 : sampleWeight.castTo(DataType.DOUBLE).meanNumber()
                .doubleValue();
        long values = yPred.length() / Math.max(1, yPred.size(yPred.rank() - 1));
        switch (reduction) {
            case "sum":
                return r * meanWeight * values;
            case "mean_with_sample_weight":
                return r;
            default:
                return r * meanWeight;
        }
    }

    private static int[] shape(INDArray a) {
        long[] s = a.shape();
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (int) s[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return description;
    }

    /** Every name this class reads, for messages and documentation. */
    static List<String> supported() {
        return List.copyOf(METRIC_CLASS.keySet());
    }
}
