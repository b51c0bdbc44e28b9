package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.Tensor;
import java.util.List;

/**
 * The seed pitfall, caught: logits (or scores) given to a metric that expects probabilities give wrong numbers in
 * Keras without a word. Which metric expects what is its input contract's
 * ({@link io.github.metricparity.keras.InputContract#predictions}):
 *
 * <ul>
 *   <li>probabilities in [0, 1] ({@link Expectation#PROBABILITY}): BinaryCrossentropy, AUC (with
 *       {@code from_logits=false}); BinaryAccuracy with a threshold in (0, 1) and the thresholded confusion
 *       metrics, whose thresholds assume probabilities;</li>
 *   <li>a distribution per row ({@link Expectation#DISTRIBUTION}): CategoricalCrossentropy and
 *       SparseCategoricalCrossentropy with {@code from_logits=false}: values in [0, 1] AND rows summing to 1 (within
 *       1e-3; checked on the first {@value #ROW_SUM_CHECKS} updates of an instance only, to keep updates cheap).</li>
 * </ul>
 * The range check uses the min/max that the finiteness check already computed, so it costs nothing per batch.
 */
final class ProbabilityDiagnostics {
    static final int ROW_SUM_CHECKS = 16;
    private static final double ROW_SUM_TOLERANCE = 1e-3;

    enum Expectation { NONE, PROBABILITY, DISTRIBUTION }

    private final Expectation expectation;
    private final String fix;
    private boolean warned;
    private int rowSumChecks;

    private ProbabilityDiagnostics(Expectation expectation, String fix) {
        this.expectation = expectation;
        this.fix = fix;
    }

    /**
     * The checker for a metric, from the predictions its input contract expects under its config (from_logits,
     * top_k and a threshold outside (0, 1) expect no probabilities), and the argument that fixes a mistake.
     */
    static ProbabilityDiagnostics of(MetricConfig config) {
        MetricConfig semantic = config.definition().semanticConfig(config);
        Expectation e;
        switch (semantic.definition().contract(semantic).predictions()) {
            case PROBABILITIES:
                e = Expectation.PROBABILITY;
                break;
            case DISTRIBUTION:
                e = Expectation.DISTRIBUTION;
                break;
            default:
                e = Expectation.NONE;
                break;
        }
        List<String> keys = semantic.definition().paramKeys();
        String fix;
        if (keys.contains("from_logits")) {
            fix = "create it with from_logits=true if these are logits";
        } else if (keys.contains("threshold")) {
            fix = "for logits use threshold=0.0 (the logit of probability 0.5); or apply a sigmoid first";
        } else {
            fix = "thresholds are probabilities: apply a sigmoid to logits first, or give thresholds on the scale of "
                    + "your scores";
        }
        return new ProbabilityDiagnostics(e, fix);
    }

    /**
     * Checks one batch of predictions; warns (once) when they cannot be probabilities.
     *
     * @param min smallest prediction of the batch
     * @param max largest prediction of the batch
     */
    void check(AbstractMetric metric, Tensor yPred, double min, double max) {
        if (warned || expectation == Expectation.NONE || yPred.size() == 0) {
            return;
        }
        if (min < 0 || max > 1) {
            warn(metric, "holds values in [" + min + ", " + max + "], outside [0, 1]: they look like logits or "
                    + "scores, not probabilities");
            return;
        }
        if (expectation == Expectation.DISTRIBUTION && rowSumChecks < ROW_SUM_CHECKS && yPred.rank() >= 1) {
            rowSumChecks++;
            int n = yPred.dim(-1);
            int rows = n == 0 ? 0 : yPred.size() / n;
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += yPred.get(r * n + j);
                }
                if (Math.abs(sum - 1.0) > ROW_SUM_TOLERANCE) {
                    warn(metric, "row " + r + " sums to " + sum + ", not 1: Keras renormalises it, which hides "
                            + "scores or logits given as probabilities");
                    return;
                }
            }
        }
    }

    /**
     * What a fused update must verify about {@code y_pred} for {@link #check} to have nothing to say: finiteness
     * only once the instance has warned or expects nothing, values in [0, 1] otherwise; null while the row sums of
     * a distribution are still checked (the fused update must leave the batch to the generic path).
     */
    Fused.Check fusedCheck() {
        if (warned || expectation == Expectation.NONE) {
            return Fused.Check.FINITE;
        }
        if (expectation == Expectation.DISTRIBUTION && rowSumChecks < ROW_SUM_CHECKS) {
            return null;
        }
        return Fused.Check.UNIT_INTERVAL;
    }

    private void warn(AbstractMetric metric, String problem) {
        // in strict mode Diagnostics.warn throws before we mark the instance as warned, so every bad batch is refused
        String name = metric.name().equals(metric.parsedConfig().definition().defaultName()) ? null : metric.name();
        Diagnostics.warn(new Diagnostic(metric.className(), name, "y_pred", problem, fix));
        warned = true;
    }
}
