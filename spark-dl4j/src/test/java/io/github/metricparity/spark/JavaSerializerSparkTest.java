package io.github.metricparity.spark;

import static io.github.metricparity.spark.TestModels.BINARY;
import static io.github.metricparity.spark.TestModels.CLASSIFIER;
import static io.github.metricparity.spark.TestModels.GRAPH;
import static io.github.metricparity.spark.TestModels.MULTI_CLASS;
import static io.github.metricparity.spark.TestModels.ROWS_PER_DATASET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.spark.examples.ExampleMetrics;
import io.github.metricparity.spark.examples.OnePassComparison;
import io.github.metricparity.spark.examples.SparkEvaluationExample;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Spark's default Java serialiser; plus {@link SparkKerasEvaluation}'s own rules and what the batch size of the
 * forward passes changes.
 */
class JavaSerializerSparkTest extends SparkEvaluationContract {

    @Override
    SparkConf conf() {
        return SparkEvaluationExample.localConf("local[2]").setAppName(getClass().getSimpleName());
    }

    @Test
    void partitionsWithoutRowsMergeAsNothing() {
        JavaRDD<DataSet> rdd = sc.parallelize(MULTI_CLASS, 5).union(sc.parallelize(List.<DataSet>of(), 3));
        assertEquals(8, rdd.getNumPartitions());
        KerasEvaluation local = ExampleMetrics.classification();
        CLASSIFIER.doEvaluation(new ExistingDataSetIterator(MULTI_CLASS), local);

        KerasEvaluation distributed = SparkKerasEvaluation.evaluate(new SparkDl4jMultiLayer(sc, CLASSIFIER, null),
                rdd, ExampleMetrics.classification(), 2, ROWS_PER_DATASET);
        assertOnePass(local, distributed, "sparse_categorical_accuracy", "mean_io_u");
    }

    /** The helper adds to the evaluation given (two RDDs into one), and ships an empty copy of it, not its state. */
    @Test
    void evaluateAddsIntoTheEvaluationGiven() {
        KerasEvaluation local = ExampleMetrics.binary();
        GRAPH.doEvaluation(new ExistingDataSetIterator(BINARY), local);

        SparkComputationGraph graph = new SparkComputationGraph(sc, GRAPH, null);
        KerasEvaluation keras = ExampleMetrics.binary();
        KerasEvaluation returned = SparkKerasEvaluation.evaluate(graph, sc.parallelize(BINARY.subList(0, 40), 3),
                keras, 2, ROWS_PER_DATASET);
        assertSame(keras, returned);
        // keras now holds 40 DataSets: were they shipped, each of the 4 partitions would count them again
        SparkKerasEvaluation.evaluate(graph, sc.parallelize(BINARY.subList(40, BINARY.size()), 4), keras, 2,
                ROWS_PER_DATASET);
        assertOnePass(local, keras, "accuracy", "auc", "pr_auc");
    }

    @Test
    void anRddWithoutRowsLeavesTheEvaluationAsItWas() {
        KerasEvaluation keras = ExampleMetrics.binary();
        KerasEvaluation result = SparkKerasEvaluation.evaluate(new SparkComputationGraph(sc, GRAPH, null),
                sc.parallelize(List.<DataSet>of(), 2), keras);
        assertSame(keras, result);
        assertEquals(0.0, keras.value("auc"));
        assertFalse(keras.values().containsKey("accuracy"), "the compile string is still unresolved");
    }

    /**
     * Forward passes over 64-row batches instead of the local pass's 50-row ones: the network's float32 outputs for a
     * row may differ in the last bits with the batch's size, so the crossentropy is only close, while the counts,
     * which only see which side of a threshold or which argmax a prediction falls on, stay identical here.
     */
    @Test
    void otherBatchSizesChangeTheNetworkOutputsNotTheCounts() {
        KerasEvaluation local = ExampleMetrics.classification();
        CLASSIFIER.doEvaluation(new ExistingDataSetIterator(MULTI_CLASS), local);
        KerasEvaluation distributed = SparkKerasEvaluation.evaluate(new SparkDl4jMultiLayer(sc, CLASSIFIER, null),
                sc.parallelize(MULTI_CLASS, PARTITIONS), ExampleMetrics.classification());

        for (OnePassComparison.Row row : OnePassComparison.of(local, distributed).rows()) {
            if (row.name().equals("sparse_categorical_crossentropy")) {
                assertTrue(row.maxRelativeDifference() < 1e-6, row.toString());
            } else {
                assertTrue(row.identical(), row.toString());
            }
        }
    }
}
