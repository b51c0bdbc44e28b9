package io.github.metricparity.benchmarks;

import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.tribuo.KerasLabelEvaluator;
import io.github.metricparity.tribuo.KerasMetricSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROCMultiClass;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;

/**
 * The small-batch scenario: an evaluation pass over 60,000 examples of 10 classes (MNIST's test set size), fed in
 * batches of 32, 64 or 256 the way {@code MultiLayerNetwork.doEvaluation} feeds an {@code IEvaluation}: one
 * {@code eval(labels, predictions)} call per batch of float32 {@link INDArray}s, one-hot labels. One operation is
 * the whole pass with a fresh evaluator. The DL4J adapter's {@link KerasEvaluation} against DL4J's
 * {@link Evaluation}, alone and with {@link ROCMultiClass} (exact, DL4J's default); Tribuo's {@link LabelEvaluator}
 * and the Tribuo adapter on the same 60,000 predictions, evaluated at once as Tribuo does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SmallBatchBenchmark {
    static final int EXAMPLES = 60_000;
    static final int CLASSES = 10;

    /** The examples cut into batches of {@code batch} rows, as a DataSetIterator gives them. */
    @State(Scope.Benchmark)
    public static class Batches {
        @Param({"32", "64", "256"})
        int batch;
        List<INDArray> labels;
        List<INDArray> predictions;

        @Setup
        public void setup() {
            float[] ids = Data.classIds(EXAMPLES, CLASSES, Data.SEED);
            float[] oneHot = Data.oneHot(ids, CLASSES);
            float[] probabilities = Data.probabilities(ids, CLASSES, Data.SEED + 1);
            labels = new ArrayList<>();
            predictions = new ArrayList<>();
            for (int start = 0; start < EXAMPLES; start += batch) {
                int rows = Math.min(batch, EXAMPLES - start);
                labels.add(Nd4j.create(slice(oneHot, start, rows), new long[] {rows, CLASSES}, 'c'));
                predictions.add(Nd4j.create(slice(probabilities, start, rows), new long[] {rows, CLASSES}, 'c'));
            }
        }

        private static float[] slice(float[] values, int startRow, int rows) {
            float[] out = new float[rows * CLASSES];
            System.arraycopy(values, startRow * CLASSES, out, 0, out.length);
            return out;
        }
    }

    /** The 60,000 examples as Tribuo predictions. */
    @State(Scope.Benchmark)
    public static class Predictions {
        Model<Label> model;
        List<Prediction<Label>> predictions;

        @Setup
        public void setup() {
            float[] ids = Data.classIds(EXAMPLES, CLASSES, Data.SEED);
            predictions = TribuoData.scored(ids, Data.probabilities(ids, CLASSES, Data.SEED + 1), CLASSES, true);
            model = new FixedModel(CLASSES, true);
        }
    }

    private static final KerasLabelEvaluator TRIBUO_ACCURACY = new KerasLabelEvaluator(
            List.of(KerasMetricSpec.of("CategoricalAccuracy", Map.of())), false);

    @Benchmark
    public double kerasAccuracy(Batches s) {
        KerasEvaluation keras = KerasEvaluation.compile("accuracy");
        for (int i = 0; i < s.labels.size(); i++) {
            keras.eval(s.labels.get(i), s.predictions.get(i));
        }
        return keras.value("accuracy");
    }

    @Benchmark
    public double kerasAccuracyCrossentropyAuc(Batches s) {
        KerasEvaluation keras = KerasEvaluation.compile("accuracy", "categorical_crossentropy", "auc");
        for (int i = 0; i < s.labels.size(); i++) {
            keras.eval(s.labels.get(i), s.predictions.get(i));
        }
        return keras.value("auc");
    }

    @Benchmark
    public double dl4jEvaluation(Batches s) {
        Evaluation e = new Evaluation(CLASSES);
        for (int i = 0; i < s.labels.size(); i++) {
            e.eval(s.labels.get(i), s.predictions.get(i));
        }
        return e.accuracy();
    }

    /** Seconds per pass (exact ROC keeps every prediction and sorts them per class): measured once. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public double dl4jEvaluationAndRocMultiClass(Batches s) {
        Evaluation e = new Evaluation(CLASSES);
        ROCMultiClass roc = new ROCMultiClass();
        for (int i = 0; i < s.labels.size(); i++) {
            e.eval(s.labels.get(i), s.predictions.get(i));
            roc.eval(s.labels.get(i), s.predictions.get(i));
        }
        return e.accuracy() + roc.calculateAverageAUC();
    }

    @Benchmark
    public Object tribuoLabelEvaluator(Predictions s) {
        return new LabelEvaluator().evaluate(s.model, s.predictions, TribuoBenchmark.PROVENANCE);
    }

    @Benchmark
    public Object tribuoAdapterAccuracy(Predictions s) {
        return TRIBUO_ACCURACY.evaluate(s.model, s.predictions, TribuoBenchmark.PROVENANCE);
    }
}
