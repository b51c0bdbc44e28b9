package io.github.metricparity.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StateMerger}: states of shards merged as a tree equal one pass over all the rows (counts identical, sums to
 * rounding), whatever the number and the sizes of the shards; Java serialisation of states and of the merger.
 */
class StateMergerTest {
    private static final MetricRegistry KERAS = MetricRegistry.load();
    private static final StateMerger MERGER = StateMerger.reference();
    private static final int ROWS = 1000;
    private static final int BATCH = 32;
    private static final int CLASSES = 4;

    /** One metric and the batches it is evaluated on. */
    record Case(String label, String className, Map<String, Object> config, List<Tensor[]> batches) {
        Metric newMetric() {
            return KERAS.create(className, config);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        List<Tensor[]> multiClass = multiClassBatches(42);
        List<Tensor[]> binary = binaryBatches(43, false);
        List<Tensor[]> weighted = binaryBatches(44, true);
        return Stream.of(
                new Case("SparseCategoricalAccuracy", "SparseCategoricalAccuracy", Map.of(), multiClass),
                new Case("MeanIoU", "MeanIoU", Map.of("num_classes", CLASSES, "sparse_y_pred", false), multiClass),
                new Case("BinaryCrossentropy", "BinaryCrossentropy", Map.of(), binary),
                new Case("AUC", "AUC", Map.of(), binary),
                new Case("AUC(PR, weighted)", "AUC", Map.of("curve", "PR"), weighted),
                new Case("BinaryCrossentropy(weighted)", "BinaryCrossentropy", Map.of(), weighted),
                // lazily built state (num_labels not given): absent from the snapshot of a shard without data
                new Case("AUC(multi_label)", "AUC", Map.of("multi_label", true), oneHot(multiClass)));
    }

    static Stream<Arguments> casesAndShards() {
        return cases().flatMap(c -> Stream.of(1, 2, 3, 7, 32).map(n -> Arguments.of(c, n)));
    }

    @ParameterizedTest(name = "{0}, {1} shards")
    @MethodSource("casesAndShards")
    void treeMergeOfShardStatesEqualsOnePass(Case c, int shards) {
        List<MetricState> states = shardStates(c, evenCuts(c.batches().size(), shards));
        assertSameAsOnePass(c, onePass(c), MERGER.treeMerge(states));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anyGroupingAndOrderGivesTheOnePassResult(Case c) {
        List<MetricState> states = shardStates(c, evenCuts(c.batches().size(), 9));
        MetricState left = null;
        for (MetricState s : states) {
            left = MERGER.apply(left, s);
        }
        List<MetricState> reversed = new ArrayList<>(states);
        Collections.reverse(reversed);
        MetricState onePass = onePass(c);
        assertSameAsOnePass(c, onePass, left);
        assertSameAsOnePass(c, onePass, MERGER.treeMerge(reversed));
        assertSameAsOnePass(c, onePass, MERGER.apply(MERGER.treeMerge(states.subList(0, 4)),
                MERGER.treeMerge(states.subList(4, states.size()))));
    }

    /** Random shard boundaries, empty shards included. */
    @Property(tries = 60)
    void randomShardsMergeToTheOnePassResult(@ForAll @IntRange(min = 0, max = 6) int caseIndex,
            @ForAll @IntRange(min = 1, max = 40) int shards, @ForAll long seed) {
        Case c = cases().skip(caseIndex).findFirst().orElseThrow();
        Random r = new Random(seed);
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, c.batches().size()));
        for (int i = 1; i < shards; i++) {
            cuts.add(r.nextInt(c.batches().size() + 1));
        }
        List<Integer> bounds = new ArrayList<>(cuts);
        bounds.add(1, bounds.get(1)); // and one empty shard for sure
        assertSameAsOnePass(c, onePass(c), MERGER.treeMerge(shardStates(c, bounds)));
    }

    @Test
    void nullIsTheStateOfNoData() {
        Case c = cases().findFirst().orElseThrow();
        MetricState s = onePass(c);
        assertSame(s, MERGER.apply(null, s));
        assertSame(s, MERGER.apply(s, null));
        assertNull(MERGER.apply(null, null));
        assertNull(MERGER.treeMerge(List.of()));
        assertSame(s, MERGER.treeMerge(Arrays.asList(null, s, null)));
    }

    @Test
    void statesOfAnotherClassOrConfigAreRefused() {
        MetricState auc = KERAS.get("AUC").snapshot();
        MetricState auc50 = KERAS.create("AUC", Map.of("num_thresholds", 50)).snapshot();
        MetricState bce = KERAS.get("BinaryCrossentropy").snapshot();
        MetricException e = assertThrows(MetricException.class, () -> MERGER.apply(auc, bce));
        assertTrue(e.getMessage().contains("BinaryCrossentropy"), e.getMessage());
        assertThrows(MetricException.class, () -> MERGER.treeMerge(List.of(auc, auc50)));
        // the name is not part of what a metric computes: renamed metrics merge
        MetricState renamed = KERAS.create("AUC", Map.of("name", "val_auc")).snapshot();
        assertEquals("auc", MERGER.apply(auc, renamed).config().get("name"));
    }

    @Test
    void metricOfGivesAMetricHoldingTheState() {
        Case c = cases().skip(3).findFirst().orElseThrow();
        MetricState s = onePass(c);
        Metric m = MERGER.metricOf(s);
        assertEquals("AUC", m.className());
        assertEquals(s, m.snapshot());
        assertNotSame(s, m.snapshot());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void javaSerialisationKeepsTheState(Case c) throws Exception {
        MetricState s = onePass(c);
        MetricState back = roundTrip(s);
        assertEquals(s, back);
        assertEquals(MERGER.metricOf(s).result(), MERGER.metricOf(back).result());
        // a metric that saw no data (a lazy variable not built yet) too
        MetricState empty = c.newMetric().snapshot();
        assertEquals(empty, roundTrip(empty));
    }

    @Test
    void theMergerIsSerialisableAndWorksAfterwards() throws Exception {
        Case c = cases().findFirst().orElseThrow();
        StateMerger shipped = roundTrip(MERGER);
        List<MetricState> states = shardStates(c, evenCuts(c.batches().size(), 5));
        assertEquals(MERGER.treeMerge(states), shipped.treeMerge(states));
    }

    // ---------------------------------------------------------------- comparison

    /**
     * Same class and config; each variable identical to one pass where one pass holds integers (counts), else
     * within a relative 1e-12 (floating-point summation order); results likewise.
     */
    static void assertSameAsOnePass(Case c, MetricState onePass, MetricState merged) {
        assertEquals(onePass.className(), merged.className(), c.label());
        assertEquals(onePass.config(), merged.config(), c.label());
        assertEquals(onePass.variables().keySet(), merged.variables().keySet(), c.label());
        for (Map.Entry<String, Tensor> e : onePass.variables().entrySet()) {
            assertClose(c.label() + " " + e.getKey(), e.getValue(), merged.variable(e.getKey()));
        }
        assertClose(c.label() + " result", MERGER.metricOf(onePass).result(), MERGER.metricOf(merged).result());
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        boolean counts = true;
        for (int i = 0; i < expected.size(); i++) {
            counts &= expected.get(i) == Math.rint(expected.get(i));
        }
        for (int i = 0; i < expected.size(); i++) {
            double x = expected.get(i);
            double y = actual.get(i);
            if (counts) {
                assertEquals(x, y, 0.0, what + "[" + i + "]");
            } else {
                assertEquals(x, y, 1e-12 * Math.max(1.0, Math.abs(x)), what + "[" + i + "]");
            }
        }
    }

    // ---------------------------------------------------------------- data

    static MetricState onePass(Case c) {
        Metric m = c.newMetric();
        for (Tensor[] b : c.batches()) {
            m.update(b[0], b[1], b.length > 2 ? b[2] : null);
        }
        return m.snapshot();
    }

    /** One state per shard; shard i holds the batches from bounds[i] to bounds[i + 1]. */
    static List<MetricState> shardStates(Case c, List<Integer> bounds) {
        List<MetricState> states = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            Metric m = c.newMetric();
            for (Tensor[] b : c.batches().subList(bounds.get(i), bounds.get(i + 1))) {
                m.update(b[0], b[1], b.length > 2 ? b[2] : null);
            }
            states.add(m.snapshot());
        }
        return states;
    }

    static List<Integer> evenCuts(int batches, int shards) {
        List<Integer> bounds = new ArrayList<>();
        for (int i = 0; i <= shards; i++) {
            bounds.add((int) ((long) batches * i / shards));
        }
        return bounds;
    }

    /** Class ids (n, 1) and softmax rows (n, 4) where the true class is favoured. */
    private static List<Tensor[]> multiClassBatches(long seed) {
        Random r = new Random(seed);
        List<Tensor[]> out = new ArrayList<>();
        for (int start = 0; start < ROWS; start += BATCH) {
            int n = Math.min(BATCH, ROWS - start);
            float[] ids = new float[n];
            float[] probs = new float[n * CLASSES];
            for (int i = 0; i < n; i++) {
                int label = r.nextInt(CLASSES);
                ids[i] = label;
                double[] logits = new double[CLASSES];
                double sum = 0;
                for (int k = 0; k < CLASSES; k++) {
                    logits[k] = Math.exp(r.nextGaussian() + (k == label ? 1.0 : 0.0));
                    sum += logits[k];
                }
                for (int k = 0; k < CLASSES; k++) {
                    probs[i * CLASSES + k] = (float) (logits[k] / sum);
                }
            }
            out.add(new Tensor[] {Tensor.of(ids, n, 1), Tensor.of(probs, n, CLASSES)});
        }
        return out;
    }

    /** 0/1 labels (n, 1), sigmoid scores (n, 1), optionally weights (n,) in [0, 2). */
    private static List<Tensor[]> binaryBatches(long seed, boolean weighted) {
        Random r = new Random(seed);
        List<Tensor[]> out = new ArrayList<>();
        for (int start = 0; start < ROWS; start += BATCH) {
            int n = Math.min(BATCH, ROWS - start);
            float[] labels = new float[n];
            float[] scores = new float[n];
            float[] weights = new float[n];
            for (int i = 0; i < n; i++) {
                labels[i] = r.nextBoolean() ? 1 : 0;
                scores[i] = (float) (1 / (1 + Math.exp(-(r.nextGaussian() + (labels[i] == 1 ? 1 : -1)))));
                weights[i] = (float) (2 * r.nextDouble());
            }
            out.add(weighted
                    ? new Tensor[] {Tensor.of(labels, n, 1), Tensor.of(scores, n, 1), Tensor.of(weights, n)}
                    : new Tensor[] {Tensor.of(labels, n, 1), Tensor.of(scores, n, 1)});
        }
        return out;
    }

    /** The multi-class batches with one-hot labels (n, 4), for a multi-label AUC. */
    private static List<Tensor[]> oneHot(List<Tensor[]> multiClass) {
        List<Tensor[]> out = new ArrayList<>();
        for (Tensor[] b : multiClass) {
            int n = b[0].shape()[0];
            float[] hot = new float[n * CLASSES];
            for (int i = 0; i < n; i++) {
                hot[i * CLASSES + (int) b[0].get(i)] = 1;
            }
            out.add(new Tensor[] {Tensor.of(hot, n, CLASSES), b[1]});
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
