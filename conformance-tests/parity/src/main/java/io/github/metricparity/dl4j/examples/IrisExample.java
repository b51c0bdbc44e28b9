package io.github.metricparity.dl4j.examples;

import io.github.metricparity.dl4j.Nd4jTensors;
import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.dl4j.listener.KerasProgressListener;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.evaluation.EvaluationAveraging;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROCMultiClass;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.SplitTestAndTrain;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains a small network on the Iris data that DL4J ships ({@link IrisData}, offline), logging Keras-style epoch lines,
 * then scores
 * the test predictions three ways side by side: DL4J's own {@code Evaluation} / {@code ROCMultiClass}, the Keras
 * metrics of this adapter through {@code doEvaluation}, and the reference provider on {@code network.output()}.
 *
 * <pre>
 * java -cp adapters-dl4j/target/classes:$(cat adapters-dl4j/target/classpath.txt) \
 *     io.github.metricparity.dl4j.examples.IrisExample [epochs]
 * </pre>
 */
public final class IrisExample {
    private static final long SEED = 42;
    /** Training batch size. */
    public static final int TRAIN_BATCH = 16;
    /** Evaluation batch size of the test rows. */
    public static final int TEST_BATCH = 15;
    /** Epochs of {@link #main}'s default run. */
    public static final int EPOCHS = 40;

    private IrisExample() {
    }

    /**
     * The test predictions scored three ways.
     *
     * @param keras     this adapter's Keras metrics, through {@code doEvaluation}
     * @param reference the reference provider's values of the same metrics on {@code network.output()}
     * @param dl4j      DL4J's own metrics of the same intent
     */
    public record Result(Map<String, Double> keras, Map<String, Double> reference, Map<String, Double> dl4j) {
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : EPOCHS, System.out::println);
    }

    /**
     * The Iris rows as the example uses them: shuffled with a fixed seed, split 70/30 (105 training, 45 test rows),
     * both standardised with the training rows' statistics.
     *
     * @param train the training rows
     * @param test  the test rows
     */
    public record Split(DataSet train, DataSet test) {
    }

    /** The example's split of the Iris rows; the same rows on every call. */
    public static Split split() {
        Nd4j.getRandom().setSeed(SEED);
        DataSet iris = IrisData.load();
        iris.shuffle(SEED);
        SplitTestAndTrain split = iris.splitTestAndTrain(0.7);
        DataSet train = split.getTrain();
        DataSet test = split.getTest();
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(train);
        normalizer.transform(train);
        normalizer.transform(test);
        return new Split(train, test);
    }

    /**
     * The example's 4-10-3 network (tanh, softmax, MCXENT with L2 1e-4, Adam 0.02, fixed seed) trained on the
     * training rows for {@code epochs} epochs in batches of {@value #TRAIN_BATCH}.
     */
    public static MultiLayerNetwork train(Split data, int epochs, TrainingListener... listeners) {
        MultiLayerNetwork net = network();
        net.setListeners(listeners);
        net.fit(batches(data.train(), TRAIN_BATCH), epochs);
        return net;
    }

    /** The test rows in the example's evaluation batches of {@value #TEST_BATCH}. */
    public static DataSetIterator testBatches(Split data) {
        return batches(data.test(), TEST_BATCH);
    }

    /** Trains for {@code epochs} and prints everything to {@code out}. */
    @SuppressWarnings("unchecked") // doEvaluation's generic varargs of mixed evaluation classes
    public static Result run(int epochs, Consumer<String> out) {
        Split data = split();
        DataSet train = data.train();
        DataSet test = data.test();
        out.accept("Training a 4-10-3 network on " + train.numExamples() + " Iris rows, validating on "
                + test.numExamples() + ":");
        MultiLayerNetwork net = train(data, epochs, KerasProgressListener.builder().compile("accuracy")
                .validation(testBatches(data)).epochs(epochs).printTo(out).build());

        // the same test predictions, scored by DL4J and by Keras's rules in one doEvaluation pass
        Evaluation evaluation = new Evaluation();
        ROCMultiClass roc = new ROCMultiClass();
        KerasEvaluation keras = KerasEvaluation.builder()
                .compile("accuracy", "categorical_crossentropy")
                .metric("F1Score", Map.of("average", "macro"))
                .metric("AUC")
                .build();
        net.doEvaluation(testBatches(data), evaluation, roc, keras);

        Map<String, Double> dl4j = new LinkedHashMap<>();
        dl4j.put("accuracy", evaluation.accuracy());
        dl4j.put("categorical_crossentropy", net.score(test, false));
        dl4j.put("f1_score", evaluation.f1(EvaluationAveraging.Macro));
        dl4j.put("auc", roc.calculateAverageAUC());
        Map<String, Double> reference = reference(keras, test.getLabels(), net.output(test.getFeatures()));

        out.accept("");
        out.accept("Iris test set, " + test.numExamples() + " rows, the same predictions:");
        out.accept(String.format(Locale.ROOT, "  %-36s %9s   %-51s %9s %9s", "DL4J", "", "Keras (metricparity)",
                "adapter", "reference"));
        String[][] rows = {
            {"Evaluation.accuracy()", "accuracy", "accuracy"},
            {"MultiLayerNetwork.score() (+ l2)", "categorical_crossentropy", "categorical_crossentropy"},
            {"Evaluation.f1(Macro)", "f1_score", "f1_score"},
            {"ROCMultiClass.calculateAverageAUC()", "auc", "auc"},
        };
        for (String[] r : rows) {
            Metric m = keras.metric(r[1]);
            out.accept(String.format(Locale.ROOT, "  %-36s %9.6f   %-51s %9.6f %9.6f", r[0], dl4j.get(r[2]),
                    r[1] + " (" + m.className() + describe(m) + ")", keras.value(r[1]), reference.get(r[1])));
        }
        boolean same = reference.entrySet().stream().allMatch(e ->
                Math.abs(e.getValue() - keras.value(e.getKey())) <= 1e-9 * Math.max(1, Math.abs(e.getValue())));
        out.accept("Keras metrics through doEvaluation equal the reference provider's on network.output(): " + same);
        return new Result(keras.values(), reference, dl4j);
    }

    private static MultiLayerNetwork network() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(SEED)
                .updater(new Adam(0.02))
                .weightInit(WeightInit.XAVIER)
                .l2(1e-4)
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(10).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(10).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static DataSetIterator batches(DataSet data, int size) {
        return new ListDataSetIterator<>(data.asList(), size);
    }

    /** Each Keras metric of the evaluation, computed by the reference provider on the given predictions. */
    private static Map<String, Double> reference(KerasEvaluation keras, INDArray labels, INDArray predictions) {
        MetricRegistry registry = MetricRegistry.load();
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : keras.names()) {
            Metric like = keras.metric(name);
            Metric m = registry.create(like.className(), like.config());
            m.update(Nd4jTensors.toTensor(labels), Nd4jTensors.toTensor(predictions));
            out.put(name, m.resultValue());
        }
        return out;
    }

    private static String describe(Metric m) {
        Object average = m.config().get("average");
        return average != null ? ", average=" + average : "";
    }
}
