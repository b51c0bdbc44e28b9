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
 * 100,000,000 samples streamed through SparseCategoricalAccuracy (x 10 classes) and AUC(200) in batches, in a JVM
 * with a 256 MB heap: one operation is the whole stream, so the score is the time of an epoch's evaluation and
 * finishing at all shows that nothing grows with the stream. The batches cycle over a few pre-made arrays
 * (generating 4 GB of fresh random predictions would measure the generator, not the metric).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class StreamingBenchmark {
    static final long SAMPLES = 100_000_000L;
    static final int CLASSES = 10;
    static final int ROWS_PER_BATCH = 100_000;
    static final int SAMPLES_PER_AUC_BATCH = 1_000_000;
    static final int POOL = 4;

    float[][] labels = new float[POOL][];
    float[][] probabilities = new float[POOL][];
    float[][] binaryLabels = new float[POOL][];
    float[][] binaryProbabilities = new float[POOL][];

    @Setup
    public void setup() {
        for (int b = 0; b < POOL; b++) {
            labels[b] = Data.classIds(ROWS_PER_BATCH, CLASSES, Data.SEED + b);
            probabilities[b] = Data.probabilities(labels[b], CLASSES, Data.SEED + 100 + b);
            binaryLabels[b] = Data.classIds(SAMPLES_PER_AUC_BATCH, 2, Data.SEED + b);
            binaryProbabilities[b] = Data.binaryProbabilities(binaryLabels[b], Data.SEED + 100 + b);
        }
    }

    @Benchmark
    public double sparseCategoricalAccuracy100M() {
        Metric m = Keras.create("SparseCategoricalAccuracy");
        for (long seen = 0; seen < SAMPLES; seen += ROWS_PER_BATCH) {
            int b = (int) (seen / ROWS_PER_BATCH % POOL);
            m.update(Tensor.of(labels[b], ROWS_PER_BATCH), Tensor.of(probabilities[b], ROWS_PER_BATCH, CLASSES));
        }
        return m.resultValue();
    }

    @Benchmark
    public double auc100M() {
        Metric m = Keras.create("AUC", Map.of("num_thresholds", 200));
        for (long seen = 0; seen < SAMPLES; seen += SAMPLES_PER_AUC_BATCH) {
            int b = (int) (seen / SAMPLES_PER_AUC_BATCH % POOL);
            m.update(Tensor.of(binaryLabels[b], SAMPLES_PER_AUC_BATCH, 1),
                    Tensor.of(binaryProbabilities[b], SAMPLES_PER_AUC_BATCH, 1));
        }
        return m.resultValue();
    }
}
