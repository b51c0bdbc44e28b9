package io.github.metricparity.keras.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bugs the reliability tests found in the confusion and regression packages, reported to their owners and fixed
 * there: each test states the outcome the fix guarantees.
 */
class ReportedBugsTest {

    /**
     * confusion: AUC allocates {@code num_thresholds - 2} thresholds before its state variables (whose size
     * {@code AbstractMetric.addVariable} checks), so a huge {@code num_thresholds} throws OutOfMemoryError, which no
     * caller expects, instead of InvalidConfigException. Found by ConfigFuzzTest.
     */
    @Test
    void aucWithAHugeThresholdCountIsRefused() {
        assertThrows(InvalidConfigException.class,
                () -> KerasCatalog.byClassName("AUC").create(Map.of("num_thresholds", Integer.MAX_VALUE)));
    }

    /** confusion: the same in SensitivitySpecificityBase (AtValue), for all four classes. */
    @Test
    void sensitivityAtSpecificityWithAHugeThresholdCountIsRefused() {
        assertThrows(InvalidConfigException.class, () -> KerasCatalog.byClassName("SensitivityAtSpecificity")
                .create(Map.of("specificity", 0.5, "num_thresholds", Integer.MAX_VALUE)));
    }

    /**
     * confusion: AUC with {@code multi_label=true} and no {@code num_labels} restores lazily built variables of any
     * shape; with a first dimension other than {@code num_thresholds}, {@code result()} throws
     * ArrayIndexOutOfBoundsException and {@code update} IllegalStateException. Expected: the restore refused with a
     * MetricException (as R2Score and FBetaScore report an inconsistent state). Found by CheckpointFuzzTest.
     */
    @Test
    void aucRefusesARestoredStateOfAnotherThresholdCount() {
        Metric auc = KerasCatalog.byClassName("AUC").create(Map.of("multi_label", true, "num_thresholds", 7));
        MetricState s = auc.snapshot();
        Map<String, Tensor> vars = new LinkedHashMap<>();
        for (String v : new String[] {"true_positives", "false_positives", "true_negatives", "false_negatives"}) {
            vars.put(v, Tensor.zeros(4, 2));
        }
        assertThrows(MetricException.class, () -> auc.restore(new MetricState("AUC", s.config(), vars)));
    }

    /**
     * regression: R2Score restores lazily built variables of shape {@code ()}; the next update then fails with
     * {@code InvalidInputException: R2Score: Index 0 out of bounds for length 0}, a message that names neither the
     * state nor the problem. Expected: the inconsistent state reported as R2Score's result() reports it.
     */
    @Test
    void r2ScoreReportsAnInconsistentStateOnUpdate() {
        Metric r2 = KerasCatalog.byClassName("R2Score").create(Map.of());
        MetricState s = r2.snapshot();
        Map<String, Tensor> vars = new LinkedHashMap<>(s.variables());
        for (String v : new String[] {"squared_sum", "sum", "residual", "count"}) {
            vars.put(v, Tensor.scalar(0));
        }
        r2.restore(new MetricState("R2Score", s.config(), vars));
        MetricException e = assertThrows(MetricException.class,
                () -> r2.update(Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(new double[] {1, 2}, 2, 1)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("inconsistent state"), e::getMessage);
    }
}
