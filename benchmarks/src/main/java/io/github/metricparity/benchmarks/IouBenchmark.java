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
 * Scenario 5: MeanIoU(num_classes=21) on a batch of 4 x 512 x 512 segmentation masks, as class ids (the default
 * sparse_y_pred=True) and as per-class scores (4 x 512 x 512 x 21, sparse_y_pred=False: argmax first); reference
 * provider, against the plain scan of the predictions.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class IouBenchmark {
    static final int IMAGES = 4;
    static final int SIDE = 512;
    static final int CLASSES = 21;

    float[] truth;
    float[] predictedIds;
    float[] scores;
    Metric ids;
    Metric dense;

    @Setup
    public void setup() {
        float[][] masks = Data.segmentation(IMAGES, SIDE, SIDE, CLASSES, Data.SEED);
        truth = masks[0];
        predictedIds = masks[1];
        scores = Data.probabilities(predictedIds, CLASSES, Data.SEED + 1);
        ids = Keras.create("MeanIoU", Map.of("num_classes", CLASSES));
        dense = Keras.create("MeanIoU", Map.of("num_classes", CLASSES, "sparse_y_pred", false));
    }

    @Benchmark
    public int scanPredictedIds() {
        return Scan.scan(predictedIds);
    }

    @Benchmark
    public int scanScores() {
        return Scan.scan(scores);
    }

    @Benchmark
    public Metric meanIoU() {
        ids.update(Tensor.of(truth, IMAGES, SIDE, SIDE), Tensor.of(predictedIds, IMAGES, SIDE, SIDE));
        return ids;
    }

    @Benchmark
    public Metric meanIoUFromScores() {
        dense.update(Tensor.of(truth, IMAGES, SIDE, SIDE), Tensor.of(scores, IMAGES, SIDE, SIDE, CLASSES));
        return dense;
    }
}
