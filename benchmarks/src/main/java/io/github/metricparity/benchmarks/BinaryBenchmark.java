package io.github.metricparity.benchmarks;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;
import java.util.Map;
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
 * Scenario 2: BinaryAccuracy and BinaryCrossentropy(from_logits=True), one update of 10,000,000 predictions shaped
 * (N, 1) as a Dense(1) output gives them, with (N, 1) 0/1 labels; reference provider, against the plain scan.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BinaryBenchmark {
    static final int N = 10_000_000;

    float[] labels;
    float[] probabilities;
    float[] logits;
    Metric accuracy;
    Metric crossentropy;

    @Setup
    public void setup() {
        labels = Data.classIds(N, 2, Data.SEED);
        probabilities = Data.binaryProbabilities(labels, Data.SEED + 1);
        logits = Data.binaryLogits(labels, Data.SEED + 1);
        accuracy = Keras.create("BinaryAccuracy");
        crossentropy = Keras.create("BinaryCrossentropy", Map.of("from_logits", true));
    }

    @Benchmark
    public int scanPredictions() {
        return Scan.scan(probabilities);
    }

    @Benchmark
    public int scanLabelsAndPredictions() {
        return Scan.scan(labels) | Scan.scan(probabilities);
    }

    @Benchmark
    public Metric binaryAccuracy() {
        accuracy.update(Tensor.of(labels, N, 1), Tensor.of(probabilities, N, 1));
        return accuracy;
    }

    @Benchmark
    public Metric binaryCrossentropyFromLogits() {
        crossentropy.update(Tensor.of(labels, N, 1), Tensor.of(logits, N, 1));
        return crossentropy;
    }
}
