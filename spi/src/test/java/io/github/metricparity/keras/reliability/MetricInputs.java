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
import java.util.function.Predicate;

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
        /**
         * Unchanged up to an epsilon Keras adds to a denominator ({@code tp / (tp + fp + 1e-7)}: IoU, F-scores):
         * checked for {@code c} in [1, 1000] with a tolerance of {@value #EPSILON_TOLERANCE}.
         */
        INVARIANT_UP_TO_EPSILON,
        /** Multiplied by {@code c}: weighted sums and counts ({@code Sum}, {@code TruePositives}, ...). */
        LINEAR,
        /** Neither: an integer dtype truncates fractional weights toward zero (the IoU family's default). */
        NONE
    }

    /** Tolerance of the reordering properties for AUC's PR curve with interpolation. */
    public static final double AUC_PR_TOLERANCE = 1e-4;

    /** Tolerance of R2Score's order, merge, split and weight-scaling properties. */
    public static final double R2_TOLERANCE = 1e-4;

    /** Tolerance of {@link WeightScaling#INVARIANT_UP_TO_EPSILON}. */
    public static final double EPSILON_TOLERANCE = 1e-5;

    /** A config, and a maker of batches that fit it and each other. */
    public static final class Feed {
        private final Map<String, Object> config;
        private final int sparseClasses;
        private final WeightScaling weightScaling;
        private final BatchMaker maker;
        private final Predicate<List<Batch>> conditioned;
        private final double tolerance;

        Feed(Map<String, Object> config, int sparseClasses, WeightScaling weightScaling, BatchMaker maker) {
            this(config, sparseClasses, weightScaling, maker, b -> true, Scenario.TOLERANCE);
        }

        private Feed(Map<String, Object> config, int sparseClasses, WeightScaling weightScaling, BatchMaker maker,
                Predicate<List<Batch>> conditioned, double tolerance) {
            this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
            this.sparseClasses = sparseClasses;
            this.weightScaling = weightScaling;
            this.maker = maker;
            this.conditioned = conditioned;
            this.tolerance = tolerance;
        }

        /**
         * Tolerance (absolute plus relative) of the properties that reorder sums: {@link Scenario#TOLERANCE}, or
         * more for a metric that rounds its accumulated sums to float32 as Keras does (R2Score).
         */
        public double tolerance() {
            return tolerance;
        }

        /**
         * False for a stream of batches whose result is ill-conditioned, so that reordering float32 sums changes it
         * beyond the properties' tolerance (R2Score of fewer than 2 weighted samples, or of nearly constant
         * targets: {@code Σw·y² - (Σw·y)²/Σw} cancels); the order, merge, split and weight-scaling properties skip
         * such streams.
         */
        public boolean conditioned(List<Batch> stream) {
            return conditioned.test(stream);
        }

        Feed conditionedOn(Predicate<List<Batch>> test, double newTolerance) {
            return new Feed(config, sparseClasses, weightScaling, maker, test, newTolerance);
        }

        Feed withTolerance(double newTolerance) {
            return new Feed(config, sparseClasses, weightScaling, maker, conditioned, newTolerance);
        }

        /** The Keras config (constructor keywords). */
        public Map<String, Object> config() {
            return config;
        }

        /**
         * A batch of {@code rows} samples; with {@code weighted}, per-sample weights of shape {@code (rows,)}, 0 or
         * in [0.1, 3).
         */
        public Batch batch(Random r, int rows, boolean weighted) {
            Tensor[] tp = maker.make(r, rows);
            return new Batch(tp[0], tp[1], weighted ? Gen.weights(r, rows) : null);
        }

        /**
         * When {@code y_true} holds sparse class ids that an out-of-range value makes the metric refuse: the number
         * of classes; otherwise 0.
         */
        public int sparseClasses() {
            return sparseClasses;
        }

        /** How this metric's result responds to scaling every weight. */
        public WeightScaling weightScaling() {
            return weightScaling;
        }

        @Override
        public String toString() {
            return "Feed" + config;
        }
    }

    /** Makes {@code {y_true, y_pred}} (or {@code {null, values}}) for {@code rows} samples. */
    interface BatchMaker {
        Tensor[] make(Random r, int rows);
    }

    private static final Map<String, Function<Random, Feed>> TABLE = new LinkedHashMap<>();

    static {
        reduction();
        accuracy();
        probabilistic();
        confusion();
        iou();
        fscore();
        regression();
        hinge();
        correlation();
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
        Function<Random, Feed> f = TABLE.get(className);
        if (f == null) {
            throw new AssertionError("MetricInputs has no input generator for " + className
                    + ": add one (valid configs and batches) so the reliability tests cover it");
        }
        return f.apply(r);
    }

    private static void put(String className, Function<Random, Feed> feeds) {
        if (TABLE.put(className, feeds) != null) {
            throw new IllegalStateException("two entries for " + className);
        }
    }

    private static Feed feed(Map<String, Object> config, int sparseClasses, WeightScaling scaling, BatchMaker maker) {
        return new Feed(config, sparseClasses, scaling, maker);
    }

    /** A feed of a weighted mean (every MeanMetricWrapper). */
    private static Feed mean(Map<String, Object> config, int sparseClasses, BatchMaker maker) {
        return feed(config, sparseClasses, WeightScaling.INVARIANT, maker);
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
        BatchMaker[] values = new BatchMaker[3];
        values[0] = (g, n) -> new Tensor[] {null, Gen.uniform(g, -5, 5, n)};
        values[1] = (g, n) -> new Tensor[] {null, Gen.uniform(g, -5, 5, n, 1)};
        values[2] = (g, n) -> new Tensor[] {null, Gen.uniform(g, -5, 5, n, 2)};
        put("Mean", r -> mean(config(), 0, values[r.nextInt(3)]));
        put("Sum", r -> feed(config(), 0, WeightScaling.LINEAR, values[r.nextInt(3)]));
        put("MeanMetricWrapper", r -> {
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
            return feed(cfg, inner.sparseClasses(), inner.weightScaling(), inner.maker);
        });
    }

    // ---------------------------------------------------------------- accuracy_metrics

    private static void accuracy() {
        put("Accuracy", r -> {
            int classes = 2 + r.nextInt(3);
            boolean trueColumn = r.nextBoolean();
            boolean predColumn = r.nextBoolean();
            return mean(config(), 0, (g, n) -> new Tensor[] {
                    Gen.ints(g, classes, Gen.labelShape(n, trueColumn)),
                    Gen.ints(g, classes, Gen.labelShape(n, predColumn))});
        });
        put("BinaryAccuracy", r -> {
            Map<String, Object> cfg = r.nextBoolean() ? config() : config("threshold", 0.2 + 0.6 * r.nextDouble());
            int width = r.nextInt(4); // 0: (N,), else (N, width)
            return mean(cfg, 0, (g, n) -> {
                int[] shape = width == 0 ? new int[] {n} : new int[] {n, width};
                return new Tensor[] {Gen.ints(g, 2, shape), Gen.probabilities(g, shape)};
            });
        });
        put("CategoricalAccuracy", r -> {
            int classes = 2 + r.nextInt(4);
            return mean(config(), 0, (g, n) -> new Tensor[] {Gen.oneHot(g, n, classes),
                    Gen.distribution(g, n, classes)});
        });
        put("SparseCategoricalAccuracy", r -> {
            int classes = 2 + r.nextInt(4);
            boolean column = r.nextBoolean();
            return mean(config(), classes, (g, n) -> new Tensor[] {
                    Gen.ints(g, classes, Gen.labelShape(n, column)), Gen.distribution(g, n, classes)});
        });
        put("TopKCategoricalAccuracy", r -> {
            int classes = 2 + r.nextInt(5);
            Map<String, Object> cfg = r.nextBoolean() ? config() : config("k", 1 + r.nextInt(classes));
            return mean(cfg, 0, (g, n) -> new Tensor[] {Gen.oneHot(g, n, classes),
                    Gen.distribution(g, n, classes)});
        });
        put("SparseTopKCategoricalAccuracy", r -> {
            int classes = 2 + r.nextInt(5);
            boolean column = r.nextBoolean();
            Map<String, Object> cfg = r.nextBoolean() ? config() : config("k", 1 + r.nextInt(classes));
            if (r.nextInt(3) == 0) {
                cfg.put("from_sorted_ids", true);
                return mean(cfg, 0, (g, n) -> new Tensor[] {
                        Gen.ints(g, classes, Gen.labelShape(n, column)), Gen.sortedIds(g, n, classes)});
            }
            return mean(cfg, classes, (g, n) -> new Tensor[] {
                    Gen.ints(g, classes, Gen.labelShape(n, column)), Gen.distribution(g, n, classes)});
        });
    }

    // ---------------------------------------------------------------- probabilistic_metrics

    private static void probabilistic() {
        put("KLDivergence", r -> {
            int classes = 2 + r.nextInt(4);
            boolean hard = r.nextBoolean();
            return mean(config(), 0, (g, n) -> new Tensor[] {
                    hard ? Gen.oneHot(g, n, classes) : Gen.distribution(g, n, classes),
                    Gen.distribution(g, n, classes)});
        });
        put("Poisson", r -> {
            int width = 1 + r.nextInt(3);
            return mean(config(), 0, (g, n) -> new Tensor[] {Gen.ints(g, 5, n, width),
                    Gen.uniform(g, 0.05, 5, n, width)});
        });
        put("BinaryCrossentropy", r -> {
            boolean logits = r.nextBoolean();
            Map<String, Object> cfg = config("from_logits", logits);
            if (r.nextBoolean()) {
                cfg.put("label_smoothing", 0.3 * r.nextDouble());
            }
            boolean soft = r.nextInt(3) == 0;
            int width = 1 + r.nextInt(3);
            return mean(cfg, 0, (g, n) -> new Tensor[] {
                    soft ? Gen.probabilities(g, n, width) : Gen.ints(g, 2, n, width),
                    logits ? Gen.uniform(g, -6, 6, n, width) : Gen.probabilities(g, n, width)});
        });
        put("CategoricalCrossentropy", r -> {
            boolean logits = r.nextBoolean();
            Map<String, Object> cfg = config("from_logits", logits);
            if (r.nextBoolean()) {
                cfg.put("label_smoothing", 0.3 * r.nextDouble());
            }
            int classes = 2 + r.nextInt(4);
            boolean soft = r.nextInt(3) == 0;
            return mean(cfg, 0, (g, n) -> new Tensor[] {
                    soft ? Gen.distribution(g, n, classes) : Gen.oneHot(g, n, classes),
                    logits ? Gen.uniform(g, -6, 6, n, classes) : Gen.distribution(g, n, classes)});
        });
        put("SparseCategoricalCrossentropy", r -> {
            boolean logits = r.nextBoolean();
            int classes = 2 + r.nextInt(4);
            Map<String, Object> cfg = config("from_logits", logits);
            if (r.nextInt(3) == 0) {
                cfg.put("ignore_class", r.nextInt(classes));
            }
            boolean column = r.nextBoolean();
            return mean(cfg, classes, (g, n) -> new Tensor[] {
                    Gen.ints(g, classes, Gen.labelShape(n, column)),
                    logits ? Gen.uniform(g, -6, 6, n, classes) : Gen.distribution(g, n, classes)});
        });
    }

    // ---------------------------------------------------------------- confusion_metrics

    /** {@code thresholds}: absent (default 0.5), one number, or a list of 1 to 4 numbers in [0, 1]. */
    private static void putThresholds(Random r, Map<String, Object> cfg) {
        switch (r.nextInt(3)) {
            case 0:
                return;
            case 1:
                cfg.put("thresholds", r.nextDouble());
                return;
            default:
                List<Object> list = new ArrayList<>();
                for (int i = 1 + r.nextInt(4); i > 0; i--) {
                    list.add(r.nextDouble());
                }
                cfg.put("thresholds", list);
        }
    }

    /** Binary labels and probabilities of shape (N,), (N, 1) or (N, width). */
    private static BatchMaker binary(int width, boolean logits) {
        return (g, n) -> {
            int[] shape = width == 0 ? new int[] {n} : new int[] {n, width};
            return new Tensor[] {Gen.ints(g, 2, shape),
                    logits ? Gen.uniform(g, -6, 6, shape) : Gen.probabilities(g, shape)};
        };
    }

    private static void confusion() {
        for (String cls : List.of("TruePositives", "FalsePositives", "TrueNegatives", "FalseNegatives")) {
            put(cls, r -> {
                Map<String, Object> cfg = config();
                putThresholds(r, cfg);
                return feed(cfg, 0, WeightScaling.LINEAR, binary(r.nextInt(4), false));
            });
        }
        for (String cls : List.of("Precision", "Recall")) {
            put(cls, r -> {
                Map<String, Object> cfg = config();
                int classes = 2 + r.nextInt(3);
                boolean perClass = r.nextBoolean();
                if (perClass && r.nextBoolean()) {
                    cfg.put("top_k", 1 + r.nextInt(classes));
                }
                if (perClass && r.nextBoolean()) {
                    cfg.put("class_id", r.nextInt(classes));
                }
                if (!cfg.containsKey("top_k") || r.nextBoolean()) {
                    putThresholds(r, cfg);
                }
                return mean(cfg, 0, binary(perClass ? classes : r.nextInt(4), false));
            });
        }
        Map<String, String> atValue = Map.of("SensitivityAtSpecificity", "specificity", "SpecificityAtSensitivity",
                "sensitivity", "PrecisionAtRecall", "recall", "RecallAtPrecision", "precision");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(atValue).entrySet()) {
            put(e.getKey(), r -> {
                // a target no ratio of small counts hits exactly, so rounding never flips a constraint
                Map<String, Object> cfg = config(e.getValue(), 0.05 + 0.9 * r.nextDouble());
                if (r.nextBoolean()) {
                    cfg.put("num_thresholds", 1 + r.nextInt(60));
                }
                int classes = 2 + r.nextInt(3);
                boolean perClass = r.nextBoolean();
                if (perClass) {
                    cfg.put("class_id", r.nextInt(classes));
                }
                return mean(cfg, 0, binary(perClass ? classes : r.nextInt(4), false));
            });
        }
        put("AUC", r -> {
            Map<String, Object> cfg = config();
            if (r.nextInt(4) == 0) {
                List<Object> list = new ArrayList<>();
                for (int i = 1 + r.nextInt(5); i > 0; i--) {
                    list.add(r.nextDouble());
                }
                cfg.put("thresholds", list);
            } else if (r.nextBoolean()) {
                cfg.put("num_thresholds", 2 + r.nextInt(60));
            }
            cfg.put("curve", List.of("ROC", "PR", "PRGAIN", "roc", "pr").get(r.nextInt(5)));
            cfg.put("summation_method", List.of("interpolation", "minoring", "majoring").get(r.nextInt(3)));
            boolean logits = r.nextBoolean();
            cfg.put("from_logits", logits);
            int labels = 2 + r.nextInt(3);
            boolean multiLabel = r.nextBoolean();
            if (multiLabel) {
                cfg.put("multi_label", true);
                if (r.nextBoolean()) {
                    cfg.put("num_labels", labels);
                }
            }
            // the PR interpolation takes logs of count ratios, every step in float32 as Keras: reordering the sums
            // moves it by a few float32 ulps, amplified
            double tolerance = cfg.get("curve").toString().equalsIgnoreCase("PR")
                    && cfg.get("summation_method").equals("interpolation") ? AUC_PR_TOLERANCE : Scenario.TOLERANCE;
            if (r.nextBoolean()) {
                List<Object> weights = new ArrayList<>();
                for (int i = 0; i < labels; i++) {
                    weights.add(0.1 + r.nextDouble());
                }
                cfg.put("label_weights", weights);
                return mean(cfg, 0, binary(labels, logits)).withTolerance(tolerance);
            }
            return mean(cfg, 0, binary(multiLabel ? labels : r.nextInt(4), logits)).withTolerance(tolerance);
        });
    }

    // ---------------------------------------------------------------- iou_metrics

    /** The dtype of an IoU config: mostly float (weights kept), sometimes Keras's default int (weights truncated). */
    private static WeightScaling putIouDType(Random r, Map<String, Object> cfg) {
        int pick = r.nextInt(6);
        if (pick == 0) {
            return WeightScaling.NONE; // default "int" dtype
        }
        cfg.put("dtype", pick == 1 ? "float64" : "float32");
        return WeightScaling.INVARIANT_UP_TO_EPSILON;
    }

    /** Class ids {@code (N,)} or {@code (N, 1)} when sparse, else one-hot rows (y_true) or distributions (y_pred). */
    private static Tensor classes(Random g, int n, int classes, boolean sparse, boolean column, boolean truth) {
        if (sparse) {
            return Gen.ints(g, classes, Gen.labelShape(n, column));
        }
        return truth ? Gen.oneHot(g, n, classes) : Gen.distribution(g, n, classes);
    }

    private static List<Object> someIds(Random r, int classes) {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            if (r.nextBoolean()) {
                ids.add(i);
            }
        }
        if (ids.isEmpty()) {
            ids.add(r.nextInt(classes));
        }
        Collections.shuffle(ids, r);
        return ids;
    }

    private static void iou() {
        for (String cls : List.of("IoU", "MeanIoU", "OneHotIoU", "OneHotMeanIoU")) {
            put(cls, r -> {
                int classes = 2 + r.nextInt(3);
                Map<String, Object> cfg = config("num_classes", classes);
                if (cls.equals("IoU") || cls.equals("OneHotIoU")) {
                    cfg.put("target_class_ids", someIds(r, classes));
                }
                if (r.nextInt(3) == 0) {
                    cfg.put("ignore_class", r.nextInt(classes));
                }
                boolean oneHot = cls.startsWith("OneHot");
                boolean sparseTrue = !oneHot; // OneHot* take no sparse_y_true: always dense
                if (!oneHot && r.nextInt(3) == 0) {
                    sparseTrue = false;
                    cfg.put("sparse_y_true", false);
                }
                boolean sparsePred = !oneHot; // the class's default
                if (r.nextInt(3) == 0) {
                    sparsePred = !sparsePred;
                    cfg.put("sparse_y_pred", sparsePred);
                }
                boolean finalTrue = sparseTrue;
                boolean finalPred = sparsePred;
                WeightScaling scaling = putIouDType(r, cfg);
                boolean column = r.nextBoolean();
                return feed(cfg, 0, scaling, (g, n) -> new Tensor[] {
                        classes(g, n, classes, finalTrue, column, true),
                        classes(g, n, classes, finalPred, column, false)});
            });
        }
        put("BinaryIoU", r -> {
            Map<String, Object> cfg = config();
            if (r.nextBoolean()) {
                cfg.put("target_class_ids", List.of(List.of(0, 1), List.of(0), List.of(1)).get(r.nextInt(3)));
            }
            if (r.nextBoolean()) {
                cfg.put("threshold", 0.2 + 0.6 * r.nextDouble());
            }
            WeightScaling scaling = putIouDType(r, cfg);
            boolean column = r.nextBoolean();
            return feed(cfg, 0, scaling, (g, n) -> new Tensor[] {Gen.ints(g, 2, Gen.labelShape(n, column)),
                    Gen.probabilities(g, Gen.labelShape(n, column))});
        });
    }

    // ---------------------------------------------------------------- f_score_metrics

    private static void fscore() {
        for (String cls : List.of("FBetaScore", "F1Score")) {
            put(cls, r -> {
                Map<String, Object> cfg = config();
                int pick = r.nextInt(5);
                if (pick > 0) {
                    cfg.put("average", new String[] {null, "micro", "macro", "weighted"}[pick - 1]);
                }
                if (cls.equals("FBetaScore") && r.nextBoolean()) {
                    cfg.put("beta", 0.2 + 2.8 * r.nextDouble());
                }
                if (r.nextBoolean()) {
                    cfg.put("threshold", 0.05 + 0.9 * r.nextDouble());
                }
                int classes = 2 + r.nextInt(3);
                boolean oneHot = r.nextBoolean();
                return feed(cfg, 0, WeightScaling.INVARIANT_UP_TO_EPSILON, (g, n) -> new Tensor[] {
                        oneHot ? Gen.oneHot(g, n, classes) : Gen.ints(g, 2, n, classes),
                        Gen.probabilities(g, n, classes)});
            });
        }
    }

    // ---------------------------------------------------------------- regression_metrics

    /**
     * Targets and predictions of shape (N, width), uniform in the given ranges. Not (N,): these functions average
     * over the last axis, so a rank-1 batch is ONE sample in Keras (a (N,) weight then fails to broadcast).
     */
    private static BatchMaker reals(int width, double trueLo, double trueHi, double predLo, double predHi) {
        return (g, n) -> new Tensor[] {Gen.uniform(g, trueLo, trueHi, n, width),
                Gen.uniform(g, predLo, predHi, n, width)};
    }

    private static void regression() {
        for (String cls : List.of("MeanSquaredError", "MeanAbsoluteError", "RootMeanSquaredError", "LogCoshError")) {
            put(cls, r -> mean(config(), 0, reals(1 + r.nextInt(3), -5, 5, -5, 5)));
        }
        put("MeanAbsolutePercentageError", r -> {
            int width = 1 + r.nextInt(3);
            // targets away from 0: a zero target is valid but weighs 1e9 times its prediction
            return mean(config(), 0, (g, n) -> {
                int[] shape = {n, width};
                Tensor t = Gen.uniform(g, 0.5, 5, shape);
                double[] d = t.toDoubleArray();
                for (int i = 0; i < d.length; i++) {
                    d[i] = g.nextBoolean() ? d[i] : -d[i];
                }
                return new Tensor[] {Gen.tensor(g, d, shape), Gen.uniform(g, -5, 5, shape)};
            });
        });
        put("MeanSquaredLogarithmicError", r -> mean(config(), 0, reals(1 + r.nextInt(3), 0, 5, 0, 5)));
        put("CosineSimilarity", r -> {
            if (r.nextInt(4) == 0) {
                // rank 3, a similarity over the two trailing axes
                int a = 1 + r.nextInt(3);
                int b = 2 + r.nextInt(2);
                return mean(config("axis", List.of(1, 2)), 0, (g, n) -> new Tensor[] {
                        Gen.uniform(g, -5, 5, n, a, b), Gen.uniform(g, -5, 5, n, a, b)});
            }
            Map<String, Object> cfg = r.nextBoolean() ? config() : config("axis", r.nextBoolean() ? 1 : -1);
            return mean(cfg, 0, reals(2 + r.nextInt(3), -5, 5, -5, 5));
        });
        put("R2Score", r -> {
            Map<String, Object> cfg = config();
            int pick = r.nextInt(4);
            if (pick > 0) {
                cfg.put("class_aggregation", new String[] {null, "uniform_average",
                        "variance_weighted_average"}[pick - 1]);
            }
            if (r.nextInt(4) == 0) {
                cfg.put("num_regressors", 1);
            }
            // R2Score rounds each batch's sums and every step of its result to float32, as Keras does: reordering
            // moves the result by float32 ulps of the sums, amplified by 1 / SStot
            return mean(cfg, 0, reals(1 + r.nextInt(3), -5, 5, -5, 5))
                    .conditionedOn(MetricInputs::spreadTargets, R2_TOLERANCE);
        });
    }

    /** Every target column has at least 2 weighted samples and a weighted variance of at least 0.25. */
    private static boolean spreadTargets(List<Batch> stream) {
        int columns = 0;
        for (Batch b : stream) {
            columns = Math.max(columns, b.yTrue().rank() == 2 ? b.yTrue().dim(1) : 0);
        }
        for (int c = 0; c < columns; c++) {
            double w = 0;
            double wy = 0;
            double wyy = 0;
            int samples = 0;
            for (Batch b : stream) {
                for (int i = 0; i < b.rows(); i++) {
                    double wi = b.weight() == null ? 1.0 : b.weight().get(i);
                    double y = b.yTrue().get(i * columns + c);
                    samples += wi != 0 ? 1 : 0;
                    w += wi;
                    wy += wi * y;
                    wyy += wi * y * y;
                }
            }
            if (samples < 2 || wyy / w - (wy / w) * (wy / w) < 0.25) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- hinge_metrics

    private static void hinge() {
        for (String cls : List.of("Hinge", "SquaredHinge")) {
            put(cls, r -> {
                int width = 1 + r.nextInt(3);
                // {-1, 1} labels, or {0, 1} labels that every batch (and every piece of one) converts alike
                boolean zeroOne = r.nextBoolean();
                return mean(config(), 0, (g, n) -> {
                    Tensor labels = Gen.ints(g, 2, n, width);
                    double[] d = labels.toDoubleArray();
                    if (!zeroOne) {
                        for (int i = 0; i < d.length; i++) {
                            d[i] = 2 * d[i] - 1;
                        }
                    }
                    return new Tensor[] {Gen.tensor(g, d, n, width), Gen.uniform(g, -3, 3, n, width)};
                });
            });
        }
        put("CategoricalHinge", r -> {
            int classes = 2 + r.nextInt(4);
            return mean(config(), 0, (g, n) -> new Tensor[] {Gen.oneHot(g, n, classes),
                    Gen.uniform(g, -3, 3, n, classes)});
        });
    }

    // ---------------------------------------------------------------- correlation_metrics

    private static void correlation() {
        for (String cls : List.of("PearsonCorrelation", "ConcordanceCorrelation")) {
            put(cls, r -> {
                Map<String, Object> cfg = r.nextBoolean() ? config() : config("axis", r.nextBoolean() ? 1 : -1);
                // at least 2 values per sample: a constant sample has no correlation (Pearson: 0/0 = NaN in Keras)
                return mean(cfg, 0, reals(2 + r.nextInt(4), -5, 5, -5, 5));
            });
        }
    }
}
