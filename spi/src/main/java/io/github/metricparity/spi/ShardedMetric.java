package io.github.metricparity.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A metric that many threads update at once without waiting for each other: each thread updates its own instance
 * (a shard, made by the factory on the thread's first update), and {@link #result()} / {@link #snapshot()} merge
 * the shards, as a distributed evaluation merges workers. Because every Keras metric's state is additive, the
 * result equals that of one instance fed every batch, up to floating-point summation order.
 *
 * <ul>
 *   <li>Every method is thread-safe. An update is atomic with respect to {@link #result()}: a result counts each
 *       batch entirely or not at all.</li>
 *   <li>Each shard has its own lock, which only its thread takes on update (uncontended) and a reader takes
 *       briefly to copy the shard's state.</li>
 *   <li>Shards outlive their threads: a finished worker's batches stay counted. The number of shards is the number
 *       of distinct threads that updated, plus one that holds restored and merged state.</li>
 *   <li>{@link #reset()} and {@link #restore} are meant for between epochs; run concurrently with updates, each
 *       update lands entirely before or entirely after them, shard by shard.</li>
 * </ul>
 * Created by {@link ConcurrentMetrics#sharded}. The factory must make the same metric (class and config) every
 * time: a shard of another config is refused with {@link MetricException}, and so is a read whose fresh instance
 * differs (its merge of the shards fails).
 */
public class ShardedMetric implements Metric {
    private final Supplier<? extends Metric> factory;
    private final Shard base;
    private final List<Shard> shards = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Shard> local;

    /** One instance and the lock that guards it. */
    private static final class Shard {
        final Metric metric;
        final ReentrantLock lock = new ReentrantLock();

        Shard(Metric metric) {
            this.metric = metric;
        }

        MetricState snapshot() {
            lock.lock();
            try {
                return metric.snapshot();
            } finally {
                lock.unlock();
            }
        }

        /** Runs {@code action} on this shard's metric under its lock. */
        void run(Consumer<Metric> action) {
            lock.lock();
            try {
                action.accept(metric);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * @param factory makes new, empty instances of the metric
     * @param first   the factory's first instance; it holds restored and merged state
     */
    ShardedMetric(Supplier<? extends Metric> factory, Metric first) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.base = new Shard(Objects.requireNonNull(first, "the factory returned null"));
        shards.add(base);
        this.local = ThreadLocal.withInitial(this::newShard);
    }

    private Shard newShard() {
        Metric m = factory.get();
        if (m == null || !m.className().equals(base.metric.className()) || !m.config().equals(base.metric.config())) {
            throw new MetricException("ShardedMetric: the factory made " + m + " after " + base.metric
                    + "; every shard must be the same metric");
        }
        Shard s = new Shard(m);
        shards.add(s);
        return s;
    }

    /** Runs {@code action} on the calling thread's shard, under the shard's lock. */
    final void onLocalShard(Consumer<Metric> action) {
        local.get().run(action);
    }

    /** Number of shards: threads that updated, plus the one holding restored and merged state. */
    public int shardCount() {
        return shards.size();
    }

    @Override
    public String className() {
        return base.metric.className();
    }

    @Override
    public String name() {
        return base.metric.name();
    }

    @Override
    public DType dtype() {
        return base.metric.dtype();
    }

    @Override
    public Map<String, Object> config() {
        return base.metric.config();
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        onLocalShard(m -> m.update(yTrue, yPred, sampleWeight));
    }

    /** A fresh instance holding the sum of every shard's state. */
    private Metric combined() {
        Metric total = factory.get();
        for (Shard s : shards) {
            total.merge(s.snapshot());
        }
        return total;
    }

    @Override
    public Tensor result() {
        return combined().result();
    }

    @Override
    public MetricState snapshot() {
        return combined().snapshot();
    }

    @Override
    public void reset() {
        for (Shard s : shards) {
            s.run(Metric::reset);
        }
    }

    /** Puts {@code state} in one shard and resets the others; a refused state changes nothing. */
    @Override
    public void restore(MetricState state) {
        base.run(m -> m.restore(state));
        for (Shard s : shards) {
            if (s != base) {
                s.run(Metric::reset);
            }
        }
    }

    @Override
    public void merge(MetricState other) {
        base.run(m -> m.merge(other));
    }

    @Override
    public String toString() {
        return "sharded " + base.metric;
    }

    /** The variant for {@link ValuesMetric}s ({@code Mean}, {@code Sum}). */
    static final class ValuesVariant extends ShardedMetric implements ValuesMetric {
        ValuesVariant(Supplier<? extends Metric> factory, Metric first) {
            super(factory, first);
        }

        @Override
        public void updateValues(Tensor values, Tensor sampleWeight) {
            onLocalShard(m -> ((ValuesMetric) m).updateValues(values, sampleWeight));
        }
    }
}
