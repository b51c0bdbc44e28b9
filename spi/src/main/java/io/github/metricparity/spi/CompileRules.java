package io.github.metricparity.spi;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a Keras version's {@code compile(metrics=[...])} turns the strings {@code "accuracy"}/{@code "acc"} (and,
 * where that version did, {@code "crossentropy"}/{@code "ce"}) into a concrete metric. Pick the rule set of the
 * Keras that trained the model so the JVM reports what Keras reported.
 *
 * <table>
 * <caption>"accuracy" for common outputs</caption>
 * <tr><th>model output, targets, loss</th><th>{@link #KERAS_3}</th><th>{@link #TF_KERAS_2}</th>
 *     <th>{@link #KERAS_2_LOSS_BASED}</th></tr>
 * <tr><td>Dense(1) logits, (N,1) 0/1, binary_crossentropy(from_logits)</td><td>BinaryAccuracy(0.5)</td>
 *     <td>BinaryAccuracy(0.5)</td><td>BinaryAccuracy(0.5)</td></tr>
 * <tr><td>Dense(2) softmax, (N,2) one-hot, binary_crossentropy</td><td>CategoricalAccuracy</td>
 *     <td>CategoricalAccuracy</td><td>BinaryAccuracy (element-wise)</td></tr>
 * <tr><td>Dense(3) sigmoid, (N,3) multi-hot, binary_crossentropy</td><td>CategoricalAccuracy (argmax!)</td>
 *     <td>CategoricalAccuracy</td><td>BinaryAccuracy</td></tr>
 * <tr><td>Dense(10) softmax, (N,) or (N,1) ids, sparse_categorical_crossentropy</td>
 *     <td>SparseCategoricalAccuracy</td><td>SparseCategoricalAccuracy</td><td>SparseCategoricalAccuracy</td></tr>
 * <tr><td>Dense(10) softmax, (N,10) one-hot (a mislabelled loss), sparse_categorical_crossentropy</td>
 *     <td>CategoricalAccuracy</td><td>CategoricalAccuracy</td><td>SparseCategoricalAccuracy</td></tr>
 * </table>
 * With a Dense(1) logit output every rule set thresholds at 0.5, which is wrong for logits: use
 * {@code BinaryAccuracy(threshold=0)} there.
 */
public enum CompileRules {
    /**
     * Keras 3 ({@code keras/src/trainers/compile_utils.py get_metric}): shapes only, the loss is never consulted.
     * {@code str(identifier).lower()} in {"accuracy", "acc"}: BinaryAccuracy if {@code y_pred.shape[-1] == 1},
     * else SparseCategoricalAccuracy if {@code rank(y_true) < rank(y_pred)} or
     * {@code (y_true.shape[-1] == 1 and y_pred.shape[-1] > 1)}, else CategoricalAccuracy. "crossentropy" and "ce"
     * are not metric identifiers.
     */
    KERAS_3("keras3"),
    /**
     * tf.keras 2 ({@code MetricsContainer._get_metric_object} in
     * {@code tensorflow/python/keras/engine/compile_utils.py} and, from 2.6 to 2.15,
     * {@code keras/engine/compile_utils.py}): the same shape rule as Keras 3, applied to
     * {@code str(metric).lower()} in "accuracy"/"acc" (so {@code "ACC"} and {@code "Accuracy"} too) and also to
     * "crossentropy"/"ce" (BinaryCrossentropy / SparseCategoricalCrossentropy / CategoricalCrossentropy). The first
     * TF 2 releases compared the strings case-sensitively; only the spelling of the identifier differs between them.
     * Also accepts tf.keras 2's extra aliases {@code kld}, {@code KLD}, {@code kullback_leibler_divergence},
     * {@code logcosh}, {@code log_cosh}, {@code cosine_proximity}.
     */
    TF_KERAS_2("tf_keras2"),
    /**
     * Keras 2.0 to 2.3 and tf.keras's graph-mode loop ({@code training_utils_v1.get_metric_function}, used by
     * TF 1.x and by TF 2 with eager execution disabled): the LOSS decides. BinaryAccuracy if
     * {@code y_pred.shape[-1] == 1} or the loss is binary crossentropy; SparseCategoricalAccuracy if the loss is
     * sparse categorical crossentropy; else CategoricalAccuracy. The same for "crossentropy"/"ce". The strings are
     * compared case-sensitively ({@code metric in ['accuracy', 'acc']}).
     */
    KERAS_2_LOSS_BASED("keras2_loss");

    private static final Set<String> BINARY_LOSSES = Set.of(
            "binary_crossentropy", "BinaryCrossentropy", "bce", "BCE");
    private static final Set<String> SPARSE_LOSSES = Set.of(
            "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy");
    private static final Map<String, String> TF_KERAS_2_ALIASES = Map.of(
            "kld", "KLDivergence",
            "KLD", "KLDivergence",
            "kullback_leibler_divergence", "KLDivergence",
            "logcosh", "LogCoshError",
            "log_cosh", "LogCoshError",
            "cosine_proximity", "CosineSimilarity");

    private final String id;

    CompileRules(String id) {
        this.id = id;
    }

    /** The name to select this rule set by, e.g. {@code "keras3"}. */
    public String id() {
        return id;
    }

    /** The rule set with this id ({@code keras3}, {@code tf_keras2}, {@code keras2_loss}). */
    public static CompileRules byId(String id) {
        for (CompileRules r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown compile rule set '" + id + "' (known: keras3, tf_keras2, "
                + "keras2_loss)");
    }

    /** What a compile string resolves to: a metric identifier for the registry, and the metric's name. */
    public record Resolution(String identifier, String name) {
    }

    /**
     * Resolves a compile() metric string.
     *
     * @param identifier the string given to {@code compile(metrics=...)}
     * @param yTrueShape shape of the targets of one batch
     * @param yPredShape shape of the model output of one batch
     * @param loss       the compile loss as a string (class or function name), or null; only
     *                   {@link #KERAS_2_LOSS_BASED} reads it
     * @return the identifier to create (a class name or a {@code keras.metrics.get} identifier) and the metric name
     *         (always the compile string itself, as Keras renames the metric)
     */
    public Resolution resolve(String identifier, int[] yTrueShape, int[] yPredShape, String loss) {
        boolean isAccuracy;
        boolean isCrossentropy;
        String lower = identifier.toLowerCase(Locale.ROOT);
        if (this == KERAS_3) {
            isAccuracy = lower.equals("accuracy") || lower.equals("acc");
            isCrossentropy = false;
        } else if (this == TF_KERAS_2) {
            isAccuracy = lower.equals("accuracy") || lower.equals("acc");
            isCrossentropy = lower.equals("crossentropy") || lower.equals("ce");
        } else {
            isAccuracy = identifier.equals("accuracy") || identifier.equals("acc");
            isCrossentropy = identifier.equals("crossentropy") || identifier.equals("ce");
        }
        if (!isAccuracy && !isCrossentropy) {
            if (this != KERAS_3 && TF_KERAS_2_ALIASES.containsKey(identifier)) {
                return new Resolution(TF_KERAS_2_ALIASES.get(identifier), identifier);
            }
            return new Resolution(identifier, identifier);
        }
        if (yPredShape == null || yPredShape.length == 0 || yTrueShape == null || yTrueShape.length == 0) {
            throw new InvalidInputException("compile metric '" + identifier + "' is resolved from the shapes of "
                    + "y_true and y_pred, which must have rank >= 1; got y_true " + describe(yTrueShape)
                    + " and y_pred " + describe(yPredShape));
        }
        int predLast = yPredShape[yPredShape.length - 1];
        int trueLast = yTrueShape[yTrueShape.length - 1];
        boolean binary;
        boolean sparse;
        if (this == KERAS_2_LOSS_BASED) {
            binary = predLast == 1 || (loss != null && BINARY_LOSSES.contains(loss));
            sparse = loss != null && SPARSE_LOSSES.contains(loss);
        } else {
            binary = predLast == 1;
            sparse = yTrueShape.length < yPredShape.length || (trueLast == 1 && predLast > 1);
        }
        String cls;
        if (isAccuracy) {
            cls = binary ? "BinaryAccuracy" : sparse ? "SparseCategoricalAccuracy" : "CategoricalAccuracy";
        } else {
            cls = binary ? "BinaryCrossentropy" : sparse ? "SparseCategoricalCrossentropy"
                    : "CategoricalCrossentropy";
        }
        return new Resolution(cls, identifier);
    }

    private static String describe(int[] shape) {
        return shape == null ? "null" : Tensor.shapeString(shape);
    }
}
