package io.github.metricparity.tribuo.conformance;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.MetricDefinition;
import io.github.metricparity.keras.ReferenceProvider;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.conformance.tck.NotExpressibleException;
import io.github.metricparity.spi.UnknownMetricException;
import io.github.metricparity.tribuo.KerasEvaluator;
import io.github.metricparity.tribuo.KerasLabelEvaluator;
import io.github.metricparity.tribuo.KerasMetricSpec;
import io.github.metricparity.tribuo.KerasMultiLabelEvaluator;
import io.github.metricparity.tribuo.KerasRegressionEvaluator;
import io.github.metricparity.tribuo.MetricBinding;
import io.github.metricparity.tribuo.TensorEncoding;
import io.github.metricparity.tribuo.TribuoMetricProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Output;

/**
 * Conformance driver of the Tribuo adapter (id {@value #ADAPTER_ID}): every golden case runs through the Tribuo entry
 * point {@code evaluator.evaluate(model, predictions, dataProvenance)} of {@link KerasLabelEvaluator},
 * {@link KerasMultiLabelEvaluator} or {@link KerasRegressionEvaluator}, with {@link org.tribuo.Prediction}s built
 * from the golden arrays against a {@link GoldenModel} whose output ids are the golden class indices. Each golden
 * update is one evaluation; the evaluations of a case are {@link io.github.metricparity.tribuo.KerasTribuoEvaluation#merge
 * merged}, as a Tribuo user merges the evaluations of shards.
 *
 * <h2>Which Tribuo output type carries a metric</h2>
 * <table>
 * <caption>routing</caption>
 * <tr><th>metric (the wrapped function's class for MeanMetricWrapper)</th><th>output</th></tr>
 * <tr><td>{@code Sparse*}, {@code *Categorical*}, {@code Accuracy}, and classes with {@code sparse_y_true} /
 *     {@code sparse_y_pred} (IoU, MeanIoU, OneHotIoU, OneHotMeanIoU): one class per example</td><td>Label</td></tr>
 * <tr><td>regression and correlation families, {@code Poisson}, {@code KLDivergence}: real vectors</td>
 *     <td>Regressor</td></tr>
 * <tr><td>confusion, hinge, F-score families, {@code BinaryIoU}, {@code Binary*}: independent binary outputs</td>
 *     <td>MultiLabel</td></tr>
 * </table>
 * {@code from_logits=True} makes a model that gives raw scores without probabilities; otherwise the predictions have
 * probabilities. Class-id predictions ({@code sparse_y_pred}) come from a model that gives only its predicted label.
 *
 * <h2>Skipped (NotExpressibleException), with the reason</h2>
 * Values metrics (Mean, Sum); rank &gt; 2 inputs; a sample_weight that is not one weight per example (a scalar weight
 * counts as every example's weight only in the confusion, IoU and F-score families, which broadcast it; the mean
 * reduction of the other metrics weighs the whole batch as one sample); targets that no
 * Tribuo output holds (soft or multi-hot targets for a Label, values other than 0/1 for a MultiLabel, class ids
 * outside the model's domain); y_true and y_pred of different row counts or widths (a Tribuo prediction carries its
 * own ground truth, in the model's domain); rank-1 batches where Keras reads them as ONE sample rather than N examples
 * of one output; {@code from_sorted_ids}; a later step whose class count differs from the first (a model has one
 * domain); restoring or merging a raw metric state (not a Tribuo entry point).
 *
 * <p>Stateless and thread-safe; the returned handles are not thread-safe.
 */
public final class TribuoConformanceDriver implements ConformanceDriver {
    /** The adapter id. */
    public static final String ADAPTER_ID = "tribuo";

    /** Families whose metrics flatten their inputs, so a rank-1 batch is N examples of one output. */
    private static final Set<String> FLATTENING_FAMILIES = Set.of("confusion_metrics", "iou_metrics");
    /** Families that broadcast a scalar sample_weight over every element rather than weighing the batch once. */
    private static final Set<String> BROADCASTING_FAMILIES = Set.of("confusion_metrics", "iou_metrics",
            "f_score_metrics");
    private static final Set<String> REGRESSOR_FAMILIES = Set.of("regression_metrics", "correlation_metrics");
    private static final Set<String> MULTILABEL_FAMILIES = Set.of("confusion_metrics", "hinge_metrics",
            "f_score_metrics", "iou_metrics");

    private final MetricRegistry metrics = MetricRegistry.of(new TribuoMetricProvider());
    private final MetricRegistry reference = MetricRegistry.of(new ReferenceProvider());

    @Override
    public String adapterId() {
        return ADAPTER_ID;
    }

    @Override
    public Metric open(String metric, Map<String, ?> config) {
        Metric prototype;
        try {
            prototype = metrics.create(metric, config);
        } catch (UnknownMetricException e) {
            // a metric the reference has but Tribuo cannot feed (Mean, Sum) is a skip, an unknown one an error
            reference.resolve(metric);
            throw new NotExpressibleException("tribuo: " + e.getMessage());
        }
        return open(prototype, config);
    }

    private Metric open(Metric prototype, Map<String, ?> config) {
        String cls = semanticClass(prototype);
        String family = family(cls);
        Map<String, Object> cfg = prototype.config();
        boolean probabilities = !Boolean.TRUE.equals(cfg.get("from_logits"));
        KerasMetricSpec spec = KerasMetricSpec.of(prototype.className(), config);
        // R2Score is not flattening: Keras refuses a rank-1 y_true with a rank-1 y_pred (regression_metrics.py
        // R2Score._build), so such a batch is no Tribuo regression batch
        boolean rank1AsColumn = FLATTENING_FAMILIES.contains(family) && cfg.get("top_k") == null
                && cfg.get("class_id") == null;
        try {
            if (cls.startsWith("Sparse") || cls.contains("Categorical") || cls.equals("Accuracy")
                    || cfg.containsKey("sparse_y_true") || cfg.containsKey("sparse_y_pred")) {
                KerasEvaluator<org.tribuo.classification.Label> weighted = new KerasLabelEvaluator(List.of(spec), true);
                MetricBinding b = weighted.getBindings().get(0);
                Object numClasses = cfg.get("num_classes");
                GoldenPredictions.Labels golden = new GoldenPredictions.Labels(
                        b.getYTrueEncoding() == TensorEncoding.CLASS_IDS,
                        b.getYPredEncoding() == TensorEncoding.PREDICTED_IDS,
                        numClasses instanceof Number ? ((Number) numClasses).intValue() : null, probabilities);
                return handle(prototype, weighted, new KerasLabelEvaluator(List.of(spec), false), golden,
                        probabilities);
            }
            if (REGRESSOR_FAMILIES.contains(family) || cls.equals("Poisson") || cls.equals("KLDivergence")) {
                return handle(prototype, new KerasRegressionEvaluator(List.of(spec), true),
                        new KerasRegressionEvaluator(List.of(spec), false),
                        new GoldenPredictions.Regressors(rank1AsColumn), false);
            }
            if (MULTILABEL_FAMILIES.contains(family) || cls.startsWith("Binary")) {
                return handle(prototype, new KerasMultiLabelEvaluator(List.of(spec), true),
                        new KerasMultiLabelEvaluator(List.of(spec), false),
                        new GoldenPredictions.MultiLabels(rank1AsColumn, cls.contains("Hinge"), probabilities),
                        probabilities);
            }
        } catch (IllegalArgumentException e) {
            throw new NotExpressibleException("tribuo: " + e.getMessage());
        }
        throw new NotExpressibleException("tribuo: no Tribuo output type is mapped for " + cls + " (family '"
                + family + "')");
    }

    private static <T extends Output<T>> Metric handle(Metric prototype, KerasEvaluator<T> weighted,
            KerasEvaluator<T> unweighted, GoldenPredictions<T> golden, boolean probabilities) {
        boolean scalarWeightBroadcasts = BROADCASTING_FAMILIES.contains(family(semanticClass(prototype)));
        return new GoldenMetricHandle<>(prototype, weighted, unweighted, golden, probabilities,
                scalarWeightBroadcasts);
    }

    /** The class whose semantics a metric has: the wrapped function's class for a MeanMetricWrapper. */
    private static String semanticClass(Metric m) {
        if (!"MeanMetricWrapper".equals(m.className())) {
            return m.className();
        }
        Object fn = m.config().get("fn");
        if (fn instanceof Map) {
            fn = ((Map<?, ?>) fn).get("config");
        }
        MetricDefinition d = fn instanceof String ? KerasCatalog.byFunctionName((String) fn) : null;
        return d == null ? m.className() : d.className();
    }

    private static String family(String cls) {
        MetricDefinition d = KerasCatalog.byClassName(cls);
        return d == null ? "" : d.family();
    }

    /** Rethrown as Keras-style refusals: what Tribuo's evaluate refused, the metric refused. */
    static InvalidInputException refused(IllegalArgumentException e) {
        InvalidInputException r = new InvalidInputException(e.getMessage());
        r.initCause(e);
        return r;
    }
}
