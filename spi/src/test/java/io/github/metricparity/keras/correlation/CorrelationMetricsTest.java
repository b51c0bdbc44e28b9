package io.github.metricparity.keras.correlation;

import static io.github.metricparity.keras.MetricTesting.REGISTRY;
import static io.github.metricparity.keras.MetricTesting.assertMergeEqualsSinglePass;
import static io.github.metricparity.keras.MetricTesting.assertRefusedUnchanged;
import static io.github.metricparity.keras.MetricTesting.assertResult;
import static io.github.metricparity.keras.MetricTesting.cfg;
import static io.github.metricparity.keras.MetricTesting.metric;
import static io.github.metricparity.keras.MetricTesting.t;
import static io.github.metricparity.keras.MetricTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.MetricTesting.Batch;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationMetricsTest {
    private static final double[][] Y_TRUE = {{0, 1, 0.5}, {1, 1, 0.2}, {1, 1, 0.1}, {0.1, 0.7, 0.0}};
    private static final double[][] Y_PRED = {{0.1, 0.9, 0.5}, {1, 0.9, 0.2}, {0.2, 0.8, 0}, {0.3, 0.3, 0.9}};
    private static final double[] CCC_EXPECTED = {0.97560976, 0.98765432, 0.46511628, -0.46376812};
    private static final double TOL = 1e-6;

    private static String rows(double[][] m, int from, int to) {
        StringBuilder b = new StringBuilder("[");
        for (int r = from; r < to; r++) {
            b.append(r > from ? ", [" : "[");
            for (int j = 0; j < m[r].length; j++) {
                b.append(j > 0 ? ", " : "").append(m[r][j]);
            }
            b.append(']');
        }
        return b.append(']').toString();
    }

    /** scipy.stats.pearsonr, as the Keras test uses it. */
    private static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Nested
    class Docstrings {
        @Test
        void pearsonCorrelation() {
            Metric m = metric("PearsonCorrelation", "axis", -1);
            m.update(t("[[0, 1, 0.5], [1, 1, 0.2]]"), t("[[0.1, 0.9, 0.5], [1, 0.9, 0.2]]"));
            assertResult(0.9966996338993913, m, TOL);
        }

        @Test
        void concordanceCorrelation() {
            Metric m = metric("ConcordanceCorrelation", "axis", -1);
            m.update(t("[[0, 1, 0.5], [1, 1, 0.2]]"), t("[[0.1, 0.9, 0.5], [1, 0.9, 0.2]]"));
            assertResult(0.9816320385426076, m, TOL);
        }
    }

    /** correlation_metrics_test.py. */
    @Nested
    class KerasUnitTests {
        private double[] pcc() {
            double[] out = new double[4];
            for (int i = 0; i < 4; i++) {
                out[i] = pearson(Y_TRUE[i], Y_PRED[i]);
            }
            return out;
        }

        @Test
        void pearsonClass() {
            double[] pcc = pcc();
            Metric m = metric("PearsonCorrelation", "axis", -1, "dtype", "float32");
            m.update(t(rows(Y_TRUE, 0, 2)), t(rows(Y_PRED, 0, 2)));
            assertResult((pcc[0] + pcc[1]) / 2, m, TOL);
            m.update(t(rows(Y_TRUE, 2, 4)), t(rows(Y_PRED, 2, 4)));
            assertResult((pcc[0] + pcc[1] + pcc[2] + pcc[3]) / 4, m, TOL);
        }

        @Test
        void concordanceClass() {
            Metric m = metric("ConcordanceCorrelation", "axis", -1, "dtype", "float32");
            m.update(t(rows(Y_TRUE, 0, 2)), t(rows(Y_PRED, 0, 2)));
            assertResult((CCC_EXPECTED[0] + CCC_EXPECTED[1]) / 2, m, TOL);
            m.update(t(rows(Y_TRUE, 2, 4)), t(rows(Y_PRED, 2, 4)));
            assertResult((CCC_EXPECTED[0] + CCC_EXPECTED[1] + CCC_EXPECTED[2] + CCC_EXPECTED[3]) / 4, m, TOL);
        }

        @Test
        void perSampleFunctions() {
            double[] pcc = pcc();
            for (int i = 0; i < 4; i++) {
                Batch row = Batch.of(rows(Y_TRUE, i, i + 1), rows(Y_PRED, i, i + 1));
                assertEquals(pcc[i], value(metric("PearsonCorrelation"), row), TOL, "row " + i);
                assertEquals(CCC_EXPECTED[i], value(metric("ConcordanceCorrelation"), row), TOL, "row " + i);
            }
        }

        @ParameterizedTest
        @CsvSource({"PearsonCorrelation, pearson_correlation, float16",
            "ConcordanceCorrelation, concordance_correlation, float32"})
        void configs(String cls, String name, String kerasDtype) {
            // Keras's pearson test uses float16, which this implementation refuses (no half-precision emulation)
            String dtype = kerasDtype;
            if ("float16".equals(kerasDtype)) {
                assertThrows(InvalidConfigException.class, () -> metric(cls, "axis", -1, "dtype", kerasDtype));
                dtype = "float64";
            }
            Map<String, Object> config = metric(cls, "axis", -1, "dtype", dtype).config();
            assertEquals(-1, config.get("axis"));
            assertEquals(dtype, config.get("dtype"));
            assertEquals(name, config.get("name"));
        }
    }

    @Nested
    class Semantics {
        @Test
        void constantRowGivesNaN() {
            Metric m = metric("PearsonCorrelation");
            m.update(t("[[1.0, 1.0, 1.0], [1.0, 2.0, 3.0]]"), t("[[0.5, 1.0, 2.0], [1.0, 2.0, 4.0]]"));
            assertTrue(Double.isNaN(m.resultValue()), m.result().toString());
            Metric ccc = metric("ConcordanceCorrelation");
            ccc.update(t("[[2.0, 2.0, 2.0]]"), t("[[2.0, 2.0, 2.0]]"));
            assertResult(0.0, ccc, 0.0);
        }

        @Test
        void meanOfPerSampleCoefficientsNotPooled() {
            Metric m = metric("PearsonCorrelation");
            m.update(t("[[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]"), t("[[3.0, 2.0, 1.0], [1.0, 2.0, 3.0]]"), t("[1, 3]"));
            assertResult((-1.0 + 3.0) / 4, m, TOL);
        }

        @Test
        void shiftLowersConcordance() {
            Metric m = metric("ConcordanceCorrelation");
            m.update(t("[[1.0, 2.0, 3.0]]"), t("[[2.0, 3.0, 4.0]]"));
            double v = 2.0 / 3;
            assertResult(2 * v / (v + v + 1 + 1e-7), m, TOL);
        }

        @Test
        void axes() {
            Batch cube = Batch.of("[[[1, 2], [3, 5]], [[0, 1], [1, 0]]]", "[[[1, 3], [2, 6]], [[1, 0], [0.5, 0.5]]]");
            double first = pearson(new double[] {1, 2, 3, 5}, new double[] {1, 3, 2, 6});
            double second = pearson(new double[] {0, 1, 1, 0}, new double[] {1, 0, 0.5, 0.5});
            assertEquals((first + second) / 2, value(metric("PearsonCorrelation", "axis", List.of(1, 2)), cube),
                    TOL);
            assertEquals((first + second) / 2, value(metric("PearsonCorrelation", "axis", List.of(-1, 1)), cube),
                    TOL);
            Batch columns = Batch.of("[[1, 2], [2, 1], [4, 3]]", "[[1.5, 0], [2.5, 1], [3, 3.5]]");
            double c0 = pearson(new double[] {1, 2, 4}, new double[] {1.5, 2.5, 3});
            double c1 = pearson(new double[] {2, 1, 3}, new double[] {0, 1, 3.5});
            assertEquals((c0 + c1) / 2, value(metric("PearsonCorrelation", "axis", 0), columns), TOL);
            // rank 1: one coefficient over the whole batch
            assertEquals(pearson(new double[] {1, 2, 3, 4}, new double[] {2, 4, 5, 9}),
                    value(metric("PearsonCorrelation"), Batch.of("[1, 2, 3, 4]", "[2, 4, 5, 9]")), TOL);
            // (3,) against (3,1): expanded to (3,1), one value per row along axis -1, so 0/0
            assertTrue(Double.isNaN(value(metric("PearsonCorrelation"), Batch.of("[1, 2, 3]", "[[1], [2], [4]]"))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"PearsonCorrelation", "ConcordanceCorrelation"})
        void refusedUpdatesLeaveTheStateUnchanged(String cls) {
            Metric m = metric(cls);
            m.update(t("[[1.0, 2.0, 4.0]]"), t("[[1.0, 3.0, 2.0]]"));
            assertRefusedUnchanged(m, Batch.of("1.0", "2.0"));
            assertRefusedUnchanged(m, Batch.of("[[1, 2, 3]]", "[[1, 2]]"));
            assertRefusedUnchanged(m, Batch.of("[[1, 2, 3]]", "[[1, 2, 4]]", "[1, 2]"));
            Metric axis = metric(cls, "axis", 2);
            assertRefusedUnchanged(axis, Batch.of("[[1, 2, 3]]", "[[1, 2, 4]]"));
            Metric repeated = metric(cls, "axis", List.of(1, 1));
            assertRefusedUnchanged(repeated, Batch.of("[[1, 2, 3]]", "[[1, 2, 4]]"));
        }
    }

    @Nested
    class Configs {
        @ParameterizedTest
        @CsvSource({"PearsonCorrelation, pearson_correlation", "ConcordanceCorrelation, concordance_correlation"})
        void keysNamesAndRoundTrips(String cls, String snake) {
            Metric m = metric(cls);
            assertEquals(Map.of("name", snake, "dtype", "float32", "axis", -1), m.config());
            Metric tuple = metric(cls, "axis", List.of(1, 2), "name", "c");
            assertEquals(List.of(1, 2), tuple.config().get("axis"));
            assertEquals(tuple.config(), REGISTRY.create(cls, tuple.config()).config());
            assertEquals(cls, REGISTRY.resolve(snake).className());
            assertEquals(cls, KerasCatalog.byFunctionName(snake).className());
            Batch b = Batch.of("[[0, 1, 0.5], [1, 1, 0.2]]", "[[0.1, 0.9, 0.5], [1, 0.9, 0.2]]", "[2, 1, 0.5]");
            assertEquals(value(metric(cls, "axis", 0), b),
                    value(metric("MeanMetricWrapper", "fn", snake, "axis", 0), b), 0.0);
            assertThrows(InvalidConfigException.class, () -> metric(cls, "axis", "last"));
            assertThrows(InvalidConfigException.class, () -> metric(cls, "axis", 1.5));
            assertThrows(InvalidConfigException.class, () -> metric(cls, "axis", List.of(1, 0.5)));
            assertThrows(InvalidConfigException.class, () -> metric(cls, "axis", null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"PearsonCorrelation", "ConcordanceCorrelation"})
        void mergeEqualsSinglePass(String cls) {
            Batch[] batches = {
                Batch.of(rows(Y_TRUE, 0, 2), rows(Y_PRED, 0, 2)),
                Batch.of(rows(Y_TRUE, 2, 3), rows(Y_PRED, 2, 3), "[0.5]"),
                Batch.of(rows(Y_TRUE, 3, 4), rows(Y_PRED, 3, 4), "[2]"),
            };
            assertMergeEqualsSinglePass(cls, Map.of(), 1, batches);
            assertMergeEqualsSinglePass(cls, cfg("axis", List.of(-1)), 2, batches);
            assertThrows(MetricException.class, () -> metric(cls).merge(metric(cls, "axis", 0)));
        }
    }
}
