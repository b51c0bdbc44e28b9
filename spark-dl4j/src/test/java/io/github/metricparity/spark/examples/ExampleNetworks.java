package io.github.metricparity.spark.examples;

import java.util.List;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The two small seeded networks of the example and the tests, trained locally on a few thousand rows. */
public final class ExampleNetworks {
    private ExampleNetworks() {
    }

    /** {@value GeneratedData#FEATURES} -> Dense(16, relu) -> softmax({@value GeneratedData#CLASSES}), sparse labels. */
    public static MultiLayerNetwork classifier(long seed, List<DataSet> train, int epochs) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(0.01)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(GeneratedData.FEATURES).nOut(16).activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.SPARSE_MCXENT).nIn(16)
                        .nOut(GeneratedData.CLASSES).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.fit(new ExistingDataSetIterator(train), epochs);
        return net;
    }

    /**
     * A ComputationGraph "in" -> Dense(16, relu) -> "out": one sigmoid unit, binary crossentropy.
     */
    public static ComputationGraph binaryGraph(long seed, List<DataSet> train, int epochs) {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(0.01)).weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(GeneratedData.FEATURES).nOut(16)
                        .activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(16).nOut(1)
                        .activation(Activation.SIGMOID).build(), "dense")
                .setOutputs("out")
                .build());
        graph.init();
        graph.fit(new ExistingDataSetIterator(train), epochs);
        return graph;
    }
}
