package io.github.metricparity.benchmarks;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one shard per core gives a large batch: the update on one thread (the metric's own shards off,
 * {@code -Dmetricparity.parallelUpdates=false}) against the batch's rows split into one contiguous shard per core
 * (tensors over the same arrays at an offset, no copy), each updating its own instance of the metric on its own
 * thread, their states merged in order ({@link Metric#merge}): what the metrics do on their own above
 * {@code Shards.MIN_ELEMENTS} values, here at sizes on both sides of it. Counts are equal and sums equal within
 * rounding, by construction of the merge.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Dmetricparity.parallelUpdates=false"})
@State(Scope.Benchmark)
public class ParallelBenchmark {
    static final int CORES = Runtime.getRuntime().availableProcessors();

    ExecutorService pool;

    /** Scenario 2's labels and logits, 10,000,000 of them and fewer. */
    @State(Scope.Benchmark)
    public static class Binary {
        @Param({"262144", "1048576", "10000000"})
        int n;
        float[] labels;
        float[] logits;

        @Setup
        public void setup() {
            labels = Data.classIds(n, 2, Data.SEED);
            logits = Data.binaryLogits(labels, Data.SEED + 1);
        }
    }

    /** Scenario 3's 1,000,000 x 100 one-hot labels and logits. */
    @State(Scope.Benchmark)
    public static class HundredClasses {
        float[] oneHot;
        float[] logits;

        @Setup
        public void setup() {
            float[] labels = Data.classIds(CrossentropyBenchmark.ROWS, CrossentropyBenchmark.CLASSES, Data.SEED);
            oneHot = Data.oneHot(labels, CrossentropyBenchmark.CLASSES);
            logits = Data.logits(labels, CrossentropyBenchmark.CLASSES, Data.SEED + 1);
        }
    }

    /** Scenario 1's 1,000,000 class ids and 1,000,000 x 10 probabilities. */
    @State(Scope.Benchmark)
    public static class TenClasses {
        float[] ids;
        float[] probabilities;

        @Setup
        public void setup() {
            ids = Data.classIds(AccuracyBenchmark.ROWS, AccuracyBenchmark.CLASSES, Data.SEED);
            probabilities = Data.probabilities(ids, AccuracyBenchmark.CLASSES, Data.SEED + 1);
        }
    }

    @Setup
    public void setup() {
        pool = Executors.newFixedThreadPool(CORES);
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    public double binaryCrossentropyOneThread(Binary s) {
        return sharded(1, "BinaryCrossentropy", Map.of("from_logits", true), s.labels, 1, s.logits, 1);
    }

    @Benchmark
    public double binaryCrossentropyAllCores(Binary s) {
        return sharded(CORES, "BinaryCrossentropy", Map.of("from_logits", true), s.labels, 1, s.logits, 1);
    }

    @Benchmark
    public double categoricalCrossentropyOneThread(HundredClasses s) {
        return sharded(1, "CategoricalCrossentropy", Map.of("from_logits", true), s.oneHot,
                CrossentropyBenchmark.CLASSES, s.logits, CrossentropyBenchmark.CLASSES);
    }

    @Benchmark
    public double categoricalCrossentropyAllCores(HundredClasses s) {
        return sharded(CORES, "CategoricalCrossentropy", Map.of("from_logits", true), s.oneHot,
                CrossentropyBenchmark.CLASSES, s.logits, CrossentropyBenchmark.CLASSES);
    }

    @Benchmark
    public double sparseCategoricalAccuracyOneThread(TenClasses s) {
        return sharded(1, "SparseCategoricalAccuracy", Map.of(), s.ids, 0, s.probabilities,
                AccuracyBenchmark.CLASSES);
    }

    @Benchmark
    public double sparseCategoricalAccuracyAllCores(TenClasses s) {
        return sharded(CORES, "SparseCategoricalAccuracy", Map.of(), s.ids, 0, s.probabilities,
                AccuracyBenchmark.CLASSES);
    }

    /**
     * The update of a batch cut into {@code shards} contiguous runs of rows, each on its own metric instance and
     * thread (the caller's for the first), merged in order; the result.
     *
     * @param trueWidth label values per row, 0 for one class id per row (shape {@code (N,)})
     */
    private double sharded(int shards, String id, Map<String, ?> config, float[] yTrue, int trueWidth, float[] yPred,
            int predWidth) {
        int rows = yPred.length / predWidth;
        List<Metric> metrics = new ArrayList<>();
        List<Runnable> updates = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            int first = (int) ((long) rows * s / shards);
            int count = (int) ((long) rows * (s + 1) / shards) - first;
            Metric m = Keras.create(id, config);
            Tensor t = trueWidth == 0 ? Tensor.ofFloats(yTrue, first, count)
                    : Tensor.ofFloats(yTrue, first * trueWidth, count, trueWidth);
            Tensor p = Tensor.ofFloats(yPred, first * predWidth, count, predWidth);
            metrics.add(m);
            updates.add(() -> m.update(t, p));
        }
        List<Future<?>> running = new ArrayList<>();
        for (Runnable update : updates.subList(1, shards)) {
            running.add(pool.submit(update));
        }
        updates.get(0).run();
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        Metric merged = metrics.get(0);
        for (int s = 1; s < shards; s++) {
            merged.merge(metrics.get(s).snapshot());
        }
        return merged.result().item();
    }
}
