package io.github.metricparity.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.ReferenceProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Keras 3 release a registry follows. The values of older releases are checked against real Keras runs of every
 * golden case by KerasVersionDriftTest (conformance kit); here: the choice itself and its refusals.
 */
class KerasVersionTest {
    private static final MetricRegistry LATEST = MetricRegistry.of(new ReferenceProvider());
    private static final MetricRegistry V3_15 = LATEST.withKerasVersion(KerasVersion.of("3.15.1"));

    @Test
    void theDefaultIsTheLatestRelease() {
        assertEquals(KerasVersion.LATEST, LATEST.kerasVersion());
        assertEquals(KerasVersion.of("3.15"), V3_15.kerasVersion());
    }

    @Test
    void r2ScoreCountsElementsBefore316() {
        // keras/src/metrics/regression_metrics_test.py at v3.15.1, test_r2_tfa_comparison(None, 1, ...)
        Tensor yTrue = Tensor.of(new double[] {0, 0, 1, 0, 1, 0, 1, 0, 0}, 3, 3);
        Tensor yPred = Tensor.of(new double[] {0.1, 0.5, 0.1, 0.3, 0.9, 0.5, 0.4, 0.3, 0.1}, 3, 3);
        Tensor w = Tensor.of(new double[] {1, 1, 1}, 3);
        Map<String, Object> cfg = Map.of("class_aggregation", "uniform_average", "num_regressors", 1);
        Metric old = V3_15.create("R2Score", cfg);
        Metric now = LATEST.create("R2Score", cfg);
        old.update(yTrue, yPred, w);
        now.update(yTrue, yPred, w);
        assertTrue(Math.abs(old.resultValue() - now.resultValue()) > 0.1,
                old.resultValue() + " vs " + now.resultValue());
    }

    @Test
    void argumentsAndInputsAReleaseDidNotHaveAreRefused() {
        MetricRegistry v310 = LATEST.withKerasVersion(KerasVersion.of("3.10"));
        assertThrows(InvalidConfigException.class, () -> v310.create("AUC", Map.of("curve", "PRGAIN")));
        assertThrows(InvalidConfigException.class,
                () -> v310.create("SparseCategoricalCrossentropy", Map.of("ignore_class", 0)));
        Metric f1 = V3_15.create("F1Score", Map.of());
        Tensor y = Tensor.of(new double[] {1, 0, 0, 1}, 2, 2);
        assertThrows(InvalidInputException.class, () -> f1.update(y, y, Tensor.scalar(2.0)));
        f1.update(y, y, Tensor.of(new double[] {1, 2}, 2));
        Metric iou = V3_15.withKerasVersion(KerasVersion.of("3.14")).create("MeanIoU", Map.of("num_classes", 2));
        assertThrows(InvalidInputException.class, () -> iou.update(Tensor.of(new double[] {0, 2}, 2),
                Tensor.of(new double[] {0, 1}, 2), null));
        assertEquals(0.0, iou.resultValue(), "a refused update changes nothing");
    }

    @Test
    void aProviderThatFollowsOnlyTheLatestRefusesAnother() {
        MetricProvider latestOnly = new MetricProvider() {
            @Override
            public String id() {
                return "latest-only";
            }

            @Override
            public List<MetricInfo> metrics() {
                return new ReferenceProvider().metrics();
            }

            @Override
            public Metric create(String className, Map<String, ?> config) {
                return new ReferenceProvider().create(className, config);
            }
        };
        MetricRegistry registry = MetricRegistry.of(latestOnly);
        assertEquals("Mean", registry.create("Mean", Map.of()).className());
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> registry.withKerasVersion(KerasVersion.of("3.12")).create("Mean", Map.of()));
        assertTrue(e.getMessage().contains("latest-only provider follows Keras 3.16 only"), e.getMessage());
    }
}
