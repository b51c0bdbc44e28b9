package io.github.metricparity.dl4j.eval;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.Nd4jTensors;
import io.github.metricparity.spi.CompileRules;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nd4j.evaluation.BaseEvaluation;
import org.nd4j.evaluation.IMetric;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J {@code IEvaluation} that computes Keras metrics: give it to {@code MultiLayerNetwork.doEvaluation},
 * {@code ComputationGraph.doEvaluation} / {@code evaluate(iterator, Map)}, an {@code EvaluativeListener}, or
 * dl4j-spark's evaluation, exactly where DL4J's own {@code Evaluation} goes.
 *
 * <pre>{@code
 * KerasEvaluation keras = KerasEvaluation.compile("accuracy", "categorical_crossentropy");
 * network.doEvaluation(testIterator, keras);
 * double accuracy = keras.value("accuracy");   // or keras.getValue(KerasMetricKey.of("accuracy"))
 * }</pre>
 *
 * <h2>What it carries</h2>
 * Any contract {@link Metric} ({@link Builder#metric(Metric)}: Keras classes go through the {@code dl4j} provider,
 * so ND4J batches reach them in place, or in one copy), metrics named by {@code keras.metrics.get} identifiers,
 * and compile() strings ({@link Builder#compile}) such as {@code "accuracy"}, which are resolved from the shapes of
 * the first batch as Keras 3 does (or with another {@link CompileRules} set and the compile loss). Results are read
 * by name:
 * {@link #value(String)}, {@link #result(String)}, {@link #values()}, or DL4J's {@link #getValue(IMetric)} with a
 * {@link KerasMetricKey}.
 *
 * <h2>Arrays and masks</h2>
 * By default the arrays are read as DL4J lays them out ({@link ArrayLayout#DL4J}): {@code [minibatch, classes]},
 * time series {@code [minibatch, classes, timeSteps]} (each time step is one example), images with the class axis
 * {@link Builder#axis}; label masks per example, per time step or per output, as DL4J's own evaluations honour them.
 * With {@link ArrayLayout#KERAS} the arrays go to the metrics as they are and the mask argument is the Keras mask.
 *
 * <h2>Sample weights</h2>
 * As in Keras's {@code compile(metrics=..., weighted_metrics=...)}, only weighted metrics
 * ({@link Builder#weightedMetric}, {@link Builder#weightedCompileAs}) take sample weights: given to
 * {@link #eval(INDArray, INDArray, INDArray, INDArray)}, or carried beside the labels as {@link SampleWeight}
 * record metadata, which DL4J's {@code doEvaluation} passes on. Every metric gets the mask; weighted metrics get the
 * mask times the sample weights. Other record metadata is ignored.
 *
 * <h2>Merging, serialisation, threads</h2>
 * {@link #merge} adds another instance's state metric by metric (the additive Keras states), so DL4J's
 * multi-threaded and Spark evaluations, which evaluate shards in separate instances and merge them, give the
 * one-pass result. {@link #newInstance()} is an empty copy, {@link #reset()} clears the states (keeping what
 * compile() strings resolved to). {@link #toJson()} / {@code BaseEvaluation.fromJson(json, KerasEvaluation.class)}
 * and Java serialisation keep the metrics, their configs and states (with Spark's Kryo, register the class with
 * Kryo's {@code JavaSerializer}, as {@code KerasKryoRegistrator} of metricparity-spark-dl4j does; a copy that lost
 * its states refuses to report). An instance is not thread-safe: use one per thread and merge.
 *
 * <p>A batch refused by any metric (wrong shapes, non-finite values, labels out of range) is refused as a whole:
 * every metric's state is left as it was.
 */
public final class KerasEvaluation extends BaseEvaluation<KerasEvaluation> {
    private static final long serialVersionUID = 1L;

    private List<MetricEntry> entries = new ArrayList<>();
    private ArrayLayout layout = ArrayLayout.DL4J;
    private int axis = 1;
    private CompileRules rules = CompileRules.KERAS_3;
    private String loss;

    private KerasEvaluation() {
        // for Jackson
    }

    private KerasEvaluation(List<MetricEntry> entries, ArrayLayout layout, int axis, CompileRules rules,
            String loss) {
        this.entries = new ArrayList<>(entries);
        this.layout = layout;
        this.axis = axis;
        this.rules = rules;
        this.loss = loss;
    }

    /** An evaluation of these metrics, DL4J array layout. */
    public static KerasEvaluation of(Metric... metrics) {
        Builder b = builder();
        for (Metric m : metrics) {
            b.metric(m);
        }
        return b.build();
    }

    /**
     * An evaluation of compile() metric strings ({@code "accuracy"}, {@code "mse"}, {@code "auc"}, ...), resolved as
     * Keras 3's {@code compile(metrics=[...])} resolves them; DL4J array layout.
     */
    public static KerasEvaluation compile(String... identifiers) {
        return builder().compile(identifiers).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- DL4J entry points

    /**
     * DL4J's entry point. {@link SampleWeight}s in the record metadata (one per example, as
     * {@link SampleWeight#attach} puts them beside the labels of a {@code DataSet}) are the Keras
     * {@code sample_weight} of the weighted metrics; any other metadata is ignored.
     */
    @Override
    public void eval(INDArray labels, INDArray predictions, INDArray mask,
            List<? extends Serializable> recordMetaData) {
        eval(labels, predictions, mask, SampleWeight.fromMetadata(recordMetaData));
    }

    /**
     * Evaluates one batch with a Keras {@code sample_weight}, kept apart from the mask as Keras's
     * {@code CompileMetrics} keeps them: every metric gets the mask; the weighted metrics
     * ({@link Builder#weightedMetric}, compile()'s {@code weighted_metrics}) get the mask times the sample weights.
     *
     * @param mask          DL4J's label mask (or, in {@link ArrayLayout#KERAS}, the Keras mask), or null
     * @param sampleWeights per example ({@code [minibatch]}), per time step or per output (the mask's kinds of
     *                      shape), or null
     * @throws InvalidInputException for arrays or weights of shapes that do not fit; the batch then changes no state
     */
    public void eval(INDArray labels, INDArray predictions, INDArray mask, INDArray sampleWeights) {
        if (labels == null || predictions == null) {
            throw new InvalidInputException("KerasEvaluation: labels and predictions are required, got labels "
                    + (labels == null ? "null" : "of shape " + Arrays.toString(labels.shape())) + " and predictions "
                    + (predictions == null ? "null" : "of shape " + Arrays.toString(predictions.shape())));
        }
        KerasBatch plain = BatchLayouts.prepare(layout, axis, labels, predictions, mask);
        KerasBatch weighted = plain;
        if (sampleWeights != null && entries.stream().anyMatch(MetricEntry::weighted)) {
            INDArray combined = BatchLayouts.combine(layout, axis, labels, mask, sampleWeights);
            weighted = BatchLayouts.prepare(layout, axis, labels, predictions, combined);
        }
        KerasBatch shapes = plain != null ? plain : weighted;
        if (shapes == null) {
            return; // every example masked
        }
        for (MetricEntry e : entries) {
            e.resolve(Nd4jTensors.intShape(shapes.yTrue()), Nd4jTensors.intShape(shapes.yPred()), loss, rules);
        }
        // all or nothing across metrics: undo the metrics already updated when a later one refuses the batch
        List<MetricState> before = new ArrayList<>(entries.size());
        int i = 0;
        try {
            for (; i < entries.size(); i++) {
                MetricEntry e = entries.get(i);
                KerasBatch batch = e.weighted() ? weighted : plain;
                before.add(entries.size() == 1 || batch == null ? null : e.metric().snapshot());
                if (batch != null) {
                    e.update(batch);
                }
            }
        } catch (RuntimeException e) {
            for (int j = 0; j < i; j++) {
                if (before.get(j) != null) {
                    entries.get(j).metric().restore(before.get(j));
                }
            }
            throw e;
        }
    }

    @Override
    public void evalTimeSeries(INDArray labels, INDArray predictions, INDArray labelsMask) {
        eval(labels, predictions, labelsMask);
    }

    /**
     * Adds another instance's states to this one's, metric by metric.
     *
     * @throws MetricException if the other instance carries other metrics (names, classes or configs)
     */
    @Override
    public void merge(KerasEvaluation other) {
        if (other == null || other == this) {
            return;
        }
        if (other.entries.size() != entries.size()) {
            throw new MetricException("cannot merge a KerasEvaluation of " + other.names() + " into one of "
                    + names());
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).name().equals(other.entries.get(i).name())) {
                throw new MetricException("cannot merge a KerasEvaluation of " + other.names() + " into one of "
                        + names());
            }
        }
        List<MetricState> before = new ArrayList<>();
        int i = 0;
        try {
            for (; i < entries.size(); i++) {
                MetricEntry mine = entries.get(i);
                MetricEntry theirs = other.entries.get(i);
                mine.adoptResolution(theirs);
                before.add(mine.metric() == null ? null : mine.metric().snapshot());
                if (theirs.isResolved()) {
                    mine.metric().merge(theirs.metric().snapshot());
                }
            }
        } catch (RuntimeException e) {
            for (int j = 0; j < i; j++) {
                if (before.get(j) != null) {
                    entries.get(j).metric().restore(before.get(j));
                }
            }
            throw e;
        }
    }

    /** Clears every metric's state; what compile() strings resolved to is kept, as Keras keeps its metrics. */
    @Override
    public void reset() {
        for (MetricEntry e : entries) {
            if (e.isResolved()) {
                e.metric().reset();
            }
        }
    }

    /** An empty evaluation of the same metrics. */
    @Override
    public KerasEvaluation newInstance() {
        List<MetricEntry> fresh = new ArrayList<>();
        for (MetricEntry e : entries) {
            fresh.add(e.fresh());
        }
        return new KerasEvaluation(fresh, layout, axis, rules, loss);
    }

    /**
     * An empty evaluation of the named metric alone, with this one's array layout, compile rules and loss: metrics
     * evaluated apart, so that one refusing a batch does not stop the others.
     *
     * @throws IllegalArgumentException if no metric has this name
     */
    public KerasEvaluation only(String name) {
        return new KerasEvaluation(List.of(entry(name).fresh()), layout, axis, rules, loss);
    }

    /** One line per metric: name, Keras class and result. */
    @Override
    public String stats() {
        StringBuilder sb = new StringBuilder("Keras metrics (metricparity):");
        for (MetricEntry e : entries) {
            sb.append("\n  ").append(e.name());
            Metric m = e.metric();
            if (m == null) {
                sb.append(": not resolved yet (no batch evaluated)");
                continue;
            }
            if (!m.className().equals(e.name())) {
                sb.append(" (").append(m.className()).append(')');
            }
            Tensor r = m.result();
            sb.append(": ").append(r.size() == 1 ? formatValue(r.item()) : r.toString());
        }
        return sb.toString();
    }

    /**
     * The value of a {@link KerasMetricKey}.
     *
     * @throws IllegalArgumentException for another kind of {@link IMetric}, or an unknown name
     */
    @Override
    public double getValue(IMetric metric) {
        if (!(metric instanceof KerasMetricKey)) {
            throw new IllegalArgumentException("KerasEvaluation reports KerasMetricKey values, e.g. "
                    + "KerasMetricKey.of(\"accuracy\"); got " + metric);
        }
        return value(((KerasMetricKey) metric).name());
    }

    // ---------------------------------------------------------------- typed results

    /**
     * The scalar result of the metric with this name.
     *
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException    for a compile() string before the first batch, or a vector result
     */
    public double value(String name) {
        Tensor r = result(name);
        if (r.size() != 1) {
            throw new IllegalStateException("metric '" + name + "' has a result of shape " + r.shapeString()
                    + ": read it with result(name)");
        }
        return r.item();
    }

    /** The result (a scalar, or a vector for metrics such as {@code F1Score(average=None)}) of a metric. */
    public Tensor result(String name) {
        return entry(name).result();
    }

    /** Every resolved metric's scalar result by name, in order (vector results are left out). */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (MetricEntry e : entries) {
            if (e.isResolved()) {
                Tensor r = e.metric().result();
                if (r.size() == 1) {
                    out.put(e.name(), r.item());
                }
            }
        }
        return out;
    }

    /** The names results are reported under, in order. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (MetricEntry e : entries) {
            out.add(e.name());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The live metric of this name (its class, config and state), or null for a compile() string not resolved
     * yet. Updating it directly bypasses the evaluation's array layout.
     */
    public Metric metric(String name) {
        return entry(name).metric();
    }

    /** The {@link IMetric} key of a metric, lower-is-better decided from its Keras class once resolved. */
    public KerasMetricKey key(String name) {
        Metric m = metric(name);
        return m == null ? KerasMetricKey.of(name) : KerasMetricKey.forClass(name, m.className());
    }

    public ArrayLayout layout() {
        return layout;
    }

    private MetricEntry entry(String name) {
        for (MetricEntry e : entries) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no metric named '" + name + "' in this KerasEvaluation (metrics: "
                + names() + ")");
    }

    /** A number as Keras's progress bar prints it: 4 decimals, scientific notation at or below 1e-3 (0 too). */
    public static String formatValue(double v) {
        return Math.abs(v) > 1e-3 ? String.format(Locale.ROOT, "%.4f", v)
                : String.format(Locale.ROOT, "%.4e", v);
    }

    /**
     * Builds a {@link KerasEvaluation}. Metric names must be unique; results are reported in the order metrics are
     * added.
     */
    public static final class Builder {
        private final List<MetricEntry> entries = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private final List<String> compileStrings = new ArrayList<>();
        private ArrayLayout layout = ArrayLayout.DL4J;
        private int axis = 1;
        private CompileRules rules = CompileRules.KERAS_3;
        private String loss;

        private Builder() {
        }

        /** Carries this metric (and its current state). */
        public Builder metric(Metric metric) {
            return add(MetricEntry.of(Objects.requireNonNull(metric, "metric"), metric.name(), false));
        }

        /** A metric named by a {@code keras.metrics.get} identifier, created with no arguments. */
        public Builder metric(String identifier) {
            return metric(MetricRegistry.of(new Dl4jMetricProvider()).get(identifier));
        }

        /** A metric named by a {@code keras.metrics.get} identifier, with its Keras config. */
        public Builder metric(String identifier, Map<String, ?> config) {
            return metric(MetricRegistry.of(new Dl4jMetricProvider()).create(identifier, config));
        }

        /**
         * compile() metric strings, resolved at the first batch from its shapes (and the {@link #loss} where the
         * {@link #rules} read it) and named after the string, as {@code compile(metrics=[...])} does.
         *
         * @throws io.github.metricparity.spi.UnknownMetricException for a string Keras could not interpret
         */
        public Builder compile(String... identifiers) {
            for (String id : identifiers) {
                compileAs(Objects.requireNonNull(id, "identifier"), id);
            }
            return this;
        }

        /**
         * A compile() metric string reported under another key (Keras reports a metric whose name is taken as
         * {@code <name>_1}, and the metrics of one output of several as {@code <output>_<name>}); the metric itself
         * is named after the string, as Keras names it.
         */
        public Builder compileAs(String identifier, String key) {
            return compiled(identifier, key, false);
        }

        /**
         * A weighted compile() metric string (compile()'s {@code weighted_metrics}): it gets the sample weights,
         * the other metrics do not. Reported under {@code key} (Keras: {@code weighted_<name>} when the name is
         * taken).
         */
        public Builder weightedCompileAs(String identifier, String key) {
            return compiled(identifier, key, true);
        }

        private Builder compiled(String identifier, String key, boolean weighted) {
            add(MetricEntry.compiled(Objects.requireNonNull(identifier, "identifier"), Objects.requireNonNull(key,
                    "key"), weighted));
            compileStrings.add(identifier);
            return this;
        }

        /** Carries this metric (and its state) reported under {@code key} instead of its name. */
        public Builder metricAs(Metric metric, String key) {
            return add(MetricEntry.of(Objects.requireNonNull(metric, "metric"), Objects.requireNonNull(key, "key"),
                    false));
        }

        /** A weighted metric (compile()'s {@code weighted_metrics}) reported under {@code key}. */
        public Builder weightedMetric(Metric metric, String key) {
            return add(MetricEntry.of(Objects.requireNonNull(metric, "metric"), Objects.requireNonNull(key, "key"),
                    true));
        }

        /** The compile() rule set (Keras 3 by default; tf.keras 2 sets for models trained with it). */
        public Builder rules(CompileRules rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /** The compile() loss, read by {@link CompileRules#KERAS_2_LOSS_BASED}. */
        public Builder loss(String loss) {
            this.loss = loss;
            return this;
        }

        /** How arrays and masks are read; {@link ArrayLayout#DL4J} by default. */
        public Builder layout(ArrayLayout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * The class axis of rank 3 to 5 arrays in {@link ArrayLayout#DL4J} (DL4J's {@code Evaluation.setAxis}):
         * 1 (default) for {@code [minibatch, classes, timeSteps]} and NCHW, 2 for NWC time series, 3 for NHWC.
         */
        public Builder axis(int axis) {
            this.axis = axis;
            return this;
        }

        private Builder add(MetricEntry e) {
            if (!names.add(e.name())) {
                throw new MetricException("a KerasEvaluation reports metrics by name, and '" + e.name()
                        + "' is there twice");
            }
            entries.add(e);
            return this;
        }

        public KerasEvaluation build() {
            if (entries.isEmpty()) {
                throw new MetricException("a KerasEvaluation needs at least one metric");
            }
            // compile strings are checked now (with placeholder shapes); shape-dependent ones such as "accuracy"
            // are resolved for real from the first batch
            MetricRegistry registry = MetricRegistry.of(new Dl4jMetricProvider());
            for (String id : compileStrings) {
                registry.resolve(rules.resolve(id, new int[] {1, 2}, new int[] {1, 2}, loss).identifier());
            }
            return new KerasEvaluation(entries, layout, axis, rules, loss);
        }
    }
}
