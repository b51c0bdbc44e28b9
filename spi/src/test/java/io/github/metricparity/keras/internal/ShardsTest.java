package io.github.metricparity.keras.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.MetricTesting;
import io.github.metricparity.keras.reduction.SamplewiseReduction.Contribution;
import io.github.metricparity.spi.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Batches of more than {@link Shards#MIN_ELEMENTS} values are cut into shards, computed over the cores and added in
 * shard order: every row exactly once, counts equal to the generic update's, sums (of values and of weights) equal
 * within rounding (far inside the golden tolerance), and the same result on every run whatever the threads did.
 */
class ShardsTest {
    private static final int ROWS = (int) (Shards.MIN_ELEMENTS * 3 / 2) + 7;

    @Test
    void everyRowOnceInShardOrder() {
        AtomicInteger rowsSeen = new AtomicInteger();
        Contribution c = Shards.sum(ROWS, 1, "own", () -> "helper", (scratch, first, count) -> {
            rowsSeen.addAndGet(count);
            return new Contribution(first, count); // totals: the shards' first rows, added in order
        });
        assertEquals(ROWS, rowsSeen.get());
        assertEquals(ROWS, c.count());
        long perShard = Shards.SHARD_ELEMENTS;
        double firsts = 0;
        for (long first = 0; first < ROWS; first += perShard) {
            firsts += first;
        }
        assertEquals(firsts, c.total());
    }

    @Test
    void aDeclinedShardDeclinesTheBatchAndAFailureIsRethrown() {
        assertNull(Shards.sum(ROWS, 1, 0, () -> 0, (s, first, count) -> first == 0 ? null : new Contribution(0, 0)));
        assertThrows(IllegalStateException.class, () -> Shards.sum(ROWS, 1, 0, () -> 0, (s, first, count) -> {
            if (first > 0) {
                throw new IllegalStateException("shard " + first);
            }
            return new Contribution(0, count);
        }));
    }

    @Test
    void largeBatchesGiveTheGenericCountsAndSumsOnEveryRun() {
        SplittableRandom r = new SplittableRandom(3);
        int n = ROWS;
        float[] labels = new float[n];
        float[] logits = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(2);
            logits[i] = (float) ((r.nextDouble() - 0.5) * 20);
            weights[i] = (float) r.nextDouble();
        }
        for (String id : List.of("BinaryCrossentropy", "BinaryAccuracy", "Poisson")) {
            Map<String, ?> config = id.equals("BinaryCrossentropy") ? Map.of("from_logits", true) : Map.of();
            float[] predictions = id.equals("BinaryAccuracy") || id.equals("Poisson") ? sigmoid(logits) : logits;
            for (Tensor w : new Tensor[] {null, Tensor.of(weights, n)}) {
                AbstractMetric generic = create(id, config);
                generic.transact(() -> generic.updateState(Tensor.of(labels, n, 1), Tensor.of(predictions, n, 1), w));
                double[] totals = new double[2];
                for (int run = 0; run < 2; run++) {
                    AbstractMetric fused = create(id, config);
                    Fused.Check check = fused.fusedCheck();
                    boolean took = check != null && fused.fusedUpdate(Tensor.of(labels, n, 1),
                            Tensor.of(predictions, n, 1), w, check);
                    if (id.equals("BinaryAccuracy") && w != null) {
                        continue; // weighted accuracy is not sharded
                    }
                    assertTrue(took, id + " takes the fused update");
                    double expected = generic.snapshot().variable("total").item();
                    totals[run] = fused.snapshot().variable("total").item();
                    double count = generic.snapshot().variable("count").item();
                    // without weights the count is the number of rows, exactly; with weights, a sum of them
                    assertEquals(count, fused.snapshot().variable("count").item(), w == null ? 0 : count * 1e-12,
                            id + ": the count");
                    assertEquals(expected, totals[run], Math.abs(expected) * 1e-12, id + ": the total");
                }
                assertEquals(totals[0], totals[1], id + ": the same total on every run");
            }
        }
    }

    private static float[] sigmoid(float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (1 / (1 + Math.exp(-x[i])));
        }
        return out;
    }

    private static AbstractMetric create(String id, Map<String, ?> config) {
        return (AbstractMetric) MetricTesting.REGISTRY.create(id, config);
    }
}
