package io.github.metricparity.keras.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.MetricTesting;
import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Fused updates ({@link AbstractMetric#fusedUpdate}) are specialisations of the generic update: on random batches of
 * the shapes they take (float and double tensors, offsets into larger buffers, ties, values on the thresholds,
 * weights) they must leave exactly the state the generic path leaves, bit for bit, and every batch here must take
 * the fused path. Batches they must not take (non-finite values, refused labels, predictions the diagnostics look
 * at) are refused or warned about as before.
 */
class FusedUpdateTest {
    private static final int TRIALS = 40;
    private static final int STEPS = 3;

    /** One batch: y_true, y_pred, sample_weight (or null). */
    record Batch(Tensor yTrue, Tensor yPred, Tensor weight) {
    }

    @FunctionalInterface
    interface Batches {
        Batch make(Gen g);
    }

    // ---------------------------------------------------------------- accuracy

    @Test
    void sparseCategoricalAccuracy() {
        for (String dtype : List.of("float32", "float64")) {
            assertFusedEqualsGeneric("SparseCategoricalAccuracy", Map.of("dtype", dtype), g -> {
                int n = g.size();
                int c = 1 + g.r.nextInt(6);
                int[] labelShape = g.r.nextBoolean() ? new int[] {n} : new int[] {n, 1};
                return new Batch(g.tensor(g.classIds(n, c), labelShape), g.tensor(g.probabilities(n * c), n, c),
                        g.weights(n));
            });
        }
    }

    @Test
    void categoricalAccuracy() {
        assertFusedEqualsGeneric("CategoricalAccuracy", Map.of(), g -> {
            int n = g.size();
            int c = 1 + g.r.nextInt(6);
            double[] truth = g.r.nextBoolean() ? g.oneHot(g.classIds(n, c), c) : g.probabilities(n * c);
            return new Batch(g.tensor(truth, n, c), g.tensor(g.probabilities(n * c), n, c), g.weights(n));
        });
    }

    @Test
    void binaryAccuracy() {
        for (double threshold : new double[] {0.5, 0.25, 0.7}) {
            assertFusedEqualsGeneric("BinaryAccuracy", Map.of("threshold", threshold), g -> {
                int n = g.size();
                int[] shape = g.shape(n);
                int size = n * (shape.length == 2 ? shape[1] : 1);
                return new Batch(g.tensor(g.binaryLabels(size), shape), g.tensor(g.probabilities(size), shape),
                        g.weights(n));
            });
        }
    }

    @Test
    void binaryAccuracyCountsBatchesOfSeveralChunks() {
        // the unweighted float32 loop counts in int chunks of 2^20 samples: cross the boundaries, end mid-chunk
        int n = (1 << 21) + 12_345;
        SplittableRandom r = new SplittableRandom(7);
        float[] labels = new float[n];
        float[] predictions = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextBoolean() ? 1f : 0f;
            predictions[i] = (float) r.nextDouble();
        }
        predictions[1 << 20] = 0.5f; // on the threshold: predicted 0
        AbstractMetric fused = create("BinaryAccuracy", Map.of());
        AbstractMetric generic = create("BinaryAccuracy", Map.of());
        assertTrue(fusedOnly(fused, Tensor.of(labels, n, 1), Tensor.of(predictions, n, 1), null));
        genericOnly(generic, Tensor.of(labels, n, 1), Tensor.of(predictions, n, 1), null);
        assertStatesEqual(generic.snapshot(), fused.snapshot(), "BinaryAccuracy on " + n + " samples");
    }

    // ---------------------------------------------------------------- crossentropies

    @Test
    void binaryCrossentropy() {
        for (boolean logits : new boolean[] {true, false}) {
            for (double smoothing : new double[] {0.0, 0.1}) {
                for (String dtype : List.of("float32", "float64")) {
                    assertFusedEqualsGeneric("BinaryCrossentropy", Map.of("from_logits", logits,
                            "label_smoothing", smoothing, "dtype", dtype), g -> {
                                int n = g.size();
                                int c = 1 + g.r.nextInt(3);
                                double[] pred = logits ? g.logits(n * c) : g.probabilities(n * c);
                                return new Batch(g.tensor(g.binaryLabels(n * c), n, c), g.tensor(pred, n, c),
                                        g.weights(n));
                            });
                }
            }
        }
    }

    @Test
    void categoricalCrossentropy() {
        for (boolean logits : new boolean[] {true, false}) {
            for (double smoothing : new double[] {0.0, 0.2}) {
                // probabilities: the row sums of the first updates are checked by the generic path only
                int warmUp = logits ? 0 : ProbabilityDiagnostics.ROW_SUM_CHECKS;
                assertFusedEqualsGeneric("CategoricalCrossentropy", Map.of("from_logits", logits,
                        "label_smoothing", smoothing), warmUp, g -> {
                            // an empty batch does not count as a row-sum check
                            int n = logits ? g.size() : 1 + g.r.nextInt(100);
                            int c = 1 + g.r.nextInt(6);
                            double[] truth = g.r.nextBoolean() ? g.oneHot(g.classIds(n, c), c) : g.probabilities(n * c);
                            double[] pred = logits ? g.logits(n * c) : g.distributions(n, c);
                            return new Batch(g.tensor(truth, n, c), g.tensor(pred, n, c), g.weights(n));
                        });
            }
        }
    }

    @Test
    void sparseCategoricalCrossentropy() {
        for (boolean logits : new boolean[] {true, false}) {
            int warmUp = logits ? 0 : ProbabilityDiagnostics.ROW_SUM_CHECKS;
            assertFusedEqualsGeneric("SparseCategoricalCrossentropy", Map.of("from_logits", logits), warmUp, g -> {
                int n = logits ? g.size() : 1 + g.r.nextInt(100);
                int c = 1 + g.r.nextInt(6);
                int[] labelShape = g.r.nextBoolean() ? new int[] {n} : new int[] {n, 1};
                double[] pred = logits ? g.logits(n * c) : g.distributions(n, c);
                return new Batch(g.tensor(g.classIds(n, c), labelShape), g.tensor(pred, n, c), g.weights(n));
            });
        }
    }

    @Test
    void theOtherExpAndLogFunctions() {
        for (String id : List.of("KLDivergence", "Poisson", "LogCoshError", "MeanSquaredLogarithmicError")) {
            assertFusedEqualsGeneric(id, Map.of(), g -> {
                int n = g.size();
                int c = 1 + g.r.nextInt(4);
                boolean rates = !id.equals("LogCoshError");
                double[] truth = rates ? g.probabilities(n * c) : g.logits(n * c);
                double[] pred = rates ? g.probabilities(n * c) : g.logits(n * c);
                return new Batch(g.tensor(truth, n, c), g.tensor(pred, n, c), g.weights(n));
            });
        }
    }

    @Test
    void batchesOfManyBlocksAndRowsLongerThanABlock() {
        // the kernels read blocks of 1024 values: rows that straddle blocks, rows of more than a block, last blocks
        // cut short
        int[][] shapes = {{3001, 7}, {5, 1500}, {3, 2048}, {2500, 1}};
        int trials = 3;
        int checks = ProbabilityDiagnostics.ROW_SUM_CHECKS;
        for (int[] shape : shapes) {
            int n = shape[0];
            int c = shape[1];
            assertFusedEqualsGeneric("BinaryCrossentropy", Map.of("from_logits", true, "label_smoothing", 0.1), 0,
                    trials, g -> new Batch(g.tensor(g.binaryLabels(n * c), n, c), g.tensor(g.logits(n * c), n, c),
                            g.weights(n)));
            assertFusedEqualsGeneric("CategoricalCrossentropy", Map.of("from_logits", true), 0, trials,
                    g -> new Batch(g.tensor(g.oneHot(g.classIds(n, c), c), n, c), g.tensor(g.logits(n * c), n, c),
                            g.weights(n)));
            assertFusedEqualsGeneric("CategoricalCrossentropy", Map.of("label_smoothing", 0.1), checks, trials,
                    g -> new Batch(g.tensor(g.oneHot(g.classIds(n, c), c), n, c), g.tensor(g.distributions(n, c), n,
                            c), g.weights(n)));
            for (boolean logits : new boolean[] {true, false}) {
                assertFusedEqualsGeneric("SparseCategoricalCrossentropy", Map.of("from_logits", logits),
                        logits ? 0 : checks, trials, g -> new Batch(g.tensor(g.classIds(n, c), n),
                                g.tensor(logits ? g.logits(n * c) : g.distributions(n, c), n, c), g.weights(n)));
            }
        }
    }

    // ---------------------------------------------------------------- confusion

    @Test
    void aucAndTheConfusionFamily() {
        List<Map<String, Object>> configs = List.of(
                Map.of("num_thresholds", 200),
                Map.of("num_thresholds", 7, "curve", "PR"),
                Map.of("num_thresholds", 2000, "dtype", "float64"),
                Map.of("num_thresholds", 50, "from_logits", true),
                Map.of("thresholds", List.of(0.3, 0.5, 0.7)),
                Map.of("thresholds", List.of(0.1, 0.2, 0.25, 0.3, 0.5, 0.6, 0.75, 0.8, 0.9, 0.95)));
        for (Map<String, Object> config : configs) {
            boolean logits = Boolean.TRUE.equals(config.get("from_logits"));
            assertFusedEqualsGeneric("AUC", config, binaryBatches(logits));
        }
        for (String cls : List.of("Precision", "Recall", "TruePositives", "FalsePositives", "TrueNegatives",
                "FalseNegatives")) {
            for (Object thresholds : List.of(List.of(0.3, 0.5, 0.7), List.of(0.0, 0.5, 1.0), 0.25)) {
                assertFusedEqualsGeneric(cls, Map.of("thresholds", thresholds), binaryBatches(false));
            }
            assertFusedEqualsGeneric(cls, Map.of(), binaryBatches(false));
        }
        assertFusedEqualsGeneric("SensitivityAtSpecificity", Map.of("specificity", 0.5, "num_thresholds", 21),
                binaryBatches(false));
        assertFusedEqualsGeneric("RecallAtPrecision", Map.of("precision", 0.6, "num_thresholds", 1),
                binaryBatches(false));
    }

    /** Labels and scores of one shape, (N,), (N, 1) or (N, C), or (N,) labels with (N, 1) scores. */
    private static Batches binaryBatches(boolean logits) {
        return g -> {
            int n = g.size();
            int[] shape = g.shape(n);
            int size = n * (shape.length == 2 ? shape[1] : 1);
            int[] labelShape = shape.length == 2 && shape[1] == 1 && g.r.nextBoolean() ? new int[] {n} : shape;
            double[] pred = logits ? g.logits(size) : g.probabilities(size);
            Tensor weight = null;
            if (g.r.nextInt(3) > 0) {
                // one weight per element: (N,) on (N,) or (N, 1), or (N, C) on (N, C)
                weight = g.tensor(g.weightValues(size), shape.length == 2 && shape[1] > 1 || g.r.nextBoolean()
                        ? shape : new int[] {n});
            }
            return new Batch(g.tensor(g.binaryLabels(size), labelShape), g.tensor(pred, shape), weight);
        };
    }

    // ---------------------------------------------------------------- iou

    @Test
    void meanIoUAndIoU() {
        List<Map<String, Object>> configs = List.of(
                Map.of("num_classes", 4),
                Map.of("num_classes", 4, "ignore_class", 2),
                Map.of("num_classes", 4, "dtype", "float32"),
                Map.of("num_classes", 3, "dtype", "float64", "ignore_class", 0));
        for (Map<String, Object> config : configs) {
            int classes = (Integer) config.get("num_classes");
            assertFusedEqualsGeneric("MeanIoU", config, g -> {
                int n = g.size();
                int[] shape = g.r.nextBoolean() ? new int[] {n} : new int[] {1 + g.r.nextInt(3), n};
                int size = shape.length == 2 ? shape[0] * n : n;
                Tensor w = g.r.nextInt(3) == 0 ? g.tensor(g.weightValues(size), shape) : null;
                return new Batch(g.tensor(g.segmentIds(size, classes), shape),
                        g.tensor(g.segmentIds(size, classes), shape), w);
            });
            Map<String, Object> dense = new java.util.HashMap<>(config);
            dense.put("sparse_y_pred", false);
            assertFusedEqualsGeneric("MeanIoU", dense, g -> {
                int n = g.size();
                double[] scores = g.probabilities(n * classes);
                for (int i = 0; i < scores.length; i++) {
                    if (g.r.nextInt(8) == 0) {
                        scores[i] = g.r.nextBoolean() ? -0.0 : 0.0; // argmax puts -0.0 below +0.0
                    }
                }
                return new Batch(g.tensor(g.segmentIds(n, classes), n), g.tensor(scores, n, classes), null);
            });
        }
        assertFusedEqualsGeneric("IoU", Map.of("num_classes", 5, "target_class_ids", List.of(0, 3)), g -> {
            int n = g.size();
            return new Batch(g.tensor(g.segmentIds(n, 5), n), g.tensor(g.segmentIds(n, 5), n), g.weights(n));
        });
    }

    // ---------------------------------------------------------------- what the fused path leaves alone

    @Test
    void aNonFiniteValueAnywhereIsRefusedAndChangesNothing() {
        SplittableRandom r = new SplittableRandom(7);
        List<Object[]> metrics = List.of(
                new Object[] {"SparseCategoricalAccuracy", Map.of(), 2},
                new Object[] {"CategoricalAccuracy", Map.of(), 2},
                new Object[] {"BinaryAccuracy", Map.of(), 1},
                new Object[] {"BinaryCrossentropy", Map.of("from_logits", true), 1},
                new Object[] {"CategoricalCrossentropy", Map.of("from_logits", true), 2},
                new Object[] {"SparseCategoricalCrossentropy", Map.of("from_logits", true), 2},
                new Object[] {"KLDivergence", Map.of(), 2},
                new Object[] {"Poisson", Map.of(), 1},
                new Object[] {"LogCoshError", Map.of(), 1},
                new Object[] {"MeanSquaredLogarithmicError", Map.of(), 1},
                new Object[] {"AUC", Map.of(), 1},
                new Object[] {"Precision", Map.of("thresholds", List.of(0.3, 0.5, 0.7)), 1},
                new Object[] {"MeanIoU", Map.of("num_classes", 2), 1},
                new Object[] {"MeanIoU", Map.of("num_classes", 2, "sparse_y_pred", false), 2});
        for (Object[] m : metrics) {
            String id = (String) m[0];
            int width = (Integer) m[2];
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                for (String where : List.of("y_true", "y_pred", "sample_weight")) {
                    AbstractMetric metric = create(id, (Map<?, ?>) m[1]);
                    int n = 64;
                    float[] truth = new float[n * width];
                    float[] pred = new float[n * width];
                    float[] weight = new float[n];
                    for (int i = 0; i < n; i++) {
                        truth[i * width + (width == 2 ? r.nextInt(2) : 0)] = 1;
                        pred[i * width] = (float) r.nextDouble();
                        weight[i] = 1;
                    }
                    if (width == 2) {
                        for (int i = 0; i < n; i++) {
                            pred[i * width + 1] = 1 - pred[i * width];
                        }
                    }
                    float[] target = where.equals("y_true") ? truth : where.equals("y_pred") ? pred : weight;
                    target[target.length - 1] = (float) bad;
                    Tensor yTrue = id.startsWith("Sparse") || id.equals("MeanIoU")
                            ? sparse(truth, n, width) : Tensor.of(truth, n, width);
                    Tensor yPred = id.equals("MeanIoU") && width == 1 ? sparse(pred, n, width)
                            : Tensor.of(pred, n, width);
                    MetricState before = metric.snapshot();
                    assertThrows(InvalidInputException.class,
                            () -> metric.update(yTrue, yPred, Tensor.of(weight, n)), id + " " + where + " " + bad);
                    assertStatesEqual(before, metric.snapshot(), id);
                }
            }
        }
    }

    /** Labels (or MeanIoU predictions) as one id per row; a non-finite last value stays in. */
    private static Tensor sparse(float[] values, int n, int width) {
        float[] ids = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = width == 1 ? values[i] > 0.5f ? 1 : 0 : values[i * width + 1] > values[i * width] ? 1 : 0;
            if (!Float.isFinite(values[i * width + width - 1])) {
                ids[i] = values[i * width + width - 1];
            }
        }
        return Tensor.of(ids, n);
    }

    @Test
    void predictionsOutsideTheUnitIntervalStillWarnOnceThenTakeTheFusedPath() {
        List<Diagnostic> seen = new CopyOnWriteArrayList<>();
        Consumer<Diagnostic> listener = seen::add;
        Diagnostics.addListener(listener);
        try {
            AbstractMetric fused = create("BinaryAccuracy", Map.of());
            AbstractMetric generic = create("BinaryAccuracy", Map.of());
            Tensor labels = Tensor.of(new float[] {1, 0, 1, 0}, 4, 1);
            Tensor logits = Tensor.of(new float[] {2.5f, -1f, 0.3f, 0.7f}, 4, 1);
            assertFalse(fusedOnly(fused, labels, logits, null), "the warning comes from the generic path");
            fused.update(labels, logits);
            generic.update(labels, logits);
            assertEquals(2, seen.size(), "each instance warns once");
            assertTrue(fusedOnly(fused, labels, logits, null), "once warned, only finiteness matters");
            genericOnly(generic, labels, logits, null);
            assertEquals(2, seen.size());
            assertStatesEqual(generic.snapshot(), fused.snapshot(), "BinaryAccuracy");
        } finally {
            Diagnostics.removeListener(listener);
        }
    }

    @Test
    void aNegativePoissonRateIsRefusedAsBefore() {
        AbstractMetric metric = create("Poisson", Map.of());
        MetricState before = metric.snapshot();
        Tensor yTrue = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor yPred = Tensor.of(new float[] {0.5f, 1, -1, 2}, 2, 2);
        assertFalse(fusedOnly(metric, yTrue, yPred, null), "the fused update declines a negative rate");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> metric.update(yTrue, yPred));
        assertTrue(e.getMessage().contains("Poisson rates must be >= 0"), e.getMessage());
        assertStatesEqual(before, metric.snapshot(), "Poisson");
    }

    @Test
    void aRefusedLabelIsRefusedAsBefore() {
        AbstractMetric metric = create("SparseCategoricalAccuracy", Map.of());
        Tensor probabilities = Tensor.of(new float[] {0.2f, 0.8f, 0.6f, 0.4f}, 2, 2);
        for (float label : new float[] {2, -1, 0.5f}) {
            assertFalse(fusedOnly(metric, Tensor.of(new float[] {0, label}, 2), probabilities, null));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> metric.update(Tensor.of(new float[] {0, label}, 2), probabilities));
            assertTrue(e.getMessage().contains("class ids must be integers in [0, 2)"), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- the comparison

    private static void assertFusedEqualsGeneric(String id, Map<String, ?> config, Batches batches) {
        assertFusedEqualsGeneric(id, config, 0, batches);
    }

    /**
     * Feeds the same random batches to two instances, one through the fused path (falling back to
     * {@link AbstractMetric#update} when it declines) and one through the generic path only, and compares their
     * states after every batch. The first {@code warmUp} batches of each trial may go generic (the diagnostics want
     * them); every later one must take the fused path.
     */
    private static void assertFusedEqualsGeneric(String id, Map<String, ?> config, int warmUp, Batches batches) {
        assertFusedEqualsGeneric(id, config, warmUp, TRIALS, batches);
    }

    private static void assertFusedEqualsGeneric(String id, Map<String, ?> config, int warmUp, int trials,
            Batches batches) {
        Gen g = new Gen(new SplittableRandom(id.hashCode() * 31L + config.hashCode()));
        for (int trial = 0; trial < trials; trial++) {
            AbstractMetric fused = create(id, config);
            AbstractMetric generic = create(id, config);
            int steps = warmUp + STEPS;
            int fusedSteps = 0;
            for (int step = 0; step < steps; step++) {
                Batch b = batches.make(g);
                if (fusedOnly(fused, b.yTrue(), b.yPred(), b.weight())) {
                    fusedSteps++;
                } else {
                    fused.update(b.yTrue(), b.yPred(), b.weight());
                }
                genericOnly(generic, b.yTrue(), b.yPred(), b.weight());
                String where = id + config + " trial " + trial + " step " + step + ": y_true "
                        + b.yTrue().shapeString() + " y_pred " + b.yPred().shapeString() + " weight "
                        + (b.weight() == null ? "none" : b.weight().shapeString());
                assertStatesEqual(generic.snapshot(), fused.snapshot(), where);
            }
            assertTrue(fusedSteps >= STEPS, id + config + ": every batch after the warm-up is fused");
        }
    }

    /**
     * The fused path alone, under the check {@link AbstractMetric#update} would give it: true when it took the batch
     * (a declined batch changes nothing).
     */
    private static boolean fusedOnly(AbstractMetric m, Tensor yTrue, Tensor yPred, Tensor weight) {
        Fused.Check check = m.fusedCheck();
        return check != null && m.fusedUpdate(yTrue, yPred, weight, check);
    }

    /** The generic path's state change alone (the batches are finite, as update's checks require). */
    private static void genericOnly(AbstractMetric m, Tensor yTrue, Tensor yPred, Tensor weight) {
        m.transact(() -> m.updateState(yTrue, yPred, weight));
    }

    private static AbstractMetric create(String id, Map<?, ?> config) {
        @SuppressWarnings("unchecked")
        Map<String, ?> c = (Map<String, ?>) config;
        return (AbstractMetric) MetricTesting.REGISTRY.create(id, c);
    }

    private static void assertStatesEqual(MetricState expected, MetricState actual, String where) {
        assertEquals(expected.variables().keySet(), actual.variables().keySet(), where);
        for (Map.Entry<String, Tensor> e : expected.variables().entrySet()) {
            Tensor a = actual.variables().get(e.getKey());
            Tensor x = e.getValue();
            for (int i = 0; i < x.size(); i++) {
                if (Double.compare(x.get(i), a.get(i)) != 0) {
                    throw new AssertionError(where + ": variable " + e.getKey() + "[" + i + "] is " + a.get(i)
                            + " fused, " + x.get(i) + " generic");
                }
            }
        }
    }

    /** Random inputs with the awkward values: ties, values on thresholds, double precision that float32 rounds. */
    static final class Gen {
        final SplittableRandom r;
        boolean doubles;

        Gen(SplittableRandom r) {
            this.r = r;
        }

        int size() {
            return r.nextInt(5) == 0 ? r.nextInt(3) : 1 + r.nextInt(200);
        }

        /** (n,), (n, 1) or (n, c). */
        int[] shape(int n) {
            switch (r.nextInt(3)) {
                case 0:
                    return new int[] {n};
                case 1:
                    return new int[] {n, 1};
                default:
                    return new int[] {n, 2 + r.nextInt(3)};
            }
        }

        /** float or double storage, sometimes inside a larger buffer; doubles keep digits float32 rounds away. */
        Tensor tensor(double[] values, int... shape) {
            int offset = r.nextBoolean() ? 0 : 1 + r.nextInt(5);
            if (r.nextBoolean()) {
                float[] f = new float[offset + values.length + r.nextInt(3)];
                for (int i = 0; i < values.length; i++) {
                    f[offset + i] = (float) values[i];
                }
                return Tensor.ofFloats(f, offset, shape);
            }
            double[] d = new double[offset + values.length + r.nextInt(3)];
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                // a hair off the value: float32 rounds it back (keep exact zeros, ids and signs)
                d[offset + i] = v != Math.rint(v) && r.nextBoolean() ? v + Math.ulp((float) v) * 0.25 : v;
            }
            return Tensor.ofDoubles(d, offset, shape);
        }

        double[] probabilities(int size) {
            double[] p = new double[size];
            for (int i = 0; i < size; i++) {
                p[i] = r.nextInt(3) == 0 ? r.nextInt(21) / 20.0 : r.nextDouble(); // ties and thresholds
            }
            return p;
        }

        /** Rows of c values that sum to 1 (as float32 rounds them). */
        double[] distributions(int n, int c) {
            double[] p = probabilities(n * c);
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < c; j++) {
                    sum += p[i * c + j] + 1e-3;
                }
                for (int j = 0; j < c; j++) {
                    p[i * c + j] = (p[i * c + j] + 1e-3) / sum;
                }
            }
            return p;
        }

        double[] logits(int size) {
            double[] p = new double[size];
            for (int i = 0; i < size; i++) {
                p[i] = r.nextInt(4) == 0 ? r.nextInt(9) - 4 : (r.nextDouble() - 0.5) * 30;
            }
            return p;
        }

        double[] classIds(int n, int c) {
            double[] ids = new double[n];
            for (int i = 0; i < n; i++) {
                ids[i] = r.nextInt(c);
            }
            return ids;
        }

        /** Class ids with some outside [0, c) and some fractional (the IoU family drops or truncates them). */
        double[] segmentIds(int n, int c) {
            double[] ids = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(10);
                ids[i] = kind == 0 ? -1 : kind == 1 ? c : kind == 2 ? r.nextInt(c) + 0.5 : kind == 3 ? -0.5
                        : r.nextInt(c);
            }
            return ids;
        }

        double[] oneHot(double[] ids, int c) {
            double[] out = new double[ids.length * c];
            for (int i = 0; i < ids.length; i++) {
                out[i * c + (int) ids[i]] = 1;
            }
            return out;
        }

        /** Mostly 0 and 1, sometimes a soft label (which never matches in BinaryAccuracy). */
        double[] binaryLabels(int size) {
            double[] y = new double[size];
            for (int i = 0; i < size; i++) {
                y[i] = r.nextInt(10) == 0 ? r.nextInt(5) / 4.0 : r.nextInt(2);
            }
            return y;
        }

        double[] weightValues(int size) {
            double[] w = new double[size];
            for (int i = 0; i < size; i++) {
                int kind = r.nextInt(10);
                w[i] = kind == 0 ? 0 : kind == 1 ? -r.nextDouble() : kind == 2 ? 2.7 : r.nextDouble() * 2;
            }
            return w;
        }

        /** No weight, or one per row. */
        Tensor weights(int n) {
            return r.nextBoolean() ? null : tensor(weightValues(n), n);
        }
    }
}
