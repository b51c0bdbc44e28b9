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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The accuracy family at two batch sizes, 100x apart: run with {@code -prof gc}, {@code gc.alloc.rate.norm}
 * (bytes per update) must not grow with N.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AllocationBenchmark {
    static final int CLASSES = 10;

    @Param({"10000", "1000000"})
    int rows;

    float[] labels;
    float[] oneHot;
    float[] probabilities;
    float[] binaryLabels;
    float[] binaryProbabilities;
    float[] weights;
    Metric sparse;
    Metric categorical;
    Metric binary;

    @Setup
    public void setup() {
        labels = Data.classIds(rows, CLASSES, Data.SEED);
        oneHot = Data.oneHot(labels, CLASSES);
        probabilities = Data.probabilities(labels, CLASSES, Data.SEED + 1);
        binaryLabels = Data.classIds(rows, 2, Data.SEED);
        binaryProbabilities = Data.binaryProbabilities(binaryLabels, Data.SEED + 1);
        weights = Data.weights(rows, Data.SEED + 2);
        sparse = Keras.create("SparseCategoricalAccuracy");
        categorical = Keras.create("CategoricalAccuracy");
        binary = Keras.create("BinaryAccuracy");
    }

    @Benchmark
    public Metric sparseCategoricalAccuracy() {
        sparse.update(Tensor.of(labels, rows), Tensor.of(probabilities, rows, CLASSES));
        return sparse;
    }

    @Benchmark
    public Metric sparseCategoricalAccuracyWeighted() {
        sparse.update(Tensor.of(labels, rows), Tensor.of(probabilities, rows, CLASSES), Tensor.of(weights, rows));
        return sparse;
    }

    @Benchmark
    public Metric categoricalAccuracy() {
        categorical.update(Tensor.of(oneHot, rows, CLASSES), Tensor.of(probabilities, rows, CLASSES));
        return categorical;
    }

    @Benchmark
    public Metric binaryAccuracy() {
        binary.update(Tensor.of(binaryLabels, rows, 1), Tensor.of(binaryProbabilities, rows, 1));
        return binary;
    }
}
