package io.github.metricparity.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user mistakes of issue 15, each answered with the fix: results stay Keras's (the values below are real Keras
 * 3.16's for the same inputs), refusals name what to change, silent mis-shapes warn once per instance.
 */
class ErrorsThatTeachTest {
    private static final float[] SCORES = {0.1f, 0.8f, 0.1f, 0.7f, 0.2f, 0.1f, 0.2f, 0.2f, 0.6f, 0.3f, 0.4f, 0.3f};
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final Consumer<Diagnostic> listener = warnings::add;

    @BeforeEach
    void listen() {
        Diagnostics.addListener(listener);
    }

    @AfterEach
    void stop() {
        Diagnostics.removeListener(listener);
    }

    private static Metric create(String cls) {
        return KerasCatalog.byClassName(cls).create(Map.of());
    }

    private static Tensor oneHot(int classes, int... ids) {
        float[] out = new float[ids.length * classes];
        for (int i = 0; i < ids.length; i++) {
            out[i * classes + ids[i]] = 1;
        }
        return Tensor.of(out, ids.length, classes);
    }

    @Test
    void aMisspeltConfigKeyGetsTheNearestOne() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> KerasCatalog.byClassName("BinaryAccuracy").create(Map.of("treshold", 0.3)));
        assertEquals("BinaryAccuracy: unknown config key 'treshold' (did you mean 'threshold'?); accepted: name, "
                + "dtype, threshold", e.getMessage());
    }

    @Test
    void oneHotLabelsGivenToASparseMetricGetTheFix() {
        Metric m = create("SparseCategoricalAccuracy");
        MetricState before = m.snapshot();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> m.update(oneHot(3, 1, 0, 2, 1), Tensor.of(SCORES, 4, 3)));
        assertTrue(e.getMessage().contains("looks like one-hot rows over 3 classes"), e.getMessage());
        assertTrue(e.getMessage().contains("fix: use CategoricalAccuracy (or compile(metrics=['accuracy']), which "
                + "picks it from the shapes)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("[as passed: y_true (4, 3), y_pred (4, 3)]"), e.getMessage());
        assertEquals(before, m.snapshot(), "a refused update changes no state");
        InvalidInputException ce = assertThrows(InvalidInputException.class,
                () -> create("SparseCategoricalCrossentropy").update(oneHot(3, 1, 0, 2, 1), Tensor.of(SCORES, 4, 3)));
        assertTrue(ce.getMessage().contains("fix: use CategoricalCrossentropy ["), ce.getMessage());
    }

    @Test
    void shapesAreReportedAsPassed() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> create("SparseCategoricalAccuracy")
                .update(Tensor.of(new float[] {1, 0, 2, 1, 0}, 5), Tensor.of(SCORES, 4, 3), Tensor.of(
                        new float[] {1, 1, 1, 1, 1}, 5)));
        assertTrue(e.getMessage().endsWith("[as passed: y_true (5,), y_pred (4, 3), sample_weight (5,)]"),
                e.getMessage());
    }

    @Test
    void classIdsGivenToCategoricalAccuracyWarnOnce() {
        Metric m = create("CategoricalAccuracy");
        m.update(Tensor.of(new float[] {1, 0, 2, 1}, 4), Tensor.of(SCORES, 4, 3));
        assertEquals(0.25, m.result().item(), 1e-7, "Keras's value");
        assertEquals(1, warnings.size(), warnings::toString);
        Diagnostic d = warnings.get(0);
        assertEquals("y_true", d.argument());
        assertTrue(d.problem().contains("of shape (4,) holds one value per sample"), d::message);
        assertEquals("use SparseCategoricalAccuracy (or compile(metrics=['accuracy']), which picks it from the "
                + "shapes)", d.fix());
        m.update(Tensor.of(new float[] {1, 0, 2, 1}, 4, 1), Tensor.of(SCORES, 4, 3));
        assertEquals(0.25, m.result().item(), 1e-7);
        assertEquals(1, warnings.size(), "once per instance");
    }

    @Test
    void oneHotLabelsWithAsManyRowsAsClassesWarn() {
        Metric m = create("SparseCategoricalAccuracy");
        float[] three = new float[9];
        System.arraycopy(SCORES, 0, three, 0, 9);
        m.update(oneHot(3, 1, 0, 2), Tensor.of(three, 3, 3));
        assertEquals(1.0 / 3, m.result().item(), 1e-7, "Keras's value");
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).fix().startsWith("use CategoricalAccuracy"), warnings.get(0)::message);
    }

    @Test
    void strictModeRefusesTheMisShapeAndKeepsTheState() {
        Diagnostics.setStrict(true);
        try {
            Metric m = create("CategoricalAccuracy");
            MetricState before = m.snapshot();
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> m.update(Tensor.of(new float[] {1, 0, 2, 1}, 4), Tensor.of(SCORES, 4, 3)));
            assertTrue(e.getMessage().contains("use SparseCategoricalAccuracy"), e.getMessage());
            assertEquals(before, m.snapshot());
        } finally {
            Diagnostics.setStrict(false);
        }
    }

    @Test
    void rightlyShapedLabelsDoNotWarn() {
        create("CategoricalAccuracy").update(oneHot(3, 1, 0, 2, 1), Tensor.of(SCORES, 4, 3));
        create("SparseCategoricalAccuracy").update(Tensor.of(new float[] {1, 0, 2, 1}, 4), Tensor.of(SCORES, 4, 3));
        create("SparseCategoricalAccuracy").update(Tensor.of(new float[] {1, 0, 2, 1}, 4, 1),
                Tensor.of(SCORES, 4, 3));
        assertTrue(warnings.isEmpty(), warnings::toString);
    }
}
