package io.github.metricparity.dl4j.eval;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.Nd4jMetric;
import io.github.metricparity.dl4j.Nd4jTensors;
import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.CompileRules;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricProvider;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * One metric carried by a {@link KerasEvaluation}: what it is (class, Keras config, the provider that creates it),
 * or the compile() string it is resolved from at the first batch, and its live instance.
 *
 * <p>Serialised forms (DL4J's JSON through nd4j's shaded Jackson, and Java serialisation for Spark) hold the class,
 * config, provider id and the state snapshot ({@link MetricState#toMap()}); the instance is re-created from them
 * on first use. A serialiser that copies fields and skips {@code writeObject} (Kryo's {@code FieldSerializer}, which
 * Spark uses with {@code spark.serializer=KryoSerializer}) would drop the state; the entry notices and refuses to
 * report a result rather than report an empty state's.
 */
final class MetricEntry implements Serializable {
    private static final long serialVersionUID = 1L;

    private String name;
    private String compileIdentifier;
    private String className;
    private Map<String, Object> config;
    private String provider;
    private boolean weighted;
    private transient Metric metric;
    private transient Map<String, Object> pendingState;
    // true while the state lives in metric or pendingState; a field-copying serialiser keeps it and drops them both
    @JsonIgnore
    private boolean stateful;

    private MetricEntry() {
        // for Jackson
    }

    private MetricEntry(String name, String compileIdentifier, String className, Map<String, Object> config,
            String provider, boolean weighted, Metric metric) {
        this.name = name;
        this.weighted = weighted;
        this.compileIdentifier = compileIdentifier;
        this.className = className;
        this.config = config == null ? null : new LinkedHashMap<>(config);
        this.provider = provider;
        this.metric = metric;
        this.stateful = metric != null;
    }

    /** An entry for a metric instance (its state is carried along), reported under {@code key}. */
    static MetricEntry of(Metric metric, String key, boolean weighted) {
        if (KerasCatalog.byClassName(metric.className()) != null && !(metric instanceof Nd4jMetric)) {
            // the same Keras class through the dl4j provider, which takes batches of ND4J arrays
            Nd4jMetric nd4j = new Dl4jMetricProvider().create(metric.className(), metric.config());
            nd4j.restore(metric.snapshot());
            metric = nd4j;
        }
        String provider = metric instanceof Nd4jMetric ? Dl4jMetricProvider.ID : providerOf(metric.className());
        return new MetricEntry(key, null, metric.className(), metric.config(), provider, weighted, metric);
    }

    /**
     * An entry resolved from a compile() string at the first batch, reported under {@code key}; the metric is named
     * after the string, as Keras names it.
     */
    static MetricEntry compiled(String identifier, String key, boolean weighted) {
        return new MetricEntry(key, identifier, null, null, Dl4jMetricProvider.ID, weighted, null);
    }

    /** A fresh entry of the same metric (resolved or not), with an empty state. */
    MetricEntry fresh() {
        return new MetricEntry(name, compileIdentifier, className, config, provider, weighted, null);
    }

    /** The key results are reported under. */
    String name() {
        return name;
    }

    /** True for a weighted metric: it gets the sample weights. */
    boolean weighted() {
        return weighted;
    }

    boolean isResolved() {
        return className != null;
    }

    /** Resolves a compile() string from the shapes of the first batch, as Keras builds its compile metrics. */
    void resolve(int[] yTrueShape, int[] yPredShape, String loss, CompileRules rules) {
        if (isResolved()) {
            return;
        }
        Metric m = MetricRegistry.of(new Dl4jMetricProvider()).compile(compileIdentifier, yTrueShape, yPredShape,
                loss, rules);
        if (!compileIdentifier.equals(m.name())) {
            Map<String, Object> renamed = new LinkedHashMap<>(m.config());
            renamed.put("name", compileIdentifier);
            m = new Dl4jMetricProvider().create(m.className(), renamed);
        }
        className = m.className();
        config = new LinkedHashMap<>(m.config());
        metric = m;
        stateful = true;
    }

    /** Takes the resolution of an entry of another instance (merging into an instance that saw no data). */
    void adoptResolution(MetricEntry other) {
        if (!isResolved() && other.isResolved()) {
            className = other.className;
            config = new LinkedHashMap<>(other.config);
            provider = other.provider;
            metric = null;
            pendingState = null;
            stateful = false;
        }
    }

    /**
     * The live metric; null while a compile() string is unresolved.
     *
     * @throws IllegalStateException if a serialiser dropped the state (see the class comment)
     */
    Metric metric() {
        if (metric == null && isResolved()) {
            if (stateful && pendingState == null) {
                throw new IllegalStateException("the state of metric '" + name + "' was lost in serialisation: this "
                        + "KerasEvaluation was copied field by field (Kryo's FieldSerializer?) instead of through "
                        + "Java serialisation. With Spark's KryoSerializer, add "
                        + "io.github.metricparity.spark.KerasKryoRegistrator (metricparity-spark-dl4j) to "
                        + "spark.kryo.registrator");
            }
            metric = providerFor(provider).create(className, config);
            stateful = true;
            if (pendingState != null) {
                metric.restore(MetricState.fromMap(pendingState));
                pendingState = null;
            }
        }
        return metric;
    }

    /** Updates the metric with a batch in Keras layout. */
    void update(KerasBatch b) {
        Metric m = metric();
        if (m instanceof Nd4jMetric) {
            ((Nd4jMetric) m).update(b.yTrue(), b.yPred(), b.sampleWeight());
        } else {
            m.update(Nd4jTensors.toTensor(b.yTrue()), Nd4jTensors.toTensor(b.yPred()),
                    Nd4jTensors.toTensor(b.sampleWeight()));
        }
    }

    /** The result; fails while unresolved. */
    Tensor result() {
        Metric m = metric();
        if (m == null) {
            throw new IllegalStateException("metric '" + name + "' is resolved from the shapes of the first batch "
                    + "(compile string '" + compileIdentifier + "'), and no batch was evaluated yet");
        }
        return m.result();
    }

    /** The state in {@link MetricState#toMap()} layout, or null while unresolved. */
    @JsonProperty("state")
    private Map<String, Object> stateMap() {
        if (metric == null) {
            return pendingState;
        }
        return metric.snapshot().toMap();
    }

    @JsonProperty("state")
    private void stateMap(Map<String, Object> state) {
        this.pendingState = state;
        this.metric = null;
        this.stateful = state != null;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        Map<String, Object> state = stateMap();
        out.writeObject(state == null ? null : new LinkedHashMap<>(state));
    }

    @SuppressWarnings("unchecked")
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        pendingState = (Map<String, Object>) in.readObject();
    }

    private static String providerOf(String className) {
        for (MetricProvider p : MetricRegistry.providers()) {
            if (p.metrics().stream().anyMatch(i -> i.className().equals(className))) {
                return p.id();
            }
        }
        throw new MetricException("no MetricProvider on the class path offers " + className
                + ": a KerasEvaluation re-creates its metrics through their provider");
    }

    private static MetricProvider providerFor(String id) {
        if (Dl4jMetricProvider.ID.equals(id)) {
            return new Dl4jMetricProvider();
        }
        return MetricRegistry.load(id).provider();
    }
}
