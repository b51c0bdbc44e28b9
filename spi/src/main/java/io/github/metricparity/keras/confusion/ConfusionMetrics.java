package io.github.metricparity.keras.confusion;

import io.github.metricparity.keras.InputContract;
import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.InputContract.RankRule;
import io.github.metricparity.keras.internal.AbstractMetric;
import io.github.metricparity.keras.internal.Contracts;
import io.github.metricparity.keras.internal.Fused;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.internal.Param;
import io.github.metricparity.keras.internal.StateVariable;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The classes of Keras {@code metrics/confusion_metrics.py}. Every one accumulates weighted confusion-matrix counts
 * per threshold through the shared {@link ConfusionMatrixUpdate} ({@code metrics_utils.py}); they differ in which
 * counts they keep and how the result reads them.
 *
 * <ul>
 *   <li>{@code TruePositives}, {@code FalsePositives}, {@code TrueNegatives}, {@code FalseNegatives}: one
 *       {@code accumulator} of shape {@code (T,)}; the result is a scalar for one threshold, a {@code (T,)} vector
 *       otherwise. Default threshold 0.5; thresholds must lie in [0, 1].</li>
 *   <li>{@code Precision}, {@code Recall}: {@code tp / (tp + fp)} and {@code tp / (tp + fn)}, 0 when the
 *       denominator is 0; {@code top_k} keeps the top k entries of the last axis (the default threshold then
 *       becomes {@code -1e10}: every kept entry is a predicted positive); {@code class_id} slices one class.</li>
 *   <li>{@code SensitivityAtSpecificity}, {@code SpecificityAtSensitivity}, {@code PrecisionAtRecall},
 *       {@code RecallAtPrecision}: {@code num_thresholds} evenly spaced thresholds {@code [0, ..., 1]} (one
 *       threshold: {@code [0.5]}); the result is the largest dependent rate over the thresholds whose constrained
 *       rate is {@code >=} the target (compared in float32, as Keras does), 0 if none.</li>
 *   <li>{@code AUC}: see {@link AUC}.</li>
 * </ul>
 * Ratios are computed in the metric dtype (float32), which decides ties such as a precision of exactly 2/3 against
 * a target of 2/3.
 */
public final class ConfusionMetrics {
    static final String FAMILY = "confusion_metrics";

    public static final MetricSpec TRUE_POSITIVES = conditionCount("TruePositives", Condition.TP);
    public static final MetricSpec FALSE_POSITIVES = conditionCount("FalsePositives", Condition.FP);
    public static final MetricSpec TRUE_NEGATIVES = conditionCount("TrueNegatives", Condition.TN);
    public static final MetricSpec FALSE_NEGATIVES = conditionCount("FalseNegatives", Condition.FN);

    public static final MetricSpec PRECISION = MetricSpec.builder("Precision", FAMILY)
            .params(thresholdsParam(), Param.of("top_k", Param.Kind.INT, null), Param.of("class_id", Param.Kind.INT,
                    null))
            .contract(ConfusionMetrics::contract)
            .factory(c -> new PrecisionRecall(normalizeThresholds(c), true))
            .build();

    public static final MetricSpec RECALL = MetricSpec.builder("Recall", FAMILY)
            .params(thresholdsParam(), Param.of("top_k", Param.Kind.INT, null), Param.of("class_id", Param.Kind.INT,
                    null))
            .contract(ConfusionMetrics::contract)
            .factory(c -> new PrecisionRecall(normalizeThresholds(c), false))
            .build();

    public static final MetricSpec SENSITIVITY_AT_SPECIFICITY = atValue("SensitivityAtSpecificity",
            "specificity", Rate.SENSITIVITY, Rate.SPECIFICITY);
    public static final MetricSpec SPECIFICITY_AT_SENSITIVITY = atValue("SpecificityAtSensitivity",
            "sensitivity", Rate.SPECIFICITY, Rate.SENSITIVITY);
    public static final MetricSpec PRECISION_AT_RECALL = atValue("PrecisionAtRecall", "recall",
            Rate.PRECISION, Rate.SENSITIVITY);
    public static final MetricSpec RECALL_AT_PRECISION = atValue("RecallAtPrecision", "precision",
            Rate.SENSITIVITY, Rate.PRECISION);

    public static final MetricSpec AUC_METRIC = AUC.DEFINITION;

    public static final List<MetricSpec> DEFINITIONS = List.of(FALSE_POSITIVES, FALSE_NEGATIVES, TRUE_NEGATIVES,
            TRUE_POSITIVES, PRECISION, RECALL, SENSITIVITY_AT_SPECIFICITY, SPECIFICITY_AT_SENSITIVITY,
            PRECISION_AT_RECALL, RECALL_AT_PRECISION, AUC_METRIC);

    private ConfusionMetrics() {
    }

    /** The four confusion-matrix conditions ({@code metrics_utils.ConfusionMatrix}). */
    enum Condition { TP, FP, TN, FN }

    private static MetricSpec conditionCount(String className, Condition condition) {
        MetricSpec.Builder b = MetricSpec.builder(className, FAMILY)
                .params(thresholdsParam())
                .contract(ConfusionMetrics::contract)
                .factory(c -> new ConditionCount(normalizeThresholds(c), condition));
        // counts of errors: fewer is better
        return condition == Condition.FP || condition == Condition.FN ? b.lowerIsBetter().build() : b.build();
    }

    /**
     * {@code thresholds}: None, a number or a list of numbers, each in [0, 1] ({@code metrics_utils.py:14-32}:
     * "Threshold values must be in [0, 1]", a None entry included). Kept as given: {@code get_config} echoes the
     * init value ({@code confusion_metrics.py:72-75,404-411}).
     */
    private static Param thresholdsParam() {
        return Param.of("thresholds", Param.Kind.ANY, null).check(ConfusionMetrics::validThresholds,
                "must be a number or a list of numbers, each in [0, 1] (Keras: Threshold values must be in [0, 1])");
    }

    private static boolean validThresholds(Object v) {
        List<?> list = v instanceof List ? (List<?>) v : List.of(v);
        for (Object o : list) {
            if (!(o instanceof Number) || o instanceof Boolean) {
                return false;
            }
            double d = ((Number) o).doubleValue();
            if (!(d >= 0 && d <= 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The config with {@code thresholds} as a Double or a list of Doubles (the shape as given is kept: a number stays
     * a number), so that equal configs compare equal whatever number types the caller's JSON reader produced.
     */
    private static MetricConfig normalizeThresholds(MetricConfig cfg) {
        Object t = cfg.get("thresholds");
        Object n = t == null ? null : t instanceof List
                ? ((List<?>) t).stream().map(o -> ((Number) o).doubleValue()).collect(Collectors.toUnmodifiableList())
                : (Object) ((Number) t).doubleValue();
        if (Objects.equals(n, t)) {
            return cfg;
        }
        Map<String, Object> raw = new LinkedHashMap<>(cfg.toKerasConfig());
        raw.put("thresholds", n);
        return cfg.definition().parseConfig(raw).withKerasVersion(cfg.kerasVersion());
    }

    /** {@code parse_init_thresholds}: the given value as a list, or the default threshold alone. */
    static double[] parseThresholds(Object v, double defaultThreshold) {
        if (v == null) {
            return new double[] {defaultThreshold};
        }
        List<?> list = v instanceof List ? (List<?>) v : List.of(v);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }

    private static MetricSpec atValue(String className, String valueKey, Rate dependent, Rate constrained) {
        return MetricSpec.builder(className, FAMILY)
                .params(Param.required(valueKey, Param.Kind.FLOAT).check(Param.number(v -> v >= 0 && v <= 1),
                                "must be in the range [0, 1]"),
                        Param.intParam("num_thresholds", 200).check(Param.number(v -> v > 0),
                                "must be an integer > 0"),
                        Param.of("class_id", Param.Kind.INT, null))
                .contract(ConfusionMetrics::contract)
                .factory(c -> new AtValue(c, valueKey, dependent, constrained))
                .build();
    }

    /**
     * Binary labels against probabilities, every element counted on its own (the inputs are flattened); with
     * {@code top_k} only the order of the scores matters, and {@code top_k} or {@code class_id} read the last axis
     * as the classes of one sample.
     */
    static InputContract contract(MetricConfig c) {
        boolean topK = c.definition().paramKeys().contains("top_k") && c.get("top_k") != null;
        boolean classId = c.definition().paramKeys().contains("class_id") && c.get("class_id") != null;
        return Contracts.counted(Labels.BINARY, topK ? Predictions.SCORES : Predictions.PROBABILITIES,
                topK || classId ? RankRule.ROWS : RankRule.ELEMENTS);
    }

    /** {@code divide_no_nan(a, a + b)} with every operation in the dtype. */
    static double ratio(DType dt, double a, double b) {
        double num = dt.round(a);
        double den = dt.round(num + dt.round(b));
        return den == 0.0 ? 0.0 : dt.round(num / den);
    }

    /** {@code divide_no_nan(a, b)} in the dtype. */
    static double divideNoNan(DType dt, double a, double b) {
        return dt.round(Numerics.divideNoNan(dt.round(a), dt.round(b)));
    }

    /** The vector result of per-threshold values, or its only element when there is one threshold. */
    static Tensor perThreshold(double[] values) {
        return values.length == 1 ? Tensor.scalar(values[0]) : Tensor.vector(values);
    }

    /** Keras {@code _ConfusionMatrixConditionCount} ({@code confusion_metrics.py:13-75}). */
    static final class ConditionCount extends AbstractMetric {
        private final Condition condition;
        private final StateVariable accumulator;
        private final ConfusionMatrixUpdate update;

        ConditionCount(MetricConfig config, Condition condition) {
            super(config);
            this.condition = condition;
            double[] thresholds = parseThresholds(config.get("thresholds"), 0.5);
            this.update = new ConfusionMatrixUpdate(config.dtype(), thresholds,
                    ConfusionMatrixUpdate.isEvenlyDistributed(thresholds), null, null, false, null, false);
            this.accumulator = addVariable("accumulator", thresholds.length);
        }

        @Override
        protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
            double[] a = accumulator.data();
            return update.applyFused(yTrue, yPred, sampleWeight, check, condition == Condition.TP ? a : null,
                    condition == Condition.FP ? a : null, condition == Condition.TN ? a : null,
                    condition == Condition.FN ? a : null);
        }

        @Override
        protected void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
            double[] a = accumulator.data();
            update.apply(yTrue, yPred, sampleWeight, condition == Condition.TP ? a : null,
                    condition == Condition.FP ? a : null, condition == Condition.TN ? a : null,
                    condition == Condition.FN ? a : null);
        }

        @Override
        protected Tensor computeResult() {
            return perThreshold(accumulator.data().clone());
        }
    }

    /** Keras {@code Precision} / {@code Recall} ({@code confusion_metrics.py:254-555}). */
    static final class PrecisionRecall extends AbstractMetric {
        private final boolean precision;
        private final StateVariable truePositives;
        private final StateVariable other;
        private final ConfusionMatrixUpdate update;

        PrecisionRecall(MetricConfig config, boolean precision) {
            super(config);
            this.precision = precision;
            Integer topK = config.getNullableInt("top_k");
            // confusion_metrics.py:348: with top_k the default threshold is NEG_INF (every top-k entry is positive)
            double[] thresholds = parseThresholds(config.get("thresholds"),
                    topK == null ? 0.5 : ConfusionMatrixUpdate.NEG_INF);
            this.update = new ConfusionMatrixUpdate(config.dtype(), thresholds,
                    ConfusionMatrixUpdate.isEvenlyDistributed(thresholds), topK, config.getNullableInt("class_id"),
                    false, null, false);
            this.truePositives = addVariable("true_positives", thresholds.length);
            this.other = addVariable(precision ? "false_positives" : "false_negatives", thresholds.length);
        }

        @Override
        protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
            return update.applyFused(yTrue, yPred, sampleWeight, check, truePositives.data(),
                    precision ? other.data() : null, null, precision ? null : other.data());
        }

        @Override
        protected void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
            update.apply(yTrue, yPred, sampleWeight, truePositives.data(), precision ? other.data() : null, null,
                    precision ? null : other.data());
        }

        @Override
        protected Tensor computeResult() {
            double[] tp = truePositives.data();
            double[] o = other.data();
            double[] out = new double[tp.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = ratio(dtype(), tp[i], o[i]);
            }
            return perThreshold(out);
        }
    }

    /** The rates the sensitivity/specificity family reads from the four counts. */
    enum Rate {
        /** {@code tp / (tp + fn)}, also recall. */
        SENSITIVITY,
        /** {@code tn / (tn + fp)}. */
        SPECIFICITY,
        /** {@code tp / (tp + fp)}. */
        PRECISION;

        double at(DType dt, double tp, double fp, double tn, double fn) {
            switch (this) {
                case SENSITIVITY:
                    return ratio(dt, tp, fn);
                case SPECIFICITY:
                    return ratio(dt, tn, fp);
                default:
                    return ratio(dt, tp, fp);
            }
        }
    }

    /**
     * Keras {@code SensitivitySpecificityBase} and its four subclasses ({@code confusion_metrics.py:558-1065}): the
     * largest {@code dependent} rate over thresholds where {@code constrained >= value}
     * ({@code _find_max_under_constraint}: {@code max(where(feasible, dependent, 0), initial=0)}).
     */
    static final class AtValue extends AbstractMetric {
        private final double value;
        private final Rate dependent;
        private final Rate constrained;
        private final StateVariable tp;
        private final StateVariable fp;
        private final StateVariable tn;
        private final StateVariable fn;
        private final ConfusionMatrixUpdate update;

        AtValue(MetricConfig config, String valueKey, Rate dependent, Rate constrained) {
            super(config);
            this.dependent = dependent;
            this.constrained = constrained;
            // ops.greater_equal(float32 rates, python float) compares in float32
            this.value = config.dtype().round(config.getDouble(valueKey));
            int n = config.getInt("num_thresholds");
            requireStateFits("num_thresholds=" + n, 4L * n);
            double[] thresholds;
            boolean evenly;
            if (n == 1) {
                thresholds = new double[] {0.5};
                evenly = false;
            } else {
                thresholds = new double[n];
                for (int i = 0; i < n - 2; i++) {
                    thresholds[i + 1] = (i + 1) * 1.0 / (n - 1);
                }
                thresholds[n - 1] = 1.0;
                evenly = true;
            }
            this.update = new ConfusionMatrixUpdate(config.dtype(), thresholds, evenly, null,
                    config.getNullableInt("class_id"), false, null, false);
            this.tp = addVariable("true_positives", thresholds.length);
            this.fp = addVariable("false_positives", thresholds.length);
            this.tn = addVariable("true_negatives", thresholds.length);
            this.fn = addVariable("false_negatives", thresholds.length);
        }

        @Override
        protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
            return update.applyFused(yTrue, yPred, sampleWeight, check, tp.data(), fp.data(), tn.data(), fn.data());
        }

        @Override
        protected void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
            update.apply(yTrue, yPred, sampleWeight, tp.data(), fp.data(), tn.data(), fn.data());
        }

        @Override
        protected Tensor computeResult() {
            DType dt = dtype();
            double best = 0.0;
            double[] a = tp.data();
            double[] b = fp.data();
            double[] c = tn.data();
            double[] d = fn.data();
            for (int i = 0; i < a.length; i++) {
                if (constrained.at(dt, a[i], b[i], c[i], d[i]) >= value) {
                    best = Math.max(best, dependent.at(dt, a[i], b[i], c[i], d[i]));
                }
            }
            return Tensor.scalar(best);
        }
    }
}
