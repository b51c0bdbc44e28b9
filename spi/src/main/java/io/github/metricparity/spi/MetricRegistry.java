package io.github.metricparity.spi;

import io.github.metricparity.spi.internal.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Resolves metric identifiers to metrics of one {@link MetricProvider}, as Keras 3 does.
 *
 * <ul>
 *   <li>{@link #get(String)} is {@code keras.metrics.get(str)}: the class name, its snake_case name
 *       ({@code "mean_io_u"}), or an extra alias ({@code "mse"}, {@code "MSE"}, {@code "bce"}, ...), created with
 *       no arguments. Classes with required arguments fail, as in Keras.</li>
 *   <li>{@link #create(String, Map)} is {@code cls(**config)} for any of those identifiers.</li>
 *   <li>{@link #compile} is {@code compile(metrics=[identifier])}: {@code "accuracy"}/{@code "acc"} become Binary,
 *       Categorical or SparseCategorical accuracy from the shapes ({@link CompileRules#KERAS_3}, or another rule set
 *       for models trained with tf.keras 2), and the metric is named after the string.</li>
 * </ul>
 * Note that {@code get("accuracy")} is the exact-match {@code Accuracy} class, exactly as in Keras; only
 * {@code compile} gives "accuracy" its shape-dependent meaning.
 */
public final class MetricRegistry {
    private final MetricProvider provider;
    private final KerasVersion version;
    private final Map<String, MetricInfo> byIdentifier = new HashMap<>();
    private final List<MetricInfo> metrics;

    private MetricRegistry(MetricProvider provider, KerasVersion version) {
        this.provider = provider;
        this.version = Objects.requireNonNull(version, "version");
        this.metrics = List.copyOf(provider.metrics());
        for (MetricInfo info : metrics) {
            for (String id : info.identifiers()) {
                MetricInfo previous = byIdentifier.putIfAbsent(id, info);
                if (previous != null && previous != info) {
                    throw new IllegalStateException("provider " + provider.id() + ": identifier '" + id
                            + "' names both " + previous.className() + " and " + info.className());
                }
            }
        }
    }

    /** A registry over one provider. */
    public static MetricRegistry of(MetricProvider provider) {
        return new MetricRegistry(provider, KerasVersion.LATEST);
    }

    /**
     * This registry, creating metrics that follow the semantics of another Keras 3 release (what changes between
     * releases: {@link KerasVersion}).
     *
     * @throws InvalidConfigException (when a metric is created) if the provider offers only the latest semantics
     */
    public MetricRegistry withKerasVersion(KerasVersion kerasVersion) {
        return new MetricRegistry(provider, kerasVersion);
    }

    /** The Keras release whose semantics this registry's metrics follow ({@link KerasVersion#LATEST} by default). */
    public KerasVersion kerasVersion() {
        return version;
    }

    /** The registry of the reference provider found with ServiceLoader. */
    public static MetricRegistry load() {
        return load("reference");
    }

    /** The registry of the provider with this id found with ServiceLoader. */
    public static MetricRegistry load(String providerId) {
        for (MetricProvider p : providers()) {
            if (p.id().equals(providerId)) {
                return of(p);
            }
        }
        List<String> ids = new ArrayList<>();
        for (MetricProvider p : providers()) {
            ids.add(p.id());
        }
        throw new UnknownMetricException("no MetricProvider with id '" + providerId + "' on the class path (found: "
                + ids + ")");
    }

    /** Every provider found with ServiceLoader, by id, in discovery order. */
    public static List<MetricProvider> providers() {
        Map<String, MetricProvider> found = new LinkedHashMap<>();
        for (MetricProvider p : ServiceLoader.load(MetricProvider.class)) {
            found.putIfAbsent(p.id(), p);
        }
        return List.copyOf(found.values());
    }

    public MetricProvider provider() {
        return provider;
    }

    /** The metrics of the provider. */
    public List<MetricInfo> metrics() {
        return metrics;
    }

    /**
     * The metric an identifier names (class name, snake_case name or alias).
     *
     * @throws UnknownMetricException "Could not interpret metric identifier" as Keras says, with the nearest valid
     *                                identifiers and the list of them
     */
    public MetricInfo resolve(String identifier) {
        MetricInfo info = byIdentifier.get(identifier);
        if (info == null) {
            throw new UnknownMetricException("Could not interpret metric identifier: " + identifier
                    + hintFor(identifier) + ". Valid identifiers: " + String.join(", ", sortedIdentifiers()));
        }
        return info;
    }

    /** Why a compile string is no identifier here, or the nearest identifiers. */
    private String hintFor(String identifier) {
        // compile(metrics=[...]) resolves "acc" (and, in tf.keras 2, "ce", "kld", ...) from the shapes; get does not
        String compiled = CompileRules.TF_KERAS_2.resolve(identifier, new int[] {1}, new int[] {2}, null)
                .identifier();
        if (!compiled.equals(identifier)) {
            return " ('" + identifier + "' names a metric only in compile(metrics=[...]): use compile(), which picks "
                    + "the class from the shapes, or name the class, e.g. " + compiled + ")";
        }
        return Suggestions.didYouMean(identifier, byIdentifier.keySet());
    }

    private List<String> sortedIdentifiers() {
        List<String> ids = new ArrayList<>(byIdentifier.keySet());
        ids.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        return ids;
    }

    /** {@code keras.metrics.get(identifier)}: the metric with no arguments. */
    public Metric get(String identifier) {
        MetricInfo info = resolve(identifier);
        if (!info.stringCreatable()) {
            throw new InvalidConfigException(info.className() + " has required arguments and cannot be created "
                    + "from the string '" + identifier + "' alone (Keras raises TypeError)");
        }
        return provider.create(info.className(), Map.of(), version);
    }

    /** {@code cls(**config)} for the class an identifier names. */
    public Metric create(String identifier, Map<String, ?> config) {
        return provider.create(resolve(identifier).className(), config == null ? Map.of() : config, version);
    }

    /** Keras 3 {@code compile(metrics=[identifier])} for targets and outputs of these shapes. */
    public Metric compile(String identifier, int[] yTrueShape, int[] yPredShape) {
        return compile(identifier, yTrueShape, yPredShape, null, CompileRules.KERAS_3);
    }

    /**
     * {@code compile(metrics=[identifier], loss=loss)} under a Keras version's rules.
     *
     * @param loss the compile loss as a string, read only by {@link CompileRules#KERAS_2_LOSS_BASED}
     */
    public Metric compile(String identifier, int[] yTrueShape, int[] yPredShape, String loss, CompileRules rules) {
        CompileRules.Resolution r = rules.resolve(identifier, yTrueShape, yPredShape, loss);
        MetricInfo info = resolve(r.identifier());
        if (!info.stringCreatable()) {
            throw new InvalidConfigException(info.className() + " has required arguments and cannot be created "
                    + "from the compile string '" + identifier + "'");
        }
        Map<String, Object> config = new HashMap<>();
        config.put("name", r.name());
        return provider.create(info.className(), config, version);
    }
}
