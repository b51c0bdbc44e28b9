package io.github.metricparity.tribuo.conformance;

import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.conformance.tck.NotExpressibleException;
import io.github.metricparity.keras.InputContract;
import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.InputContract.RankRule;
import io.github.metricparity.keras.InputContract.Weights;
import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.ReferenceProvider;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
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
import org.tribuo.classification.Label;

/**
 * Conformance driver of the Tribuo adapter (id {@value #ADAPTER_ID}): every golden case runs through the Tribuo entry
 * point {@code evaluator.evaluate(model, predictions, dataProvenance)} of {@link KerasLabelEvaluator},
 * {@link KerasMultiLabelEvaluator} or {@link KerasRegressionEvaluator}, with {@link org.tribuo.Prediction}s built
 * from the golden arrays against a {@link GoldenModel} whose output ids are the golden class indices. Each golden
 * update is one evaluation; the evaluations of a case are {@link
 * io.github.metricparity.tribuo.KerasTribuoEvaluation#merge
 * merged}, as a Tribuo user merges the evaluations of shards.
 *
 * <h2>Which Tribuo output type carries a metric</h2>
 * The metric's input contract ({@link InputContract}) decides:
 * <table>
 * <caption>routing</caption>
 * <tr><th>labels</th><th>output</th></tr>
 * <tr><td>one class per example (class ids, one-hot rows), or free values compared exactly (Accuracy)</td>
 *     <td>Label</td></tr>
 * <tr><td>real values: regression and correlation, Poisson, KLDivergence</td><td>Regressor</td></tr>
 * <tr><td>independent binary outputs (0/1, or -1/1 for the hinges): confusion, F-scores, BinaryIoU, BinaryAccuracy,
 *     BinaryCrossentropy, Hinge, SquaredHinge</td><td>MultiLabel</td></tr>
 * </table>
 * {@code from_logits=True} makes a model that gives raw scores without probabilities; otherwise the predictions have
 * probabilities. Class-id predictions ({@code sparse_y_pred}) come from a model that gives only its predicted label.
 *
 * <h2>Skipped (NotExpressibleException), with the reason</h2>
 * Values metrics (Mean, Sum); rank &gt; 2 inputs; a sample_weight that is not one weight per example (a scalar weight
 * counts as every example's weight only where the contract's weight broadcasts, {@link Weights#BROADCAST}: the
 * confusion, IoU and F-score families and R2Score; the mean reduction of the other metrics weighs the whole batch as
 * one sample); targets that no
 * Tribuo output holds (soft or multi-hot targets for a Label, values other than 0/1 for a MultiLabel, class ids
 * outside the model's domain); y_true and y_pred of different row counts or widths (a Tribuo prediction carries its
 * own ground truth, in the model's domain); rank-1 batches where Keras reads them as ONE sample rather than N examples
 * of one output (any rank rule but {@link RankRule#ELEMENTS}); {@code from_sorted_ids}; a later step whose class count
 * differs from the first (a model has one
 * domain); restoring or merging a raw metric state (not a Tribuo entry point).
 *
 * <p>Stateless and thread-safe; the returned handles are not thread-safe.
 */
public final class TribuoConformanceDriver implements ConformanceDriver {
    /** The adapter id. */
    public static final String ADAPTER_ID = "tribuo";

    private final MetricRegistry metrics = MetricRegistry.of(new TribuoMetricProvider());
    private final MetricRegistry reference = MetricRegistry.of(new ReferenceProvider());

    @Override
    public String adapterId() {
        return ADAPTER_ID;
    }

    @Override
    public Metric open(String metric, Map<String, ?> config) {
        // an unknown identifier is an error; a class the Tribuo provider does not offer (Mean, Sum: no labels) a skip
        String cls = reference.resolve(metric).className();
        if (metrics.metrics().stream().noneMatch(info -> info.className().equals(cls))) {
            throw new NotExpressibleException("tribuo: " + cls + " is updated with bare values "
                    + "(update_state(values, sample_weight)), not (y_true, y_pred): no Tribuo evaluation feeds it");
        }
        return open(metrics.create(metric, config), config);
    }

    private Metric open(Metric prototype, Map<String, ?> config) {
        InputContract contract = KerasCatalog.inputContract(prototype);
        boolean probabilities = contract.predictions() != Predictions.LOGITS;
        KerasMetricSpec spec = KerasMetricSpec.of(prototype.className(), config);
        // a rank-1 batch is N examples of one output only where every label counts on its own; not for R2Score,
        // which Keras refuses on a rank-1 y_true with a rank-1 y_pred (regression_metrics.py R2Score._build)
        boolean rank1AsColumn = contract.rankRule() == RankRule.ELEMENTS;
        boolean scalarWeightBroadcasts = contract.weights() == Weights.BROADCAST;
        if (contract.predictions() == Predictions.SORTED_CLASS_IDS) {
            throw new NotExpressibleException("tribuo: " + prototype.className() + "(from_sorted_ids=True) takes "
                    + "class ids sorted by score; a Tribuo prediction carries per-class scores");
        }
        switch (contract.labels()) {
            case CLASS_IDS:
            case ONE_HOT:
            case FREE_VALUES: {
                KerasEvaluator<Label> weighted = new KerasLabelEvaluator(List.of(spec), true);
                MetricBinding b = weighted.getBindings().get(0);
                Object numClasses = prototype.config().get("num_classes");
                GoldenPredictions.Labels golden = new GoldenPredictions.Labels(
                        b.getYTrueEncoding() == TensorEncoding.CLASS_IDS,
                        b.getYPredEncoding() == TensorEncoding.PREDICTED_IDS,
                        numClasses instanceof Number ? ((Number) numClasses).intValue() : null, probabilities);
                return new GoldenMetricHandle<>(prototype, weighted, new KerasLabelEvaluator(List.of(spec), false),
                        golden, probabilities, scalarWeightBroadcasts);
            }
            case REAL_VALUES:
                return new GoldenMetricHandle<>(prototype, new KerasRegressionEvaluator(List.of(spec), true),
                        new KerasRegressionEvaluator(List.of(spec), false),
                        new GoldenPredictions.Regressors(rank1AsColumn), false, scalarWeightBroadcasts);
            case BINARY:
            case SIGNED_BINARY:
                return new GoldenMetricHandle<>(prototype, new KerasMultiLabelEvaluator(List.of(spec), true),
                        new KerasMultiLabelEvaluator(List.of(spec), false),
                        new GoldenPredictions.MultiLabels(rank1AsColumn, contract.labels() == Labels.SIGNED_BINARY,
                                probabilities), probabilities, scalarWeightBroadcasts);
            default:
                throw new NotExpressibleException("tribuo: " + prototype.className() + " takes no labels (labels "
                        + contract.labels() + "); no Tribuo output feeds it");
        }
    }

    /** Rethrown as Keras-style refusals: what Tribuo's evaluate refused, the metric refused. */
    static InvalidInputException refused(IllegalArgumentException e) {
        InvalidInputException r = new InvalidInputException(e.getMessage());
        r.initCause(e);
        return r;
    }
}
