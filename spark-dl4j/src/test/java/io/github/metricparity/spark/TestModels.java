package io.github.metricparity.spark;

import io.github.metricparity.spark.examples.ExampleNetworks;
import io.github.metricparity.spark.examples.GeneratedData;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The networks and test rows every Spark test class uses, built once per JVM (surefire runs the classes in one
 * fork): 6000 rows per task in DataSets of 50, so 120 DataSets to spread over the partitions.
 */
final class TestModels {
    static final int ROWS = 6000;
    static final int ROWS_PER_DATASET = 50;

    static final MultiLayerNetwork CLASSIFIER =
            ExampleNetworks.classifier(11, GeneratedData.multiClass(12, 2000, 100), 2);
    static final ComputationGraph GRAPH = ExampleNetworks.binaryGraph(13, GeneratedData.binary(14, 2000, 100), 2);
    static final List<DataSet> MULTI_CLASS = GeneratedData.multiClass(1, ROWS, ROWS_PER_DATASET);
    static final List<DataSet> BINARY = GeneratedData.binary(2, ROWS, ROWS_PER_DATASET);

    private TestModels() {
    }
}
