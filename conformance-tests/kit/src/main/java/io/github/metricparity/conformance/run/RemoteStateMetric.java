package io.github.metricparity.conformance.run;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.ValuesMetric;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of metric handles whose state lives outside this JVM object (in an external process, or in the run that
 * recorded a replayed case): the class name and config are known here, {@link #snapshot()}, {@link #restore} and
 * {@link #merge} are not available.
 */
public abstract class RemoteStateMetric implements ValuesMetric {
    private final String className;
    private final Map<String, Object> config;
    private final String stateLocation;

    /**
     * @param stateLocation completes "the state ... lives in", e.g. "its process"
     */
    protected RemoteStateMetric(String className, Map<String, Object> config, String stateLocation) {
        this.className = className;
        // configs may hold JSON nulls, which Map.copyOf refuses
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        this.stateLocation = stateLocation;
    }

    @Override
    public final String className() {
        return className;
    }

    @Override
    public final String name() {
        Object name = config.get("name");
        return name instanceof String ? (String) name : className;
    }

    @Override
    public final DType dtype() {
        Object dtype = config.get("dtype");
        return dtype instanceof String ? DType.parse((String) dtype) : DType.FLOAT32;
    }

    @Override
    public final Map<String, Object> config() {
        return config;
    }

    @Override
    public final MetricState snapshot() {
        throw new UnsupportedOperationException(stateElsewhere());
    }

    @Override
    public final void restore(MetricState state) {
        throw new UnsupportedOperationException(stateElsewhere());
    }

    @Override
    public final void merge(MetricState other) {
        throw new UnsupportedOperationException(stateElsewhere());
    }

    private String stateElsewhere() {
        return className + ": the state of this metric lives in " + stateLocation;
    }
}
