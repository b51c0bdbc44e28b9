package io.github.metricparity.keras.confusion;

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
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras {@code AUC} ({@code confusion_metrics.py:1068-1598}): area under the ROC, PR or (undocumented) PRGAIN
 * curve, from TP/FP/TN/FN counted at {@code T} thresholds.
 *
 * <ul>
 *   <li>Thresholds: {@code [-1e-7, 1/(T-1), ..., (T-2)/(T-1), 1+1e-7]}; explicit {@code thresholds} are sorted, not
 *       range-checked, get the same two end points and override {@code num_thresholds} (which becomes
 *       {@code len + 2}, also in the config).</li>
 *   <li>Summation: {@code interpolation} (trapezoids; for PR the Davis-Goadrich interpolation of
 *       {@code interpolate_pr_auc}), {@code minoring} (min of the two heights), {@code majoring} (max).</li>
 *   <li>{@code multi_label=true}: counts per label, shape {@code (T, L)}, built on the first update unless
 *       {@code num_labels} is given; the result is the mean of the label AUCs (or the {@code label_weights}
 *       weighted mean). {@code multi_label=false}: data flattened, {@code label_weights} weight each column.</li>
 *   <li>{@code from_logits}: a sigmoid is applied to {@code y_pred} first.</li>
 * </ul>
 * Every element-wise step of the result is rounded to the dtype as Keras computes it in float32.
 */
final class AUC extends AbstractMetric {
    static final MetricSpec DEFINITION = MetricSpec.builder("AUC", ConfusionMetrics.FAMILY)
            .params(Param.of("num_thresholds", Param.Kind.INT, 200).nullable(),
                    Param.stringParam("curve", "ROC").check(v -> Curve.parse((String) v) != null,
                            "is an invalid AUC curve value: expected one of [\"PR\", \"ROC\", \"PRGAIN\"]"),
                    Param.stringParam("summation_method", "interpolation").check(
                            v -> Summation.parse((String) v) != null, "is an invalid AUC summation method value: "
                                    + "expected one of [\"interpolation\", \"majoring\", \"minoring\"]"),
                    Param.of("thresholds", Param.Kind.FLOAT_LIST, null).inConfig(Param.InConfig.WHEN_GIVEN),
                    Param.boolParam("multi_label", false),
                    Param.of("num_labels", Param.Kind.INT, null),
                    Param.of("label_weights", Param.Kind.FLOAT_LIST, null),
                    Param.boolParam("from_logits", false))
            // multi_label reads the last axis as the labels of one sample
            .contract(c -> Contracts.counted(Labels.BINARY, Contracts.logitsOr(c, Predictions.PROBABILITIES),
                    c.getBool("multi_label") ? RankRule.ROWS : RankRule.ELEMENTS))
            .factory(AUC::create)
            .build();

    /** {@code metrics_utils.AUCCurve}. */
    enum Curve {
        ROC, PR, PRGAIN;

        /** {@code AUCCurve.from_str}: upper or lower case only; null when unknown. */
        static Curve parse(String s) {
            for (Curve c : values()) {
                if (c.name().equals(s) || c.name().toLowerCase(java.util.Locale.ROOT).equals(s)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** {@code metrics_utils.AUCSummationMethod}. */
    enum Summation {
        INTERPOLATION, MAJORING, MINORING;

        /** {@code AUCSummationMethod.from_str}: lower case or capitalised only; null when unknown. */
        static Summation parse(String s) {
            for (Summation m : values()) {
                String lower = m.name().toLowerCase(java.util.Locale.ROOT);
                if (lower.equals(s) || (Character.toUpperCase(lower.charAt(0)) + lower.substring(1)).equals(s)) {
                    return m;
                }
            }
            return null;
        }

        String kerasValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final int numThresholds;
    private final Curve curve;
    private final Summation summation;
    private final boolean multiLabel;
    private final double[] labelWeights;
    private final ConfusionMatrixUpdate update;
    private final StateVariable tp;
    private final StateVariable fp;
    private final StateVariable tn;
    private final StateVariable fn;

    /**
     * Checks Keras's cross-argument rules, then re-parses the config in the form Keras's {@code get_config} gives
     * (num_thresholds = len(thresholds) + 2, sorted thresholds, canonical curve and summation names), so that a
     * metric created from {@link #config()} is the same metric and states of both can merge.
     */
    private static Metric create(MetricConfig cfg) {
        List<Double> given = cfg.getDoubleList("thresholds");
        Integer n = cfg.getNullableInt("num_thresholds");
        if (given == null && (n == null || n <= 1)) {
            throw new InvalidConfigException("AUC: Argument `num_thresholds` must be an integer > 1. Received: "
                    + "num_thresholds=" + (n == null ? "None" : n));
        }
        boolean multiLabel = cfg.getBool("multi_label");
        Integer numLabels = cfg.getNullableInt("num_labels");
        if (!multiLabel && numLabels != null && numLabels != 0) {
            throw new InvalidConfigException("AUC: `num_labels` is needed only when `multi_label` is True.");
        }
        if (multiLabel && numLabels != null && numLabels < 0) {
            throw new InvalidConfigException("AUC: config 'num_labels' must be >= 0, got " + numLabels);
        }
        List<Double> labelWeights = cfg.getDoubleList("label_weights");
        if (multiLabel && numLabels != null && numLabels > 0 && labelWeights != null
                && labelWeights.size() != numLabels) {
            throw new InvalidConfigException("AUC: label_weights has " + labelWeights.size() + " entries but "
                    + "num_labels is " + numLabels);
        }
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("name", cfg.name());
        canonical.put("dtype", cfg.dtype().kerasName());
        canonical.put("num_thresholds", given != null ? given.size() + 2 : n);
        canonical.put("curve", Curve.parse(cfg.getString("curve")).name());
        canonical.put("summation_method", Summation.parse(cfg.getString("summation_method")).kerasValue());
        if (given != null) {
            List<Double> sorted = new ArrayList<>(given);
            Collections.sort(sorted);
            canonical.put("thresholds", sorted);
        }
        canonical.put("multi_label", multiLabel);
        canonical.put("num_labels", numLabels);
        canonical.put("label_weights", labelWeights);
        canonical.put("from_logits", cfg.getBool("from_logits"));
        return new AUC(cfg.definition().parseConfig(canonical).withKerasVersion(cfg.kerasVersion()));
    }

    private AUC(MetricConfig config) {
        super(config);
        this.numThresholds = config.getInt("num_thresholds");
        // four (T,) or (T, L) variables: refuse a huge num_thresholds before allocating thresholds of that size
        requireStateFits("num_thresholds=" + numThresholds, 4L * numThresholds);
        this.curve = Curve.parse(config.getString("curve"));
        if (curve == Curve.PRGAIN && !config.kerasVersion().atLeast(3, 11)) {
            // keras-team/keras#21370 added the curve in 3.11; before, the constructor refused it
            throw new InvalidConfigException("AUC: curve \"PRGAIN\" exists since Keras 3.11, not in Keras "
                    + config.kerasVersion() + " (expected one of [\"PR\", \"ROC\"])");
        }
        this.summation = Summation.parse(config.getString("summation_method"));
        this.multiLabel = config.getBool("multi_label");
        List<Double> lw = config.getDoubleList("label_weights");
        this.labelWeights = lw == null ? null : lw.stream().mapToDouble(d -> config.dtype().round(d)).toArray();

        List<Double> given = config.getDoubleList("thresholds");
        double[] inner;
        boolean evenly;
        if (given != null) {
            inner = given.stream().mapToDouble(Double::doubleValue).toArray(); // already sorted
            double[] withEnds = new double[inner.length + 2];
            System.arraycopy(inner, 0, withEnds, 1, inner.length);
            withEnds[withEnds.length - 1] = 1.0;
            evenly = ConfusionMatrixUpdate.isEvenlyDistributed(withEnds);
        } else {
            inner = new double[numThresholds - 2];
            for (int i = 0; i < inner.length; i++) {
                inner[i] = (i + 1) * 1.0 / (numThresholds - 1);
            }
            evenly = true;
        }
        // confusion_metrics.py:1251-1253: end points just outside [0, 1] so that 0 and 1 predictions count
        double[] thresholds = new double[inner.length + 2];
        thresholds[0] = 0.0 - Numerics.EPSILON;
        System.arraycopy(inner, 0, thresholds, 1, inner.length);
        thresholds[thresholds.length - 1] = 1.0 + Numerics.EPSILON;

        this.update = new ConfusionMatrixUpdate(config.dtype(), thresholds, evenly, null, null, multiLabel,
                multiLabel ? null : labelWeights, config.getBool("from_logits"));
        Integer numLabels = config.getNullableInt("num_labels");
        if (!multiLabel) {
            this.tp = addVariable("true_positives", numThresholds);
            this.fp = addVariable("false_positives", numThresholds);
            this.tn = addVariable("true_negatives", numThresholds);
            this.fn = addVariable("false_negatives", numThresholds);
        } else if (numLabels != null && numLabels > 0) {
            this.tp = addVariable("true_positives", numThresholds, numLabels);
            this.fp = addVariable("false_positives", numThresholds, numLabels);
            this.tn = addVariable("true_negatives", numThresholds, numLabels);
            this.fn = addVariable("false_negatives", numThresholds, numLabels);
        } else {
            // confusion_metrics.py:1279-1283,1347-1348: built from y_pred's shape on the first update
            this.tp = addLazyVariable("true_positives");
            this.fp = addLazyVariable("false_positives");
            this.tn = addLazyVariable("true_negatives");
            this.fn = addLazyVariable("false_negatives");
        }
    }

    @Override
    protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
        return !multiLabel
                && update.applyFused(yTrue, yPred, sampleWeight, check, tp.data(), fp.data(), tn.data(), fn.data());
    }

    @Override
    protected void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        if (multiLabel) {
            if (yPred.rank() != 2) {
                throw new InvalidInputException("`y_pred` must have rank 2 when `multi_label=True`. Found shape "
                        + yPred.shapeString());
            }
            int labels = yPred.dim(1);
            if (tp.isBuilt() && tp.shape()[1] != labels) {
                throw new InvalidInputException("y_pred of shape " + yPred.shapeString() + " has " + labels
                        + " labels, but the metric was built for " + tp.shape()[1]);
            }
            if (labelWeights != null && labelWeights.length != labels) {
                throw new InvalidInputException("y_pred of shape " + yPred.shapeString() + " has " + labels
                        + " labels, but label_weights has " + labelWeights.length);
            }
            for (StateVariable v : List.of(tp, fp, tn, fn)) {
                v.build(numThresholds, labels);
            }
        }
        update.apply(yTrue, yPred, sampleWeight, tp.data(), fp.data(), tn.data(), fn.data());
    }

    /** Keras {@code reset_state} zeroes built variables but never un-builds them ({@code :1567-1577}). */
    @Override
    public void reset() {
        for (StateVariable v : List.of(tp, fp, tn, fn)) {
            if (v.isBuilt()) {
                Arrays.fill(v.data(), 0.0);
            }
        }
    }

    private double r(double x) {
        return dtype().round(x);
    }

    /**
     * A restored or merged multi-label state must be what an update builds: the four variables of one shape
     * {@code (num_thresholds, L)}, with L the length of {@code label_weights} when given.
     */
    @Override
    protected void checkState() {
        if (!multiLabel || !tp.isBuilt()) {
            return;
        }
        int[] shape = tp.shape();
        boolean ok = shape.length == 2 && shape[0] == numThresholds
                && (labelWeights == null || shape[1] == labelWeights.length);
        for (StateVariable v : List.of(fp, tn, fn)) {
            ok &= v.isBuilt() && Arrays.equals(shape, v.shape());
        }
        if (!ok) {
            throw new MetricException(label() + ": inconsistent state: true_positives, false_positives, "
                    + "true_negatives and false_negatives must all have shape (num_thresholds=" + numThresholds
                    + ", num_labels" + (labelWeights == null ? "" : "=" + labelWeights.length) + "), got "
                    + Tensor.shapeString(shape));
        }
    }

    @Override
    protected Tensor computeResult() {
        if (!tp.isBuilt()) {
            throw new MetricException(label() + ": result() before the first update: with multi_label=True and no "
                    + "num_labels the variables are built on the first update (Keras raises here too)");
        }
        int lanes = multiLabel ? tp.shape()[1] : 1;
        double[] byLabel = new double[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            byLabel[lane] = curve == Curve.PR && summation == Summation.INTERPOLATION
                    ? interpolatePrAuc(lane, lanes) : riemannSum(lane, lanes);
        }
        if (!multiLabel) {
            return Tensor.scalar(byLabel[0]);
        }
        if (labelWeights == null) {
            double sum = 0;
            for (double v : byLabel) {
                sum += v;
            }
            return Tensor.scalar(r(sum / lanes));
        }
        double num = 0;
        double den = 0;
        for (int l = 0; l < lanes; l++) {
            num += r(byLabel[l] * labelWeights[l]);
            den += labelWeights[l];
        }
        return Tensor.scalar(ConfusionMetrics.divideNoNan(dtype(), num, den));
    }

    /** {@code interpolate_pr_auc} ({@code :1374-1462}), for one label column. */
    private double interpolatePrAuc(int lane, int lanes) {
        double[] a = tp.data();
        double[] b = fp.data();
        double[] d = fn.data();
        DType dt = dtype();
        double sum = 0;
        for (int i = 0; i + 1 < numThresholds; i++) {
            int k0 = i * lanes + lane;
            int k1 = k0 + lanes;
            double tpA = r(a[k0]);
            double tpB = r(a[k1]);
            double pA = r(tpA + r(b[k0]));
            double pB = r(tpB + r(b[k1]));
            double dtp = r(tpA - tpB);
            double dp = r(pA - pB);
            double slope = ConfusionMetrics.divideNoNan(dt, dtp, Math.max(dp, 0));
            double intercept = r(tpB - r(slope * pB));
            double ratio = pA > 0 && pB > 0 ? ConfusionMetrics.divideNoNan(dt, pA, Math.max(pB, 0)) : 1.0;
            double increment = ConfusionMetrics.divideNoNan(dt, r(slope * r(dtp + r(intercept * r(Math.log(ratio))))),
                    Math.max(r(tpB + r(d[k1])), 0));
            sum += increment;
        }
        return r(sum);
    }

    /** ROC, PR or PRGAIN points summed as trapezoids, minoring or majoring rectangles ({@code :1473-1565}). */
    private double riemannSum(int lane, int lanes) {
        double[] x = new double[numThresholds];
        double[] y = new double[numThresholds];
        double[] a = tp.data();
        double[] b = fp.data();
        double[] c = tn.data();
        double[] d = fn.data();
        DType dt = dtype();
        for (int i = 0; i < numThresholds; i++) {
            int k = i * lanes + lane;
            double recall = ConfusionMetrics.ratio(dt, a[k], d[k]);
            switch (curve) {
                case ROC:
                    x[i] = ConfusionMetrics.ratio(dt, b[k], c[k]);
                    y[i] = recall;
                    break;
                case PR:
                    x[i] = recall;
                    y[i] = ConfusionMetrics.ratio(dt, a[k], b[k]);
                    break;
                default: {
                    // PRGAIN: tp == 0 gives recall gain 0 and precision gain 1; negative recall gain becomes 0
                    double scaling = ConfusionMetrics.divideNoNan(dt, r(r(a[k]) + r(d[k])), r(r(c[k]) + r(b[k])));
                    double recallGain = r(1.0 - r(scaling * ConfusionMetrics.divideNoNan(dt, d[k], a[k])));
                    double precisionGain = r(1.0 - r(scaling * ConfusionMetrics.divideNoNan(dt, b[k], a[k])));
                    if (r(a[k]) == 0.0) {
                        recallGain = 0.0;
                        precisionGain = 1.0;
                    }
                    x[i] = Math.max(recallGain, 0.0);
                    y[i] = precisionGain;
                    break;
                }
            }
        }
        double sum = 0;
        for (int i = 0; i + 1 < numThresholds; i++) {
            double height;
            switch (summation) {
                case INTERPOLATION:
                    height = r(r(y[i] + y[i + 1]) / 2.0);
                    break;
                case MINORING:
                    height = Math.min(y[i], y[i + 1]);
                    break;
                default:
                    height = Math.max(y[i], y[i + 1]);
                    break;
            }
            sum += r(r(x[i] - x[i + 1]) * height);
        }
        return r(sum);
    }
}
