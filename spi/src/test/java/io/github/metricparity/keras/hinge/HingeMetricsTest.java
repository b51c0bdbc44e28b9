package io.github.metricparity.keras.hinge;

import static io.github.metricparity.keras.MetricTesting.REGISTRY;
import static io.github.metricparity.keras.MetricTesting.assertMergeEqualsSinglePass;
import static io.github.metricparity.keras.MetricTesting.assertRefusedUnchanged;
import static io.github.metricparity.keras.MetricTesting.assertResult;
import static io.github.metricparity.keras.MetricTesting.metric;
import static io.github.metricparity.keras.MetricTesting.t;
import static io.github.metricparity.keras.MetricTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.MetricTesting.Batch;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.Metric;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HingeMetricsTest {
    private static final String DOC_T = "[[0, 1], [0, 0]]";
    private static final String DOC_P = "[[0.6, 0.4], [0.4, 0.6]]";
    private static final String T01 = "[[0.0, 1.0, 0.0, 1.0], [0.0, 0.0, 1.0, 1.0]]";
    private static final String TPM = "[[-1, 1, -1, 1], [-1, -1, 1, 1]]";
    private static final String P = "[[-0.3, 0.2, -0.1, 1.6], [-0.25, -1.0, 0.5, 0.6]]";
    private static final double TOL = 1e-6;

    /** hinge_metrics.py docstrings: unweighted, then reset and sample_weight [1, 0]. */
    @ParameterizedTest
    @CsvSource({"Hinge, 1.3, 1.1", "SquaredHinge, 1.86, 1.46", "CategoricalHinge, 1.4000001, 1.2"})
    void docstrings(String cls, double unweighted, double weighted) {
        Metric m = metric(cls);
        m.update(t(DOC_T), t(DOC_P));
        assertResult(unweighted, m, TOL);
        m.reset();
        m.update(t(DOC_T), t(DOC_P), t("[1, 0]"));
        assertResult(weighted, m, TOL);
    }

    @Test
    void categoricalHingeDocstringIsTheFloat32Value() {
        Metric m = metric("CategoricalHinge");
        m.update(t(DOC_T), t(DOC_P));
        assertEquals(1.4000001f, (float) m.resultValue());
    }

    /** hinge_metrics_test.py. */
    @Nested
    class KerasUnitTests {
        @ParameterizedTest
        @CsvSource({"Hinge, 0.506, 0.493", "SquaredHinge, 0.364, 0.347"})
        void unweightedAndWeighted(String cls, double unweighted, double weighted) {
            Metric m = metric(cls);
            m.update(t(T01), t(P));
            assertResult(unweighted, m, 1e-3);
            Metric w = metric(cls);
            w.update(t(TPM), t(P), t("[1.5, 2.0]"));
            assertResult(weighted, w, 1e-3);
        }

        @Test
        void categoricalHinge() {
            String yt = "[[0, 1, 0, 1, 0], [0, 0, 1, 1, 1], [1, 1, 1, 1, 0], [0, 0, 0, 0, 1]]";
            String yp = "[[0, 0, 1, 1, 0], [1, 1, 1, 1, 1], [0, 1, 0, 1, 0], [1, 1, 1, 1, 1]]";
            Metric m = metric("CategoricalHinge");
            m.update(t(yt), t(yp));
            assertResult(0.5, m, 1e-5);
            Metric w = metric("CategoricalHinge");
            w.update(t(yt), t(yp), t("[1.0, 1.5, 2.0, 2.5]"));
            assertResult(0.5, w, 1e-5);
        }

        @ParameterizedTest
        @CsvSource({"Hinge, hinge", "SquaredHinge, squared_hinge", "CategoricalHinge, cat_hinge"})
        void configs(String cls, String name) {
            Metric m = metric(cls, "name", name, "dtype", "int32");
            Metric back = REGISTRY.create(cls, m.config());
            assertEquals(name, back.name());
            assertEquals("int32", back.config().get("dtype"));
            assertEquals(2, back.snapshot().variables().size());
        }
    }

    @Nested
    class Semantics {
        @Test
        void labelsConvertOnlyWhenTheWholeBatchIsBinary() {
            Metric m = metric("Hinge");
            m.update(t("[[0, 1]]"), t("[[-0.5, 0.5]]"));
            assertResult(0.5, m, TOL);
            // a batch holding -1 keeps its zeros: margins max(1 - 0*0.3, 0) = 1, 1 - 0.8, 1 - 0.2
            m.update(t("[[0, 1, -1]]"), t("[[0.3, 0.8, -0.2]]"));
            assertResult((0.5 + (1 + 0.2 + 0.8) / 3) / 2, m, TOL);
            Metric fractional = metric("Hinge");
            fractional.update(t("[[0.5, 1.0]]"), t("[[0.4, -2.0]]"));
            assertResult((0.8 + 3.0) / 2, fractional, TOL);
        }

        @Test
        void ranksAreNotReconciled() {
            // (3,) labels against (3,1) predictions: a (3,3) broadcast, every prediction against every label
            Metric m = metric("Hinge");
            m.update(t("[1, 0, 1]"), t("[[0.5], [-0.5], [2.0]]"));
            double[] p = {0.5, -0.5, 2.0};
            double[] y = {1, -1, 1};
            double total = 0;
            for (double pi : p) {
                double row = 0;
                for (double yj : y) {
                    row += Math.max(1 - yj * pi, 0);
                }
                total += row / 3;
            }
            assertResult(total / 3, m, TOL);
            Metric reversed = metric("Hinge");
            reversed.update(t("[[1], [0], [1]]"), t("[0.5, -0.5, 2.0]"));
            double totalReversed = 0;
            for (double yi : y) {
                double row = 0;
                for (double pj : p) {
                    row += Math.max(1 - yi * pj, 0);
                }
                totalReversed += row / 3;
            }
            assertResult(totalReversed / 3, reversed, TOL);
            Metric categorical = metric("CategoricalHinge");
            categorical.update(t("[0, 1]"), t("[[0.3], [0.8]]"));
            assertResult(1.0, categorical, TOL);
        }

        @Test
        void categoricalHingeTrueSlotCountsZeroInTheMax() {
            Metric m = metric("CategoricalHinge");
            m.update(t("[[0, 1, 0]]"), t("[[-2.0, -1.0, -3.0]]"));
            assertResult(2.0, m, TOL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Hinge", "SquaredHinge", "CategoricalHinge"})
        void refusedUpdatesLeaveTheStateUnchanged(String cls) {
            Metric m = metric(cls);
            m.update(t(DOC_T), t(DOC_P));
            assertRefusedUnchanged(m, Batch.of("1.0", "0.5"));
            assertRefusedUnchanged(m, Batch.of("[[0, 1, 1]]", "[[0.5, 0.5]]"));
            assertRefusedUnchanged(m, Batch.of(DOC_T, DOC_P, "[1, 2, 3]"));
        }
    }

    @Nested
    class Configs {
        @ParameterizedTest
        @CsvSource({"Hinge, hinge", "SquaredHinge, squared_hinge", "CategoricalHinge, categorical_hinge"})
        void namesKeysAndFunctions(String cls, String snake) {
            Metric m = metric(cls);
            assertEquals(snake, m.name());
            assertEquals(Map.of("name", snake, "dtype", "float32"), m.config());
            assertEquals(cls, REGISTRY.resolve(snake).className());
            assertEquals(cls, KerasCatalog.byFunctionName(snake).className());
            Batch b = Batch.of(T01, P, "[1.0, 3.0]");
            assertEquals(value(metric(cls), b), value(metric("MeanMetricWrapper", "fn", snake), b), 0.0);
            assertThrows(InvalidConfigException.class, () -> metric(cls, "from_logits", true));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hinge", "SquaredHinge", "CategoricalHinge"})
    void mergeEqualsSinglePass(String cls) {
        Batch[] batches = {
            Batch.of(DOC_T, DOC_P),
            Batch.of(TPM, P, "[1.5, 2.0]"),
            Batch.of("[[0, 1, -1]]", "[[0.3, 0.8, -0.2]]"),
        };
        assertMergeEqualsSinglePass(cls, Map.of(), 1, batches);
        assertMergeEqualsSinglePass(cls, Map.of(), 2, batches);
    }
}
