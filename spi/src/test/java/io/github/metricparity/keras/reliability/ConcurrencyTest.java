package io.github.metricparity.keras.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.ReferenceProvider;
import io.github.metricparity.spi.ConcurrentMetrics;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.ShardedMetric;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * N threads x M batches through {@link ConcurrentMetrics#sharded} and {@link ConcurrentMetrics#synchronizedMetric}
 * give the result of one instance fed the same batches sequentially (within {@link Scenario#TOLERANCE}: only the
 * order of floating-point sums differs), for every catalog class.
 */
class ConcurrencyTest {
    static final int THREADS = 8;
    static final int BATCHES_PER_THREAD = 25;
    private static final MetricRegistry REGISTRY = MetricRegistry.of(new ReferenceProvider());

    @TestFactory
    Stream<DynamicTest> threadsTimesBatchesGiveTheSequentialResult() {
        return KerasCatalog.classNames().stream().map(cls -> DynamicTest.dynamicTest(cls, () -> {
            Random r = new Random(cls.hashCode());
            MetricInputs.Feed feed = MetricInputs.feed(cls, r);
            List<List<Batch>> perThread = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<Batch> mine = new ArrayList<>();
                for (int i = 0; i < BATCHES_PER_THREAD; i++) {
                    mine.add(feed.batch(r, r.nextInt(7), r.nextBoolean()));
                }
                perThread.add(mine);
            }
            Scenario s = new Scenario(cls, 0, feed, List.of());
            Metric sequential = s.newMetric();
            perThread.forEach(batches -> batches.forEach(b -> b.feed(sequential)));

            ShardedMetric sharded = ConcurrentMetrics.sharded(s::newMetric);
            Metric locked = ConcurrentMetrics.synchronizedMetric(s.newMetric());
            inThreads(perThread, b -> {
                b.feed(sharded);
                b.feed(locked);
            });

            Outcome expected = Outcome.of(sequential);
            Outcome fromShards = Outcome.of(sharded);
            Outcome fromLock = Outcome.of(locked);
            assertTrue(expected.closeTo(fromShards), () -> cls + feed.config() + ": sequential " + expected
                    + ", sharded " + fromShards);
            assertTrue(expected.closeTo(fromLock), () -> cls + feed.config() + ": sequential " + expected
                    + ", synchronized " + fromLock);
            assertEquals(THREADS + 1, sharded.shardCount(), "one shard per thread, plus the base");
        }));
    }

    /** Runs each thread's batches on its own thread, all released at once. */
    static void inThreads(List<List<Batch>> perThread, Consumer<Batch> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(perThread.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (List<Batch> mine : perThread) {
                done.add(pool.submit(() -> {
                    start.await();
                    mine.forEach(action);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Metric sum() {
        return REGISTRY.create("Sum", Map.of());
    }

    private static void addOnes(Metric m, int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        ((ValuesMetric) m).updateValues(Tensor.vector(ones), null);
    }

    /** Reads while 4 threads add batches of 10 ones: every read counts whole batches only. */
    @Test
    @Timeout(60)
    void readsDuringUpdatesSeeWholeBatches() throws Exception {
        ShardedMetric sharded = ConcurrentMetrics.sharded(ConcurrencyTest::sum);
        assertInstanceOf(ValuesMetric.class, sharded);
        Tensor ones = Tensor.vector(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        ((ValuesMetric) sharded).updateValues(ones, null);
                    }
                    return null;
                }));
            }
            int reads = 0;
            while (!writers.stream().allMatch(Future::isDone) || reads == 0) {
                double v = sharded.resultValue();
                assertEquals(0.0, v % 10, () -> "a read saw part of a batch: " + v);
                reads++;
            }
            for (Future<?> f : writers) {
                f.get();
            }
            assertEquals(4 * 2000 * 10.0, sharded.resultValue());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shardsOutliveTheirThreadsAndResetClearsThemAll() throws Exception {
        ShardedMetric sharded = ConcurrentMetrics.sharded(ConcurrencyTest::sum);
        Thread worker = new Thread(() -> ((ValuesMetric) sharded).updateValues(Tensor.vector(2, 3), null));
        worker.start();
        worker.join();
        ((ValuesMetric) sharded).updateValues(Tensor.vector(5), null);
        assertEquals(10.0, sharded.resultValue(), "the finished worker's batch still counts");
        sharded.reset();
        assertEquals(0.0, sharded.resultValue());
        assertEquals(sum().snapshot(), sharded.snapshot());
    }

    @Test
    void restoreAndMergeGoThroughOneShard() {
        ShardedMetric sharded = ConcurrentMetrics.sharded(ConcurrencyTest::sum);
        ((ValuesMetric) sharded).updateValues(Tensor.vector(100), null);
        Metric other = sum();
        ((ValuesMetric) other).updateValues(Tensor.vector(7), null);
        sharded.restore(other.snapshot());
        assertEquals(7.0, sharded.resultValue(), "restore replaces every shard's state");
        sharded.merge(other);
        assertEquals(14.0, sharded.resultValue());

        MetricState before = sharded.snapshot();
        MetricState mean = REGISTRY.create("Mean", Map.of()).snapshot();
        assertThrows(MetricException.class, () -> sharded.restore(mean));
        assertThrows(MetricException.class, () -> sharded.merge(mean));
        assertEquals(before, sharded.snapshot(), "a refused restore or merge changes nothing");
    }

    @Test
    void aFactoryMakingAnotherMetricIsRefused() throws Exception {
        int[] calls = {0};
        // calls: 0 the base shard, 1 this thread's shard, 2 the other thread's shard (another config)
        ShardedMetric sharded = ConcurrentMetrics.sharded(() -> REGISTRY.create("BinaryAccuracy",
                Map.of("threshold", calls[0]++ < 2 ? 0.5 : 0.7)));
        sharded.update(Tensor.vector(1), Tensor.vector(0.9));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> other = pool.submit(() -> sharded.update(Tensor.vector(1), Tensor.vector(0.9)));
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> other.get(10, TimeUnit.SECONDS));
            assertInstanceOf(MetricException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("every shard must be the same metric"));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, sharded.shardCount(), "the refused shard was not kept");
    }

    /** Two synchronized metrics merging each other from two threads must not deadlock. */
    @Test
    @Timeout(30)
    void synchronizedMetricsMergingEachOtherDoNotDeadlock() throws Exception {
        Metric a = ConcurrentMetrics.synchronizedMetric(sum());
        Metric b = ConcurrentMetrics.synchronizedMetric(sum());
        addOnes(a, 1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> x = pool.submit(() -> {
                for (int i = 0; i < 300; i++) { // the sums grow like Fibonacci numbers: stay finite
                    a.merge(b);
                }
            });
            Future<?> y = pool.submit(() -> {
                for (int i = 0; i < 300; i++) { // the sums grow like Fibonacci numbers: stay finite
                    b.merge(a);
                }
            });
            x.get(30, TimeUnit.SECONDS);
            y.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertInstanceOf(ValuesMetric.class, a);
        assertTrue(a.resultValue() >= 1.0 && b.resultValue() >= 1.0, "the merges happened");
        assertTrue(ConcurrentMetrics.synchronizedMetric(a) == a, "wrapping twice returns the same wrapper");
    }
}
