package io.github.metricparity.keras.iou;

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

class IouMetricsTest {
    private static final MetricRegistry REGISTRY = MetricRegistry.of(new ReferenceProvider());
    private static final double TOL = 1e-6;

    private static final double[][] ONE_HOT_TRUE = {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {1, 0, 0}};
    private static final double[][] ONE_HOT_PRED = {{0.2, 0.3, 0.5}, {0.1, 0.2, 0.7}, {0.5, 0.3, 0.1},
        {0.1, 0.4, 0.5}};

    static Metric create(String metric, Object... keyValues) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            cfg.put((String) keyValues[i], keyValues[i + 1]);
        }
        return REGISTRY.create(metric, cfg);
    }

    static Tensor v(double... values) {
        return Tensor.vector(values);
    }

    static Tensor m(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return Tensor.of(flat, rows.length, cols);
    }

    static double result(Metric metric) {
        return metric.resultValue();
    }

    @Nested
    class Docstrings {
        @Test
        void iou() {
            Metric metric = create("IoU", "num_classes", 2, "target_class_ids", List.of(0));
            metric.update(v(0, 0, 1, 1), v(0, 1, 0, 1));
            assertEquals(0.33333334, result(metric), TOL);
            metric.reset();
            metric.update(v(0, 0, 1, 1), v(0, 1, 0, 1), v(0.3, 0.3, 0.3, 0.1));
            // stale docstring: the int default dtype truncates 0.3 and 0.1 to 0, so Keras returns 0.0
            assertEquals(0.0, result(metric), 0.0);

            Metric f32 = create("IoU", "num_classes", 2, "target_class_ids", List.of(0), "dtype", "float32");
            f32.update(v(0, 0, 1, 1), v(0, 1, 0, 1), v(0.3, 0.3, 0.3, 0.1));
            assertEquals(0.33333334, result(f32), TOL);
        }

        @Test
        void meanIoU() {
            Metric metric = create("MeanIoU", "num_classes", 2);
            metric.update(v(0, 0, 1, 1), v(0, 1, 0, 1));
            assertEquals(0.33333334, result(metric), TOL);
            metric.reset();
            metric.update(v(0, 0, 1, 1), v(0, 1, 0, 1), v(0.3, 0.3, 0.3, 0.1));
            assertEquals(0.0, result(metric), 0.0);

            Metric f32 = create("MeanIoU", "num_classes", 2, "dtype", "float32");
            f32.update(v(0, 0, 1, 1), v(0, 1, 0, 1), v(0.3, 0.3, 0.3, 0.1));
            assertEquals(0.23809525, result(f32), TOL);
        }

        @Test
        void binaryIoU() {
            Metric metric = create("BinaryIoU", "target_class_ids", List.of(0, 1), "threshold", 0.3);
            metric.update(v(0, 1, 0, 1), v(0.1, 0.2, 0.4, 0.7));
            assertEquals(0.33333334, result(metric), TOL);
            metric.reset();
            metric.update(v(0, 1, 0, 1), v(0.1, 0.2, 0.4, 0.7), v(0.2, 0.3, 0.4, 0.1));
            assertEquals(0.0, result(metric), 0.0);

            Metric f32 = create("BinaryIoU", "target_class_ids", List.of(0, 1), "threshold", 0.3, "dtype", "float32");
            f32.update(v(0, 1, 0, 1), v(0.1, 0.2, 0.4, 0.7), v(0.2, 0.3, 0.4, 0.1));
            assertEquals(0.17361112, result(f32), TOL);
        }

        @Test
        void oneHotIoU() {
            Metric metric = create("OneHotIoU", "num_classes", 3, "target_class_ids", List.of(0, 2));
            metric.update(m(ONE_HOT_TRUE), m(ONE_HOT_PRED), v(0.1, 0.2, 0.3, 0.4));
            assertEquals(0.0, result(metric), 0.0);

            Metric f32 = create("OneHotIoU", "num_classes", 3, "target_class_ids", List.of(0, 2), "dtype", "float32");
            f32.update(m(ONE_HOT_TRUE), m(ONE_HOT_PRED), v(0.1, 0.2, 0.3, 0.4));
            assertEquals(0.071, result(f32), 1e-3);
            assertEquals((0 / 0.9 + 0.1 / 0.7) / 2, result(f32), TOL);
        }

        @Test
        void oneHotMeanIoU() {
            Metric metric = create("OneHotMeanIoU", "num_classes", 3);
            metric.update(m(ONE_HOT_TRUE), m(ONE_HOT_PRED), v(0.1, 0.2, 0.3, 0.4));
            assertEquals(0.0, result(metric), 0.0);

            Metric f32 = create("OneHotMeanIoU", "num_classes", 3, "dtype", "float32");
            f32.update(m(ONE_HOT_TRUE), m(ONE_HOT_PRED), v(0.1, 0.2, 0.3, 0.4));
            assertEquals(0.048, result(f32), 1e-3);
            assertEquals((0.1 / 0.7) / 3, result(f32), TOL);
        }
    }

    @Nested
    class KerasUnitTests {
        @Test
        void outOfRangeAndNegativeIdsAreDropped() {
            double[][][] cases = {{{0, 2}, {0, 1}}, {{0, 1}, {0, 2}}, {{-1, 0}, {0, 0}}, {{0, 1}, {-1, 1}}};
            for (double[][] c : cases) {
                Metric metric = create("IoU", "num_classes", 2, "target_class_ids", List.of(0, 1));
                metric.update(v(c[0]), v(c[1]));
                assertEquals(1.0, result(metric), 1e-6, Arrays.deepToString(c));
            }
        }

        @Test
        void absentClassesAreLeftOutOfTheMean() {
            Metric metric = create("IoU", "num_classes", 4, "target_class_ids", List.of(0, 1, 2, 3));
            metric.update(v(0, 0, 1, 1), v(0, 1, 0, 1));
            assertEquals(1.0 / 3, result(metric), TOL);

            Metric mean = create("MeanIoU", "num_classes", 3);
            mean.update(v(0, 0, 0, 0), v(0, 0, 0, 0));
            assertEquals(1.0, result(mean), TOL);
        }

        @Test
        void emptyResultIsZero() {
            assertEquals(0.0, result(create("IoU", "num_classes", 2, "target_class_ids", List.of(0, 1))), 0.0);
            assertEquals(0.0, result(create("MeanIoU", "num_classes", 2)), 0.0);
            assertEquals(0.0, result(create("BinaryIoU")), 0.0);
        }

        @Test
        void ignoreClass() {
            double expected = (1.0 / (1 + 1 - 1) + 1.0 / (2 + 1 - 1) + 0.0) / 3;
            Metric m255 = create("MeanIoU", "num_classes", 3, "ignore_class", 255);
            m255.update(v(0, 1, 2, 255), v(0, 1, 1, 1));
            assertEquals(expected, result(m255), TOL);
            Metric mNeg = create("MeanIoU", "num_classes", 3, "ignore_class", -1);
            mNeg.update(v(0, 1, 2, -1), v(0, 1, 1, 1));
            assertEquals(expected, result(mNeg), TOL);

            Metric weighted = create("MeanIoU", "num_classes", 2, "ignore_class", -1, "dtype", "float32");
            weighted.update(v(0, 0, 1, -1), v(0, 1, 0, 1), v(0.2, 0.3, 0.4, 0.1));
            assertEquals((0.2 / (0.6 + 0.5 - 0.2) + 0.0) / 2, result(weighted), TOL);
        }

        @Test
        void multiDimInputIsFlattened() {
            Metric metric = create("IoU", "num_classes", 2, "target_class_ids", List.of(0, 1), "dtype", "float32");
            metric.update(m(new double[][] {{0, 0}, {1, 1}}), m(new double[][] {{0, 1}, {0, 1}}),
                    m(new double[][] {{0.2, 0.3}, {0.4, 0.1}}));
            assertEquals((0.2 / (0.6 + 0.5 - 0.2) + 0.1 / (0.4 + 0.5 - 0.1)) / 2, result(metric), TOL);
        }

        @Test
        void binaryIoUThresholds() {
            Metric at03 = create("BinaryIoU", "target_class_ids", List.of(0, 1), "threshold", 0.3);
            at03.update(v(0, 1, 0, 1), v(0.1, 0.2, 0.4, 0.7));
            assertEquals(1.0 / 3, result(at03), TOL);
            Metric at05 = create("BinaryIoU", "target_class_ids", List.of(0, 1), "threshold", 0.5);
            at05.update(v(0, 1, 0, 1), v(0.1, 0.2, 0.4, 0.7));
            assertEquals((2.0 / 3 + 1.0 / 2) / 2, result(at05), TOL);
            Metric multi = create("BinaryIoU", "target_class_ids", List.of(0, 1), "threshold", 0.4,
                    "dtype", "float32");
            multi.update(m(new double[][] {{0, 1}, {0, 1}}), m(new double[][] {{0.1, 0.7}, {0.9, 0.3}}),
                    m(new double[][] {{0.2, 0.3}, {0.4, 0.1}}));
            assertEquals((0.2 / (0.6 + 0.3 - 0.2) + 0.3 / (0.4 + 0.7 - 0.3)) / 2, result(multi), TOL);
        }

        @Test
        void oneHotMeanIoUIntegerWeightsMatchFloatWeights() {
            double[][] yTrue = {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {1, 0, 0}};
            double[][] yPred = {{0.2, 0.3, 0.5}, {0.1, 0.2, 0.7}, {0.5, 0.3, 0.1}, {0.1, 0.4, 0.5}, {0.6, 0.2, 0.2}};
            double expected = (0.1 / (0.4 + 0.6 - 0.1) + 0 + 0.1 / (0.6 + 0.1 - 0.1)) / 3;
            Metric f32 = create("OneHotMeanIoU", "num_classes", 3, "dtype", "float32");
            f32.update(m(yTrue), m(yPred), v(0.1, 0.2, 0.3, 0.3, 0.1));
            assertEquals(expected, result(f32), TOL);
            Metric ints = create("OneHotMeanIoU", "num_classes", 3);
            ints.update(m(yTrue), m(yPred), v(1, 2, 3, 3, 1));
            assertEquals(expected, result(ints), TOL);
        }

        @Test
        void bigCountsStayExactWithTheIntDtype() {
            // MeanIoUTest.test_big_chunk: int state counts exactly past 2^24, where a float32 matrix would not
            Metric metric = create("MeanIoU", "num_classes", 3);
            for (int i = 0; i < 3; i++) {
                metric.update(v(0, 1, 2, 0), v(0, 1, 1, 2), v(10_000_001, 10_000_001, 10_000_001, 1));
            }
            Tensor cm = metric.snapshot().variable("total_confusion_matrix");
            assertEquals(30_000_003, cm.get(0), 0.0);
            assertEquals(30_000_003, cm.get(2 * 3 + 1), 0.0);
            assertEquals(3, cm.get(2), 0.0);
        }
    }

    @Nested
    class Semantics {
        @Test
        void intDtypeTruncatesWeightsTowardZero() {
            Metric ints = create("IoU", "num_classes", 2, "target_class_ids", List.of(0, 1));
            ints.update(v(0, 0, 1, 1), v(0, 1, 0, 1), v(1.9, 0.5, 2.0, 1.0));
            assertArrayEquals(new double[] {1, 0, 2, 1},
                    ints.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);

            Metric neg = create("MeanIoU", "num_classes", 2);
            neg.update(v(0, 1, 1, 0), v(0, 1, 0, 0), v(-0.5, 2, 1, -1.5));
            assertArrayEquals(new double[] {-1, 0, 1, 2},
                    neg.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);
            // class 0's denominator is 0 (not > 1e-9): left out; class 1: 2 / (2 + 3 - 2)
            assertEquals(2.0 / 3, result(neg), TOL);

            Metric f32 = create("IoU", "num_classes", 2, "target_class_ids", List.of(0, 1), "dtype", "float32");
            f32.update(v(0, 0, 1, 1), v(0, 1, 0, 1), v(1.9, 0.5, 2.0, 1.0));
            assertArrayEquals(new double[] {(float) 1.9, 0.5, 2, 1},
                    f32.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);
        }

        @Test
        void labelsAreCastToTheDtypeBeforeTheBoundsCheck() {
            Metric ints = create("IoU", "num_classes", 3, "target_class_ids", List.of(0, 1, 2));
            ints.update(v(0.9, 1.7, 2.2, -0.5), v(0, 1, 2, 0));
            // int: -0.5 truncates to class 0 and is counted
            assertArrayEquals(new double[] {2, 0, 0, 0, 1, 0, 0, 0, 1},
                    ints.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);
            Metric f32 = create("IoU", "num_classes", 3, "target_class_ids", List.of(0, 1, 2), "dtype", "float32");
            f32.update(v(0.9, 1.7, 2.2, -0.5), v(0, 1, 2, 0));
            // float32: -0.5 fails y_true >= 0 and is dropped
            assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
                    f32.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);
        }

        @Test
        void ignoreClassMasksOnlyTrueLabels() {
            Metric metric = create("MeanIoU", "num_classes", 2, "ignore_class", 1);
            metric.update(v(0, 0, 1, 0), v(1, 0, 0, 1));
            assertArrayEquals(new double[] {1, 2, 0, 0},
                    metric.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);
        }

        @Test
        void binaryIoUThresholdIsInclusiveInFloat32() {
            Metric metric = create("BinaryIoU", "threshold", 0.3);
            metric.update(v(1, 1, 0, 0), v(0.3, 0.29999, 0.3, 0.0));
            assertArrayEquals(new double[] {1, 1, 1, 1},
                    metric.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);
            // a float64 prediction just below the threshold that rounds to it in float32 is class 1
            Metric close = create("BinaryIoU", "threshold", 0.3, "target_class_ids", List.of(1));
            close.update(v(1), Tensor.of(new double[] {0.3 - 1e-12}, 1));
            assertEquals(1.0, result(close), TOL);
        }

        @Test
        void denseInputsAreArgmaxed() {
            Metric trueDense = create("IoU", "num_classes", 3, "target_class_ids", List.of(0, 1, 2),
                    "sparse_y_true", false);
            trueDense.update(m(new double[][] {{0.1, 0.8, 0.1}, {0.7, 0.2, 0.1}, {0, 0, 1}, {0.3, 0.3, 0.4}}),
                    v(1, 0, 1, 2));
            Metric sparse = create("IoU", "num_classes", 3, "target_class_ids", List.of(0, 1, 2));
            sparse.update(v(1, 0, 2, 2), v(1, 0, 1, 2));
            assertEquals(sparse.snapshot().variable("total_confusion_matrix"),
                    trueDense.snapshot().variable("total_confusion_matrix"));

            Metric predDense = create("MeanIoU", "num_classes", 3, "sparse_y_pred", false);
            // the tie [0.5, 0.5, 0] goes to the first index
            predDense.update(v(1, 0, 2, 2), m(new double[][] {{0.1, 0.8, 0.1}, {0.5, 0.5, 0}, {0.2, 0.3, 0.5},
                {0.6, 0.3, 0.1}}));
            assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 1, 0, 1},
                    predDense.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);

            Metric oneHotSparsePred = create("OneHotIoU", "num_classes", 3, "target_class_ids", List.of(0, 1),
                    "sparse_y_pred", true);
            oneHotSparsePred.update(m(ONE_HOT_TRUE), v(2, 0, 1, 1));
            assertEquals(0.5, result(oneHotSparsePred), TOL);
        }

        @Test
        void negativeZeroLosesTheArgmaxAsInKeras() {
            Metric metric = create("MeanIoU", "num_classes", 2, "sparse_y_pred", false);
            metric.update(v(1, 0), m(new double[][] {{-0.0, 0.0}, {0.0, -0.0}}));
            assertArrayEquals(new double[] {1, 0, 0, 1},
                    metric.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);
        }

        @Test
        void axisZeroArgmaxesDownColumns() {
            Metric metric = create("OneHotMeanIoU", "num_classes", 3, "axis", 0);
            metric.update(m(new double[][] {{0, 1, 0, 1}, {0, 0, 1, 0}, {1, 0, 0, 0}}),
                    m(new double[][] {{0.2, 0.1, 0.5, 0.1}, {0.3, 0.2, 0.3, 0.4}, {0.5, 0.7, 0.1, 0.5}}));
            Metric lastAxis = create("OneHotMeanIoU", "num_classes", 3);
            lastAxis.update(m(ONE_HOT_TRUE), m(ONE_HOT_PRED));
            assertEquals(result(lastAxis), result(metric), 0.0);
        }

        @Test
        void otherAxesFailAtResultAsInKeras() {
            Metric metric = create("OneHotMeanIoU", "num_classes", 3, "axis", 1);
            Tensor yTrue = Tensor.of(new double[] {0, 1, 1, 0, 0, 0}, 1, 3, 2);
            Tensor yPred = Tensor.of(new double[] {0.1, 0.6, 0.8, 0.2, 0.1, 0.2}, 1, 3, 2);
            metric.update(yTrue, yPred);
            MetricException e = assertThrows(MetricException.class, metric::result);
            assertTrue(e.getMessage().startsWith("OneHotMeanIoU: "), e.getMessage());
            assertTrue(e.getMessage().contains("axis=1"), e.getMessage());
            // the update itself counted: argmax over axis 1 gives true [1, 0], pred [1, 0]
            assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 0},
                    metric.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);
        }

        @Test
        void targetIdsMayRepeatOrCountFromTheEnd() {
            Metric negative = create("IoU", "num_classes", 3, "target_class_ids", List.of(-1));
            negative.update(v(0, 1, 2, 2), v(0, 2, 2, 1));
            assertEquals(1.0 / 3, result(negative), TOL);
            Metric repeated = create("IoU", "num_classes", 3, "target_class_ids", List.of(2, 2, 0));
            repeated.update(v(0, 1, 2, 2), v(0, 2, 2, 1));
            assertEquals((1.0 / 3 + 1.0 / 3 + 1.0) / 3, result(repeated), TOL);
        }

        @Test
        void sizeOneVectorsBroadcastLikeOpsWhere() {
            Metric metric = create("MeanIoU", "num_classes", 2);
            metric.update(v(0, 1, 1), v(1));
            assertArrayEquals(new double[] {0, 1, 0, 2},
                    metric.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);
            Metric scalarTrue = create("MeanIoU", "num_classes", 2);
            scalarTrue.update(Tensor.scalar(1), v(0, 1), Tensor.scalar(2));
            assertArrayEquals(new double[] {0, 0, 2, 2},
                    scalarTrue.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);
        }

        @Test
        void rank3LabelMapsAccumulateAndReset() {
            Metric metric = create("MeanIoU", "num_classes", 3);
            metric.update(Tensor.of(new double[] {0, 1, 2, 2, 1, 1, 0, 0}, 2, 2, 2),
                    Tensor.of(new double[] {0, 1, 2, 1, 1, 1, 0, 2}, 2, 2, 2));
            assertArrayEquals(new double[] {2, 0, 1, 0, 3, 0, 0, 1, 1},
                    metric.snapshot().variable("total_confusion_matrix").toDoubleArray(), 0.0);
            metric.reset();
            assertEquals(0.0, result(metric), 0.0);
            assertArrayEquals(new double[9], metric.snapshot().variable("total_confusion_matrix").toDoubleArray(),
                    0.0);
        }
    }

    @Nested
    class Configs {
        @Test
        void getConfigKeysAndDefaultsAreKeras() {
            Map<String, Object> iou = new HashMap<>();
            iou.put("name", "io_u");
            iou.put("dtype", "int64");
            iou.put("num_classes", 2);
            iou.put("target_class_ids", List.of(1, 0));
            iou.put("ignore_class", null);
            iou.put("sparse_y_true", true);
            iou.put("sparse_y_pred", true);
            iou.put("axis", -1);
            assertEquals(iou, create("IoU", "num_classes", 2, "target_class_ids", List.of(1, 0)).config());

            assertEquals(Map.of("name", "binary_io_u", "dtype", "int64", "target_class_ids", List.of(0, 1),
                    "threshold", 0.5), create("BinaryIoU").config());

            Map<String, Object> mean = new HashMap<>(iou);
            mean.remove("target_class_ids");
            mean.put("name", "mean_io_u");
            assertEquals(mean, create("MeanIoU", "num_classes", 2).config());

            Map<String, Object> oneHot = new HashMap<>(iou);
            oneHot.remove("sparse_y_true");
            oneHot.put("name", "one_hot_io_u");
            oneHot.put("sparse_y_pred", false);
            assertEquals(oneHot, create("OneHotIoU", "num_classes", 2, "target_class_ids", List.of(1, 0)).config());

            Map<String, Object> oneHotMean = new HashMap<>(oneHot);
            oneHotMean.remove("target_class_ids");
            oneHotMean.put("name", "one_hot_mean_io_u");
            assertEquals(oneHotMean, create("OneHotMeanIoU", "num_classes", 2).config());
        }

        @Test
        void configRoundTrip() {
            List<Metric> metrics = List.of(
                    create("IoU", "num_classes", 2, "target_class_ids", List.of(1, 0), "name", "iou_class_1_0"),
                    create("IoU", "num_classes", 4, "target_class_ids", List.of(3), "ignore_class", 0,
                            "sparse_y_true", false, "sparse_y_pred", false, "axis", 0, "dtype", "float32"),
                    create("BinaryIoU", "target_class_ids", List.of(1, 0), "threshold", 0.1, "name", "iou_class_1_0"),
                    create("MeanIoU", "num_classes", 2, "name", "mean_iou"),
                    create("OneHotIoU", "num_classes", 3, "target_class_ids", List.of(1), "sparse_y_pred", true),
                    create("OneHotMeanIoU", "num_classes", 3, "ignore_class", 2, "dtype", "int32"));
            for (Metric metric : metrics) {
                Metric again = REGISTRY.create(metric.className(), metric.config());
                assertEquals(metric.config(), again.config());
                assertEquals(metric.name(), again.name());
                assertEquals(metric.dtype(), again.dtype());
            }
            assertEquals("iou_class_1_0", metrics.get(0).name());
        }

        @Test
        void identifiersAndStringCreation() {
            Map<String, String> ids = Map.of("io_u", "IoU", "mean_io_u", "MeanIoU", "binary_io_u", "BinaryIoU",
                    "one_hot_io_u", "OneHotIoU", "one_hot_mean_io_u", "OneHotMeanIoU");
            for (Map.Entry<String, String> e : ids.entrySet()) {
                MetricInfo info = REGISTRY.resolve(e.getKey());
                assertEquals(e.getValue(), info.className());
                assertEquals(info, REGISTRY.resolve(e.getValue()));
                assertEquals("iou_metrics", info.family());
                assertEquals(e.getValue().equals("BinaryIoU"), info.stringCreatable(), e.getKey());
            }
            assertThrows(InvalidConfigException.class, () -> REGISTRY.get("mean_io_u"));
            Metric binary = REGISTRY.get("binary_io_u");
            assertEquals("binary_io_u", binary.name());
        }

        @Test
        void kerasRefusals() {
            assertRefused("IoU", "num_classes", 2, "target_class_ids", List.of(0, 2));
            assertRefused("BinaryIoU", "target_class_ids", List.of(2));
            assertRefused("OneHotIoU", "num_classes", 3, "target_class_ids", List.of(3));
            assertRefused("IoU", "num_classes", 2);
            assertRefused("MeanIoU");
            assertRefused("IoU", "num_classes", 2, "target_class_ids", List.of());
            assertRefused("IoU", "num_classes", 2, "target_class_ids", 1);
            assertRefused("MeanIoU", "num_classes", 0);
            assertRefused("MeanIoU", "num_classes", 50_000);
            assertRefused("MeanIoU", "num_classes", 2, "target_class_ids", List.of(0));
            assertRefused("OneHotIoU", "num_classes", 2, "target_class_ids", List.of(0), "sparse_y_true", true);
            assertRefused("BinaryIoU", "num_classes", 2);
            assertRefused("MeanIoU", "num_classes", 2.5);
            assertRefused("MeanIoU", "num_classes", 2, "sparse_y_pred", "no");
            assertRefused("IoU", "num_classes", 2, "target_class_ids", List.of(0.5));
            assertRefused("MeanIoU", "num_classes", 2, "dtype", "float16");
            // Keras accepts -3 here and fails at result(): refused up front
            assertRefused("IoU", "num_classes", 2, "target_class_ids", List.of(-3));
        }

        @Test
        void targetIdErrorNamesTheRange() {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> create("IoU", "num_classes", 2, "target_class_ids", List.of(0, 2)));
            assertTrue(e.getMessage().contains("Target class id 2 is out of range, which is [0, 2)"), e.getMessage());
        }

        private void assertRefused(String metric, Object... keyValues) {
            assertThrows(InvalidConfigException.class, () -> create(metric, keyValues),
                    metric + " " + Arrays.toString(keyValues));
        }
    }

    @Nested
    class State {
        private final Object[][] configs = {
            {"IoU", "num_classes", 3, "target_class_ids", List.of(0, 2)},
            {"BinaryIoU", "threshold", 0.4, "dtype", "float32"},
            {"MeanIoU", "num_classes", 3, "ignore_class", 1},
            {"OneHotIoU", "num_classes", 3, "target_class_ids", List.of(1, 2), "dtype", "float32"},
            {"OneHotMeanIoU", "num_classes", 3},
        };

        private Metric create(Object[] config) {
            return IouMetricsTest.create((String) config[0], Arrays.copyOfRange(config, 1, config.length));
        }

        private Tensor[][] batches(String cls) {
            boolean oneHot = cls.startsWith("OneHot");
            boolean binary = cls.equals("BinaryIoU");
            Tensor[][] out = new Tensor[3][];
            out[0] = oneHot ? new Tensor[] {m(ONE_HOT_TRUE), m(ONE_HOT_PRED), v(1, 2, 3, 1)}
                    : binary ? new Tensor[] {v(0, 1, 1, 0), v(0.1, 0.4, 0.9, 0.5), v(0.5, 1, 2, 1)}
                    : new Tensor[] {v(0, 1, 2, 2), v(0, 2, 2, 1), v(1, 2, 1, 3)};
            out[1] = oneHot ? new Tensor[] {m(new double[][] {{0, 1, 0}, {0, 0, 1}}),
                m(new double[][] {{0.1, 0.8, 0.1}, {0.3, 0.3, 0.4}}), null}
                    : binary ? new Tensor[] {v(1, 1), v(0.39, 0.41), null}
                    : new Tensor[] {v(1, 1, 0), v(1, 0, 0), null};
            out[2] = oneHot ? new Tensor[] {m(new double[][] {{1, 0, 0}}), m(new double[][] {{0.9, 0.05, 0.05}}),
                v(2)}
                    : binary ? new Tensor[] {v(0, 0, 1), v(0.7, 0.2, 0.4), Tensor.scalar(3)}
                    : new Tensor[] {v(2, 2, 1), v(2, 1, 1), Tensor.scalar(2)};
            return out;
        }

        @Test
        void mergeOfShardsEqualsOnePass() {
            for (Object[] config : configs) {
                String cls = (String) config[0];
                Tensor[][] b = batches(cls);
                Metric single = create(config);
                for (Tensor[] batch : b) {
                    single.update(batch[0], batch[1], batch[2]);
                }
                Metric left = create(config);
                left.update(b[0][0], b[0][1], b[0][2]);
                Metric right = create(config);
                right.update(b[1][0], b[1][1], b[1][2]);
                right.update(b[2][0], b[2][1], b[2][2]);
                left.merge(right);
                assertEquals(single.snapshot(), left.snapshot(), cls);
                assertEquals(single.resultValue(), left.resultValue(), 0.0, cls);
                assertTrue(single.resultValue() > 0, cls);
            }
        }

        @Test
        void mergeRefusesAnotherConfig() {
            Metric a = IouMetricsTest.create("MeanIoU", "num_classes", 3);
            Metric b = IouMetricsTest.create("MeanIoU", "num_classes", 3, "ignore_class", 0);
            assertThrows(MetricException.class, () -> a.merge(b));
            Metric renamed = IouMetricsTest.create("MeanIoU", "num_classes", 3, "name", "other");
            renamed.update(v(0, 1), v(0, 1));
            a.merge(renamed);
            assertEquals(1.0, a.resultValue(), TOL);
        }

        @Test
        void snapshotRestoreRoundTrip() {
            for (Object[] config : configs) {
                Metric metric = create(config);
                Tensor[] batch = batches((String) config[0])[0];
                metric.update(batch[0], batch[1], batch[2]);
                MetricState saved = MetricState.fromMap(metric.snapshot().toMap());
                Metric restored = create(config);
                restored.restore(saved);
                assertEquals(metric.resultValue(), restored.resultValue(), 0.0);
            }
        }

        @Test
        void refusedUpdatesLeaveTheStateUnchanged() {
            Metric metric = IouMetricsTest.create("MeanIoU", "num_classes", 3);
            metric.update(v(0, 1, 2), v(0, 1, 1));
            MetricState before = metric.snapshot();
            double resultBefore = metric.resultValue();

            assertRefused(metric, v(0, 1, 2), v(0, 1), null, "y_true");
            assertRefused(metric, m(new double[][] {{0, 1}, {1, 1}}), m(new double[][] {{0, 1}, {0, 1}}), v(1, 2),
                    "sample_weight");
            assertRefused(metric, v(0, 1), v(0, 1), v(1, 2, 3), "sample_weight");
            assertRefused(metric, Tensor.scalar(0), Tensor.scalar(1), null, "scalars");
            assertRefused(metric, v(0, 1), v(0, Double.NaN), null, "y_pred");
            assertRefused(metric, v(0, 1), v(0, 1), v(1, Double.POSITIVE_INFINITY), "sample_weight");
            assertEquals(before, metric.snapshot());
            assertEquals(resultBefore, metric.resultValue(), 0.0);

            Metric oneHot = IouMetricsTest.create("OneHotMeanIoU", "num_classes", 3);
            oneHot.update(m(ONE_HOT_TRUE), m(ONE_HOT_PRED));
            MetricState oneHotBefore = oneHot.snapshot();
            assertRefused(oneHot, Tensor.scalar(1), v(0.2, 0.5, 0.3), null, "y_true");
            assertRefused(oneHot, m(new double[][] {{1, 0, 0}}), Tensor.of(new double[0], 1, 0), null, "y_pred");
            assertEquals(oneHotBefore, oneHot.snapshot());
        }

        private void assertRefused(Metric metric, Tensor yTrue, Tensor yPred, Tensor weight, String mentions) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> metric.update(yTrue, yPred, weight));
            assertTrue(e.getMessage().startsWith(metric.className() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(mentions), e.getMessage());
        }

        @Test
        void variableIsTheKerasConfusionMatrix() {
            Metric metric = IouMetricsTest.create("IoU", "num_classes", 4, "target_class_ids", List.of(0));
            MetricState state = metric.snapshot();
            assertEquals(List.of("total_confusion_matrix"), List.copyOf(state.variables().keySet()));
            assertArrayEquals(new int[] {4, 4}, state.variable("total_confusion_matrix").shape());
            assertFalse(metric.config().containsKey("threshold"));
        }
    }
}
