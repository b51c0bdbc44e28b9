package io.github.metricparity.benchmarks;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 1: SparseCategoricalAccuracy and CategoricalAccuracy, one update of 1,000,000 x 10 float predictions,
 * reference provider, against the plain scan of the same predictions (and of the one-hot labels that
 * CategoricalAccuracy reads too).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AccuracyBenchmark {
    static final int ROWS = 1_000_000;
    static final int CLASSES = 10;

    float[] labels;
    float[] oneHot;
    float[] probabilities;
    Metric sparse;
    Metric categorical;

    @Setup
    public void setup() {
        labels = Data.classIds(ROWS, CLASSES, Data.SEED);
        oneHot = Data.oneHot(labels, CLASSES);
        probabilities = Data.probabilities(labels, CLASSES, Data.SEED + 1);
        sparse = Keras.create("SparseCategoricalAccuracy");
        categorical = Keras.create("CategoricalAccuracy");
    }

    @Benchmark
    public int scanPredictions() {
        return Scan.scan(probabilities);
    }

    @Benchmark
    public int scanOneHotAndPredictions() {
        return Scan.scan(oneHot) | Scan.scan(probabilities);
    }

    @Benchmark
    public Metric sparseCategoricalAccuracy() {
        sparse.update(Tensor.of(labels, ROWS), Tensor.of(probabilities, ROWS, CLASSES));
        return sparse;
    }

    @Benchmark
    public Metric categoricalAccuracy() {
        categorical.update(Tensor.of(oneHot, ROWS, CLASSES), Tensor.of(probabilities, ROWS, CLASSES));
        return categorical;
    }
}
