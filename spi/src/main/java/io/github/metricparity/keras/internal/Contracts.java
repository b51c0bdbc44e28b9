package io.github.metricparity.keras.internal;

import io.github.metricparity.keras.InputContract;
import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.InputContract.RankRule;
import io.github.metricparity.keras.InputContract.Weights;

/** Short forms of the input contracts the families declare. */
public final class Contracts {
    private Contracts() {
    }

    /** A per-sample function over rows ({@code MeanMetricWrapper}): one weight per sample. */
    public static InputContract rows(Labels labels, Predictions predictions) {
        return new InputContract(labels, predictions, RankRule.ROWS, Weights.PER_SAMPLE, null);
    }

    /** {@link #rows} with the class taking the other label encoding. */
    public static InputContract rows(Labels labels, Predictions predictions, String alternative) {
        return new InputContract(labels, predictions, RankRule.ROWS, Weights.PER_SAMPLE, alternative);
    }

    /** A count over every element (confusion and IoU families): the weight broadcasts. */
    public static InputContract counted(Labels labels, Predictions predictions, RankRule rankRule) {
        return new InputContract(labels, predictions, rankRule, Weights.BROADCAST, null);
    }

    /** {@code from_logits=True}: logits, else {@code otherwise}. */
    public static Predictions logitsOr(MetricConfig config, Predictions otherwise) {
        return config.getBool("from_logits") ? Predictions.LOGITS : otherwise;
    }
}
