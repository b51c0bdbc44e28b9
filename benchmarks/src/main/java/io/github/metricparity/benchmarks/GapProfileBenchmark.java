package io.github.metricparity.benchmarks;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * The profile behind the targets the accuracy family misses (see benchmarks/README.md, "Gaps"): the loops of the
 * fused updates taken apart, on the data of scenarios 1 and 2, to show where the time goes.
 *
 * <ul>
 * <li>{@link #argmaxRows}: the per-row argmax of 1,000,000 x 10 and the match count, alone. The update costs the
 * same: the rest of it (checks, state) is free, and this loop is the floor. Each row is a chain of 10 dependent
 * maxima, which C2 does not vectorise.
 * <li>{@link #scanPredictionsScalar}: the plain scan with C2's vectoriser off ({@code -XX:-UseSuperWord}). Scalar
 * code that does one cheap operation per element still reaches the memory bound: the bound is not the problem, the
 * work per element is.
 * <li>{@link #binaryMatchesIntBits} and {@link #binaryMatchesFloatBits}: BinaryAccuracy's branch-free match count
 * over the bit patterns of the 10,000,000 samples, from {@code int[]} copies (vectorised) and from the
 * {@code float[]}s through {@code Float.floatToRawIntBits} (what the update must do). JDK 17's C2 does not
 * vectorise the float-to-int bit move, so the same loop runs scalar.
 * <li>{@link #dl4jCopyOneHotAndPredictions}: the DL4J adapter's crossing, two bulk copies of 40 MB from ND4J's
 * off-heap buffers into reused Java arrays: what the adapter adds to the reference update.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class GapProfileBenchmark {
    float[] classIds;
    float[] probabilities;
    float[] binaryLabels;
    float[] binaryProbabilities;
    int[] binaryLabelBits;
    int[] binaryProbabilityBits;
    INDArray oneHot;
    INDArray predictions;
    float[] oneHotCopy;
    float[] predictionsCopy;

    @Setup
    public void setup() {
        classIds = Data.classIds(AccuracyBenchmark.ROWS, AccuracyBenchmark.CLASSES, Data.SEED);
        probabilities = Data.probabilities(classIds, AccuracyBenchmark.CLASSES, Data.SEED + 1);
        binaryLabels = Data.classIds(BinaryBenchmark.N, 2, Data.SEED);
        binaryProbabilities = Data.binaryProbabilities(binaryLabels, Data.SEED + 1);
        binaryLabelBits = bits(binaryLabels);
        binaryProbabilityBits = bits(binaryProbabilities);
        oneHot = Nd4j.createFromArray(Data.oneHot(classIds, AccuracyBenchmark.CLASSES))
                .reshape(AccuracyBenchmark.ROWS, AccuracyBenchmark.CLASSES);
        predictions = Nd4j.createFromArray(probabilities).reshape(AccuracyBenchmark.ROWS, AccuracyBenchmark.CLASSES);
        oneHotCopy = new float[(int) oneHot.length()];
        predictionsCopy = new float[(int) predictions.length()];
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    @Benchmark
    public long argmaxRows() {
        int classes = AccuracyBenchmark.CLASSES;
        long matches = 0;
        for (int r = 0; r < classIds.length; r++) {
            long best = Long.MIN_VALUE;
            int from = r * classes;
            for (int j = 0; j < classes; j++) {
                best = Math.max(best, ((long) Float.floatToRawIntBits(probabilities[from + j]) << 32) - j);
            }
            matches += (((int) -best ^ (int) classIds[r]) - 1) >>> 31;
        }
        return matches;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:-UseSuperWord"})
    public int scanPredictionsScalar() {
        return Scan.scan(probabilities);
    }

    @Benchmark
    public int binaryMatchesIntBits() {
        int threshold = Float.floatToRawIntBits(0.5f);
        int matches = 0;
        for (int i = 0; i < binaryLabelBits.length; i++) {
            int predicted = ((threshold - binaryProbabilityBits[i]) >> 31) & 0x3f800000;
            matches += ((binaryLabelBits[i] ^ predicted) - 1) >>> 31;
        }
        return matches;
    }

    @Benchmark
    public int binaryMatchesFloatBits() {
        int threshold = Float.floatToRawIntBits(0.5f);
        int matches = 0;
        for (int i = 0; i < binaryLabels.length; i++) {
            int predicted = ((threshold - Float.floatToRawIntBits(binaryProbabilities[i])) >> 31) & 0x3f800000;
            matches += ((Float.floatToRawIntBits(binaryLabels[i]) ^ predicted) - 1) >>> 31;
        }
        return matches;
    }

    @Benchmark
    public float dl4jCopyOneHotAndPredictions() {
        oneHot.data().asNioFloat().get(oneHotCopy, 0, oneHotCopy.length);
        predictions.data().asNioFloat().get(predictionsCopy, 0, predictionsCopy.length);
        return oneHotCopy[0] + predictionsCopy[predictionsCopy.length - 1];
    }
}
