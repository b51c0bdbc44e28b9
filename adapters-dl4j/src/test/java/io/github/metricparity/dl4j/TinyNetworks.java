package io.github.metricparity.dl4j;

import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small seeded networks and datasets for tests: three Gaussian blobs in 4 dimensions, and masked sequences. */
public final class TinyNetworks {
    public static final int FEATURES = 4;
    public static final int CLASSES = 3;

    private TinyNetworks() {
    }

    /** n examples of 3 overlapping blobs (so a trained network is good, not perfect), one-hot labels. */
    public static DataSet blobs(long seed, int n) {
        Random r = new Random(seed);
        double[][] x = new double[n][FEATURES];
        double[][] y = new double[n][CLASSES];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(CLASSES);
            y[i][c] = 1;
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = (j == c ? 1.5 : 0) + r.nextGaussian();
            }
        }
        return new DataSet(Nd4j.createFromArray(x).castTo(DataType.FLOAT),
                Nd4j.createFromArray(y).castTo(DataType.FLOAT));
    }

    public static DataSetIterator iterator(DataSet data, int batchSize) {
        return new ListDataSetIterator<>(data.asList(), batchSize);
    }

    /** 4 -> Dense(8, relu) -> softmax(3), MCXENT. */
    public static MultiLayerNetwork mlp(long seed) {
        return mlp(seed, new Adam(0.03));
    }

    /** The MLP with another updater ({@code new Sgd(0.0)} keeps the initial parameters through fit). */
    public static MultiLayerNetwork mlp(long seed, IUpdater updater) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(updater).weightInit(WeightInit.XAVIER).l2(1e-3)
                .list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The same architecture as a ComputationGraph with input "in" and output "out". */
    public static ComputationGraph graph(long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(0.03)).weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(FEATURES).nOut(8).activation(Activation.RELU).build(),
                        "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    /** LSTM(6) -> softmax(3) per time step, on 2 features. */
    public static MultiLayerNetwork rnn(long seed) {
        return rnn(seed, new Adam(0.03));
    }

    /** The RNN with another updater. */
    public static MultiLayerNetwork rnn(long seed, IUpdater updater) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(updater).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new LSTM.Builder().nIn(2).nOut(6).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(6).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * n sequences of up to t steps, DL4J layout: features [n, 2, t], labels [n, 3, t], with feature and label
     * masks [n, t] marking each sequence's length.
     */
    public static DataSet sequences(long seed, int n, int t) {
        Random r = new Random(seed);
        INDArray features = Nd4j.create(DataType.FLOAT, n, 2, t);
        INDArray labels = Nd4j.create(DataType.FLOAT, n, CLASSES, t);
        INDArray mask = Nd4j.create(DataType.FLOAT, n, t);
        for (int i = 0; i < n; i++) {
            int length = 1 + r.nextInt(t);
            for (int s = 0; s < t; s++) {
                features.putScalar(new long[] {i, 0, s}, r.nextGaussian());
                features.putScalar(new long[] {i, 1, s}, r.nextGaussian());
                labels.putScalar(new long[] {i, r.nextInt(CLASSES), s}, 1.0);
                mask.putScalar(new long[] {i, s}, s < length ? 1.0 : 0.0);
            }
        }
        return new DataSet(features, labels, mask, mask);
    }
}
