package io.github.metricparity.keras;

import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.KerasVersion;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricInfo;
import java.util.List;
import java.util.Map;

/**
 * What one Keras metric class of the {@link KerasCatalog} is: its name, the identifiers Keras accepts for it, its
 * Keras family, and a factory from a Keras config. Read-only; the catalog holds one per class.
 */
public final class MetricDefinition {
    private final MetricSpec spec;

    MetricDefinition(MetricSpec spec) {
        this.spec = spec;
    }

    /** The Keras class name, e.g. {@code "SparseCategoricalAccuracy"}. */
    public String className() {
        return spec.className();
    }

    /** The Keras source file the class lives in (without {@code .py}), e.g. {@code "accuracy_metrics"}. */
    public String family() {
        return spec.family();
    }

    /** The default {@code name} (Keras's explicit default, or the snake_case class name for {@code name=None}). */
    public String defaultName() {
        return spec.defaultName();
    }

    /** The dtype of the metric's state and result when the config names none. */
    public DType defaultDType() {
        return spec.defaultDType();
    }

    /**
     * The name of the Keras per-sample function this class wraps ({@code "binary_accuracy"} for BinaryAccuracy), or
     * null when the class is not a MeanMetricWrapper over a public function.
     */
    public String functionName() {
        return spec.functionName();
    }

    /** Every string {@code keras.metrics.get} accepts: class name, snake_case name, extra aliases. */
    public List<String> identifiers() {
        return spec.identifiers();
    }

    /** The constructor arguments besides {@code name} and {@code dtype}, in Keras order. */
    public List<String> configKeys() {
        return spec.paramKeys();
    }

    /**
     * What the metric expects of its inputs under a Keras config (as {@link #create} takes it): label and
     * prediction encodings, rank rule, weights. Adapters encode their outputs by it.
     *
     * @throws InvalidConfigException for a config {@link #create} would refuse
     */
    public InputContract inputContract(Map<String, ?> config) {
        return spec.contract(spec.parseConfig(config));
    }

    /** True for losses and errors, whose lower values are better (early stopping, model selection). */
    public boolean lowerIsBetter() {
        return spec.lowerIsBetter();
    }

    /** False when a required argument makes {@code keras.metrics.get(name)} fail. */
    public boolean stringCreatable() {
        return spec.stringCreatable();
    }

    /** What a provider says about this class. */
    public MetricInfo info() {
        return spec.info();
    }

    /**
     * Creates the metric from a Keras config: keys {@code name}, {@code dtype} and the constructor arguments;
     * absent arguments take their defaults.
     *
     * @throws InvalidConfigException for an unknown key, a wrong type, a failed check or a missing required argument
     */
    public Metric create(Map<String, ?> config) {
        return spec.create(config);
    }

    /**
     * {@link #create(Map)} with the semantics of a Keras 3 release ({@link KerasVersion}).
     *
     * @throws InvalidConfigException also for an argument or value that release did not have
     */
    public Metric create(Map<String, ?> config, KerasVersion version) {
        return spec.create(config, version);
    }

    /**
     * Keras {@code utils/naming.py to_snake_case}: {@code "MeanIoU"} becomes {@code "mean_io_u"}, {@code "AUC"}
     * becomes {@code "auc"}.
     */
    public static String snakeCase(String name) {
        return MetricSpec.snakeCase(name);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
