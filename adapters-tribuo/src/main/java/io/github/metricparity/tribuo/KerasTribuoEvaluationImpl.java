package io.github.metricparity.tribuo;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.EvaluationProvenance;
import org.tribuo.provenance.ModelProvenance;

/**
 * The immutable evaluation: metric states and results read once from the metrics at construction, so no metric
 * instance escapes and the object is safe to share.
 *
 * @param <T> the output type
 */
final class KerasTribuoEvaluationImpl<T extends Output<T>> implements KerasTribuoEvaluation<T> {
    private final AbstractKerasEvaluator<T> evaluator;
    private final ImmutableOutputInfo<T> info;
    private final ModelProvenance modelProvenance;
    private final DataProvenance dataProvenance;
    private final List<Prediction<T>> predictions;
    private final PredictionKind kind;
    private final boolean usedWeights;
    private final Map<String, MetricState> states = new LinkedHashMap<>();
    private final Map<String, Tensor> results = new LinkedHashMap<>();
    private final Map<String, RuntimeException> refusals = new LinkedHashMap<>();
    private final Map<MetricID<T>, Double> asMap = new LinkedHashMap<>();
    private final EvaluationProvenance provenance;
    private final KerasMetricsProvenance metricsProvenance;

    KerasTribuoEvaluationImpl(AbstractKerasEvaluator<T> evaluator, ImmutableOutputInfo<T> info,
            ModelProvenance modelProvenance, DataProvenance dataProvenance, List<Prediction<T>> predictions,
            PredictionKind kind, boolean usedWeights, List<Metric> metrics) {
        this.evaluator = evaluator;
        this.info = info;
        this.modelProvenance = modelProvenance;
        this.dataProvenance = dataProvenance;
        this.predictions = Collections.unmodifiableList(new ArrayList<>(predictions));
        this.kind = kind;
        this.usedWeights = usedWeights;
        List<MetricBinding> bindings = evaluator.getBindings();
        for (int i = 0; i < metrics.size(); i++) {
            Metric m = metrics.get(i);
            String name = bindings.get(i).getName();
            states.put(name, m.snapshot());
            try {
                Tensor r = m.result();
                results.put(name, r);
                putResult(bindings.get(i), r);
            } catch (RuntimeException e) {
                // Keras raises here (e.g. R2Score before its first update); Tribuo's map needs a number
                refusals.put(name, e);
                asMap.put(new MetricID<>(KerasTribuoEvaluationImpl.<T>micro(), name), Double.NaN);
            }
        }
        this.provenance = new EvaluationProvenance(modelProvenance, dataProvenance);
        this.metricsProvenance = new KerasMetricsProvenance(provenance, evaluator.getClass().getName(),
                evaluator.getProviderId(), usedWeights, kind, predictions.size(), bindings);
    }

    private static <U extends Output<U>> MetricTarget<U> micro() {
        return MetricTarget.microAverageTarget();
    }

    private void putResult(MetricBinding b, Tensor r) {
        String name = b.getName();
        if (r.size() == 1) {
            asMap.put(new MetricID<>(KerasTribuoEvaluationImpl.<T>micro(), name), r.get(0));
            return;
        }
        Map<String, Object> cfg = b.getConfig();
        boolean perOutput = (cfg.containsKey("average") && cfg.get("average") == null
                || cfg.containsKey("class_aggregation") && cfg.get("class_aggregation") == null)
                && r.rank() == 1 && r.size() == info.size();
        for (int i = 0; i < r.size(); i++) {
            if (perOutput) {
                asMap.put(new MetricID<>(new MetricTarget<>(info.getOutput(i)), name), r.get(i));
            } else {
                asMap.put(new MetricID<>(KerasTribuoEvaluationImpl.<T>micro(), name + "[" + i + "]"), r.get(i));
            }
        }
    }

    @Override
    public Map<MetricID<T>, Double> asMap() {
        return Collections.unmodifiableMap(asMap);
    }

    @Override
    public List<Prediction<T>> getPredictions() {
        return predictions;
    }

    @Override
    public EvaluationProvenance getProvenance() {
        return provenance;
    }

    @Override
    public List<String> getMetricNames() {
        return List.copyOf(states.keySet());
    }

    @Override
    public List<MetricBinding> getBindings() {
        return evaluator.getBindings();
    }

    @Override
    public Tensor result(String metricName) {
        requireName(metricName);
        RuntimeException refused = refusals.get(metricName);
        if (refused != null) {
            throw new MetricException("Keras metric '" + metricName + "' gives no result here: "
                    + refused.getMessage(), refused);
        }
        return results.get(metricName);
    }

    @Override
    public double get(String metricName) {
        Tensor r = result(metricName);
        if (r.size() != 1) {
            throw new IllegalStateException("Keras metric '" + metricName + "' has a result of shape "
                    + r.shapeString() + ", not a scalar; use result(name)");
        }
        return r.get(0);
    }

    @Override
    public MetricState getState(String metricName) {
        requireName(metricName);
        return states.get(metricName);
    }

    private void requireName(String metricName) {
        if (!states.containsKey(metricName)) {
            throw new IllegalArgumentException("no Keras metric named '" + metricName + "' in this evaluation (have "
                    + states.keySet() + ")");
        }
    }

    @Override
    public PredictionKind getPredictionKind() {
        return kind;
    }

    @Override
    public boolean usedExampleWeights() {
        return usedWeights;
    }

    @Override
    public int getNumExamples() {
        return predictions.size();
    }

    @Override
    public ImmutableOutputInfo<T> getOutputIDInfo() {
        return info;
    }

    @Override
    public KerasMetricsProvenance getMetricsProvenance() {
        return metricsProvenance;
    }

    @Override
    public Map<String, Tensor> results() {
        return Collections.unmodifiableMap(results);
    }

    @Override
    public KerasTribuoEvaluation<T> merge(KerasTribuoEvaluation<T> other) {
        if (!(other instanceof KerasTribuoEvaluationImpl)) {
            throw new IllegalArgumentException("can only merge evaluations made by a Keras evaluator, got "
                    + other.getClass().getName());
        }
        KerasTribuoEvaluationImpl<T> o = (KerasTribuoEvaluationImpl<T>) other;
        if (!evaluator.sameMetrics(o.evaluator)) {
            throw new IllegalArgumentException("cannot merge evaluations of different metrics: "
                    + evaluator.getBindings() + " vs " + o.evaluator.getBindings());
        }
        if (!info.domainAndIDEquals(o.info)) {
            throw new IllegalArgumentException("cannot merge evaluations with different output-id mappings: "
                    + info.toReadableString() + " vs " + o.info.toReadableString());
        }
        if (!Objects.equals(modelProvenance, o.modelProvenance)) {
            throw new IllegalArgumentException("cannot merge evaluations of different models (model provenance "
                    + "differs); merge shards of one model's evaluation, or compare per-model evaluations");
        }
        PredictionKind mergedKind;
        if (kind == PredictionKind.NONE || kind == o.kind) {
            mergedKind = o.kind;
        } else if (o.kind == PredictionKind.NONE) {
            mergedKind = kind;
        } else {
            throw new IllegalArgumentException("cannot merge an evaluation of " + kind + " predictions with one of "
                    + o.kind + " predictions");
        }
        List<Metric> metrics = evaluator.freshMetrics();
        List<String> names = getMetricNames();
        for (int i = 0; i < metrics.size(); i++) {
            metrics.get(i).restore(states.get(names.get(i)));
            metrics.get(i).merge(o.states.get(names.get(i)));
        }
        List<Prediction<T>> all = new ArrayList<>(predictions);
        all.addAll(o.predictions);
        return new KerasTribuoEvaluationImpl<>(evaluator, info, modelProvenance,
                ShardedDataProvenance.combine(dataProvenance, o.dataProvenance), all, mergedKind,
                usedWeights || o.usedWeights, metrics);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("KerasTribuoEvaluation(")
                .append(evaluator.outputTypeName()).append(" outputs, ")
                .append(predictions.size()).append(" predictions, y_pred ")
                .append(kind.name().toLowerCase(Locale.ROOT))
                .append(usedWeights ? ", example weights as sample_weight" : "")
                .append(")\n");
        for (String name : states.keySet()) {
            sb.append(String.format("  %-36s ", name));
            if (refusals.containsKey(name)) {
                sb.append("(no result: ").append(refusals.get(name).getMessage()).append(')');
            } else {
                Tensor r = results.get(name);
                sb.append(r.size() == 1 ? String.format("%.6f", r.get(0)) : r.toString());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
