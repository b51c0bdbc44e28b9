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
 * Scenario 3: CategoricalCrossentropy(from_logits=True), one update of 1,000,000 x 100 logits with one-hot labels
 * (2 x 400 MB of floats); reference provider, against the plain scan of the logits.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class CrossentropyBenchmark {
    static final int ROWS = 1_000_000;
    static final int CLASSES = 100;

    float[] oneHot;
    float[] logits;
    Metric crossentropy;

    @Setup
    public void setup() {
        float[] labels = Data.classIds(ROWS, CLASSES, Data.SEED);
        oneHot = Data.oneHot(labels, CLASSES);
        logits = Data.logits(labels, CLASSES, Data.SEED + 1);
        crossentropy = Keras.create("CategoricalCrossentropy", Map.of("from_logits", true));
    }

    @Benchmark
    public int scanLogits() {
        return Scan.scan(logits);
    }

    @Benchmark
    public Metric categoricalCrossentropyFromLogits() {
        crossentropy.update(Tensor.of(oneHot, ROWS, CLASSES), Tensor.of(logits, ROWS, CLASSES));
        return crossentropy;
    }
}
