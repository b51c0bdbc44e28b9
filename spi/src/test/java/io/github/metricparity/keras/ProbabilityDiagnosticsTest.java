package io.github.metricparity.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbabilityDiagnosticsTest {
    private final MetricRegistry keras = MetricRegistry.load();
    private final List<Diagnostic> seen = new CopyOnWriteArrayList<>();
    private final Consumer<Diagnostic> listener = seen::add;

    private static final Tensor LABELS = Tensor.of(new double[] {1, 0, 1}, 3, 1);
    private static final Tensor LOGITS = Tensor.of(new double[] {2.5, -1.0, 0.3}, 3, 1);

    @BeforeEach
    void listen() {
        Diagnostics.addListener(listener);
    }

    @AfterEach
    void stop() {
        Diagnostics.removeListener(listener);
        Diagnostics.setStrict(false);
    }

    @Test
    void logitsGivenToBinaryCrossentropyWarnOncePerInstanceWithTheFix() {
        Metric bce = keras.get("BinaryCrossentropy");
        bce.update(LABELS, LOGITS);
        bce.update(LABELS, LOGITS);
        assertEquals(1, seen.size());
        Diagnostic d = seen.get(0);
        assertEquals("BinaryCrossentropy", d.metricClass());
        assertEquals("y_pred", d.argument());
        assertTrue(d.fix().contains("from_logits=true"), d.fix());
        keras.get("BinaryCrossentropy").update(LABELS, LOGITS);
        assertEquals(2, seen.size(), "a second instance warns again");
    }

    @Test
    void binaryAccuracyOnLogitsSuggestsThresholdZero() {
        keras.get("BinaryAccuracy").update(LABELS, LOGITS);
        assertTrue(seen.get(0).fix().contains("threshold=0.0"), seen.get(0).fix());
    }

    @Test
    void noWarningWhenLogitsAreDeclaredOrValuesAreProbabilities() {
        keras.create("BinaryCrossentropy", Map.of("from_logits", true)).update(LABELS, LOGITS);
        keras.get("BinaryCrossentropy").update(LABELS, Tensor.of(new double[] {0.9, 0.1, 0.6}, 3, 1));
        keras.get("CategoricalAccuracy").update(Tensor.of(new double[] {0, 1}, 1, 2), Tensor.of(new double[] {-3, 7},
                1, 2));
        assertEquals(List.of(), seen);
    }

    @Test
    void categoricalRowsThatDoNotSumToOneWarn() {
        keras.get("CategoricalCrossentropy").update(Tensor.of(new double[] {0, 1, 1, 0}, 2, 2),
                Tensor.of(new double[] {0.2, 0.3, 0.5, 0.5}, 2, 2));
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).problem().contains("row 0 sums to 0.5"), seen.get(0).problem());
    }

    @Test
    void strictModeRefusesTheUpdateAndKeepsTheState() {
        Metric bce = keras.get("BinaryCrossentropy");
        bce.update(LABELS, Tensor.of(new double[] {0.9, 0.1, 0.6}, 3, 1));
        double before = bce.resultValue();
        Diagnostics.setStrict(true);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> bce.update(LABELS, LOGITS));
        assertTrue(e.getMessage().startsWith("BinaryCrossentropy"), e.getMessage());
        assertEquals(before, bce.resultValue());
        assertThrows(InvalidInputException.class, () -> bce.update(LABELS, LOGITS), "every bad batch is refused");
    }
}
