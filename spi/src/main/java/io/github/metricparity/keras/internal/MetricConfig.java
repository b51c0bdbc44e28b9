package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.KerasVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed, checked Keras config: every constructor argument of a metric with its value (given or default), typed.
 * Created by {@link MetricSpec#parseConfig}; immutable.
 */
public final class MetricConfig {
    private final MetricSpec definition;
    private final String name;
    private final DType dtype;
    private final Map<String, Object> values;
    private final Set<String> given;
    private final Map<String, Object> extra;
    private final KerasVersion kerasVersion;

    MetricConfig(MetricSpec definition, String name, DType dtype, Map<String, Object> values, Set<String> given,
            Map<String, Object> extra) {
        this(definition, name, dtype, values, given, extra, KerasVersion.LATEST);
    }

    private MetricConfig(MetricSpec definition, String name, DType dtype, Map<String, Object> values,
            Set<String> given, Map<String, Object> extra, KerasVersion kerasVersion) {
        this.kerasVersion = kerasVersion;
        this.definition = definition;
        this.name = name;
        this.dtype = dtype;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.given = Set.copyOf(given);
        this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Keys beyond the declared parameters, for definitions that accept them ({@code **kwargs}). */
    public Map<String, Object> extraKeys() {
        return extra;
    }

    public MetricSpec definition() {
        return definition;
    }

    /** The metric name: the given {@code name}, or the Keras default for the class. */
    public String name() {
        return name;
    }

    public DType dtype() {
        return dtype;
    }

    /** A parsed value (null for None). */
    public Object get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException(definition.className() + " has no parameter '" + key + "'");
        }
        return values.get(key);
    }

    /** True when the caller gave this key explicitly. */
    public boolean isGiven(String key) {
        return given.contains(key);
    }

    public double getDouble(String key) {
        return ((Number) get(key)).doubleValue();
    }

    public Double getNullableDouble(String key) {
        Object v = get(key);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public int getInt(String key) {
        return ((Number) get(key)).intValue();
    }

    public Integer getNullableInt(String key) {
        Object v = get(key);
        return v == null ? null : ((Number) v).intValue();
    }

    public boolean getBool(String key) {
        return (Boolean) get(key);
    }

    public String getString(String key) {
        return (String) get(key);
    }

    @SuppressWarnings("unchecked")
    public List<Double> getDoubleList(String key) {
        return (List<Double>) get(key);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> getIntList(String key) {
        return (List<Integer>) get(key);
    }

    /** The metric's Keras {@code get_config()} map. */
    public Map<String, Object> toKerasConfig() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("dtype", dtype.kerasName());
        for (Param p : definition.params()) {
            Object v = values.get(p.key());
            switch (p.inConfigPolicy()) {
                case ALWAYS:
                    out.put(p.key(), v);
                    break;
                case WHEN_TRUE:
                    if (Boolean.TRUE.equals(v)) {
                        out.put(p.key(), v);
                    }
                    break;
                case WHEN_GIVEN:
                    if (given.contains(p.key())) {
                        out.put(p.key(), v);
                    }
                    break;
                default:
                    break;
            }
        }
        out.putAll(extra);
        return out;
    }

    /**
     * The config stored with a state snapshot: {@link #toKerasConfig()} plus the arguments Keras leaves out of
     * {@code get_config()} ({@code axis} of CosineSimilarity), so that a snapshot restores and merges only into a
     * metric that computes the same thing.
     */
    public Map<String, Object> toStateConfig() {
        Map<String, Object> out = toKerasConfig();
        for (Param p : definition.params()) {
            if (p.inConfigPolicy() == Param.InConfig.NEVER) {
                out.put(p.key(), values.get(p.key()));
            }
        }
        return out;
    }

    /** This config under the semantics of another Keras release. */
    public MetricConfig withKerasVersion(KerasVersion version) {
        return new MetricConfig(definition, name, dtype, values, given, extra, version);
    }

    /** The Keras release whose semantics the metric follows. */
    public KerasVersion kerasVersion() {
        return kerasVersion;
    }

    /**
     * Same definition and same values for every argument but {@code name}: states of such metrics can merge (a
     * state does not record the Keras release, which callers keep the same).
     */
    public boolean sameSemantics(MetricConfig other) {
        return definition.className().equals(other.definition.className()) && dtype == other.dtype
                && values.equals(other.values) && extra.equals(other.extra);
    }

    @Override
    public String toString() {
        return definition.className() + toKerasConfig();
    }
}
