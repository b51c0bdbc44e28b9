package io.github.metricparity.keras.reliability;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A metric (class and config from {@link MetricInputs}) and a random stream of 1 to 4 batches of 0 to 6 samples
 * each, all weighted, none weighted, or mixed. Reproducible from {@code (className, seed)}.
 */
public record Scenario(String className, long seed, MetricInputs.Feed feed, List<Batch> batches) {

    /** Absolute and relative tolerance of the order, merge, split and weight-scaling properties. */
    public static final double TOLERANCE = 1e-6;

    /** Which samples carry weights. */
    public enum Weighting { NONE, ALL, MIXED }

    /** A random scenario: weighting chosen at random. */
    public static Scenario random(String className, long seed) {
        Random r = new Random(seed);
        return random(className, seed, r, Weighting.values()[r.nextInt(3)]);
    }

    /** A random scenario with the given weighting. */
    public static Scenario random(String className, long seed, Weighting weighting) {
        return random(className, seed, new Random(seed), weighting);
    }

    private static Scenario random(String className, long seed, Random r, Weighting weighting) {
        MetricInputs.Feed feed = MetricInputs.feed(className, r);
        int count = 1 + r.nextInt(4);
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean weighted = weighting == Weighting.ALL || (weighting == Weighting.MIXED && r.nextBoolean());
            batches.add(feed.batch(r, r.nextInt(7), weighted));
        }
        return new Scenario(className, seed, feed, List.copyOf(batches));
    }

    public Map<String, Object> config() {
        return feed.config();
    }

    /** A new, empty instance of the scenario's metric. */
    public Metric newMetric() {
        return KerasCatalog.byClassName(className).create(config());
    }

    /** A new instance fed {@code stream} in order. */
    public Metric run(List<Batch> stream) {
        Metric m = newMetric();
        for (Batch b : stream) {
            b.feed(m);
        }
        return m;
    }

    /** A new instance fed this scenario's batches. */
    public Metric run() {
        return run(batches);
    }

    /** True when {@code a} and {@code b} have the same shape and agree within {@link #TOLERANCE}. */
    public static boolean close(Tensor a, Tensor b) {
        return close(a, b, TOLERANCE);
    }

    /** True when {@code a} and {@code b} have the same shape and agree within {@code tolerance}, abs + rel. */
    public static boolean close(Tensor a, Tensor b, double tolerance) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            double x = a.get(i);
            double y = b.get(i);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                if (!(Double.isNaN(x) && Double.isNaN(y))) {
                    return false;
                }
                continue;
            }
            if (Math.abs(x - y) > tolerance + tolerance * Math.max(Math.abs(x), Math.abs(y))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return className + feed.config() + " seed=" + seed + " batches=" + batches;
    }
}
