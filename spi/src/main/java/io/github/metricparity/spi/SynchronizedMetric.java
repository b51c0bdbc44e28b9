package io.github.metricparity.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A metric whose every call holds one lock, so any number of threads may share it. Simple and exact (updates are
 * applied one at a time, in the order the lock is taken), but updates from many threads wait for each other; see
 * {@link ShardedMetric} for a wrapper whose updates do not contend. Created by
 * {@link ConcurrentMetrics#synchronizedMetric}.
 */
class SynchronizedMetric implements Metric {
    private final Metric delegate;
    /** The lock, also held by {@link ValuesVariant#updateValues}. */
    final Object lock = new Object();

    SynchronizedMetric(Metric delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The wrapped metric; use it only through this wrapper while other threads may. */
    Metric delegate() {
        return delegate;
    }

    @Override
    public String className() {
        return delegate.className();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public DType dtype() {
        return delegate.dtype();
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        synchronized (lock) {
            delegate.update(yTrue, yPred, sampleWeight);
        }
    }

    @Override
    public Tensor result() {
        synchronized (lock) {
            return delegate.result();
        }
    }

    @Override
    public void reset() {
        synchronized (lock) {
            delegate.reset();
        }
    }

    @Override
    public Map<String, Object> config() {
        synchronized (lock) {
            return delegate.config();
        }
    }

    @Override
    public MetricState snapshot() {
        synchronized (lock) {
            return delegate.snapshot();
        }
    }

    @Override
    public void restore(MetricState state) {
        synchronized (lock) {
            delegate.restore(state);
        }
    }

    @Override
    public void merge(MetricState other) {
        synchronized (lock) {
            delegate.merge(other);
        }
    }

    /** Takes {@code other}'s snapshot before locking this one, so two metrics merging each other cannot deadlock. */
    @Override
    public void merge(Metric other) {
        merge(other.snapshot());
    }

    @Override
    public String toString() {
        return "synchronized " + delegate;
    }

    /** The variant for {@link ValuesMetric}s ({@code Mean}, {@code Sum}). */
    static final class ValuesVariant extends SynchronizedMetric implements ValuesMetric {
        ValuesVariant(ValuesMetric delegate) {
            super(delegate);
        }

        @Override
        public void updateValues(Tensor values, Tensor sampleWeight) {
            synchronized (lock) {
                ((ValuesMetric) delegate()).updateValues(values, sampleWeight);
            }
        }
    }
}
