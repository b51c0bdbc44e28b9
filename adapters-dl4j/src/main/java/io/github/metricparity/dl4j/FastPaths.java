package io.github.metricparity.dl4j;

import io.github.metricparity.keras.Numerics;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Metric;
import java.util.List;
import java.util.Map;

/**
 * Picks the ND4J fast path of a reference metric from its class and config, or none. Fast paths exist where an
 * ND4J op replaces a loop over every score: the accuracy family (argmax, thresholds) and the crossentropies
 * (clip, log, log-sum-exp), in float32 or float64. Every other metric, and every batch a fast path declines, is
 * computed by the reference metric itself.
 */
final class FastPaths {
    private static final List<String> MEAN_STATE = List.of("total", "count");

    private FastPaths() {
    }

    /** The fast path for this reference metric, or null. */
    static FastPath forMetric(Metric reference) {
        DType dtype = reference.dtype();
        if (dtype != DType.FLOAT32 && dtype != DType.FLOAT64) {
            return null;
        }
        // a fast path adds to total and count: only for metrics whose state is exactly that
        if (!List.copyOf(reference.snapshot().variables().keySet()).equals(MEAN_STATE)) {
            return null;
        }
        Map<String, Object> cfg = reference.config();
        switch (reference.className()) {
            case "CategoricalAccuracy":
                return new AccuracyFastPaths.Categorical(dtype);
            case "SparseCategoricalAccuracy":
                return new AccuracyFastPaths.SparseCategorical(dtype);
            case "BinaryAccuracy":
                return new AccuracyFastPaths.Binary(dtype, Numerics.INPUT_DTYPE.round(number(cfg, "threshold")));
            case "BinaryCrossentropy":
                return new CrossentropyFastPaths.Binary(dtype, flag(cfg, "from_logits"),
                        number(cfg, "label_smoothing"));
            case "CategoricalCrossentropy":
                return lastAxis(cfg) ? new CrossentropyFastPaths.Categorical(dtype, flag(cfg, "from_logits"),
                        number(cfg, "label_smoothing")) : null;
            case "SparseCategoricalCrossentropy":
                return lastAxis(cfg) && cfg.get("ignore_class") == null
                        ? new CrossentropyFastPaths.Sparse(dtype, flag(cfg, "from_logits")) : null;
            default:
                return null;
        }
    }

    private static double number(Map<String, Object> cfg, String key) {
        Object v = cfg.get(key);
        return v instanceof Number ? ((Number) v).doubleValue() : 0.0;
    }

    private static boolean flag(Map<String, Object> cfg, String key) {
        return Boolean.TRUE.equals(cfg.get(key));
    }

    /** axis -1, or 1: the last axis of the rank-2 predictions that fast paths take. */
    private static boolean lastAxis(Map<String, Object> cfg) {
        Object axis = cfg.get("axis");
        return axis instanceof Number && (((Number) axis).intValue() == -1 || ((Number) axis).intValue() == 1);
    }
}
