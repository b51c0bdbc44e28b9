package io.github.metricparity.keras;

import java.util.Objects;

/**
 * What a metric expects of {@code update(y_true, y_pred, sample_weight)} under a given config: how the labels and
 * the predictions are encoded, how samples are counted, and how a sample weight applies. Adapters read it to encode
 * their framework's outputs, and the reference metrics read it for their warnings and error messages, so no code
 * needs to guess from a class name. Declared once per metric, in its definition
 * ({@link MetricDefinition#inputContract}).
 *
 * @param labels      what {@code y_true} holds
 * @param predictions what {@code y_pred} holds
 * @param rankRule    how the inputs' shapes map to samples
 * @param weights     how {@code sample_weight} applies
 * @param alternative the catalog class computing the same thing from the other label encoding (one-hot rows
 *                    against class ids: {@code CategoricalAccuracy} for {@code SparseCategoricalAccuracy} and back),
 *                    or null
 */
public record InputContract(Labels labels, Predictions predictions, RankRule rankRule, Weights weights,
        String alternative) {

    public InputContract {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(rankRule, "rankRule");
        Objects.requireNonNull(weights, "weights");
    }

    /** What {@code y_true} holds. */
    public enum Labels {
        /** One integer class id in {@code [0, C)} per sample: {@code (N,)} or {@code (N, 1)} against (N, C). */
        CLASS_IDS,
        /** One class per sample as a one-hot row over the {@code C} classes ({@code (N, C)}; soft rows too). */
        ONE_HOT,
        /** An independent 0/1 target per element (multi-hot rows for several outputs). */
        BINARY,
        /** As {@link #BINARY}, written 0/1 or -1/1 (hinge losses turn 0/1 into -1/1). */
        SIGNED_BINARY,
        /** Real-valued targets: regression outputs, counts (Poisson), distributions (KLDivergence). */
        REAL_VALUES,
        /** Any values, compared as they are with the predictions (Accuracy: exact equality). */
        FREE_VALUES,
        /** No labels: the metric reduces values ({@code update(values, sample_weight)}: Mean, Sum). */
        NONE
    }

    /** What {@code y_pred} holds. */
    public enum Predictions {
        /** Probabilities in [0, 1], compared with thresholds that assume probabilities. */
        PROBABILITIES,
        /** A probability distribution per row: values in [0, 1] summing to 1 ({@code from_logits=False}). */
        DISTRIBUTION,
        /** Logits: raw scores the metric turns into probabilities itself ({@code from_logits=True}). */
        LOGITS,
        /** Scores on any scale: only their order or a threshold chosen on their scale matters. */
        SCORES,
        /** One predicted class id per sample. */
        CLASS_IDS,
        /** Class ids sorted by score, best first ({@code from_sorted_ids=True}). */
        SORTED_CLASS_IDS,
        /** Values: regression predictions, or the values a Mean or Sum reduces. */
        VALUES
    }

    /** How the shapes of the inputs map to samples. */
    public enum RankRule {
        /**
         * The last axis holds one sample's outputs (its classes, or the values a per-sample function reduces);
         * {@code y_true} has {@code y_pred}'s shape, or one axis fewer when it holds class ids (a trailing axis of 1
         * is squeezed). The rank matters: a rank-1 batch is not in general N samples of one output.
         */
        ROWS,
        /**
         * Every label is scored on its own: Keras flattens the inputs, so only their sizes must agree, and a
         * rank-1 batch is N samples of one output.
         */
        ELEMENTS
    }

    /** How {@code sample_weight} applies. */
    public enum Weights {
        /**
         * One weight per sample: the values are first reduced to the weight's rank, so a scalar weight weighs the
         * whole batch as one sample ({@code reduction_metrics.py reduce_to_samplewise_values}).
         */
        PER_SAMPLE,
        /** The weight broadcasts over the inputs: a scalar weight is every element's weight. */
        BROADCAST
    }

    /** True when the labels name one class per sample (ids or one-hot rows). */
    public boolean oneClassPerSample() {
        return labels == Labels.CLASS_IDS || labels == Labels.ONE_HOT;
    }

    /** True when {@code y_true} or {@code y_pred} holds class ids. */
    public boolean takesClassIds() {
        return labels == Labels.CLASS_IDS || predictions == Predictions.CLASS_IDS
                || predictions == Predictions.SORTED_CLASS_IDS;
    }
}
