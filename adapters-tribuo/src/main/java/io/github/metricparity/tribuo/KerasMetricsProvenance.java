package io.github.metricparity.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.provenance.EvaluationProvenance;

/**
 * Provenance of a {@link KerasTribuoEvaluation}: Tribuo's {@link EvaluationProvenance} (model and test data, as every
 * Tribuo evaluation records) plus what Tribuo's own provenance cannot say: the evaluator, the metric provider, every
 * metric's name, Keras class, full Keras config and tensor encodings, whether example weights were used, what
 * {@code y_pred} was made of, and how many predictions were evaluated.
 *
 * <p>Immutable. The {@code Map} constructor is OLCUT's deserialization constructor.
 */
public final class KerasMetricsProvenance implements ObjectProvenance {
    private static final long serialVersionUID = 1L;

    static final String EVALUATION = "evaluation";
    static final String EVALUATOR = "evaluator";
    static final String PROVIDER = "metric-provider";
    static final String EXAMPLE_WEIGHTS = "example-weights";
    static final String PREDICTION_KIND = "prediction-kind";
    static final String NUM_EXAMPLES = "num-examples";
    static final String METRICS = "metrics";

    private final StringProvenance className;
    private final EvaluationProvenance evaluation;
    private final StringProvenance evaluator;
    private final StringProvenance provider;
    private final BooleanProvenance exampleWeights;
    private final StringProvenance predictionKind;
    private final IntProvenance numExamples;
    private final ListProvenance<MapProvenance<Provenance>> metrics;

    KerasMetricsProvenance(EvaluationProvenance evaluation, String evaluatorClass, String providerId,
            boolean exampleWeights, PredictionKind kind, int numExamples, List<MetricBinding> bindings) {
        this.className = new StringProvenance(CLASS_NAME, KerasMetricsProvenance.class.getName());
        this.evaluation = evaluation;
        this.evaluator = new StringProvenance(EVALUATOR, evaluatorClass);
        this.provider = new StringProvenance(PROVIDER, providerId);
        this.exampleWeights = new BooleanProvenance(EXAMPLE_WEIGHTS, exampleWeights);
        this.predictionKind = new StringProvenance(PREDICTION_KIND, kind.name());
        this.numExamples = new IntProvenance(NUM_EXAMPLES, numExamples);
        List<MapProvenance<Provenance>> list = new ArrayList<>();
        for (MetricBinding b : bindings) {
            Map<String, Provenance> m = new LinkedHashMap<>();
            m.put("name", new StringProvenance("name", b.getName()));
            m.put("class-name", new StringProvenance("class-name", b.getClassName()));
            m.put("config", ConfigProvenance.ofMap(b.getConfig()));
            m.put("y-true", new StringProvenance("y-true", b.getYTrueEncoding().name()));
            m.put("y-pred", new StringProvenance("y-pred", b.getYPredEncoding().name()));
            list.add(new MapProvenance<>(m));
        }
        this.metrics = new ListProvenance<>(list);
    }

    /**
     * Deserialization constructor.
     *
     * @param map the provenances, by key
     */
    @SuppressWarnings("unchecked")
    public KerasMetricsProvenance(Map<String, Provenance> map) {
        String host = KerasMetricsProvenance.class.getSimpleName();
        this.className = ObjectProvenance.checkAndExtractProvenance(map, CLASS_NAME, StringProvenance.class, host);
        this.evaluation = ObjectProvenance.checkAndExtractProvenance(map, EVALUATION, EvaluationProvenance.class,
                host);
        this.evaluator = ObjectProvenance.checkAndExtractProvenance(map, EVALUATOR, StringProvenance.class, host);
        this.provider = ObjectProvenance.checkAndExtractProvenance(map, PROVIDER, StringProvenance.class, host);
        this.exampleWeights = ObjectProvenance.checkAndExtractProvenance(map, EXAMPLE_WEIGHTS,
                BooleanProvenance.class, host);
        this.predictionKind = ObjectProvenance.checkAndExtractProvenance(map, PREDICTION_KIND,
                StringProvenance.class, host);
        this.numExamples = ObjectProvenance.checkAndExtractProvenance(map, NUM_EXAMPLES, IntProvenance.class, host);
        this.metrics = ObjectProvenance.checkAndExtractProvenance(map, METRICS, ListProvenance.class, host);
    }

    @Override
    public String getClassName() {
        return className.getValue();
    }

    /** Model and test data provenance, as Tribuo's evaluations record them. */
    public EvaluationProvenance getEvaluationProvenance() {
        return evaluation;
    }

    /** The evaluator class. */
    public String getEvaluatorClassName() {
        return evaluator.getValue();
    }

    /** The metric provider id. */
    public String getProviderId() {
        return provider.getValue();
    }

    /** Whether example weights were passed as sample weights. */
    public boolean usedExampleWeights() {
        return exampleWeights.getValue();
    }

    /** What {@code y_pred} was made of, as a {@link PredictionKind} name. */
    public String getPredictionKind() {
        return predictionKind.getValue();
    }

    /** How many predictions were evaluated. */
    public int getNumExamples() {
        return numExamples.getValue();
    }

    /** One map per metric: name, class-name, config, y-true, y-pred. */
    public ListProvenance<MapProvenance<Provenance>> getMetrics() {
        return metrics;
    }

    @Override
    public Iterator<Pair<String, Provenance>> iterator() {
        List<Pair<String, Provenance>> list = new ArrayList<>();
        list.add(new Pair<>(CLASS_NAME, className));
        list.add(new Pair<>(EVALUATION, evaluation));
        list.add(new Pair<>(EVALUATOR, evaluator));
        list.add(new Pair<>(PROVIDER, provider));
        list.add(new Pair<>(EXAMPLE_WEIGHTS, exampleWeights));
        list.add(new Pair<>(PREDICTION_KIND, predictionKind));
        list.add(new Pair<>(NUM_EXAMPLES, numExamples));
        list.add(new Pair<>(METRICS, metrics));
        return list.iterator();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KerasMetricsProvenance)) {
            return false;
        }
        KerasMetricsProvenance p = (KerasMetricsProvenance) o;
        return className.equals(p.className) && Objects.equals(evaluation, p.evaluation)
                && evaluator.equals(p.evaluator) && provider.equals(p.provider)
                && exampleWeights.equals(p.exampleWeights) && predictionKind.equals(p.predictionKind)
                && numExamples.equals(p.numExamples) && metrics.equals(p.metrics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(className, evaluation, evaluator, provider, exampleWeights, predictionKind, numExamples,
                metrics);
    }

    @Override
    public String toString() {
        return generateString("KerasTribuoEvaluation");
    }
}
