package io.github.metricparity.benchmarks;

import io.github.metricparity.dl4j.Nd4jMetric;
import io.github.metricparity.spi.MetricRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.EvaluationBinary;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
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
 * The scenarios through the DL4J adapter, on its native input: float32 {@link INDArray}s (what a network's
 * {@code output()} gives), updating the {@code dl4j} provider's {@link Nd4jMetric}s; baselines: DL4J's own
 * {@link Evaluation} (one-hot labels, its required format), {@link EvaluationBinary} and {@link ROC} (200 threshold
 * steps) on the same arrays. ND4J runs with its defaults (OpenMP threads = cores).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Dorg.bytedeco.javacpp.maxbytes=6g",
    "-Dorg.bytedeco.javacpp.maxphysicalbytes=10g"})
public class Dl4jBenchmark {
    private static final MetricRegistry DL4J = MetricRegistry.load("dl4j");
    private static final LossMCXENT MCXENT = new LossMCXENT();
    private static final LossBinaryXENT BINARY_XENT = new LossBinaryXENT();
    private static final ActivationSoftmax SOFTMAX = new ActivationSoftmax();
    private static final ActivationSigmoid SIGMOID = new ActivationSigmoid();

    static Nd4jMetric create(String className, Map<String, ?> config) {
        return (Nd4jMetric) DL4J.create(className, config);
    }

    /** Scenario 1: 1,000,000 x 10 probabilities, class ids (N,) and one-hot labels. */
    @State(Scope.Benchmark)
    public static class TenClasses {
        static final int ROWS = AccuracyBenchmark.ROWS;
        static final int CLASSES = AccuracyBenchmark.CLASSES;
        float[] probabilities;
        INDArray ids;
        INDArray oneHot;
        INDArray predictions;
        Nd4jMetric sparse;
        Nd4jMetric categorical;

        @Setup
        public void setup() {
            float[] labels = Data.classIds(ROWS, CLASSES, Data.SEED);
            probabilities = Data.probabilities(labels, CLASSES, Data.SEED + 1);
            ids = Nd4j.createFromArray(labels);
            oneHot = Nd4j.createFromArray(Data.oneHot(labels, CLASSES)).reshape(ROWS, CLASSES);
            predictions = Nd4j.createFromArray(probabilities).reshape(ROWS, CLASSES);
            sparse = create("SparseCategoricalAccuracy", Map.of());
            categorical = create("CategoricalAccuracy", Map.of());
        }
    }

    /** Scenarios 2 and 4: 10,000,000 (N, 1) labels, probabilities and logits. */
    @State(Scope.Benchmark)
    public static class Binary {
        static final int N = BinaryBenchmark.N;
        INDArray labels;
        INDArray probabilities;
        INDArray logits;
        Nd4jMetric accuracy;
        Nd4jMetric crossentropy;
        Nd4jMetric auc;
        Nd4jMetric precision;
        Nd4jMetric recall;

        @Setup
        public void setup() {
            float[] y = Data.classIds(N, 2, Data.SEED);
            labels = Nd4j.createFromArray(y).reshape(N, 1);
            probabilities = Nd4j.createFromArray(Data.binaryProbabilities(y, Data.SEED + 1)).reshape(N, 1);
            logits = Nd4j.createFromArray(Data.binaryLogits(y, Data.SEED + 1)).reshape(N, 1);
            accuracy = create("BinaryAccuracy", Map.of());
            crossentropy = create("BinaryCrossentropy", Map.of("from_logits", true));
            auc = create("AUC", Map.of("num_thresholds", 200));
            precision = create("Precision", Map.of("thresholds", ConfusionBenchmark.THREE_THRESHOLDS));
            recall = create("Recall", Map.of("thresholds", ConfusionBenchmark.THREE_THRESHOLDS));
        }
    }

    /** Scenario 3: 1,000,000 x 100 logits with one-hot labels. */
    @State(Scope.Benchmark)
    public static class HundredClasses {
        static final int ROWS = CrossentropyBenchmark.ROWS;
        static final int CLASSES = CrossentropyBenchmark.CLASSES;
        INDArray oneHot;
        INDArray logits;
        Nd4jMetric crossentropy;

        @Setup
        public void setup() {
            float[] labels = Data.classIds(ROWS, CLASSES, Data.SEED);
            oneHot = Nd4j.createFromArray(Data.oneHot(labels, CLASSES)).reshape(ROWS, CLASSES);
            logits = Nd4j.createFromArray(Data.logits(labels, CLASSES, Data.SEED + 1)).reshape(ROWS, CLASSES);
            crossentropy = create("CategoricalCrossentropy", Map.of("from_logits", true));
        }
    }

    /** Scenario 5: 4 x 512 x 512 masks of class ids. */
    @State(Scope.Benchmark)
    public static class Masks {
        INDArray truth;
        INDArray predicted;
        Nd4jMetric meanIoU;

        @Setup
        public void setup() {
            int side = IouBenchmark.SIDE;
            float[][] masks = Data.segmentation(IouBenchmark.IMAGES, side, side, IouBenchmark.CLASSES, Data.SEED);
            truth = Nd4j.createFromArray(masks[0]).reshape(IouBenchmark.IMAGES, side, side);
            predicted = Nd4j.createFromArray(masks[1]).reshape(IouBenchmark.IMAGES, side, side);
            meanIoU = create("MeanIoU", Map.of("num_classes", IouBenchmark.CLASSES));
        }
    }

    @Benchmark
    public int scanPredictions(TenClasses s) {
        return Scan.scan(s.probabilities);
    }

    @Benchmark
    public Nd4jMetric sparseCategoricalAccuracy(TenClasses s) {
        s.sparse.update(s.ids, s.predictions);
        return s.sparse;
    }

    @Benchmark
    public Nd4jMetric categoricalAccuracy(TenClasses s) {
        s.categorical.update(s.oneHot, s.predictions);
        return s.categorical;
    }

    @Benchmark
    public double dl4jEvaluation(TenClasses s) {
        Evaluation e = new Evaluation(TenClasses.CLASSES);
        e.eval(s.oneHot, s.predictions);
        return e.accuracy();
    }

    @Benchmark
    public Nd4jMetric binaryAccuracy(Binary s) {
        s.accuracy.update(s.labels, s.probabilities);
        return s.accuracy;
    }

    @Benchmark
    public Nd4jMetric binaryCrossentropyFromLogits(Binary s) {
        s.crossentropy.update(s.labels, s.logits);
        return s.crossentropy;
    }

    @Benchmark
    public double dl4jEvaluationBinary(Binary s) {
        EvaluationBinary e = new EvaluationBinary();
        e.eval(s.labels, s.probabilities);
        return e.accuracy(0);
    }

    @Benchmark
    public Nd4jMetric auc(Binary s) {
        s.auc.update(s.labels, s.probabilities);
        return s.auc;
    }

    @Benchmark
    public Nd4jMetric precision3Thresholds(Binary s) {
        s.precision.update(s.labels, s.probabilities);
        return s.precision;
    }

    @Benchmark
    public Nd4jMetric recall3Thresholds(Binary s) {
        s.recall.update(s.labels, s.probabilities);
        return s.recall;
    }

    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public double dl4jRoc(Binary s) {
        ROC roc = new ROC(200);
        roc.eval(s.labels, s.probabilities);
        return roc.calculateAUC();
    }

    @Benchmark
    public Nd4jMetric categoricalCrossentropyFromLogits(HundredClasses s) {
        s.crossentropy.update(s.oneHot, s.logits);
        return s.crossentropy;
    }

    /** DL4J's own score of the same logits: {@code LossMCXENT} (softmax, then the crossentropy), mean per example. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public double dl4jLossMcxent(HundredClasses s) {
        return MCXENT.computeScore(s.oneHot, s.logits, SOFTMAX, null, true);
    }

    /** DL4J's own score of the same logits: {@code LossBinaryXENT} (sigmoid, then the crossentropy). */
    @Benchmark
    public double dl4jLossBinaryXent(Binary s) {
        return BINARY_XENT.computeScore(s.labels, s.logits, SIGMOID, null, true);
    }

    @Benchmark
    public Nd4jMetric meanIoU(Masks s) {
        s.meanIoU.update(s.truth, s.predicted);
        return s.meanIoU;
    }
}
