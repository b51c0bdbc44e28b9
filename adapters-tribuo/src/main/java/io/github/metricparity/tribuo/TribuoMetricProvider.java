package io.github.metricparity.tribuo;

import io.github.metricparity.keras.InputContract;
import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.MetricDefinition;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricInfo;
import io.github.metricparity.spi.MetricProvider;
import io.github.metricparity.spi.UnknownMetricException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The metric provider of the Tribuo adapter (id {@value #ID}), discovered with {@link java.util.ServiceLoader}.
 *
 * <p>It offers every metric of the reference catalog ({@link KerasCatalog}) that a Tribuo evaluator can feed, that is
 * every metric updated with {@code (y_true, y_pred, sample_weight)}; {@code Mean} and {@code Sum}, which take bare
 * values, are not offered. The metrics ARE the reference metrics: the adapter never redefines a metric, it only
 * turns Tribuo predictions into their inputs ({@link KerasLabelEvaluator}, {@link KerasMultiLabelEvaluator},
 * {@link KerasRegressionEvaluator}). Families added to the catalog are offered without changes here.
 *
 * <p>Stateless and thread-safe.
 */
public final class TribuoMetricProvider implements MetricProvider {
    /** The provider id. */
    public static final String ID = "tribuo";

    /** The provider, as ServiceLoader creates it. */
    public TribuoMetricProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<MetricInfo> metrics() {
        return KerasCatalog.all().stream()
                .filter(d -> !takesValues(d))
                .map(MetricDefinition::info)
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public Metric create(String className, Map<String, ?> config) {
        MetricDefinition d = KerasCatalog.require(ID, className);
        if (takesValues(d)) {
            throw new UnknownMetricException("tribuo provider: " + className + " is updated with bare values, not "
                    + "(y_true, y_pred), so no Tribuo evaluation can feed it");
        }
        return d.create(config);
    }

    /** True for metrics whose Keras update is {@code update_state(values, sample_weight)}: no labels. */
    private static boolean takesValues(MetricDefinition d) {
        return d.stringCreatable() && d.inputContract(Map.of()).labels() == InputContract.Labels.NONE;
    }
}
