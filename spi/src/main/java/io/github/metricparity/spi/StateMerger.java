package io.github.metricparity.spi;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * Merges {@link MetricState}s: the combine step of a sharded or distributed evaluation in any engine, which only
 * has to ship states and call this. Each worker updates its own {@link Metric} over its part of the data and emits
 * {@link Metric#snapshot()}; the engine combines the snapshots with {@link #apply} (any grouping, any order) or
 * {@link #treeMerge}; {@link #metricOf} turns the merged state back into a metric to read {@code result()}. (Threads
 * of one JVM sharing a metric need none of this: {@link ConcurrentMetrics#sharded} merges their instances.)
 *
 * <h2>Merge rules</h2>
 * Two states merge when they are of the same Keras class and the same config up to {@code name} (otherwise a
 * {@link MetricException} names both); the merge is the metric's own {@link Metric#merge} (every Keras state adds
 * element-wise; a lazily built variable, absent from a state that saw no data, is taken as it is). {@code null}
 * stands for "no data": {@code apply(null, s)} and {@code apply(s, null)} are {@code s}, so {@code null} is the zero
 * value of a fold. Merging is associative and commutative; counts (accuracies, confusion matrices, AUC buckets) are
 * integers and come out identical to one pass over the same rows, whatever the grouping, while sums of real values
 * (crossentropies, errors) can differ from one pass in the last bits, since floating-point addition is
 * order-dependent.
 *
 * <h2>Engines</h2>
 * The merger and the states are {@link Serializable}, so engines ship them with Java serialisation; a method
 * reference such as {@code merger::apply} is a serialisable lambda wherever the engine's functional interface is.
 * <ul>
 *   <li><b>Spark</b>: {@code rdd.mapPartitions(rows -> one snapshot per partition).treeAggregate(null,
 *       merger::apply, merger::apply, depth)}: partitions merge on the executors in a tree of the given depth, the
 *       driver receives a few states. ({@code treeReduce(merger::apply)} fails on an RDD without partitions.) Spark's
 *       {@code KryoSerializer} ships states too, rebuilding them from their fields.</li>
 *   <li><b>Flink</b>: {@code merger::apply} is a {@code ReduceFunction<MetricState>}, after a map-partition (or a
 *       window's process function) that emits one snapshot per parallel instance. Flink ships a type it does not
 *       know with Kryo; registering {@code MetricState} with Kryo's {@code JavaSerializer}
 *       ({@code ExecutionConfig.registerTypeWithKryoSerializer}) ships its compact Java form instead.</li>
 *   <li><b>Beam</b>: {@code Combine.globally(merger::treeMerge)} over a {@code PCollection<MetricState>} coded with
 *       {@code SerializableCoder.of(MetricState.class)} (add {@code .withoutDefaults()}: the merge of nothing is
 *       {@code null}); or a {@code CombineFn} whose accumulator is a {@code MetricState}, with {@link #apply} in
 *       {@code addInput} and {@link #treeMerge} in {@code mergeAccumulators}.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * Immutable and thread-safe: every merge creates its own metric instance. The states it returns are new objects.
 */
public final class StateMerger implements BinaryOperator<MetricState>, Serializable {
    private static final long serialVersionUID = 1L;

    private final String providerId;
    // not shipped: re-created on first use from the provider id, on whichever worker the merger lands
    private transient volatile MetricRegistry registry;

    private StateMerger(String providerId) {
        this.providerId = providerId;
    }

    /**
     * A merger for the states of every Keras class, through the reference provider (states that another provider's
     * metrics of Keras classes snapshot merge the same way).
     */
    public static StateMerger reference() {
        return new StateMerger("reference");
    }

    /**
     * A merger that re-creates metrics through the {@link MetricProvider} with this id (found with ServiceLoader),
     * for states of classes that only that provider offers.
     */
    public static StateMerger forProvider(String providerId) {
        return new StateMerger(Objects.requireNonNull(providerId, "providerId"));
    }

    /**
     * The merge of two states; {@code null} is the state of no data.
     *
     * @throws MetricException if the states are of different classes or configs
     */
    @Override
    public MetricState apply(MetricState a, MetricState b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Metric m = metricOf(a);
        m.merge(b);
        return m.snapshot();
    }

    /**
     * The merge of all these states (nulls skipped), pairwise as a balanced binary tree: neighbours first, then
     * neighbouring results, so the result depends only on the order of the states, and sums accumulate rounding
     * over log2(n) levels instead of n. {@code null} when there is no state.
     *
     * @throws MetricException if the states are of different classes or configs
     */
    public MetricState treeMerge(Iterable<MetricState> states) {
        List<MetricState> level = new ArrayList<>();
        for (MetricState s : states) {
            if (s != null) {
                level.add(s);
            }
        }
        while (level.size() > 1) {
            List<MetricState> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? apply(level.get(i), level.get(i + 1)) : level.get(i));
            }
            level = next;
        }
        return level.isEmpty() ? null : level.get(0);
    }

    /**
     * A new metric of the state's class and config holding the state: read {@link Metric#result()}, or go on
     * updating it.
     *
     * @throws UnknownMetricException if the provider does not offer the state's class
     */
    public Metric metricOf(MetricState state) {
        Metric m = registry().create(state.className(), state.config());
        m.restore(state);
        return m;
    }

    private MetricRegistry registry() {
        MetricRegistry r = registry;
        if (r == null) {
            r = MetricRegistry.load(providerId);
            registry = r; // a race only loads an equal registry twice
        }
        return r;
    }

    @Override
    public String toString() {
        return "StateMerger[" + providerId + "]";
    }
}
