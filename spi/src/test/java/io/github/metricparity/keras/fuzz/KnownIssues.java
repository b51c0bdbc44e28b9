package io.github.metricparity.keras.fuzz;

import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.Map;
import java.util.Set;

/**
 * Inputs the fuzz targets step around because they hit a bug already reported to the package's owners (see
 * docs/RELIABILITY.md, "Open bugs", and the disabled tests of ReportedBugsTest). Remove an entry when its bug is
 * fixed, so the fuzzers cover the input again.
 */
final class KnownIssues {
    private static final Set<String> THRESHOLD_COUNT_CLASSES = Set.of("AUC", "SensitivityAtSpecificity",
            "SpecificityAtSensitivity", "PrecisionAtRecall", "RecallAtPrecision");

    private KnownIssues() {
    }

    /**
     * AUC and the sensitivity/specificity family allocate their {@code num_thresholds} thresholds before the state
     * size is checked, so {@code num_thresholds=2000000000} throws OutOfMemoryError instead of
     * InvalidConfigException (confusion package).
     */
    static boolean hugeThresholdCount(String className, Map<String, ?> config) {
        Object n = config.get("num_thresholds");
        return THRESHOLD_COUNT_CLASSES.contains(className) && n instanceof Number
                && Math.abs(((Number) n).doubleValue()) > 1_000_000;
    }

    /**
     * AUC (multi_label, no num_labels) restores lazily built variables of any shape; unless it is
     * {@code (num_thresholds, L)}, result() throws ArrayIndexOutOfBoundsException and update IllegalStateException
     * (confusion package).
     */
    static boolean aucLazyShapeUnchecked(MetricState state) {
        if (!state.className().equals("AUC") || !Boolean.TRUE.equals(state.config().get("multi_label"))
                || state.config().get("num_labels") != null) {
            return false;
        }
        Object n = state.config().get("num_thresholds");
        for (Tensor t : state.variables().values()) {
            if (t.rank() != 2 || !(n instanceof Number) || t.dim(0) != ((Number) n).intValue()) {
                return true;
            }
        }
        return false;
    }
}
