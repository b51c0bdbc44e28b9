package io.github.metricparity.dl4j.eval;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.MetricDefinition;
import java.util.Objects;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.evaluation.IMetric;

/**
 * Names one metric of a {@link KerasEvaluation} for DL4J's {@link IEvaluation#getValue(IMetric)}, as DL4J's own
 * {@code Evaluation.Metric.ACCURACY} names a value of an {@code Evaluation}: {@code eval.getValue(
 * KerasMetricKey.of("accuracy"))}. {@link #minimize()} says whether lower is better (losses and errors), which
 * DL4J's early-stopping score calculators read. Immutable.
 */
public final class KerasMetricKey implements IMetric {
    private final String name;
    private final boolean minimize;

    private KerasMetricKey(String name, boolean minimize) {
        this.name = Objects.requireNonNull(name, "name");
        this.minimize = minimize;
    }

    /**
     * The key of the metric with this name. Lower is better for a name that is itself a loss or error identifier
     * ({@code "loss"}, {@code "mse"}, {@code "binary_crossentropy"}); use {@link KerasEvaluation#key(String)} to
     * have it decided from the metric's class instead.
     */
    public static KerasMetricKey of(String name) {
        return new KerasMetricKey(name, name.equals("loss") || name.endsWith("_loss")
                || KerasCatalog.all().stream().anyMatch(d -> d.lowerIsBetter() && d.identifiers().contains(name)));
    }

    /** The key of a metric of this Keras class under this name. */
    static KerasMetricKey forClass(String name, String className) {
        MetricDefinition d = KerasCatalog.byClassName(className);
        return new KerasMetricKey(name, d != null && d.lowerIsBetter() || name.equals("loss"));
    }

    /** The metric's name in its {@link KerasEvaluation}. */
    public String name() {
        return name;
    }

    @Override
    @SuppressWarnings("rawtypes") // IMetric declares the raw IEvaluation
    public Class<? extends IEvaluation> getEvaluationClass() {
        return KerasEvaluation.class;
    }

    @Override
    public boolean minimize() {
        return minimize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KerasMetricKey && ((KerasMetricKey) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
