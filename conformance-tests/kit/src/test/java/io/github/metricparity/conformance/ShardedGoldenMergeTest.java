package io.github.metricparity.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenSets;
import io.github.metricparity.conformance.golden.GoldenStep;
import io.github.metricparity.conformance.run.GoldenRunner;
import io.github.metricparity.keras.ReferenceProvider;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricProvider;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Sharded evaluation equals one pass, for every metric: each golden result that follows two or more accepted
 * updates is recomputed with those updates split over two instances whose states are then merged, and with a
 * checkpoint (snapshot, {@code toMap}/{@code fromMap}, restore into a fresh instance) taken between the updates.
 * A result that follows ONE update is recomputed with that batch split by rows, where Keras's rules are row by row:
 * rank >= 2 inputs (rank >= 1 values for Mean/Sum), weights per row (not a scalar, which makes the batch one
 * sample), the default axis, and not Hinge/SquaredHinge (their 0/1 label conversion is decided per batch). All must
 * give the golden expected value.
 */
class ShardedGoldenMergeTest {
    private final MetricProvider reference = new ReferenceProvider();

    @TestFactory
    Stream<DynamicTest> mergedShardsAndRestoredCheckpointsGiveTheGoldenResult() {
        List<DynamicTest> tests = new ArrayList<>();
        java.util.Set<String> covered = new java.util.TreeSet<>();
        for (GoldenCase c : GoldenSets.bundled()) {
            if (c.configError()) {
                continue;
            }
            List<GoldenStep> batch = new ArrayList<>();
            for (int i = 0; i < c.steps().size(); i++) {
                GoldenStep s = c.steps().get(i);
                if (s.op() == GoldenStep.Op.RESET) {
                    batch.clear();
                } else if (s.op() == GoldenStep.Op.UPDATE && !s.expectError()) {
                    batch.add(s);
                } else if (s.op() == GoldenStep.Op.RESULT && !s.expectError()) {
                    List<GoldenStep> updates = batch.size() == 1 ? splitRows(c, batch.get(0)) : List.copyOf(batch);
                    if (updates.size() >= 2) {
                        covered.add(GoldenRunner.resolvedClassName(c));
                        Tensor expected = s.expected();
                        int step = i;
                        tests.add(DynamicTest.dynamicTest(c.id() + " step " + step,
                                () -> check(c, updates, expected)));
                    }
                }
            }
        }
        assertTrue(tests.size() > 300, "golden results recomputed from shards: " + tests.size());
        java.util.Set<String> missing = new java.util.TreeSet<>(io.github.metricparity.keras.KerasCatalog.classNames());
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "classes without a sharded golden: " + missing);
        return tests.stream();
    }

    /** The batch as two row shards, or an empty list when Keras's result is not row by row for it. */
    private static List<GoldenStep> splitRows(GoldenCase c, GoldenStep u) {
        Object axis = c.config().get("axis");
        String cls = GoldenRunner.resolvedClassName(c);
        if (u.isValuesUpdate()) {
            if (u.values().rank() < 1 || u.values().dim(0) < 2) {
                return List.of();
            }
        } else if ((axis != null && !Integer.valueOf(-1).equals(axis)) || cls.equals("Hinge")
                || cls.equals("SquaredHinge") || u.yTrue().rank() < 2 || u.yPred().rank() < 2
                || u.yTrue().dim(0) != u.yPred().dim(0) || u.yPred().dim(0) < 2) {
            return List.of();
        }
        int n = u.isValuesUpdate() ? u.values().dim(0) : u.yPred().dim(0);
        Tensor w = u.sampleWeight();
        boolean weightPerRow = w != null && w.rank() >= 1 && w.dim(0) == n;
        boolean weightShared = w != null && w.rank() >= 1 && w.dim(0) == 1;
        if (w != null && !weightPerRow && !weightShared) {
            return List.of();
        }
        int half = n / 2;
        List<GoldenStep> shards = new ArrayList<>();
        for (int[] range : new int[][] {{0, half}, {half, n}}) {
            Tensor weight = w == null ? null : weightShared ? w : rows(w, range[0], range[1]);
            shards.add(u.isValuesUpdate()
                    ? new GoldenStep(GoldenStep.Op.UPDATE, null, null, rows(u.values(), range[0], range[1]), weight,
                            null, false)
                    : new GoldenStep(GoldenStep.Op.UPDATE, rows(u.yTrue(), range[0], range[1]),
                            rows(u.yPred(), range[0], range[1]), null, weight, null, false));
        }
        return shards;
    }

    private static Tensor rows(Tensor t, int from, int to) {
        int[] shape = t.shape();
        int rowSize = t.size() / shape[0];
        double[] data = new double[(to - from) * rowSize];
        for (int i = 0; i < data.length; i++) {
            data[i] = t.get(from * rowSize + i);
        }
        shape[0] = to - from;
        return Tensor.of(data, shape);
    }

    private void check(GoldenCase c, List<GoldenStep> updates, Tensor expected) {
        int half = updates.size() / 2;
        Metric first = open(c);
        Metric second = open(c);
        updates.subList(0, half).forEach(u -> feed(first, u));
        updates.subList(half, updates.size()).forEach(u -> feed(second, u));
        first.merge(second.snapshot());
        assertClose(c, expected, first.result(), "merged shards");

        Metric before = open(c);
        updates.subList(0, half).forEach(u -> feed(before, u));
        Map<String, Object> checkpoint = before.snapshot().toMap();
        Metric resumed = open(c);
        resumed.restore(MetricState.fromMap(checkpoint));
        updates.subList(half, updates.size()).forEach(u -> feed(resumed, u));
        assertClose(c, expected, resumed.result(), "restored checkpoint");
    }

    private Metric open(GoldenCase c) {
        Map<String, Object> config = new java.util.LinkedHashMap<>(c.config());
        return reference.create(GoldenRunner.resolvedClassName(c), config);
    }

    private static void feed(Metric m, GoldenStep u) {
        if (u.isValuesUpdate()) {
            ((ValuesMetric) m).updateValues(u.values(), u.sampleWeight());
        } else {
            m.update(u.yTrue(), u.yPred(), u.sampleWeight());
        }
    }

    private static void assertClose(GoldenCase c, Tensor expected, Tensor actual, String how) {
        assertTrue(expected.size() == actual.size(), () -> how + ": " + actual + " vs " + expected);
        for (int k = 0; k < expected.size(); k++) {
            double e = expected.get(k);
            double a = actual.get(k);
            boolean ok = c.tolerance().accepts(e, a);
            int index = k;
            assertTrue(ok, () -> c.id() + ", " + how + ": element " + index + " is " + a + ", expected " + e);
        }
    }
}
