package io.github.metricparity.keras.internal;

import io.github.metricparity.keras.InputContract;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.KerasVersion;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricInfo;
import io.github.metricparity.spi.internal.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the registry needs to know about one Keras metric class: its name, the identifiers Keras accepts for
 * it, its constructor arguments ({@link Param}) and a factory. One spec per class, in its family file; the metric
 * class itself holds the semantics. Users see it through {@link io.github.metricparity.keras.MetricDefinition}.
 */
public final class MetricSpec {
    private final String className;
    private final String family;
    private final String defaultName;
    private final List<String> extraAliases;
    private final List<Param> params;
    private final DType defaultDType;
    private final String functionName;
    private final boolean openKeys;
    private final Function<MetricConfig, Metric> factory;
    private final Function<MetricConfig, InputContract> contract;
    private final Function<MetricConfig, MetricConfig> semantics;
    private final boolean lowerIsBetter;

    private MetricSpec(Builder b) {
        this.className = b.className;
        this.family = b.family;
        this.defaultName = b.defaultName != null ? b.defaultName : snakeCase(b.className);
        this.extraAliases = List.copyOf(b.extraAliases);
        this.params = List.copyOf(b.params);
        this.defaultDType = b.defaultDType;
        this.functionName = b.functionName;
        this.openKeys = b.openKeys;
        this.factory = b.factory;
        this.contract = b.contract;
        this.semantics = b.semantics;
        this.lowerIsBetter = b.lowerIsBetter;
    }

    /**
     * Starts a definition.
     *
     * @param className Keras class name
     * @param family    Keras source file the class lives in (without {@code .py}), e.g. {@code "accuracy_metrics"}
     */
    public static Builder builder(String className, String family) {
        return new Builder(className, family);
    }

    public String className() {
        return className;
    }

    public String family() {
        return family;
    }

    /** The default {@code name} (Keras's explicit default, or the snake_case class name for {@code name=None}). */
    public String defaultName() {
        return defaultName;
    }

    public List<Param> params() {
        return params;
    }

    /** The keys of {@link #params()}. */
    public List<String> paramKeys() {
        List<String> keys = new ArrayList<>();
        for (Param p : params) {
            keys.add(p.key());
        }
        return keys;
    }

    public DType defaultDType() {
        return defaultDType;
    }

    /**
     * The name of the Keras per-sample function this class wraps ({@code "binary_accuracy"} for BinaryAccuracy), or
     * null when the class is not a MeanMetricWrapper over a public function.
     */
    public String functionName() {
        return functionName;
    }

    /** What the metric expects of its inputs under this config: that of the function it wraps, if it does. */
    public InputContract contract(MetricConfig config) {
        MetricConfig semantic = semanticConfig(config);
        return semantic == config ? contract.apply(config) : semantic.definition().contract(semantic);
    }

    /**
     * The config whose class computes what this one does: the wrapped function's for a {@code MeanMetricWrapper}
     * over a Keras function, else the config itself.
     */
    public MetricConfig semanticConfig(MetricConfig config) {
        return semantics == null ? config : semantics.apply(config);
    }

    /** True for losses and errors, whose lower values are better. */
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** Every string {@code keras.metrics.get} accepts: class name, snake_case name, extra aliases. */
    public List<String> identifiers() {
        List<String> ids = new ArrayList<>();
        ids.add(className);
        String snake = snakeCase(className);
        if (!snake.equals(className)) {
            ids.add(snake);
        }
        ids.addAll(extraAliases);
        return ids;
    }

    /** False when a required argument makes {@code keras.metrics.get(name)} fail. */
    public boolean stringCreatable() {
        return params.stream().noneMatch(Param::isRequired);
    }

    public MetricInfo info() {
        return new MetricInfo(className, identifiers(), stringCreatable(), family);
    }

    /**
     * Parses a raw Keras config: keys {@code name}, {@code dtype} and the constructor arguments; absent arguments
     * take their defaults.
     *
     * @throws InvalidConfigException for an unknown key, a wrong type, a failed check or a missing required argument
     */
    public MetricConfig parseConfig(Map<String, ?> raw) {
        Map<String, ?> cfg = raw == null ? Map.of() : raw;
        Set<String> known = new HashSet<>();
        known.add("name");
        known.add("dtype");
        for (Param p : params) {
            known.add(p.key());
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : cfg.entrySet()) {
            if (known.contains(e.getKey())) {
                continue;
            }
            if (!openKeys) {
                throw new InvalidConfigException(className + ": unknown config key '" + e.getKey() + "'"
                        + Suggestions.didYouMean(e.getKey(), known) + "; accepted: " + acceptedKeys());
            }
            extra.put(e.getKey(), e.getValue());
        }
        String name = defaultName;
        Object rawName = cfg.get("name");
        if (rawName != null) {
            if (!(rawName instanceof String)) {
                throw new InvalidConfigException(className + ": config 'name' must be a string, got "
                        + Param.describe(rawName));
            }
            // metric.py: self.name = name or auto_name(...): an empty name takes the default too
            if (!((String) rawName).isEmpty()) {
                name = (String) rawName;
            }
        }
        DType dtype = defaultDType;
        Object rawDType = cfg.get("dtype");
        if (rawDType != null) {
            if (!(rawDType instanceof String)) {
                throw new InvalidConfigException(className + ": config 'dtype' must be a string, got "
                        + Param.describe(rawDType));
            }
            try {
                dtype = DType.parse((String) rawDType);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(className + ": config 'dtype': " + e.getMessage());
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> given = new HashSet<>();
        for (Param p : params) {
            if (cfg.containsKey(p.key())) {
                values.put(p.key(), p.parse(className, cfg.get(p.key())));
                given.add(p.key());
            } else if (p.isRequired()) {
                throw new InvalidConfigException(className + ": missing required config '" + p.key() + "'");
            } else {
                values.put(p.key(), p.defaultValue());
            }
        }
        return new MetricConfig(this, name, dtype, values, given, extra);
    }

    private String acceptedKeys() {
        List<String> keys = new ArrayList<>();
        keys.add("name");
        keys.add("dtype");
        for (Param p : params) {
            keys.add(p.key());
        }
        return String.join(", ", keys);
    }

    /** Parses the config and creates the metric. */
    public Metric create(Map<String, ?> raw) {
        return factory.apply(parseConfig(raw));
    }

    /** Parses the config and creates the metric with the semantics of a Keras release. */
    public Metric create(Map<String, ?> raw, KerasVersion version) {
        return factory.apply(parseConfig(raw).withKerasVersion(version));
    }

    /** Creates the metric from an already parsed config of this definition. */
    public Metric create(MetricConfig config) {
        if (config.definition() != this) {
            throw new IllegalArgumentException("config of " + config.definition().className() + " given to "
                    + className);
        }
        return factory.apply(config);
    }

    /**
     * Keras {@code utils/naming.py to_snake_case}: {@code "MeanIoU"} becomes {@code "mean_io_u"}, {@code "AUC"}
     * becomes {@code "auc"}.
     */
    public static String snakeCase(String name) {
        String s = name.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        s = s.replaceAll("([a-z])([A-Z])", "$1_$2");
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return className + params;
    }

    /** Builder for {@link MetricSpec}. */
    public static final class Builder {
        private final String className;
        private final String family;
        private String defaultName;
        private final List<String> extraAliases = new ArrayList<>();
        private final List<Param> params = new ArrayList<>();
        private DType defaultDType = DType.FLOAT32;
        private String functionName;
        private boolean openKeys;
        private Function<MetricConfig, Metric> factory;
        private Function<MetricConfig, InputContract> contract;
        private Function<MetricConfig, MetricConfig> semantics;
        private boolean lowerIsBetter;

        private Builder(String className, String family) {
            this.className = className;
            this.family = family;
        }

        /** Keras's default {@code name} when it is not the snake_case class name. */
        public Builder defaultName(String name) {
            this.defaultName = name;
            return this;
        }

        /** Extra {@code keras.metrics.get} identifiers ({@code "mse"}, {@code "MSE"}, ...). */
        public Builder aliases(String... aliases) {
            extraAliases.addAll(List.of(aliases));
            return this;
        }

        /** Constructor arguments besides {@code name} and {@code dtype}, in Keras order. */
        public Builder params(Param... ps) {
            params.addAll(List.of(ps));
            return this;
        }

        public Builder defaultDType(DType dtype) {
            this.defaultDType = dtype;
            return this;
        }

        /** The Keras function the class wraps, so {@code MeanMetricWrapper(fn=...)} can name it. */
        public Builder function(String name) {
            this.functionName = name;
            return this;
        }

        /** Keeps unknown keys (
                Python {@code **kwargs}) instead of refusing them; see {@link MetricConfig#extraKeys}. */
        public Builder openKeys() {
            this.openKeys = true;
            return this;
        }

        public Builder factory(Function<MetricConfig, Metric> f) {
            this.factory = f;
            return this;
        }

        /** The input contract, the same under every config. */
        public Builder contract(InputContract c) {
            return contract(config -> c);
        }

        /** The input contract, as the config decides it ({@code from_logits}, {@code sparse_y_true}, ...). */
        public Builder contract(Function<MetricConfig, InputContract> c) {
            this.contract = c;
            return this;
        }

        /** For a wrapper: the config of what it wraps (see {@link MetricSpec#semanticConfig}). */
        public Builder semantics(Function<MetricConfig, MetricConfig> s) {
            this.semantics = s;
            return this;
        }

        /** Marks a loss or an error: lower values are better. */
        public Builder lowerIsBetter() {
            this.lowerIsBetter = true;
            return this;
        }

        public MetricSpec build() {
            if (factory == null || contract == null) {
                throw new IllegalStateException(className + ": a definition needs a factory and an input contract");
            }
            return new MetricSpec(this);
        }
    }
}
