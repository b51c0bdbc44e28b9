package io.github.metricparity.benchmarks;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 4: AUC(num_thresholds=200 and 2,000) and Precision/Recall at 3 thresholds, one update of 10,000,000
 * (N, 1) probabilities; AUC also at 1,000,000 to show the update is linear in N. Reference provider, against the
 * plain scan.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ConfusionBenchmark {
    static final List<Double> THREE_THRESHOLDS = List.of(0.3, 0.5, 0.7);

    /** The 10M batch shared by the scan and Precision/Recall. */
    @State(Scope.Benchmark)
    public static class Batch {
        static final int N = 10_000_000;
        float[] labels;
        float[] probabilities;
        Metric precision;
        Metric recall;

        @Setup
        public void setup() {
            labels = Data.classIds(N, 2, Data.SEED);
            probabilities = Data.binaryProbabilities(labels, Data.SEED + 1);
            precision = Keras.create("Precision", Map.of("thresholds", THREE_THRESHOLDS));
            recall = Keras.create("Recall", Map.of("thresholds", THREE_THRESHOLDS));
        }
    }

    /** AUC with a number of thresholds, on N samples. */
    @State(Scope.Benchmark)
    public static class AucBatch {
        @Param({"1000000", "10000000"})
        int n;
        @Param({"200", "2000"})
        int numThresholds;
        float[] labels;
        float[] probabilities;
        Metric auc;

        @Setup(Level.Trial)
        public void setup() {
            labels = Data.classIds(n, 2, Data.SEED);
            probabilities = Data.binaryProbabilities(labels, Data.SEED + 1);
            auc = Keras.create("AUC", Map.of("num_thresholds", numThresholds));
        }
    }

    @Benchmark
    public int scanPredictions(Batch b) {
        return Scan.scan(b.probabilities);
    }

    @Benchmark
    public Metric auc(AucBatch b) {
        b.auc.update(Tensor.of(b.labels, b.n, 1), Tensor.of(b.probabilities, b.n, 1));
        return b.auc;
    }

    @Benchmark
    public Metric precision3Thresholds(Batch b) {
        b.precision.update(Tensor.of(b.labels, Batch.N, 1), Tensor.of(b.probabilities, Batch.N, 1));
        return b.precision;
    }

    @Benchmark
    public Metric recall3Thresholds(Batch b) {
        b.recall.update(Tensor.of(b.labels, Batch.N, 1), Tensor.of(b.probabilities, Batch.N, 1));
        return b.recall;
    }
}
