package io.github.metricparity.keras.iou;

import io.github.metricparity.keras.InputContract;
import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.InputContract.RankRule;
import io.github.metricparity.keras.internal.Contracts;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Param;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes of Keras {@code metrics/iou_metrics.py}: IoU, BinaryIoU, MeanIoU, OneHotIoU, OneHotMeanIoU. All share
 * one state variable, {@code total_confusion_matrix} of shape {@code (num_classes, num_classes)} (rows: true class,
 * columns: predicted class), and one result rule.
 *
 * <ul>
 *   <li>The default dtype is <b>{@code "int"}</b> ({@code int64} on TensorFlow), not float32
 *       ({@code iou_metrics.py:60-61}): labels, predictions and sample weights are cast to it, so a fractional
 *       weight truncates toward zero (0.3 counts as 0). With {@code dtype="float32"} weights are kept.</li>
 *   <li>Dense inputs ({@code sparse_y_true/sparse_y_pred=False}) are argmax'ed along {@code axis}; everything is
 *       then flattened. Pairs whose true or predicted class lies outside {@code [0, num_classes)}, or whose true
 *       class equals {@code ignore_class}, are dropped ({@code iou_metrics.py:126-155}).</li>
 *   <li>Per class {@code iou = tp / (row + col - tp + 1e-7)} in float32; classes whose denominator is not
 *       {@code > 1e-9} are excluded from the mean; result = {@code sum(iou over target ids) / (n_valid + 1e-7)},
 *       0 when nothing was seen ({@code iou_metrics.py:282-327}).</li>
 *   <li>{@code BinaryIoU}: {@code y_pred >= threshold} (INCLUSIVE, in float32) is class 1
 *       ({@code iou_metrics.py:448-452}).</li>
 * </ul>
 */
public final class IouMetrics {
    private static final String FAMILY = "iou_metrics";

    private static Param numClasses() {
        // the (num_classes, num_classes) matrix must fit one Java array: at most 46340 classes
        return Param.required("num_classes", Param.Kind.INT)
                .check(Param.number(n -> n >= 1 && n * n <= Integer.MAX_VALUE), "must be in [1, 46340]");
    }

    private static Param targetClassIds() {
        return Param.required("target_class_ids", Param.Kind.INT_LIST)
                .check(v -> !((List<?>) v).isEmpty(), "must not be empty (Keras takes its max())");
    }

    private static Param ignoreClass() {
        return Param.of("ignore_class", Param.Kind.INT, null);
    }

    public static final MetricSpec IOU = MetricSpec.builder("IoU", FAMILY)
            .defaultDType(DType.INT64)
            .params(numClasses(), targetClassIds(), ignoreClass(),
                    Param.boolParam("sparse_y_true", true),
                    Param.boolParam("sparse_y_pred", true),
                    Param.intParam("axis", -1))
            .contract(IouMetrics::contract)
            .factory(c -> new IoU(c, true))
            .build();

    public static final MetricSpec BINARY_IOU = MetricSpec.builder("BinaryIoU", FAMILY)
            .defaultDType(DType.INT64)
            .params(Param.of("target_class_ids", Param.Kind.INT_LIST, List.of(0, 1))
                            .check(v -> !((List<?>) v).isEmpty(), "must not be empty (Keras takes its max())"),
                    Param.floatParam("threshold", 0.5))
            .contract(Contracts.counted(Labels.BINARY, Predictions.SCORES, RankRule.ELEMENTS))
            .factory(BinaryIoU::new)
            .build();

    public static final MetricSpec MEAN_IOU = MetricSpec.builder("MeanIoU", FAMILY)
            .defaultDType(DType.INT64)
            .params(numClasses(), ignoreClass(),
                    Param.boolParam("sparse_y_true", true),
                    Param.boolParam("sparse_y_pred", true),
                    Param.intParam("axis", -1))
            .contract(IouMetrics::contract)
            .factory(c -> new IoU(c, true))
            .build();

    public static final MetricSpec ONE_HOT_IOU = MetricSpec.builder("OneHotIoU", FAMILY)
            .defaultDType(DType.INT64)
            .params(numClasses(), targetClassIds(), ignoreClass(),
                    Param.boolParam("sparse_y_pred", false),
                    Param.intParam("axis", -1))
            .contract(IouMetrics::contract)
            .factory(c -> new IoU(c, false))
            .build();

    public static final MetricSpec ONE_HOT_MEAN_IOU = MetricSpec.builder("OneHotMeanIoU", FAMILY)
            .defaultDType(DType.INT64)
            .params(numClasses(), ignoreClass(),
                    Param.boolParam("sparse_y_pred", false),
                    Param.intParam("axis", -1))
            .contract(IouMetrics::contract)
            .factory(c -> new IoU(c, false))
            .build();

    public static final List<MetricSpec> DEFINITIONS = List.of(IOU, BINARY_IOU, MEAN_IOU, ONE_HOT_IOU,
            ONE_HOT_MEAN_IOU);

    private IouMetrics() {
    }

    /**
     * Class ids ({@code sparse_y_true}/{@code sparse_y_pred}, the OneHot classes have one-hot labels) or one-hot
     * rows and scores, argmax'ed along {@code axis}; every label is then counted on its own.
     */
    private static InputContract contract(MetricConfig c) {
        boolean sparseTrue = c.definition().paramKeys().contains("sparse_y_true") && c.getBool("sparse_y_true");
        return Contracts.counted(sparseTrue ? Labels.CLASS_IDS : Labels.ONE_HOT,
                c.getBool("sparse_y_pred") ? Predictions.CLASS_IDS : Predictions.SCORES, RankRule.ELEMENTS);
    }

    /**
     * The target class ids of a config: {@code target_class_ids} where the class has it, else every class
     * (MeanIoU: {@code list(range(num_classes))}). Refuses what Keras refuses ({@code max(ids) >= num_classes},
     * {@code iou_metrics.py:274-279}) and ids below {@code -num_classes}, which Keras accepts but cannot index at
     * {@code result()} (negative ids wrap, as {@code ops.take_along_axis} does).
     */
    static int[] targetIds(MetricConfig config, int numClasses) {
        String cls = config.definition().className();
        boolean hasIds = config.definition().params().stream().anyMatch(p -> p.key().equals("target_class_ids"));
        List<Integer> ids;
        if (hasIds) {
            ids = config.getIntList("target_class_ids");
        } else {
            ids = new ArrayList<>();
            for (int i = 0; i < numClasses; i++) {
                ids.add(i);
            }
        }
        int max = Integer.MIN_VALUE;
        for (int id : ids) {
            max = Math.max(max, id);
        }
        if (max >= numClasses) {
            throw new InvalidConfigException(cls + ": Target class id " + max + " is out of range, which is [0, "
                    + numClasses + ") (config 'target_class_ids' " + ids + ")");
        }
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            int id = ids.get(i);
            if (id < -numClasses) {
                throw new InvalidConfigException(cls + ": config 'target_class_ids' " + ids + " holds " + id
                        + ", which indexes no class (negative ids count from the end, down to -" + numClasses + ")");
            }
            out[i] = id < 0 ? id + numClasses : id;
        }
        return out;
    }
}
