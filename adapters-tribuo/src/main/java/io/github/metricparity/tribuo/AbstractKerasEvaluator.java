package io.github.metricparity.tribuo;

import io.github.metricparity.keras.InputContract;
import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.MetricDefinition;
import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricProvider;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tribuo.DataSource;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.provenance.DataProvenance;

/**
 * The evaluation pipeline shared by the three output types: validate the ground truth against the model's domain,
 * find what the predictions carry ({@link PredictionKind}), encode each tensor a metric needs once, feed one batch to
 * fresh metrics, and wrap their states. Subclasses say how their output type is encoded.
 *
 * <p>Immutable and thread-safe: every evaluate call creates its own metric instances.
 *
 * @param <T> the output type
 */
abstract class AbstractKerasEvaluator<T extends Output<T>> implements KerasEvaluator<T> {
    private final MetricProvider provider;
    private final MetricRegistry registry;
    private final List<KerasMetricSpec> specs;
    private final List<MetricBinding> bindings;
    private final boolean useExampleWeights;

    /**
     * @throws io.github.metricparity.spi.UnknownMetricException  if the provider offers no such metric
     * @throws io.github.metricparity.spi.InvalidConfigException  if Keras would refuse a config
     * @throws IllegalArgumentException                           if the output type cannot feed a metric, or two
     *                                                            metrics share a name
     */
    AbstractKerasEvaluator(MetricProvider provider, List<KerasMetricSpec> specs, boolean useExampleWeights) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.registry = MetricRegistry.of(provider);
        this.specs = List.copyOf(specs);
        this.useExampleWeights = useExampleWeights;
        if (this.specs.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no metric given");
        }
        List<MetricBinding> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (KerasMetricSpec spec : this.specs) {
            Metric m = registry.create(spec.getIdentifier(), spec.getConfig());
            if (m instanceof ValuesMetric) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": " + m.className()
                        + " is updated with bare values, not (y_true, y_pred); a Tribuo evaluation cannot feed it");
            }
            InputContract contract = KerasCatalog.inputContract(m);
            TensorEncoding[] enc = encodingsFor(m.className(), contract);
            if (contract.labels() == Labels.FREE_VALUES && exactMatchFix() != null) {
                warnExactMatch(m);
            }
            if (!names.add(m.name())) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": two metrics are named '"
                        + m.name() + "'; give one a distinct Keras 'name'");
            }
            list.add(new MetricBinding(m.name(), m.className(), m.config(), enc[0], enc[1]));
        }
        this.bindings = List.copyOf(list);
    }

    /**
     * Accuracy (free values compared for exact equality) on outputs that are not class ids: faithful to Keras, and
     * almost always 0, so it warns once per evaluator (as {@code KerasRegressionEvaluator("accuracy")}).
     */
    private void warnExactMatch(Metric m) {
        MetricDefinition d = KerasCatalog.byClassName(m.className());
        String name = d != null && d.defaultName().equals(m.name()) ? null : m.name();
        Diagnostics.warn(new Diagnostic(m.className(), name, "y_pred", "compares the " + outputTypeName()
                + " outputs' predicted values with the true ones for exact equality, which real-valued predictions "
                + "almost never meet: the result is close to 0", exactMatchFix()));
    }

    /** What to use instead of an exact-match Accuracy on this output type; null where it compares class ids. */
    abstract String exactMatchFix();

    /** The Tribuo output type's simple name, for messages ({@code "Label"}). */
    abstract String outputTypeName();

    /**
     * The encodings of {@code y_true} and {@code y_pred} for a metric of class {@code className} (named in
     * messages) with this input contract.
     *
     * @throws IllegalArgumentException if this output type cannot carry the metric
     */
    abstract TensorEncoding[] encodingsFor(String className, InputContract contract);

    /** Throws {@link IllegalArgumentException} for an unknown or out-of-domain ground truth. */
    abstract void checkGroundTruth(ImmutableOutputInfo<T> info, List<Prediction<T>> predictions);

    /** What the (non-empty) predictions carry; throws {@link IllegalArgumentException} when they disagree. */
    abstract PredictionKind kindOf(List<Prediction<T>> predictions);

    /**
     * Encodes the ground truth ({@code truth}) or the predictions as a tensor.
     *
     * @throws IllegalArgumentException if an output cannot be placed (not in the domain, a missing score)
     */
    abstract Tensor encode(TensorEncoding encoding, boolean truth, ImmutableOutputInfo<T> info,
            List<Prediction<T>> predictions, PredictionKind kind);

    @Override
    public final List<KerasMetricSpec> getMetricSpecs() {
        return specs;
    }

    @Override
    public final List<MetricBinding> getBindings() {
        return bindings;
    }

    @Override
    public final boolean usesExampleWeights() {
        return useExampleWeights;
    }

    @Override
    public final String getProviderId() {
        return provider.id();
    }

    /** Predicts every example of the dataset, then evaluates; the dataset's provenance is recorded. */
    @Override
    public final KerasTribuoEvaluation<T> evaluate(Model<T> model, Dataset<T> dataset) {
        checkNoUnknown(dataset.getOutputFactory(), dataset);
        return evaluate(model, model.predict(dataset), dataset.getProvenance());
    }

    /** Predicts every example of the source, then evaluates; the source's provenance is recorded. */
    @Override
    public final KerasTribuoEvaluation<T> evaluate(Model<T> model, DataSource<T> datasource) {
        List<Example<T>> examples = new ArrayList<>();
        for (Example<T> e : datasource) {
            examples.add(e);
        }
        checkNoUnknown(datasource.getOutputFactory(), examples);
        return evaluate(model, model.predict(examples), datasource.getProvenance());
    }

    private static <T extends Output<T>> void checkNoUnknown(OutputFactory<T> factory, Iterable<Example<T>> data) {
        int i = 0;
        for (Example<T> e : data) {
            if (factory.getUnknownOutput().equals(e.getOutput())) {
                throw new IllegalArgumentException("The sentinel unknown output is the ground truth of example " + i);
            }
            i++;
        }
    }

    /**
     * Evaluates predictions as one Keras batch: {@code y_true} from each prediction's example output, {@code y_pred}
     * from its scores (or predicted output), {@code sample_weight} from the example weights when enabled.
     */
    @Override
    public final KerasTribuoEvaluation<T> evaluate(Model<T> model, List<Prediction<T>> predictions,
            DataProvenance dataProvenance) {
        ImmutableOutputInfo<T> info = model.getOutputIDInfo();
        List<Prediction<T>> preds = List.copyOf(predictions);
        checkGroundTruth(info, preds);
        PredictionKind kind = preds.isEmpty() ? PredictionKind.NONE : kindOf(preds);
        for (MetricBinding b : bindings) {
            checkLogits(b, kind, model);
        }
        List<Metric> metrics = freshMetrics();
        if (!preds.isEmpty()) {
            Tensor weights = useExampleWeights ? weights(preds) : null;
            // each tensor is built once, however many metrics read it
            Map<TensorEncoding, Tensor> truths = new EnumMap<>(TensorEncoding.class);
            Map<TensorEncoding, Tensor> outputs = new EnumMap<>(TensorEncoding.class);
            for (int i = 0; i < metrics.size(); i++) {
                MetricBinding b = bindings.get(i);
                Tensor yTrue = truths.computeIfAbsent(b.getYTrueEncoding(), e -> encode(e, true, info, preds, kind));
                Tensor yPred = outputs.computeIfAbsent(b.getYPredEncoding(), e -> encode(e, false, info, preds, kind));
                try {
                    metrics.get(i).update(yTrue, yPred, weights);
                } catch (MetricException e) {
                    throw new IllegalArgumentException("Keras metric '" + b.getName() + "' refused the predictions: "
                            + e.getMessage(), e);
                }
            }
        }
        return new KerasTribuoEvaluationImpl<>(this, info, model.getProvenance(), dataProvenance, preds, kind,
                useExampleWeights && !preds.isEmpty(), metrics);
    }

    /** Fresh metric instances, one per binding, in order. */
    final List<Metric> freshMetrics() {
        List<Metric> metrics = new ArrayList<>(specs.size());
        for (KerasMetricSpec spec : specs) {
            metrics.add(registry.create(spec.getIdentifier(), spec.getConfig()));
        }
        return metrics;
    }

    /** True when evaluations of {@code other} can merge with this evaluator's. */
    final boolean sameMetrics(AbstractKerasEvaluator<?> other) {
        return getClass() == other.getClass() && specs.equals(other.specs)
                && provider.id().equals(other.provider.id());
    }

    /** Keras's from_logits must match what the model outputs: logits fed as probabilities give silent nonsense. */
    private void checkLogits(MetricBinding b, PredictionKind kind, Model<T> model) {
        Object fromLogits = b.getConfig().get("from_logits");
        if (!(fromLogits instanceof Boolean)) {
            return;
        }
        boolean logits = (Boolean) fromLogits;
        if (kind == PredictionKind.SCORES && !logits) {
            throw new IllegalArgumentException("Keras metric '" + b.getName() + "' has from_logits=False, but the "
                    + "predictions of model '" + model.getName() + "' carry raw scores without probabilities; Keras "
                    + "would read the scores as probabilities. Configure it with from_logits=true.");
        }
        if ((kind == PredictionKind.PROBABILITIES || kind == PredictionKind.HARD) && logits) {
            throw new IllegalArgumentException("Keras metric '" + b.getName() + "' has from_logits=True, but the "
                    + "predictions of model '" + model.getName() + "' are " + kind.name().toLowerCase(Locale.ROOT)
                    + ", not logits. Configure it with from_logits=false.");
        }
    }

    private static <T extends Output<T>> Tensor weights(List<Prediction<T>> preds) {
        float[] w = new float[preds.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = preds.get(i).getExample().getWeight();
        }
        return Tensor.of(w, w.length);
    }

    /** The output-id order of the domain: element {@code i} is the output whose id is {@code i}. */
    static <T extends Output<T>> List<T> outputsById(ImmutableOutputInfo<T> info) {
        List<T> out = new ArrayList<>(info.size());
        for (int i = 0; i < info.size(); i++) {
            T o = info.getOutput(i);
            if (o == null) {
                throw new IllegalArgumentException("the model's output ids are not 0.." + (info.size() - 1)
                        + ": no output has id " + i);
            }
            out.add(o);
        }
        return out;
    }

    /** Checks that all predictions agree on what they carry. */
    static <T extends Output<T>> PredictionKind classifierKind(List<Prediction<T>> preds) {
        PredictionKind kind = null;
        for (int i = 0; i < preds.size(); i++) {
            Prediction<T> p = preds.get(i);
            PredictionKind k = p.hasProbabilities() ? PredictionKind.PROBABILITIES
                    : p.getOutputScores().isEmpty() ? PredictionKind.HARD : PredictionKind.SCORES;
            if (kind == null) {
                kind = k;
            } else if (kind != k) {
                throw new IllegalArgumentException("prediction " + i + " carries " + k + " but earlier ones carry "
                        + kind + "; one evaluation needs predictions of one kind");
            }
        }
        return kind;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + bindings;
    }
}
