package io.github.metricparity.keras.regression;

import static io.github.metricparity.keras.MetricTesting.REGISTRY;
import static io.github.metricparity.keras.MetricTesting.assertMergeEqualsSinglePass;
import static io.github.metricparity.keras.MetricTesting.assertRefusedUnchanged;
import static io.github.metricparity.keras.MetricTesting.assertResult;
import static io.github.metricparity.keras.MetricTesting.assertSameResult;
import static io.github.metricparity.keras.MetricTesting.cfg;
import static io.github.metricparity.keras.MetricTesting.metric;
import static io.github.metricparity.keras.MetricTesting.t;
import static io.github.metricparity.keras.MetricTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.MetricTesting.Batch;
import io.github.metricparity.keras.reduction.MeanMetricWrapper;
import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.UnknownMetricException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegressionMetricsTest {
    private static final String DOC_T = "[[0, 1], [0, 0]]";
    private static final String DOC_P = "[[1, 1], [0, 0]]";
    private static final String UT_T = "[[0, 1, 0, 1, 0], [0, 0, 1, 1, 1], [1, 1, 1, 1, 0], [0, 0, 0, 0, 1]]";
    private static final String UT_P = "[[0, 0, 1, 1, 0], [1, 1, 1, 1, 1], [0, 1, 0, 1, 0], [1, 1, 1, 1, 1]]";
    private static final String UT_W = "[1.0, 1.5, 2.0, 2.5]";
    private static final double TOL = 1e-6;

    /** Every docstring example of regression_metrics.py: unweighted, then reset and weighted [1, 0]. */
    @Nested
    class Docstrings {
        private void check(String identifier, Map<String, Object> config, String yTrue, String yPred,
                String weight, double unweighted, double weighted) {
            Metric m = REGISTRY.create(identifier, config);
            m.update(t(yTrue), t(yPred));
            assertResult(unweighted, m, TOL);
            m.reset();
            m.update(t(yTrue), t(yPred), t(weight));
            assertResult(weighted, m, TOL);
        }

        @Test
        void meanSquaredError() {
            Metric m = metric("MeanSquaredError");
            m.update(t(DOC_T), t(DOC_P));
            assertResult(0.25, m, TOL);
        }

        @Test
        void meanAbsoluteError() {
            check("MeanAbsoluteError", Map.of(), DOC_T, DOC_P, "[1, 0]", 0.25, 0.5);
        }

        @Test
        void meanAbsolutePercentageError() {
            check("MeanAbsolutePercentageError", Map.of(), DOC_T, DOC_P, "[1, 0]", 250000000.0, 500000000.0);
        }

        @Test
        void meanSquaredLogarithmicError() {
            check("MeanSquaredLogarithmicError", Map.of(), DOC_T, DOC_P, "[1, 0]", 0.12011322, 0.24022643);
        }

        @Test
        void rootMeanSquaredError() {
            check("RootMeanSquaredError", Map.of(), DOC_T, DOC_P, "[1, 0]", 0.5, 0.70710677);
        }

        @Test
        void cosineSimilarity() {
            check("CosineSimilarity", cfg("axis", 1), "[[0., 1.], [1., 1.]]", "[[1., 0.], [1., 1.]]", "[0.3, 0.7]",
                    0.49999997, 0.6999999);
        }

        @Test
        void cosineSimilarityIsExactlyTheFloat32Value() {
            // rsqrt(2) in float32 squared and summed: 0.99999994 for the [1, 1] row, as the docstring prints
            Metric m = metric("CosineSimilarity", "axis", 1);
            m.update(t("[[0., 1.], [1., 1.]]"), t("[[1., 0.], [1., 1.]]"));
            assertEquals(0.49999997f, (float) m.resultValue());
        }

        @Test
        void logCoshError() {
            check("LogCoshError", Map.of(), DOC_T, DOC_P, "[1, 0]", 0.10844523, 0.21689045);
        }

        @Test
        void r2Score() {
            Metric m = metric("R2Score");
            m.update(t("[[1], [4], [3]]"), t("[[2], [4], [4]]"));
            assertResult(0.57142854, m, TOL);
        }
    }

    /** regression_metrics_test.py. */
    @Nested
    class KerasUnitTests {
        @ParameterizedTest
        @CsvSource({
            "MeanSquaredError, 0.5, 0.54285",
            "MeanAbsoluteError, 0.5, 0.54285",
            "MeanAbsolutePercentageError, 35e7, 40e7",
            "MeanSquaredLogarithmicError, 0.24022, 0.26082",
        })
        void unweightedAndWeighted(String cls, double unweighted, double weighted) {
            Metric m = metric(cls);
            m.update(t(UT_T), t(UT_P));
            assertResult(unweighted, m, 1e-5);
            Metric w = metric(cls);
            w.update(t(UT_T), t(UT_P), t(UT_W));
            assertResult(weighted, w, 1e-5);
        }

        @Test
        void rootMeanSquaredError() {
            Metric m = metric("RootMeanSquaredError");
            m.update(t("[2, 4, 6]"), t("[1, 3, 2]"));
            assertResult(Math.sqrt(6), m, 1e-6);
            Metric w = metric("RootMeanSquaredError");
            w.update(t("[2, 4, 6, 8]"), t("[1, 3, 2, 3]"), t("[0, 1, 0, 1]"));
            assertResult(Math.sqrt(13), w, 1e-6);
        }

        private double logCosh(double x) {
            return Math.log((Math.exp(x) + Math.exp(-x)) / 2);
        }

        @Test
        void logCoshError() {
            double[][] errors = {{3, -1, 10}, {13, 3, -3}};
            double sum = 0;
            double weighted = 0;
            double[] w = {1.2, 3.4};
            for (int r = 0; r < 2; r++) {
                for (double e : errors[r]) {
                    sum += logCosh(e);
                    weighted += logCosh(e) * w[r];
                }
            }
            Metric m = metric("LogCoshError");
            m.update(t("[[1, 9, 2], [-5, -2, 6]]"), t("[[4, 8, 12], [8, 1, 3]]"));
            assertResult(sum / 6, m, 1e-5);
            Metric mw = metric("LogCoshError", "dtype", "float32");
            mw.update(t("[[1, 9, 2], [-5, -2, 6]]"), t("[[4, 8, 12], [8, 1, 3]]"), t("[[1.2], [3.4]]"));
            assertResult(weighted / (3 * 4.6), mw, 1e-5);
        }

        @Test
        void cosineSimilarity() {
            double[][] a = {{1, 9, 2}, {-5, -2, 6}};
            double[][] b = {{4, 8, 12}, {8, 1, 3}};
            double[] rows = new double[2];
            for (int r = 0; r < 2; r++) {
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int j = 0; j < 3; j++) {
                    dot += a[r][j] * b[r][j];
                    na += a[r][j] * a[r][j];
                    nb += b[r][j] * b[r][j];
                }
                rows[r] = dot / Math.sqrt(na * nb);
            }
            String yt = "[[1, 9, 2], [-5, -2, 6]]";
            String yp = "[[4, 8, 12], [8, 1, 3]]";
            Metric unweighted = metric("CosineSimilarity");
            unweighted.update(t(yt), t(yp));
            assertResult((rows[0] + rows[1]) / 2, unweighted, 1e-6);
            Metric weighted = metric("CosineSimilarity");
            weighted.update(t(yt), t(yp), t("[1.2, 3.4]"));
            assertResult((rows[0] * 1.2 + rows[1] * 3.4) / 4.6, weighted, 1e-6);
            Metric axis = metric("CosineSimilarity", "axis", 1);
            axis.update(t(yt), t(yp));
            assertResult((rows[0] + rows[1]) / 2, axis, 1e-6);
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
            "null; 0; 0.37, -1.295, 0.565",
            "null; 1; -0.26, -3.59, 0.13",
            "uniform_average; 0; -0.12",
            "variance_weighted_average; 0; -0.12",
        })
        void r2SklearnComparison(String aggregation, int regressors, String expected) {
            Metric m = r2(aggregation, regressors);
            m.update(t("[[0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]"),
                    t("[[0.4, 0.5, 0.6], [0.1, 0.2, 0.3], [0.5, 0.8, 0.2]]"));
            checkR2(expected, m);
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
            "null; 0; 0.17305559, -8.836666, -0.521",
            "null; 1; -0.65388882, -18.673332, -2.042",
            "null; 2; 0.17305559, -8.836666, -0.521",
            "uniform_average; 0; -3.0615367889404297",
            "uniform_average; 1; -7.123073577880859",
            "uniform_average; 2; -3.0615367889404297",
            "variance_weighted_average; 0; -1.3710224628448486",
            "variance_weighted_average; 1; -3.742044448852539",
            "variance_weighted_average; 2; -1.3710224628448486",
        })
        void r2TfaComparison(String aggregation, int regressors, String expected) {
            Metric m = r2(aggregation, regressors);
            m.update(t("[[0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]"),
                    t("[[0.4, 0.9, 1.6], [0.1, 1.2, 0.6], [1.5, 0.8, 0.6]]"), t("[0.8, 0.1, 0.4]"));
            checkR2(expected, m);
        }

        private Metric r2(String aggregation, int regressors) {
            Map<String, Object> c = new HashMap<>();
            c.put("class_aggregation", "null".equals(aggregation) ? null : aggregation);
            c.put("num_regressors", regressors);
            c.put("dtype", "float32");
            return REGISTRY.create("R2Score", c);
        }

        private void checkR2(String expected, Metric m) {
            String[] parts = expected.split(",");
            double[] e = new double[parts.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = Double.parseDouble(parts[i].trim());
            }
            if (e.length == 1) {
                assertResult(e[0], m, 1e-6);
            } else {
                assertResult(e, m, 1e-6);
            }
        }

        @Test
        void r2Errors() {
            assertThrows(InvalidConfigException.class, () -> metric("R2Score", "class_aggregation", "wrong"));
            assertThrows(InvalidConfigException.class, () -> metric("R2Score", "num_regressors", -1));
            Metric r2 = metric("R2Score");
            assertRefusedUnchanged(r2, Batch.of("[0.0, 1.0]", "[0.0, 1.0]"));
            assertThrows(MetricException.class, r2::result);
        }

        @Test
        void configs() {
            // test_config of each class: name and dtype survive from_config(get_config())
            for (String cls : List.of("MeanAbsoluteError", "MeanAbsolutePercentageError",
                    "MeanSquaredLogarithmicError", "RootMeanSquaredError", "LogCoshError", "CosineSimilarity")) {
                Metric m = metric(cls, "name", "my_metric", "dtype", "int32");
                Metric back = REGISTRY.create(cls, m.config());
                assertEquals("my_metric", back.name());
                assertEquals("int32", back.config().get("dtype"));
            }
        }
    }

    @Nested
    class Configs {
        @ParameterizedTest
        @CsvSource({
            "MeanSquaredError, mean_squared_error",
            "MeanAbsoluteError, mean_absolute_error",
            "MeanAbsolutePercentageError, mean_absolute_percentage_error",
            "MeanSquaredLogarithmicError, mean_squared_logarithmic_error",
            "RootMeanSquaredError, root_mean_squared_error",
            "CosineSimilarity, cosine_similarity",
            "LogCoshError, logcosh",
        })
        void defaultNamesAndConfigKeys(String cls, String name) {
            Metric m = metric(cls);
            assertEquals(name, m.name());
            assertEquals(Map.of("name", name, "dtype", "float32"), m.config());
            assertEquals(m.config(), REGISTRY.create(cls, m.config()).config());
        }

        @Test
        void r2Config() {
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("name", "r2_score");
            expected.put("dtype", "float32");
            expected.put("class_aggregation", "uniform_average");
            expected.put("num_regressors", 0);
            assertEquals(expected, metric("R2Score").config());
            Map<String, Object> none = new HashMap<>();
            none.put("class_aggregation", null);
            none.put("num_regressors", 2);
            Metric m = REGISTRY.create("R2Score", none);
            assertEquals(null, m.config().get("class_aggregation"));
            assertTrue(m.config().containsKey("class_aggregation"));
            Metric back = REGISTRY.create("R2Score", m.config());
            assertEquals(m.config(), back.config());
            assertEquals(2, back.config().get("num_regressors"));
        }

        @Test
        void cosineAxisIsNotInGetConfig() {
            Metric m = metric("CosineSimilarity", "axis", 0, "name", "my_cos");
            assertEquals(Map.of("name", "my_cos", "dtype", "float32"), m.config());
            // a round trip therefore computes along axis -1 again, as Keras's from_config(get_config()) does
            Metric back = REGISTRY.create("CosineSimilarity", m.config());
            Batch b = Batch.of("[[1, 2], [3, 4]]", "[[2, 1], [4, -3]]");
            double axis0 = value(m, b);
            double axisLast = value(back, b);
            assertTrue(Math.abs(axis0 - axisLast) > 0.1, axis0 + " vs " + axisLast);
        }

        @Test
        void identifiers() {
            Map<String, String> aliases = Map.of("mse", "MeanSquaredError", "MSE", "MeanSquaredError",
                    "mae", "MeanAbsoluteError", "MAE", "MeanAbsoluteError", "mape", "MeanAbsolutePercentageError",
                    "MAPE", "MeanAbsolutePercentageError", "msle", "MeanSquaredLogarithmicError",
                    "MSLE", "MeanSquaredLogarithmicError", "log_cosh_error", "LogCoshError", "r2_score", "R2Score");
            aliases.forEach((alias, cls) -> assertEquals(cls, REGISTRY.resolve(alias).className(), alias));
            assertEquals("root_mean_squared_error", REGISTRY.get("root_mean_squared_error").name());
            // the default NAME of LogCoshError is not an identifier
            assertThrows(UnknownMetricException.class, () -> REGISTRY.resolve("logcosh"));
            assertThrows(UnknownMetricException.class, () -> REGISTRY.resolve("rmse"));
        }

        @Test
        void wrappedFunctionsByName() {
            Map<String, String> functions = Map.of("mean_squared_error", "MeanSquaredError",
                    "mean_absolute_error", "MeanAbsoluteError",
                    "mean_absolute_percentage_error", "MeanAbsolutePercentageError",
                    "mean_squared_logarithmic_error", "MeanSquaredLogarithmicError",
                    "cosine_similarity", "CosineSimilarity", "log_cosh", "LogCoshError");
            functions.forEach((fn, cls) -> {
                assertEquals(cls, KerasCatalog.byFunctionName(fn).className());
                Metric wrapper = metric("MeanMetricWrapper", "fn", fn);
                Metric direct = metric(cls);
                Batch b = Batch.of("[[0, 1, 2], [0.5, 0, 3]]", "[[1, 1, 2.5], [0, 0.25, 1]]", "[1, 2]");
                assertEquals(value(direct, b), value(wrapper, b), 0.0, fn);
            });
            assertEquals(null, RegressionMetrics.ROOT_MEAN_SQUARED_ERROR.functionName());
            assertEquals(null, RegressionMetrics.R2_SCORE.functionName());
            // kwargs reach the function: cosine_similarity(axis=0)
            Metric wrapped = metric("MeanMetricWrapper", "fn", "cosine_similarity", "axis", 0);
            Batch b = Batch.of("[[1, 2], [3, 4]]", "[[2, 1], [4, -3]]");
            assertEquals(value(metric("CosineSimilarity", "axis", 0), b),
                    value(wrapped, b), 0.0);
            assertTrue(wrapped instanceof MeanMetricWrapper);
        }

        @Test
        void refusals() {
            assertThrows(InvalidConfigException.class, () -> metric("R2Score", "class_aggregation", 1));
            assertThrows(InvalidConfigException.class, () -> metric("R2Score", "class_aggregation", "uniform"));
            assertThrows(InvalidConfigException.class, () -> metric("R2Score", "num_regressors", 1.5));
            assertThrows(InvalidConfigException.class, () -> metric("CosineSimilarity", "axis", "x"));
            assertThrows(InvalidConfigException.class, () -> metric("CosineSimilarity", "axis", List.of(1, "a")));
            assertThrows(InvalidConfigException.class, () -> metric("MeanSquaredError", "axis", -1));
            assertThrows(InvalidConfigException.class, () -> metric("MeanSquaredError", "reduction", "sum"));
        }
    }

    /** Rules the docstrings do not show. */
    @Nested
    class Semantics {
        @Test
        void rankOneAgainstColumnIsElementWise() {
            Metric m = metric("mse");
            m.update(t("[1.0, 2.0, 3.0]"), t("[[1.0], [1.0], [1.0]]"));
            assertResult(5.0 / 3, m, TOL);
        }

        @Test
        void broadcastsAPredictionRowAgainstEveryTargetRow() {
            Metric m = metric("mse");
            m.update(t("[[1, 2, 3], [4, 5, 6]]"), t("[1, 1, 1]"));
            assertResult((5.0 / 3 + 50.0 / 3) / 2, m, TOL);
        }

        @Test
        void scalarInputsAreRefused() {
            Metric m = metric("mae");
            m.update(t("[[1.0]]"), t("[[3.0]]"));
            assertRefusedUnchanged(m, Batch.of("1.0", "2.0"));
            assertRefusedUnchanged(m, Batch.of("[[1, 2, 3]]", "[[1, 2]]"));
            assertRefusedUnchanged(m, Batch.of("[[1, 2]]", "[[1, 2]]", "[1, 2, 3]"));
            assertResult(2.0, m, TOL);
        }

        @Test
        void mapeZeroTargetUsesEpsilon() {
            Metric m = metric("mape");
            m.update(t("[[0.0, 2.0]]"), t("[[0.5, 1.0]]"));
            // 0.5 / float32(1e-7) = 4999999.94; (4999999.94 + 0.5) / 2 * 100
            assertResult(250000030.0, m, TOL);
        }

        @Test
        void msleClipsNegativesToEpsilon() {
            Metric m = metric("msle");
            m.update(t("[[-1.0, -5.0]]"), t("[[-3.0, 0.0]]"));
            assertResult(0.0, m, 0.0);
        }

        @Test
        void rmseIsTheRootOfThePooledMean() {
            Metric m = metric("RootMeanSquaredError");
            assertResult(0.0, m, 0.0);
            m.update(t("[[0.0]]"), t("[[3.0]]"));
            m.update(t("[[0.0], [0.0], [0.0]]"), t("[[1.0], [1.0], [1.0]]"));
            assertResult(Math.sqrt(3.0), m, TOL);
        }

        @Test
        void logCoshStaysFiniteForLargeErrors() {
            Metric m = metric("LogCoshError");
            m.update(t("[[0.0, 0.0]]"), t("[[50.0, -80.0]]"));
            assertResult((50 + 80 - 2 * Math.log(2)) / 2, m, TOL);
        }

        @Test
        void cosineZeroVectorAndAxisTuple() {
            Metric m = metric("CosineSimilarity");
            m.update(t("[[0.0, 0.0], [1.0, 0.0]]"), t("[[1.0, 2.0], [-1.0, 0.0]]"));
            assertResult(-0.5, m, TOL);
            Metric tuple = metric("CosineSimilarity", "axis", List.of(1, 2));
            tuple.update(t("[[[1, 0], [0, 1]]]"), t("[[[2, 0], [0, 2]]]"));
            assertResult(1.0, tuple, TOL);
            Metric bad = metric("CosineSimilarity", "axis", 2);
            assertRefusedUnchanged(bad, Batch.of("[[1, 2]]", "[[1, 2]]"));
            Metric repeated = metric("CosineSimilarity", "axis", List.of(1, -1));
            assertRefusedUnchanged(repeated, Batch.of("[[1, 2]]", "[[1, 2]]"));
        }
    }

    @Nested
    class R2 {
        private final String yt = "[[1.0, 2.0], [2.0, 4.0], [4.0, 1.0], [5.0, 3.0]]";
        private final String yp = "[[1.5, 2.0], [2.0, 3.0], [3.0, 2.0], [5.5, 2.5]]";

        private Metric none(Object... extra) {
            Map<String, Object> c = new HashMap<>(cfg(extra));
            c.put("class_aggregation", null);
            return REGISTRY.create("R2Score", c);
        }

        @Test
        void resultBeforeUpdateRaisesAndResetKeepsTheShape() {
            Metric m = none();
            assertThrows(MetricException.class, m::result);
            m.update(t(yt), t(yp));
            assertEquals(List.of("num_samples", "squared_sum", "sum", "residual", "count"),
                    new ArrayList<>(m.snapshot().variables().keySet()));
            m.reset();
            double[] r = m.result().toDoubleArray();
            assertTrue(r.length == 2 && Double.isNaN(r[0]) && Double.isNaN(r[1]), m.result().toString());
            assertRefusedUnchanged(m, Batch.of("[[1, 2, 3]]", "[[1, 2, 3]]"));
        }

        @Test
        void constantTargets() {
            Metric inf = none();
            inf.update(t("[[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]"), t("[[1.0, 1.0], [2.0, 2.0], [3.0, 2.0]]"));
            assertResult(new double[] {0.0, 0.5}, inf, TOL);
            Metric nan = none();
            nan.update(t("[[2.0, 1.0], [2.0, 2.0]]"), t("[[2.0, 1.5], [2.0, 2.0]]"));
            double[] r = nan.result().toDoubleArray();
            assertTrue(Double.isNaN(r[0]), nan.result().toString());
            assertEquals(0.5, r[1], TOL);
        }

        @Test
        void pooledOverBatches() {
            Metric twice = none();
            twice.update(t("[[1.0, 2.0], [2.0, 4.0]]"), t("[[1.5, 2.0], [2.0, 3.0]]"));
            twice.update(t("[[4.0, 1.0], [5.0, 3.0]]"), t("[[3.0, 2.0], [5.5, 2.5]]"));
            Metric once = none();
            once.update(t(yt), t(yp));
            assertSameResult(once, twice);
        }

        @Test
        void adjustedAndFallback() {
            Metric plain = metric("R2Score");
            plain.update(t(yt), t(yp));
            double r2 = plain.resultValue();
            Metric adjusted = metric("R2Score", "num_regressors", 1);
            adjusted.update(t(yt), t(yp));
            assertResult(1 - (1 - r2) * 3 / 2, adjusted, 1e-5);
            for (int p : new int[] {3, 7}) {
                List<String> warnings = new ArrayList<>();
                Consumer<Diagnostic> listener = d -> warnings.add(d.message());
                Diagnostics.addListener(listener);
                try {
                    Metric fallback = metric("R2Score", "num_regressors", p);
                    fallback.update(t(yt), t(yp));
                    assertResult(r2, fallback, 0.0);
                    assertResult(r2, fallback, 0.0);
                } finally {
                    Diagnostics.removeListener(listener);
                }
                assertEquals(1, warnings.size(), warnings.toString());
                assertTrue(warnings.get(0).contains("R2Score"), warnings.get(0));
            }
        }

        @Test
        void zeroWeightRowsAreNotSamples() {
            Metric m = metric("R2Score", "num_regressors", 1);
            m.update(t(yt), t(yp), t("[[1.0, 1.0], [0.0, 0.0], [1.0, 0.0], [2.0, 1.0]]"));
            assertEquals(3.0, m.snapshot().variable("num_samples").item());
        }

        @Test
        void weightShapes() {
            Metric oneD = none();
            oneD.update(t(yt), t(yp), t("[1.0, 2.0, 0.5, 1.5]"));
            Metric twoD = none();
            twoD.update(t(yt), t(yp), t("[[1.0, 1.0], [2.0, 2.0], [0.5, 0.5], [1.5, 1.5]]"));
            assertSameResult(oneD, twoD);
            Metric scalar = none();
            scalar.update(t(yt), t(yp), t("3.0"));
            Metric plain = none();
            plain.update(t(yt), t(yp));
            assertSameResult(plain, scalar);
            assertRefusedUnchanged(plain, Batch.of(yt, yp, "[1.0, 2.0]"));
            assertRefusedUnchanged(plain, Batch.of(yt, yp, "[[[1.0]]]"));
        }

        @Test
        void ranks() {
            Metric expanded = metric("R2Score");
            expanded.update(t("[1.0, 4.0, 3.0]"), t("[[2.0], [4.0], [4.0]]"));
            assertResult(0.57142854, expanded, TOL);
            assertRefusedUnchanged(expanded, Batch.of("[[[1.0]], [[2.0]]]", "[[[1.0]], [[3.0]]]"));
            assertRefusedUnchanged(expanded, Batch.of("[1.0, 2.0]", "[1.0, 2.0]"));
            assertRefusedUnchanged(expanded, Batch.of("[[1.0, 2.0]]", "[[1.0, 3.0]]"));
        }
    }

    @Nested
    class Merging {
        private final Batch[] batches = {
            Batch.of("[[0, 1], [0, 0]]", "[[1, 1], [0, 0]]"),
            Batch.of("[[1.5, 2], [3, -1], [0.5, 0.5]]", "[[1, 2.5], [2, 0], [0.5, 1]]", "[1, 0.5, 2]"),
            Batch.of("[[2, 2]]", "[[0, 1]]", "[3]"),
        };

        @ParameterizedTest
        @ValueSource(strings = {"MeanSquaredError", "MeanAbsoluteError", "MeanAbsolutePercentageError",
            "MeanSquaredLogarithmicError", "RootMeanSquaredError", "CosineSimilarity", "LogCoshError", "R2Score"})
        void mergeEqualsSinglePass(String cls) {
            assertMergeEqualsSinglePass(cls, Map.of(), 1, batches);
            assertMergeEqualsSinglePass(cls, Map.of(), 2, batches);
        }

        @Test
        void r2ScorePerOutputAndAdjusted() {
            Map<String, Object> c = new HashMap<>();
            c.put("class_aggregation", null);
            c.put("num_regressors", 1);
            assertMergeEqualsSinglePass("R2Score", c, 1, batches);
            assertMergeEqualsSinglePass("R2Score", cfg("class_aggregation", "variance_weighted_average"), 2, batches);
        }

        @Test
        void r2ScoreMergeIntoAnUnbuiltInstance() {
            Metric empty = metric("R2Score");
            Metric full = metric("R2Score");
            full.update(t("[[1], [4], [3]]"), t("[[2], [4], [4]]"));
            empty.merge(full);
            assertResult(0.57142854, empty, TOL);
            Metric other = metric("R2Score");
            other.update(t("[[1, 2]]"), t("[[1, 2]]"));
            assertThrows(MetricException.class, () -> empty.merge(other));
            assertResult(0.57142854, empty, TOL);
        }

        @Test
        void cosineSimilarityWithAxisMerges() {
            // axis is left out of get_config; the snapshot still carries it
            assertMergeEqualsSinglePass("CosineSimilarity", cfg("axis", 0), 1,
                    Batch.of("[[0, 1], [1, 1]]", "[[1, 0], [1, 1]]"), Batch.of("[[1, 2], [3, 4]]",
                            "[[2, 1], [4, -3]]"));
            Metric a = metric("CosineSimilarity", "axis", 0);
            Metric b = metric("CosineSimilarity", "axis", -1);
            assertThrows(MetricException.class, () -> a.merge(b));
        }

        @Test
        void refusesAnotherClassOrConfig() {
            assertThrows(MetricException.class, () -> metric("mse").merge(metric("mae")));
            assertThrows(MetricException.class, () -> metric("R2Score").merge(metric("R2Score", "num_regressors", 1)));
            assertFalse(metric("mse").snapshot().equals(metric("mae").snapshot()));
        }
    }
}
