package io.github.metricparity.keras.reliability;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.MetricDefinition;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Valid inputs for every metric class of {@link KerasCatalog}, in one table keyed by class name: for each class, a
 * random valid config and batches that fit it (probabilities, logits, one-hot or sparse labels, multi-label,
 * regression values...). Every reliability test (properties, bad-input outcomes, threads, checkpoints, the update
 * fuzz target) draws its inputs from here, so a class without an entry fails them all: add one when a family lands.
 *
 * <p>Inputs avoid exact ties with thresholds (values are random doubles; constrained rates use targets such as
 * 0.4321 that small count ratios cannot hit), so float32 rounding never turns a reordering into a different
 * per-element decision.
 */
public final class MetricInputs {

    /** How a result responds to multiplying every sample weight by a constant {@code c > 0}. */
    public enum WeightScaling {
        /** Unchanged: weighted means and ratios of weighted counts. */
        INVARIANT,
        /** Multiplied by {@code c}: weighted sums and counts ({@code Sum}, {@code TruePositives}, ...). */
        LINEAR
    }

    /** A config, and a maker of batches that fit it and each other. */
    public interface Feed {
        /** The Keras config (constructor keywords). */
        Map<String, Object> config();

        /**
         * A batch of {@code rows} samples; with {@code weighted}, per-sample weights in {@code [0, 3)} (some exactly
         * 0).
         */
        Batch batch(Random r, int rows, boolean weighted);

        /** When {@code y_true} holds sparse class ids: the number of classes; otherwise 0. */
        default int sparseClasses() {
            return 0;
        }
    }

    private record Spec(Function<Random, Feed> feeds, WeightScaling scaling) {
    }

    private static final Map<String, Spec> TABLE = new LinkedHashMap<>();

    static {
        reduction();
        accuracy();
        probabilistic();
    }

    private MetricInputs() {
    }

    /** The classes that have inputs. */
    public static Set<String> classes() {
        return Collections.unmodifiableSet(TABLE.keySet());
    }

    /**
     * A random feed for a class.
     *
     * @throws AssertionError when the class has no entry: add one to this table
     */
    public static Feed feed(String className, Random r) {
        return spec(className).feeds.apply(r);
    }

    /** How the class's result responds to scaling every weight. */
    public static WeightScaling weightScaling(String className) {
        return spec(className).scaling;
    }

    private static Spec spec(String className) {
        Spec s = TABLE.get(className);
        if (s == null) {
            throw new AssertionError("MetricInputs has no input generator for " + className
                    + ": add one (valid configs and batches) so the reliability tests cover it");
        }
        return s;
    }

    private static void put(String className, WeightScaling scaling, Function<Random, Feed> feeds) {
        if (TABLE.put(className, new Spec(feeds, scaling)) != null) {
            throw new IllegalStateException("two entries for " + className);
        }
    }

    /** A feed whose batches come from a function of (random, rows) plus optional weights. */
    private static Feed feed(Map<String, Object> config, int sparseClasses, BatchMaker maker) {
        Map<String, Object> frozen = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        return new Feed() {
            @Override
            public Map<String, Object> config() {
                return frozen;
            }

            @Override
            public Batch batch(Random r, int rows, boolean weighted) {
                Tensor[] tp = maker.make(r, rows);
                return new Batch(tp[0], tp[1], weighted ? Gen.weights(r, rows) : null);
            }

            @Override
            public int sparseClasses() {
                return sparseClasses;
            }

            @Override
            public String toString() {
                return "Feed" + frozen;
            }
        };
    }

    /** Makes {@code {y_true, y_pred}} (or {@code {null, values}}) for {@code rows} samples. */
    private interface BatchMaker {
        Tensor[] make(Random r, int rows);
    }

    private static Map<String, Object> config(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    // ---------------------------------------------------------------- reduction_metrics

    private static void reduction() {
        Function<Random, Feed> values = r -> {
            int k = r.nextInt(3);
            return feed(config(), 0, (g, n) -> new Tensor[] {null,
                    k == 0 ? Gen.uniform(g, -5, 5, n) : Gen.uniform(g, -5, 5, n, k)});
        };
        put("Mean", WeightScaling.INVARIANT, values);
        put("Sum", WeightScaling.LINEAR, values);
        put("MeanMetricWrapper", WeightScaling.INVARIANT, r -> {
            List<MetricDefinition> wrapped = new ArrayList<>();
            for (MetricDefinition d : KerasCatalog.all()) {
                if (d.functionName() != null && TABLE.containsKey(d.className())) {
                    wrapped.add(d);
                }
            }
            MetricDefinition d = wrapped.get(r.nextInt(wrapped.size()));
            Feed inner = feed(d.className(), r);
            Map<String, Object> cfg = config("fn", d.functionName());
            cfg.putAll(inner.config());
            return feed(cfg, inner.sparseClasses(), (g, n) -> {
                Batch b = inner.batch(g, n, false);
                return new Tensor[] {b.yTrue(), b.yPred()};
            });
        });
    }

    // ---------------------------------------------------------------- accuracy_metrics

    private static void accuracy() {
        put("Accuracy", WeightScaling.INVARIANT, r -> {
            int classes = 2 + r.nextInt(3);
            boolean trueColumn = r.nextBoolean();
            boolean predColumn = r.nextBoolean();
            return feed(config(), 0, (g, n) -> new Tensor[] {
                    Gen.ints(g, classes, Gen.labelShape(n, trueColumn)),
                    Gen.ints(g, classes, Gen.labelShape(n, predColumn))});
        });
        put("BinaryAccuracy", WeightScaling.INVARIANT, r -> {
            Map<String, Object> cfg = r.nextBoolean() ? config() : config("threshold", 0.2 + 0.6 * r.nextDouble());
            int width = r.nextInt(4); // 0: (N,), else (N, width)
            return feed(cfg, 0, (g, n) -> {
                int[] shape = width == 0 ? new int[] {n} : new int[] {n, width};
                return new Tensor[] {Gen.ints(g, 2, shape), Gen.probabilities(g, shape)};
            });
        });
        put("CategoricalAccuracy", WeightScaling.INVARIANT, r -> {
            int classes = 2 + r.nextInt(4);
            return feed(config(), 0, (g, n) -> new Tensor[] {Gen.oneHot(g, n, classes),
                    Gen.distribution(g, n, classes)});
        });
        put("SparseCategoricalAccuracy", WeightScaling.INVARIANT, r -> {
            int classes = 2 + r.nextInt(4);
            boolean column = r.nextBoolean();
            return feed(config(), classes, (g, n) -> new Tensor[] {
                    Gen.ints(g, classes, Gen.labelShape(n, column)), Gen.distribution(g, n, classes)});
        });
        put("TopKCategoricalAccuracy", WeightScaling.INVARIANT, r -> {
            int classes = 2 + r.nextInt(5);
            Map<String, Object> cfg = r.nextBoolean() ? config() : config("k", 1 + r.nextInt(classes));
            return feed(cfg, 0, (g, n) -> new Tensor[] {Gen.oneHot(g, n, classes),
                    Gen.distribution(g, n, classes)});
        });
        put("SparseTopKCategoricalAccuracy", WeightScaling.INVARIANT, r -> {
            int classes = 2 + r.nextInt(5);
            boolean column = r.nextBoolean();
            Map<String, Object> cfg = r.nextBoolean() ? config() : config("k", 1 + r.nextInt(classes));
            if (r.nextInt(3) == 0) {
                cfg.put("from_sorted_ids", true);
                return feed(cfg, 0, (g, n) -> new Tensor[] {
                        Gen.ints(g, classes, Gen.labelShape(n, column)), Gen.sortedIds(g, n, classes)});
            }
            return feed(cfg, classes, (g, n) -> new Tensor[] {
                    Gen.ints(g, classes, Gen.labelShape(n, column)), Gen.distribution(g, n, classes)});
        });
    }

    // ---------------------------------------------------------------- probabilistic_metrics

    private static void probabilistic() {
        put("KLDivergence", WeightScaling.INVARIANT, r -> {
            int classes = 2 + r.nextInt(4);
            boolean hard = r.nextBoolean();
            return feed(config(), 0, (g, n) -> new Tensor[] {
                    hard ? Gen.oneHot(g, n, classes) : Gen.distribution(g, n, classes),
                    Gen.distribution(g, n, classes)});
        });
        put("Poisson", WeightScaling.INVARIANT, r -> {
            int width = 1 + r.nextInt(3);
            return feed(config(), 0, (g, n) -> new Tensor[] {Gen.ints(g, 5, n, width),
                    Gen.uniform(g, 0.05, 5, n, width)});
        });
        put("BinaryCrossentropy", WeightScaling.INVARIANT, r -> {
            boolean logits = r.nextBoolean();
            Map<String, Object> cfg = config("from_logits", logits);
            if (r.nextBoolean()) {
                cfg.put("label_smoothing", 0.3 * r.nextDouble());
            }
            boolean soft = r.nextInt(3) == 0;
            int width = 1 + r.nextInt(3);
            return feed(cfg, 0, (g, n) -> new Tensor[] {
                    soft ? Gen.probabilities(g, n, width) : Gen.ints(g, 2, n, width),
                    logits ? Gen.uniform(g, -6, 6, n, width) : Gen.probabilities(g, n, width)});
        });
        put("CategoricalCrossentropy", WeightScaling.INVARIANT, r -> {
            boolean logits = r.nextBoolean();
            Map<String, Object> cfg = config("from_logits", logits);
            if (r.nextBoolean()) {
                cfg.put("label_smoothing", 0.3 * r.nextDouble());
            }
            int classes = 2 + r.nextInt(4);
            boolean soft = r.nextInt(3) == 0;
            return feed(cfg, 0, (g, n) -> new Tensor[] {
                    soft ? Gen.distribution(g, n, classes) : Gen.oneHot(g, n, classes),
                    logits ? Gen.uniform(g, -6, 6, n, classes) : Gen.distribution(g, n, classes)});
        });
        put("SparseCategoricalCrossentropy", WeightScaling.INVARIANT, r -> {
            boolean logits = r.nextBoolean();
            int classes = 2 + r.nextInt(4);
            Map<String, Object> cfg = config("from_logits", logits);
            if (r.nextInt(3) == 0) {
                cfg.put("ignore_class", r.nextInt(classes));
            }
            boolean column = r.nextBoolean();
            return feed(cfg, classes, (g, n) -> new Tensor[] {
                    Gen.ints(g, classes, Gen.labelShape(n, column)),
                    logits ? Gen.uniform(g, -6, 6, n, classes) : Gen.distribution(g, n, classes)});
        });
    }
}
