package io.github.metricparity.tribuo;

/**
 * What the {@code y_pred} a Keras metric received was made of, read from the model's {@link org.tribuo.Prediction}s.
 * Keras metrics take whatever the model outputs; this says which of Keras's cases the Tribuo model is.
 */
public enum PredictionKind {
    /**
     * Every prediction {@link org.tribuo.Prediction#hasProbabilities() has probabilities}: {@code y_pred} holds the
     * per-class (or per-label) probabilities, as a Keras softmax/sigmoid output. Metrics with {@code from_logits}
     * must keep it {@code false}.
     */
    PROBABILITIES,
    /**
     * The predictions carry a score for every output but no probabilities (e.g. a hinge-loss linear model):
     * {@code y_pred} holds raw scores, which Keras calls logits. Metrics with a {@code from_logits} argument must be
     * configured with {@code from_logits=true}; thresholded metrics compare raw scores with their thresholds (use
     * {@code threshold=0} for {@code BinaryAccuracy} on logits).
     */
    SCORES,
    /**
     * The predictions carry only the predicted output, no scores: {@code y_pred} is its one-hot (or multi-hot)
     * indicator, i.e. hard 0/1 predictions, which Keras treats as probabilities of exactly 0 and 1.
     */
    HARD,
    /** Regression outputs: {@code y_pred} holds the predicted values. */
    VALUES,
    /** No prediction was evaluated. */
    NONE
}
