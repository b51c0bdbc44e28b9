package io.github.metricparity.tribuo;

/**
 * How a Tribuo output becomes a Keras tensor. Positions along the class (or dimension) axis are the model's output
 * ids from its {@link org.tribuo.ImmutableOutputInfo}, so {@code class_id=k} and per-class results refer to the
 * output whose id is {@code k}.
 */
public enum TensorEncoding {
    /** {@code (N,)}: the id of each example's ground-truth label (Keras sparse targets). */
    CLASS_IDS("class ids (N,)"),
    /** {@code (N, C)}: one-hot rows of the ground-truth label. */
    ONE_HOT("one-hot (N, C)"),
    /** {@code (N, C)}: 1 for every label in the example's {@code MultiLabel}, else 0. */
    MULTI_HOT("multi-hot (N, C)"),
    /** {@code (N, C)}: per-output probabilities, scores, or the hard 0/1 indicator (see {@link PredictionKind}). */
    SCORES("per-output scores (N, C)"),
    /** {@code (N,)}: the id of each prediction's predicted label ({@code Prediction.getOutput()}). */
    PREDICTED_IDS("predicted class ids (N,)"),
    /** {@code (N, D)}: regression values, one column per dimension. */
    VALUES("values (N, D)");

    private final String description;

    TensorEncoding(String description) {
        this.description = description;
    }

    /** A short description with the shape, e.g. {@code "one-hot (N, C)"}. */
    public String description() {
        return description;
    }
}
