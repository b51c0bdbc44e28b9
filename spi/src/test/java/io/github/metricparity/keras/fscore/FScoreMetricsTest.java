package io.github.metricparity.keras.fscore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.ReferenceProvider;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricInfo;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FScoreMetricsTest {
    private static final MetricRegistry REGISTRY = MetricRegistry.of(new ReferenceProvider());
    private static final double TOL = 1e-6;

    private static final double[][] DOC_TRUE = {{1, 1, 1}, {1, 0, 0}, {1, 1, 0}};
    private static final double[][] DOC_PRED = {{0.2, 0.6, 0.7}, {0.2, 0.6, 0.6}, {0.6, 0.8, 0.0}};
    private static final double[][] TEST_TRUE = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {1, 0, 0}, {0, 0, 1}};
    private static final double[][] TEST_PRED = {{0.9, 0.1, 0}, {0.2, 0.6, 0.2}, {0, 0, 1}, {0.4, 0.3, 0.3},
        {0, 0.9, 0.1}, {0, 0, 1}};

    static Metric create(String metric, Object... keyValues) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            cfg.put((String) keyValues[i], keyValues[i + 1]);
        }
        return REGISTRY.create(metric, cfg);
    }

    static Tensor m(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return Tensor.of(flat, rows.length, cols);
    }

    static void assertVector(double[] expected, Tensor actual, double tol) {
        assertArrayEquals(new int[] {expected.length}, actual.shape(), actual.toString());
        assertArrayEquals(expected, actual.toDoubleArray(), tol, actual.toString());
    }

    @Nested
    class Docstrings {
        @Test
        void fbetaScore() {
            Metric metric = create("FBetaScore", "beta", 2.0, "threshold", 0.5);
            metric.update(m(DOC_TRUE), m(DOC_PRED));
            assertVector(new double[] {0.3846154, 0.90909094, 0.8333334}, metric.result(), TOL);
        }

        @Test
        void f1Score() {
            Metric metric = create("F1Score", "threshold", 0.5);
            metric.update(m(DOC_TRUE), m(DOC_PRED));
            assertVector(new double[] {0.5, 0.8, 0.6666667}, metric.result(), TOL);
        }
    }

    @Nested
    class KerasUnitTests {
        private final double[][] pred = {{0.7, 0.7, 0.7}, {1, 0, 0}, {0.9, 0.8, 0}};

        @ParameterizedTest
        @CsvSource({"micro, 0.5", "micro, 1.0", "micro, 2.0", "macro, 0.5", "macro, 1.0", "macro, 2.0",
            "weighted, 0.5", "weighted, 1.0", "weighted, 2.0"})
        void perfectAndWorstScores(String average, double beta) {
            Metric perfect = create("FBetaScore", "average", average, "beta", beta, "threshold", 0.66);
            perfect.update(m(new double[][] {{1, 1, 1}, {1, 0, 0}, {1, 1, 0}}), m(pred));
            assertEquals(1.0, perfect.resultValue(), TOL);
            Metric worst = create("FBetaScore", "average", average, "beta", beta, "threshold", 0.66);
            worst.update(m(new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 1}}), m(pred));
            assertEquals(0.0, worst.resultValue(), TOL);
        }

        @ParameterizedTest
        @CsvSource({"micro, 0.5, 0.6666667", "micro, 2.0, 0.6666667", "macro, 0.5, 0.6825397",
            "macro, 1.0, 0.6555555", "macro, 2.0, 0.6548822", "weighted, 0.5, 0.6825397", "weighted, 1.0, 0.6555555",
            "weighted, 2.0, 0.6548822"})
        void randomScore(String average, double beta, double expected) {
            Metric metric = create("FBetaScore", "average", average, "beta", beta, "threshold", 0.66);
            metric.update(m(new double[][] {{0, 0, 1}, {1, 1, 0}, {1, 1, 1}}), m(pred));
            assertEquals(expected, metric.resultValue(), TOL);
        }

        @Test
        void randomScorePerClass() {
            Metric metric = create("FBetaScore", "beta", 0.5, "threshold", 0.66);
            metric.update(m(new double[][] {{0, 0, 1}, {1, 1, 0}, {1, 1, 1}}), m(pred));
            assertVector(new double[] {0.71428573, 0.5, 0.833334}, metric.result(), TOL);
        }

        @ParameterizedTest
        @CsvSource({"micro, 1.0, 0.833334", "macro, 0.5, 0.821549", "macro, 2.0, 0.849206",
            "weighted, 0.5, 0.880471", "weighted, 1.0, 0.844445", "weighted, 2.0, 0.829365"})
        void randomScoreWithoutThreshold(String average, double beta, double expected) {
            Metric metric = create("FBetaScore", "average", average, "beta", beta);
            metric.update(m(TEST_TRUE), m(TEST_PRED));
            assertEquals(expected, metric.resultValue(), TOL);
        }

        @ParameterizedTest
        @CsvSource({"micro, 0.5, 0.9", "micro, 2.0, 0.9", "macro, 0.5, 0.883929", "macro, 1.0, 0.885714",
            "macro, 2.0, 0.899522", "weighted, 0.5, 0.917857", "weighted, 1.0, 0.902857", "weighted, 2.0, 0.897608"})
        void weightedRandomScore(String average, double beta, double expected) {
            Metric metric = create("FBetaScore", "average", average, "beta", beta);
            metric.update(m(TEST_TRUE), m(TEST_PRED), Tensor.vector(0.5, 1.0, 1.0, 1.0, 0.5, 1.0));
            assertEquals(expected, metric.resultValue(), TOL);
        }

        @Test
        void weightedRandomScorePerClass() {
            Metric metric = create("FBetaScore", "beta", 2.0);
            metric.update(m(TEST_TRUE), m(TEST_PRED), Tensor.vector(0.5, 1.0, 1.0, 1.0, 0.5, 1.0));
            assertVector(new double[] {0.789474, 0.909091, 1.0}, metric.result(), TOL);
            Metric zeros = create("FBetaScore", "beta", 2.0);
            zeros.update(m(TEST_TRUE), m(TEST_PRED), Tensor.vector(1.0, 0.0, 1.0, 1.0, 0.0, 1.0));
            assertVector(new double[] {1.0, 0.0, 1.0}, zeros.result(), TOL);
        }

        @Test
        void scalarAnd2dWeights() {
            double[][] yTrue = {{1, 1}, {1, 0}};
            double[][] yPred = {{0.2, 0.6}, {0.2, 0.6}};
            Metric scalar = create("FBetaScore", "threshold", 0.5);
            scalar.update(m(yTrue), m(yPred), Tensor.scalar(0.5));
            assertVector(new double[] {0.0, 0.6666665}, scalar.result(), 1e-5);
            Metric full = create("FBetaScore", "threshold", 0.5);
            full.update(m(yTrue), m(yPred), m(new double[][] {{0.5, 0.2}, {0.3, 0.8}}));
            assertVector(new double[] {0.0, 0.333333}, full.result(), 1e-5);
        }

        @Test
        void f1EqualsFBetaWithBetaOne() {
            Metric f1 = create("F1Score");
            Metric fbeta = create("FBetaScore", "beta", 1.0);
            f1.update(m(TEST_TRUE), m(TEST_PRED));
            fbeta.update(m(TEST_TRUE), m(TEST_PRED));
            assertEquals(fbeta.result(), f1.result());
            assertVector(new double[] {0.8, 0.6666667, 1.0}, f1.result(), TOL);
        }

        @Test
        void non2dInputsAreRefused() {
            Metric metric = create("FBetaScore", "beta", 1.0);
            Tensor rank3 = Tensor.of(new double[24], 2, 3, 4);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> metric.update(rank3, rank3));
            assertTrue(e.getMessage().contains("y_pred.shape=(2, 3, 4) and y_true.shape=(2, 3, 4)"), e.getMessage());
            assertTrue(e.getMessage().startsWith("FBetaScore: "), e.getMessage());
            // still not built
            assertThrows(MetricException.class, metric::result);
        }
    }

    @Nested
    class Semantics {
        @Test
        void resultBeforeTheFirstUpdateRaises() {
            for (String cls : List.of("FBetaScore", "F1Score")) {
                Metric metric = create(cls);
                MetricException e = assertThrows(MetricException.class, metric::result);
                assertTrue(e.getMessage().startsWith(cls + ": "), e.getMessage());
                assertTrue(e.getMessage().contains("first update"), e.getMessage());
                assertTrue(metric.snapshot().variables().isEmpty());
            }
        }

        @Test
        void resetZeroesButKeepsTheBuiltShape() {
            Metric metric = create("F1Score", "threshold", 0.5);
            metric.update(m(DOC_TRUE), m(DOC_PRED));
            metric.reset();
            assertVector(new double[] {0, 0, 0}, metric.result(), 0.0);
            assertEquals(4, metric.snapshot().variables().size());
            // still built for 3 classes
            assertThrows(InvalidInputException.class,
                    () -> metric.update(m(new double[][] {{1, 0}}), m(new double[][] {{0.9, 0.1}})));
            metric.update(m(new double[][] {{0, 1, 0}}), m(new double[][] {{0.2, 0.9, 0.1}}));
            assertVector(new double[] {0, 1, 0}, metric.result(), 1e-6);
        }

        @Test
        void restoringAnUnbuiltStateUnbuilds() {
            Metric metric = create("FBetaScore");
            MetricState empty = metric.snapshot();
            metric.update(m(DOC_TRUE), m(DOC_PRED));
            metric.restore(empty);
            assertThrows(MetricException.class, metric::result);
            metric.update(m(new double[][] {{1, 0}}), m(new double[][] {{0.9, 0.1}}));
            assertEquals(2, metric.result().size());
        }

        @Test
        void thresholdNoneMarksEveryRowMaximum() {
            Metric metric = create("F1Score");
            metric.update(m(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
                    m(new double[][] {{0.4, 0.4, 0.2}, {0, 0, 0}, {0.1, 0.3, 0.3}}));
            MetricState s = metric.snapshot();
            assertArrayEquals(new double[] {1, 0, 1}, s.variable("true_positives").toDoubleArray(), 0.0);
            assertArrayEquals(new double[] {0, 2, 0}, s.variable("false_positives").toDoubleArray(), 0.0);
            assertArrayEquals(new double[] {0, 1, 0}, s.variable("false_negatives").toDoubleArray(), 0.0);
            assertArrayEquals(new double[] {1, 1, 1}, s.variable("intermediate_weights").toDoubleArray(), 0.0);

            Metric logits = create("F1Score", "average", "micro");
            logits.update(m(new double[][] {{0, 1}, {1, 0}}), m(new double[][] {{-0.5, -0.2}, {-1, -3}}));
            assertEquals(1.0, logits.resultValue(), TOL);
        }

        @Test
        void thresholdIsStrict() {
            Metric metric = create("F1Score", "threshold", 0.5);
            metric.update(m(new double[][] {{1, 1}, {0, 1}}), m(new double[][] {{0.5, 0.51}, {0.7, 0.5}}));
            MetricState s = metric.snapshot();
            assertArrayEquals(new double[] {0, 1}, s.variable("true_positives").toDoubleArray(), 0.0);
            assertArrayEquals(new double[] {1, 0}, s.variable("false_positives").toDoubleArray(), 0.0);
            Metric one = create("F1Score", "average", "macro", "threshold", 1.0);
            one.update(m(new double[][] {{1, 0}, {0, 1}}), m(new double[][] {{1, 0}, {0, 1}}));
            assertEquals(0.0, one.resultValue(), 0.0);
        }

        @Test
        void softLabelsAreNotBinarised() {
            Metric metric = create("FBetaScore", "beta", 2.0, "threshold", 0.5);
            metric.update(m(new double[][] {{0.5, 1.0}, {1.0, 0.2}}), m(new double[][] {{0.9, 0.1}, {0.8, 0.6}}));
            MetricState s = metric.snapshot();
            assertArrayEquals(new double[] {1.5, 0.2}, s.variable("true_positives").toDoubleArray(), 1e-7);
            assertArrayEquals(new double[] {0.5, 0.8}, s.variable("false_positives").toDoubleArray(), 1e-7);
            assertArrayEquals(new double[] {0, 1}, s.variable("false_negatives").toDoubleArray(), 1e-7);
        }

        @Test
        void averagesShapesAndSupport() {
            double[][] yTrue = {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}};
            double[][] yPred = {{0.8, 0.1, 0.1}, {0.2, 0.1, 0.7}, {0.1, 0.8, 0.1}};
            Metric none = create("F1Score");
            none.update(m(yTrue), m(yPred));
            double[] f = none.result().toDoubleArray();
            assertEquals(3, f.length);
            assertEquals(0.0, f[2], 0.0);

            Metric macro = create("F1Score", "average", "macro");
            macro.update(m(yTrue), m(yPred));
            assertEquals(0, macro.result().rank());
            assertEquals((f[0] + f[1] + f[2]) / 3, macro.resultValue(), TOL);

            Metric weighted = create("F1Score", "average", "weighted");
            weighted.update(m(yTrue), m(yPred));
            assertEquals((2 * f[0] + f[1]) / 3, weighted.resultValue(), TOL);

            Metric micro = create("F1Score", "average", "micro");
            micro.update(m(yTrue), m(yPred));
            assertEquals(0, micro.result().rank());
            MetricState s = micro.snapshot();
            assertArrayEquals(new int[0], s.variable("true_positives").shape());
            assertEquals(2.0, s.variable("true_positives").item(), 0.0);
            assertEquals(1.0, s.variable("false_positives").item(), 0.0);
            assertEquals(2.0 / 3, micro.resultValue(), TOL);
        }

        @Test
        void weightShapesBroadcastAsInKeras() {
            double[][] yTrue = {{1, 0}, {1, 1}};
            double[][] yPred = {{0.9, 0.7}, {0.3, 0.8}};
            Metric column = create("FBetaScore", "threshold", 0.5);
            column.update(m(yTrue), m(yPred), Tensor.of(new double[] {2.0, 0.5}, 2, 1));
            Metric vector = create("FBetaScore", "threshold", 0.5);
            vector.update(m(yTrue), m(yPred), Tensor.vector(2.0, 0.5));
            assertEquals(column.snapshot(), vector.snapshot());
            assertArrayEquals(new double[] {2.0, 0.5}, vector.snapshot().variable("true_positives").toDoubleArray(),
                    0.0);
            assertVector(new double[] {0.8888889, 0.3333333}, vector.result(), TOL);

            // a (C,) weight becomes (C, 1): with a batch of 2 rows and C = 3 it does not broadcast ...
            Metric refused = create("FBetaScore", "threshold", 0.5);
            assertThrows(InvalidInputException.class, () -> refused.update(m(new double[][] {{1, 0, 1}, {0, 0, 1}}),
                    m(new double[][] {{0.9, 0.1, 0.8}, {0.1, 0.1, 0.8}}), Tensor.vector(1, 2, 3)));
            // ... and with a batch of 1 it broadcasts the row to (3, 3), as numpy does: weight sum 6 per entry
            Metric oneRow = create("FBetaScore", "threshold", 0.5);
            oneRow.update(m(new double[][] {{1, 0, 1}}), m(new double[][] {{0.9, 0.1, 0.8}}), Tensor.vector(1, 2, 3));
            assertArrayEquals(new double[] {6, 0, 6}, oneRow.snapshot().variable("true_positives").toDoubleArray(),
                    0.0);
            assertArrayEquals(new double[] {6, 0, 6},
                    oneRow.snapshot().variable("intermediate_weights").toDoubleArray(), 0.0);
            assertThrows(InvalidInputException.class, () -> refused.update(m(yTrue), m(yPred),
                    Tensor.of(new double[8], 2, 2, 2)));
        }

        @Test
        void integerDtypeIsRefusedAtUpdate() {
            Metric metric = create("F1Score", "dtype", "int32");
            assertEquals("int32", metric.config().get("dtype"));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> metric.update(m(DOC_TRUE), m(DOC_PRED)));
            assertTrue(e.getMessage().contains("float dtype"), e.getMessage());
        }

        @Test
        void float64ComputesInDoublePrecision() {
            Metric metric = create("FBetaScore", "average", "macro", "beta", 2.0, "dtype", "float64");
            metric.update(m(DOC_TRUE), m(DOC_PRED));
            // threshold None: rows' argmax = classes 2, 1 and 2 (tie 0.6/0.6 in row 2 gives classes 1 and 2)
            double eps = 1e-7;
            double[] tp = {0, 1, 1};
            double[] fp = {0, 1, 1};
            double[] fn = {3, 1, 0};
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                double p = tp[i] / (tp[i] + fp[i] + eps);
                double r = tp[i] / (tp[i] + fn[i] + eps);
                sum += p * r / (4 * p + r + eps) * 5;
            }
            assertEquals(sum / 3, metric.resultValue(), 1e-12);
        }
    }

    @Nested
    class Configs {
        @Test
        void getConfigKeysAndDefaultsAreKeras() {
            Map<String, Object> fbeta = new HashMap<>();
            fbeta.put("name", "fbeta_score");
            fbeta.put("dtype", "float32");
            fbeta.put("average", null);
            fbeta.put("beta", 1.0);
            fbeta.put("threshold", null);
            assertEquals(fbeta, create("FBetaScore").config());
            Map<String, Object> f1 = new HashMap<>(fbeta);
            f1.remove("beta");
            f1.put("name", "f1_score");
            assertEquals(f1, create("F1Score").config());
            assertFalse(create("F1Score", "average", "micro").config().containsKey("beta"));
        }

        @Test
        void configRoundTrip() {
            for (Metric metric : List.of(create("FBetaScore", "beta", 0.5, "threshold", 0.3, "average", "weighted"),
                    create("F1Score", "average", "macro", "name", "f1", "dtype", "float64"),
                    create("FBetaScore", "threshold", 1.0))) {
                Metric again = REGISTRY.create(metric.className(), metric.config());
                assertEquals(metric.config(), again.config());
                assertEquals(metric.name(), again.name());
            }
        }

        @Test
        void identifiersAndDefaultNames() {
            MetricInfo fbeta = REGISTRY.resolve("f_beta_score");
            assertEquals("FBetaScore", fbeta.className());
            assertTrue(fbeta.stringCreatable());
            assertEquals("f_score_metrics", fbeta.family());
            assertEquals("F1Score", REGISTRY.resolve("f1_score").className());
            assertEquals("fbeta_score", REGISTRY.get("f_beta_score").name());
            assertEquals("f1_score", REGISTRY.get("F1Score").name());
            assertThrows(MetricException.class, () -> REGISTRY.resolve("fbeta_score"));
        }

        @Test
        void kerasRefusals() {
            assertRefused("FBetaScore", "average", "invalid_average", "beta", 1.0);
            assertRefused("FBetaScore", "average", "macro", "beta", 1);
            assertRefused("FBetaScore", "average", "macro", "beta", "1.0");
            assertRefused("FBetaScore", "average", "macro", "beta", null);
            assertRefused("FBetaScore", "average", "macro", "beta", 0.0);
            assertRefused("FBetaScore", "average", "macro", "beta", -1.0);
            assertRefused("FBetaScore", "average", "macro", "beta", -0.5);
            assertRefused("FBetaScore", "average", "macro", "beta", 1.0, "threshold", 1);
            assertRefused("FBetaScore", "average", "macro", "beta", 1.0, "threshold", "0.5");
            assertRefused("FBetaScore", "average", "macro", "beta", 1.0, "threshold", 1.1);
            assertRefused("FBetaScore", "average", "macro", "beta", 1.0, "threshold", 0.0);
            assertRefused("FBetaScore", "average", "macro", "beta", 1.0, "threshold", -0.5);
            assertRefused("F1Score", "beta", 2.0);
            assertRefused("F1Score", "average", "samples");
            assertRefused("F1Score", "average", 1);
        }

        @Test
        void integralBetaMessageSaysWhy() {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> create("FBetaScore", "beta", 2));
            assertTrue(e.getMessage().contains("'beta'") && e.getMessage().contains("float"), e.getMessage());
        }

        private void assertRefused(String metric, Object... keyValues) {
            assertThrows(InvalidConfigException.class, () -> create(metric, keyValues),
                    metric + " " + Arrays.toString(keyValues));
        }
    }

    @Nested
    class State {
        @Test
        void mergeOfShardsEqualsOnePass() {
            Tensor w = Tensor.vector(0.5, 1.0, 1.0, 1.0, 0.5, 1.0);
            for (String cls : List.of("FBetaScore", "F1Score")) {
                for (String average : Arrays.asList(null, "micro", "macro", "weighted")) {
                    Metric single = create(cls, "average", average);
                    single.update(m(TEST_TRUE), m(TEST_PRED), w);
                    single.update(m(DOC_TRUE), m(DOC_PRED));

                    Metric left = create(cls, "average", average);
                    left.update(m(Arrays.copyOfRange(TEST_TRUE, 0, 2)), m(Arrays.copyOfRange(TEST_PRED, 0, 2)),
                            Tensor.vector(0.5, 1.0));
                    Metric right = create(cls, "average", average);
                    right.update(m(Arrays.copyOfRange(TEST_TRUE, 2, 6)), m(Arrays.copyOfRange(TEST_PRED, 2, 6)),
                            Tensor.vector(1.0, 1.0, 0.5, 1.0));
                    right.update(m(DOC_TRUE), m(DOC_PRED));
                    left.merge(right);
                    String what = cls + " " + average;
                    assertArrayEquals(single.result().toDoubleArray(), left.result().toDoubleArray(), 1e-7, what);

                    // merging into an instance that has not seen data builds it
                    Metric empty = create(cls, "average", average);
                    empty.merge(single);
                    assertEquals(single.result(), empty.result(), what);
                }
            }
        }

        @Test
        void mergeRefusesAnotherConfigOrClassCount() {
            Metric a = create("F1Score");
            Metric b = create("F1Score", "average", "macro");
            assertThrows(MetricException.class, () -> a.merge(b));
            a.update(m(DOC_TRUE), m(DOC_PRED));
            Metric two = create("F1Score");
            two.update(m(new double[][] {{1, 0}}), m(new double[][] {{0.6, 0.4}}));
            MetricState before = a.snapshot();
            assertThrows(MetricException.class, () -> a.merge(two));
            assertEquals(before, a.snapshot());
        }

        @Test
        void refusedUpdatesLeaveTheStateUnchanged() {
            Metric metric = create("FBetaScore", "threshold", 0.5);
            metric.update(m(DOC_TRUE), m(DOC_PRED));
            MetricState before = metric.snapshot();
            Tensor resultBefore = metric.result();
            assertThrows(InvalidInputException.class, () -> metric.update(Tensor.vector(1, 0, 1),
                    Tensor.vector(0.9, 0.2, 0.6)));
            assertThrows(InvalidInputException.class, () -> metric.update(m(new double[][] {{1, 0}}),
                    m(new double[][] {{0.9, 0.2}})));
            assertThrows(InvalidInputException.class, () -> metric.update(m(new double[][] {{1, 0, 1}, {0, 0, 1}}),
                    m(new double[][] {{0.9, 0.2, 0.1}, {0.1, 0.2, 0.3}, {0.1, 0.2, 0.3}})));
            assertThrows(InvalidInputException.class, () -> metric.update(m(DOC_TRUE), m(DOC_PRED),
                    Tensor.vector(1, Double.NaN, 1)));
            assertEquals(before, metric.snapshot());
            assertEquals(resultBefore, metric.result());

            Metric fresh = create("F1Score");
            assertThrows(InvalidInputException.class, () -> fresh.update(Tensor.vector(1, 0), Tensor.vector(1, 0)));
            assertThrows(InvalidInputException.class, () -> fresh.update(m(DOC_TRUE), m(DOC_PRED),
                    Tensor.vector(1, 2)));
            // a refused first update builds nothing
            assertTrue(fresh.snapshot().variables().isEmpty());
        }

        @Test
        void inconsistentRestoredStateIsReported() {
            Metric metric = create("F1Score");
            metric.update(m(DOC_TRUE), m(DOC_PRED));
            Map<String, Tensor> vars = new LinkedHashMap<>(metric.snapshot().variables());
            vars.put("false_positives", Tensor.vector(1, 2));
            metric.restore(new MetricState("F1Score", metric.config(), vars));
            MetricException e = assertThrows(MetricException.class, metric::result);
            assertTrue(e.getMessage().contains("inconsistent state"), e.getMessage());
        }

        @Test
        void stateVariablesAreKeras() {
            Metric metric = create("FBetaScore");
            metric.update(m(DOC_TRUE), m(DOC_PRED));
            assertEquals(List.of("true_positives", "false_positives", "false_negatives", "intermediate_weights"),
                    List.copyOf(metric.snapshot().variables().keySet()));
            MetricState restored = MetricState.fromMap(metric.snapshot().toMap());
            Metric again = create("FBetaScore");
            again.restore(restored);
            assertEquals(metric.result(), again.result());
        }
    }
}
