package io.github.metricparity.benchmarks;

import io.github.metricparity.keras.internal.ExpLog;
import java.util.SplittableRandom;
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
 * The float32 exp and log kernels ({@code ExpLog}) on one block of 1,024 values in the first-level cache, against
 * {@code Math.exp}/{@code Math.log} per element: nanoseconds per block, so per value divided by 1,024. The same
 * benchmarks run again with C2's vectoriser switched off ({@link VectoriserOff}, {@code -XX:-UseSuperWord}): the
 * kernels' speed-up is the vectorisation, measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Thread)
public class ExpLogBenchmark {
    static final int N = ExpLog.BLOCK;
    float[] negative = new float[N];
    float[] unit = new float[N];
    float[] positive = new float[N];
    float[] out = new float[N];
    float[] work = new float[N];

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(Data.SEED);
        for (int i = 0; i < N; i++) {
            negative[i] = (float) (-r.nextDouble() * 30);
            unit[i] = (float) r.nextDouble();
            positive[i] = (float) Math.exp((r.nextDouble() - 0.5) * 40);
        }
    }

    @Benchmark
    public float[] exp() {
        ExpLog.exp(negative, out, work, N);
        return out;
    }

    @Benchmark
    public float[] log1p() {
        ExpLog.log1pUnit(unit, out, N);
        return out;
    }

    @Benchmark
    public float[] log() {
        ExpLog.log(positive, out, work, N);
        return out;
    }

    @Benchmark
    public float[] mathExp() {
        for (int i = 0; i < N; i++) {
            out[i] = (float) Math.exp(negative[i]);
        }
        return out;
    }

    @Benchmark
    public float[] mathLog1p() {
        for (int i = 0; i < N; i++) {
            out[i] = (float) Math.log1p(unit[i]);
        }
        return out;
    }

    @Benchmark
    public float[] mathLog() {
        for (int i = 0; i < N; i++) {
            out[i] = (float) Math.log(positive[i]);
        }
        return out;
    }

    /** The same benchmarks with the vectoriser off. */
    @Fork(value = 1, jvmArgsAppend = "-XX:-UseSuperWord")
    public static class VectoriserOff extends ExpLogBenchmark {
    }
}
