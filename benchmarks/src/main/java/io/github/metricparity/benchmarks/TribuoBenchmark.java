package io.github.metricparity.benchmarks;

import io.github.metricparity.tribuo.KerasLabelEvaluator;
import io.github.metricparity.tribuo.KerasMetricSpec;
import java.util.List;
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
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.evaluation.Evaluation;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.impl.EmptyDatasetProvenance;

/**
 * The scenarios through the Tribuo adapter, on its native input: a list of Tribuo {@link Prediction}s, evaluated
 * with a {@link KerasLabelEvaluator} of one metric; baseline: Tribuo's own {@link LabelEvaluator} on the same
 * predictions (it computes every label metric at once, with per-label AUC-ROC and average precision when the model
 * gives probabilities). Sizes: scenario 1 as specified (1,000,000 x 10); the others are smaller where a Tribuo
 * prediction per sample (a map of Label objects) would not fit the heap: binary 1,000,000 (not 10,000,000),
 * crossentropy 100,000 x 100 (not 1,000,000 x 100); MeanIoU 4 x 512 x 512 pixels as one prediction each.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class TribuoBenchmark {
    static final DataProvenance PROVENANCE = new EmptyDatasetProvenance();

    /** Scenario 1: 1,000,000 probability predictions over 10 classes. */
    @State(Scope.Benchmark)
    public static class TenClasses {
        static final int N = 1_000_000;
        Model<Label> model;
        List<Prediction<Label>> predictions;

        @Setup
        public void setup() {
            float[] labels = Data.classIds(N, 10, Data.SEED);
            predictions = TribuoData.scored(labels, Data.probabilities(labels, 10, Data.SEED + 1), 10, true);
            model = new FixedModel(10, true);
        }
    }

    /** Scenarios 2 and 4: 1,000,000 binary predictions, as probabilities and as raw scores. */
    @State(Scope.Benchmark)
    public static class TwoClasses {
        static final int N = 1_000_000;
        Model<Label> probabilityModel;
        Model<Label> scoreModel;
        List<Prediction<Label>> probabilities;
        List<Prediction<Label>> logits;

        @Setup
        public void setup() {
            float[] labels = Data.classIds(N, 2, Data.SEED);
            probabilities = TribuoData.scored(labels, twoColumns(Data.binaryProbabilities(labels, Data.SEED + 1),
                    false), 2, true);
            logits = TribuoData.scored(labels, twoColumns(Data.binaryLogits(labels, Data.SEED + 1), true), 2,
                    false);
            probabilityModel = new FixedModel(2, true);
            scoreModel = new FixedModel(2, false);
        }

        /** (N, 2) scores of class 0 and class 1 from a class-1 probability (or logit). */
        private static float[] twoColumns(float[] positive, boolean logits) {
            float[] out = new float[positive.length * 2];
            for (int i = 0; i < positive.length; i++) {
                out[2 * i] = logits ? -positive[i] : 1 - positive[i];
                out[2 * i + 1] = positive[i];
            }
            return out;
        }
    }

    /** Scenario 3: 100,000 raw-score predictions over 100 classes. */
    @State(Scope.Benchmark)
    public static class HundredClasses {
        static final int N = 100_000;
        Model<Label> model;
        List<Prediction<Label>> predictions;

        @Setup
        public void setup() {
            float[] labels = Data.classIds(N, 100, Data.SEED);
            predictions = TribuoData.scored(labels, Data.logits(labels, 100, Data.SEED + 1), 100, false);
            model = new FixedModel(100, false);
        }
    }

    /** Scenario 5: one hard prediction per pixel of 4 x 512 x 512 masks, 21 classes. */
    @State(Scope.Benchmark)
    public static class Pixels {
        Model<Label> model;
        List<Prediction<Label>> predictions;

        @Setup
        public void setup() {
            float[][] masks = Data.segmentation(IouBenchmark.IMAGES, IouBenchmark.SIDE, IouBenchmark.SIDE,
                    IouBenchmark.CLASSES, Data.SEED);
            predictions = TribuoData.hard(masks[0], masks[1], IouBenchmark.CLASSES);
            model = new FixedModel(IouBenchmark.CLASSES, false);
        }
    }

    private static KerasLabelEvaluator keras(String className, Map<String, ?> config) {
        return new KerasLabelEvaluator(List.of(KerasMetricSpec.of(className, config)), false);
    }

    private static final KerasLabelEvaluator SPARSE_ACCURACY = keras("SparseCategoricalAccuracy", Map.of());
    private static final KerasLabelEvaluator CATEGORICAL_ACCURACY = keras("CategoricalAccuracy", Map.of());
    private static final KerasLabelEvaluator BINARY_ACCURACY = keras("BinaryAccuracy", Map.of());
    private static final KerasLabelEvaluator BINARY_CROSSENTROPY = keras("BinaryCrossentropy",
            Map.of("from_logits", true));
    private static final KerasLabelEvaluator CATEGORICAL_CROSSENTROPY = keras("CategoricalCrossentropy",
            Map.of("from_logits", true));
    private static final KerasLabelEvaluator AUC = keras("AUC", Map.of("num_thresholds", 200));
    private static final KerasLabelEvaluator PRECISION = keras("Precision",
            Map.of("thresholds", ConfusionBenchmark.THREE_THRESHOLDS));
    private static final KerasLabelEvaluator RECALL = keras("Recall",
            Map.of("thresholds", ConfusionBenchmark.THREE_THRESHOLDS));
    private static final KerasLabelEvaluator MEAN_IOU = keras("MeanIoU",
            Map.of("num_classes", IouBenchmark.CLASSES, "sparse_y_pred", true));

    @Benchmark
    public Evaluation<Label> sparseCategoricalAccuracy(TenClasses s) {
        return SPARSE_ACCURACY.evaluate(s.model, s.predictions, PROVENANCE);
    }

    @Benchmark
    public Evaluation<Label> categoricalAccuracy(TenClasses s) {
        return CATEGORICAL_ACCURACY.evaluate(s.model, s.predictions, PROVENANCE);
    }

    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Evaluation<Label> tribuoLabelEvaluatorTenClasses(TenClasses s) {
        return new LabelEvaluator().evaluate(s.model, s.predictions, PROVENANCE);
    }

    @Benchmark
    public Evaluation<Label> binaryAccuracy(TwoClasses s) {
        return BINARY_ACCURACY.evaluate(s.probabilityModel, s.probabilities, PROVENANCE);
    }

    @Benchmark
    public Evaluation<Label> binaryCrossentropyFromLogits(TwoClasses s) {
        return BINARY_CROSSENTROPY.evaluate(s.scoreModel, s.logits, PROVENANCE);
    }

    @Benchmark
    public Evaluation<Label> auc(TwoClasses s) {
        return AUC.evaluate(s.probabilityModel, s.probabilities, PROVENANCE);
    }

    @Benchmark
    public Evaluation<Label> precision3Thresholds(TwoClasses s) {
        return PRECISION.evaluate(s.probabilityModel, s.probabilities, PROVENANCE);
    }

    @Benchmark
    public Evaluation<Label> recall3Thresholds(TwoClasses s) {
        return RECALL.evaluate(s.probabilityModel, s.probabilities, PROVENANCE);
    }

    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Evaluation<Label> tribuoLabelEvaluatorTwoClasses(TwoClasses s) {
        return new LabelEvaluator().evaluate(s.probabilityModel, s.probabilities, PROVENANCE);
    }

    @Benchmark
    public Evaluation<Label> categoricalCrossentropyFromLogits(HundredClasses s) {
        return CATEGORICAL_CROSSENTROPY.evaluate(s.model, s.predictions, PROVENANCE);
    }

    @Benchmark
    public Evaluation<Label> meanIoU(Pixels s) {
        return MEAN_IOU.evaluate(s.model, s.predictions, PROVENANCE);
    }

    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Evaluation<Label> tribuoLabelEvaluatorPixels(Pixels s) {
        return new LabelEvaluator().evaluate(s.model, s.predictions, PROVENANCE);
    }
}
