package io.github.metricparity.dl4j.compare;

import io.github.metricparity.dl4j.examples.IrisExample;
import java.util.Locale;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The offline example models of the DL4J comparison, trained from fixed seeds, and their test outputs: the Iris
 * classifier of {@link IrisExample}, a one-sigmoid binary classifier and a three-output regression network on
 * {@link GeneratedData}. A few hundred tiny updates each, so training takes a second or two in all.
 */
final class ExampleModels {
    private static final int TRAIN_BATCH = 100;
    private static final int BINARY_EPOCHS = 15;
    private static final int REGRESSION_EPOCHS = 30;

    private ExampleModels() {
    }

    /**
     * A trained network's test rows and what DL4J reports on them.
     *
     * @param model          the model's short name, e.g. {@code "Iris MLP"}
     * @param description    the model and its test set, for the report's scenario column
     * @param labels         the test labels
     * @param predictions    {@code network.output(testFeatures)}
     * @param score          {@code network.score(testSet)}: mean loss plus the regularisation term
     * @param regularisation {@code network.calcRegularizationScore(true)}, the L1/L2 term inside {@code score}
     */
    record Outputs(String model, String description, INDArray labels, INDArray predictions, double score,
            double regularisation) {

        /** Number of test rows. */
        int rows() {
            return (int) labels.size(0);
        }
    }

    /** The Iris classifier exactly as {@link IrisExample} trains it, on its 45 test rows. */
    static Outputs iris() {
        IrisExample.Split data = IrisExample.split();
        MultiLayerNetwork net = IrisExample.train(data, IrisExample.EPOCHS);
        return outputs("Iris MLP", String.format(Locale.ROOT, "Iris MLP 4-10-3 (IrisExample: tanh, softmax, MCXENT "
                + "+ L2 1e-4, %d epochs), %d test rows", IrisExample.EPOCHS, data.test().numExamples()), net,
                data.test());
    }

    /** A 2-8-1 network with one sigmoid output on {@link GeneratedData#blobs}. */
    static Outputs binary() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .updater(new Adam(0.1))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.XENT).nIn(8).nOut(1).activation(Activation.SIGMOID)
                        .build())
                .build();
        DataSet train = GeneratedData.blobs(400, 1);
        DataSet test = GeneratedData.blobs(GeneratedData.TEST_ROWS, 2);
        MultiLayerNetwork net = fit(conf, train, BINARY_EPOCHS);
        return outputs("Binary MLP", String.format(Locale.ROOT, "Binary MLP 2-8-1 (tanh, one sigmoid output, XENT, "
                + "%d epochs) on two overlapping 2-D Gaussian blobs, %d test rows", BINARY_EPOCHS,
                test.numExamples()), net, test);
    }

    /** A 3-16-3 float64 regression network on {@link GeneratedData#regression}. */
    static Outputs regression() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(11)
                .dataType(DataType.DOUBLE)
                .updater(new Adam(0.05))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(16).nOut(3).activation(Activation.IDENTITY)
                        .build())
                .build();
        DataSet train = GeneratedData.regression(400, 3);
        DataSet test = GeneratedData.regression(GeneratedData.TEST_ROWS, 4);
        MultiLayerNetwork net = fit(conf, train, REGRESSION_EPOCHS);
        return outputs("Regression MLP", String.format(Locale.ROOT, "Regression MLP 3-16-3 (float64, tanh, identity "
                + "outputs, MSE, %d epochs) on three generated targets with means near 0, 10 and -4, %d test rows",
                REGRESSION_EPOCHS, test.numExamples()), net, test);
    }

    private static MultiLayerNetwork fit(MultiLayerConfiguration conf, DataSet train, int epochs) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.fit(new ListDataSetIterator<>(train.asList(), TRAIN_BATCH), epochs);
        return net;
    }

    private static Outputs outputs(String model, String description, MultiLayerNetwork net, DataSet test) {
        return new Outputs(model, description, test.getLabels(), net.output(test.getFeatures()), net.score(test),
                net.calcRegularizationScore(true));
    }
}
