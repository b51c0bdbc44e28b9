package io.github.metricparity.keras.fscore;

import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.InputContract.RankRule;
import io.github.metricparity.keras.internal.Contracts;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Param;
import java.util.List;

/**
 * The classes of Keras {@code metrics/f_score_metrics.py}: FBetaScore and F1Score (FBetaScore with beta 1.0 and no
 * {@code beta} argument).
 *
 * <ul>
 *   <li>Inputs must be rank 2, {@code (batch, classes)}; the state variables {@code true_positives},
 *       {@code false_positives}, {@code false_negatives}, {@code intermediate_weights} are created on the first
 *       update with shape {@code (classes,)} ({@code ()} for {@code average="micro"}), so {@code result()} before
 *       any update raises, as in Keras.</li>
 *   <li>{@code threshold=None}: every entry equal to its row's maximum and with {@code |p| > 1e-9} is a positive
 *       (ties give several); otherwise {@code y_pred > threshold} (STRICT). {@code y_true} is not binarised.</li>
 *   <li>{@code F = (1+b²)·P·R / (b²·P + R + 1e-7)} with {@code P = tp/(tp+fp+1e-7)}, {@code R = tp/(tp+fn+1e-7)},
 *       in the metric dtype; {@code average}: None = per-class vector, micro = global counts, macro = mean,
 *       weighted = mean weighted by support {@code Σ w·y_true}.</li>
 *   <li>{@code beta} and {@code threshold} must be Python floats ({@code isinstance(x, float)}): an integral JSON
 *       number such as {@code 1} is a Python int and is refused, as Keras refuses {@code beta=1}; write
 *       {@code 1.0}.</li>
 * </ul>
 */
public final class FScoreMetrics {
    private static final String FAMILY = "f_score_metrics";

    private static Param average() {
        List<String> allowed = List.of("micro", "macro", "weighted");
        return Param.of("average", Param.Kind.STRING, null)
                .check(allowed::contains, "must be null (None), \"micro\", \"macro\" or \"weighted\"");
    }

    private static Param threshold() {
        return Param.of("threshold", Param.Kind.PY_FLOAT, null)
                .check(Param.number(t -> t > 0.0 && t <= 1.0), "must verify 0 < threshold <= 1");
    }

    public static final MetricSpec FBETA_SCORE = MetricSpec.builder("FBetaScore", FAMILY)
            .defaultName("fbeta_score")
            .params(average(),
                    Param.of("beta", Param.Kind.PY_FLOAT, 1.0).check(Param.number(b -> b > 0.0), "must be > 0"),
                    threshold())
            .contract(Contracts.counted(Labels.BINARY, Predictions.SCORES, RankRule.ROWS))
            .factory(c -> new FBetaScore(c, c.getDouble("beta")))
            .build();

    public static final MetricSpec F1_SCORE = MetricSpec.builder("F1Score", FAMILY)
            .params(average(), threshold())
            .contract(Contracts.counted(Labels.BINARY, Predictions.SCORES, RankRule.ROWS))
            .factory(c -> new FBetaScore(c, 1.0))
            .build();

    public static final List<MetricSpec> DEFINITIONS = List.of(FBETA_SCORE, F1_SCORE);

    private FScoreMetrics() {
    }
}
