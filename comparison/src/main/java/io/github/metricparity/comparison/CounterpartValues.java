package io.github.metricparity.comparison;

import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the {@link KerasCounterpart.Part}s of a set of {@link MetricPair}s on batches of targets and
 * predictions: one reference metric per distinct part (class, config, column), fed every batch (or its column).
 * Not thread-safe.
 */
public final class CounterpartValues {
    private final Map<Key, Metric> metrics = new LinkedHashMap<>();
    private final Map<KerasCounterpart.Part, Key> keys = new LinkedHashMap<>();

    /** The metric of one part, shared by parts that differ only in the element they read. */
    private record Key(String className, Map<String, Object> config, Integer column) {
    }

    /** Metrics for every part of these pairs, created with {@code registry}. */
    public CounterpartValues(List<MetricPair> pairs, MetricRegistry registry) {
        for (MetricPair pair : pairs) {
            for (KerasCounterpart.Part p : pair.keras().parts()) {
                Key k = new Key(p.className(), p.config(), p.column());
                keys.put(p, k);
                metrics.computeIfAbsent(k, x -> registry.create(x.className(), x.config()));
            }
        }
    }

    /** One batch of {@code y_true} and {@code y_pred}, both of rank 2 when a part reads one column. */
    public void update(Tensor yTrue, Tensor yPred) {
        for (Map.Entry<Key, Metric> e : metrics.entrySet()) {
            Integer c = e.getKey().column();
            if (c == null) {
                e.getValue().update(yTrue, yPred);
            } else {
                e.getValue().update(column(yTrue, c), column(yPred, c));
            }
        }
    }

    /** Every part's value. */
    public Map<KerasCounterpart.Part, Double> values() {
        Map<KerasCounterpart.Part, Double> out = new LinkedHashMap<>();
        keys.forEach((part, key) -> {
            Tensor r = metrics.get(key).result();
            out.put(part, part.element() == null ? r.item() : r.get(part.element()));
        });
        return out;
    }

    /** {@code t[:, k:k+1]} of a rank-2 tensor. */
    static Tensor column(Tensor t, int k) {
        if (t.rank() != 2 || k >= t.dim(1)) {
            throw new InvalidInputException("a comparison reads column " + k + " of a (N, C) array; got shape "
                    + t.shapeString());
        }
        int n = t.dim(0);
        int c = t.dim(1);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = t.get(i * c + k);
        }
        return Tensor.of(out, n, 1);
    }
}
