package io.github.metricparity.spark;

import static io.github.metricparity.spark.TestModels.BINARY;
import static io.github.metricparity.spark.TestModels.CLASSIFIER;
import static io.github.metricparity.spark.TestModels.GRAPH;
import static io.github.metricparity.spark.TestModels.MULTI_CLASS;
import static io.github.metricparity.spark.TestModels.ROWS;
import static io.github.metricparity.spark.TestModels.ROWS_PER_DATASET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.spark.examples.ExampleMetrics;
import io.github.metricparity.spark.examples.GeneratedData;
import io.github.metricparity.spark.examples.OnePassComparison;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.StateMerger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.graph.util.ComputationGraphUtil;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * What must hold whatever Spark serialiser ships the evaluations: dl4j-spark's {@code doEvaluation} with a
 * {@link KerasEvaluation} (MultiLayerNetwork, ComputationGraph, MultiDataSets) over several partitions gives the
 * result of one local pass over the same DataSets, and contract states merged with {@link StateMerger} in
 * {@code treeAggregate} give the result of one local pass over the same rows. "The result" is
 * {@link OnePassComparison}'s rule: counts identical, sums within 1e-12. One Spark context per class, local[2].
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SparkEvaluationContract {
    /** Not a divisor of the 120 DataSets: partitions of 17 and 18 DataSets. */
    static final int PARTITIONS = 7;
    private static final int WORKERS = 2;

    JavaSparkContext sc;

    /** The Spark configuration under test (local mode). */
    abstract SparkConf conf();

    @BeforeAll
    void startSpark() {
        sc = new JavaSparkContext(conf());
    }

    @AfterAll
    void stopSpark() {
        if (sc != null) {
            sc.close();
        }
    }

    @Test
    void multiLayerNetworkDoEvaluationEqualsOneLocalPass() {
        KerasEvaluation local = ExampleMetrics.classification();
        CLASSIFIER.doEvaluation(new ExistingDataSetIterator(MULTI_CLASS), local);

        SparkDl4jMultiLayer network = new SparkDl4jMultiLayer(sc, CLASSIFIER, null);
        JavaRDD<DataSet> rdd = sc.parallelize(MULTI_CLASS, PARTITIONS);
        long start = System.nanoTime();
        KerasEvaluation distributed = network.doEvaluation(rdd, WORKERS, ROWS_PER_DATASET,
                ExampleMetrics.classification())[0];
        report("MultiLayerNetwork doEvaluation", rdd, start);

        assertOnePass(local, distributed, "sparse_categorical_accuracy", "sparse_top_k_categorical_accuracy",
                "mean_io_u");
    }

    @Test
    void computationGraphDoEvaluationEqualsOneLocalPass() {
        KerasEvaluation local = ExampleMetrics.binary();
        GRAPH.doEvaluation(new ExistingDataSetIterator(BINARY), local);

        SparkComputationGraph graph = new SparkComputationGraph(sc, GRAPH, null);
        JavaRDD<DataSet> rdd = sc.parallelize(BINARY, PARTITIONS);
        long start = System.nanoTime();
        KerasEvaluation distributed = graph.doEvaluation(rdd, WORKERS, ROWS_PER_DATASET, ExampleMetrics.binary())[0];
        report("ComputationGraph doEvaluation", rdd, start);

        assertOnePass(local, distributed, "accuracy", "auc", "pr_auc");
        assertEquals("BinaryAccuracy", distributed.metric("accuracy").className());
    }

    @Test
    void computationGraphOverMultiDataSetsEqualsOneLocalPass() {
        KerasEvaluation local = ExampleMetrics.binary();
        GRAPH.doEvaluation(new ExistingDataSetIterator(BINARY), local);

        List<MultiDataSet> multi = new ArrayList<>();
        for (DataSet d : BINARY) {
            multi.add(ComputationGraphUtil.toMultiDataSet(d));
        }
        KerasEvaluation distributed = SparkKerasEvaluation.evaluateMDS(new SparkComputationGraph(sc, GRAPH, null),
                sc.parallelize(multi, PARTITIONS), ExampleMetrics.binary(), WORKERS, ROWS_PER_DATASET);

        assertOnePass(local, distributed, "accuracy", "auc", "pr_auc");
    }

    /** The engine-neutral path: a contract metric per partition, snapshots merged by treeAggregate. */
    @Test
    void metricStatesTreeAggregatedEqualOneLocalPass() {
        checkTreeAggregatedStates(sc);
    }

    /**
     * SparseCategoricalAccuracy, MeanIoU, BinaryCrossentropy and AUC on the networks' outputs for the test rows,
     * one contract metric per partition, merged by {@code treeAggregate(null, merger::apply, merger::apply, 2)}.
     */
    static void checkTreeAggregatedStates(JavaSparkContext sc) {
        INDArray probabilities = CLASSIFIER.output(DataSet.merge(MULTI_CLASS).getFeatures());
        INDArray scores = GRAPH.outputSingle(DataSet.merge(BINARY).getFeatures());
        List<float[]> multiClassRows = rows(DataSet.merge(MULTI_CLASS).getLabels(), probabilities);
        List<float[]> binaryRows = rows(DataSet.merge(BINARY).getLabels(), scores);
        int c = GeneratedData.CLASSES;

        check(sc, "SparseCategoricalAccuracy", Map.of(), multiClassRows, 1, c, true);
        check(sc, "MeanIoU", Map.of("num_classes", c, "sparse_y_pred", false), multiClassRows, 1, c, true);
        check(sc, "BinaryCrossentropy", Map.of(), binaryRows, 1, 1, false);
        check(sc, "AUC", Map.of(), binaryRows, 1, 1, true);
    }

    private static void check(JavaSparkContext sc, String className, Map<String, Object> config, List<float[]> rows,
            int labelWidth,
            int predictionWidth, boolean counts) {
        // batches of 64 rows in each partition, and in the local pass: different batch boundaries, same rows
        PartitionMetric perPartition = new PartitionMetric(className, config, labelWidth, predictionWidth, 64);
        StateMerger merger = StateMerger.reference();
        JavaRDD<float[]> rdd = sc.parallelize(rows, PARTITIONS * 3);
        MetricState merged = rdd.mapPartitions(perPartition).treeAggregate(null, merger::apply, merger::apply, 2);

        Metric local = MetricRegistry.load().create(className, config);
        perPartition.update(local, rows.iterator());
        OnePassComparison.Row row = OnePassComparison.compare(className, local, merger.metricOf(merged));
        assertTrue(row.agrees(), row.toString());
        if (counts) {
            assertTrue(row.identical(), row.toString());
        }
    }

    /** Each row: the labels' columns, then the predictions' columns, as floats. */
    static List<float[]> rows(INDArray labels, INDArray predictions) {
        float[][] y = labels.toFloatMatrix();
        float[][] p = predictions.toFloatMatrix();
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            float[] row = new float[y[i].length + p[i].length];
            System.arraycopy(y[i], 0, row, 0, y[i].length);
            System.arraycopy(p[i], 0, row, y[i].length, p[i].length);
            out.add(row);
        }
        return out;
    }

    /**
     * Every metric agrees with the local pass by {@link OnePassComparison}'s rule, and the count-based ones named
     * are identical to it.
     */
    static void assertOnePass(KerasEvaluation local, KerasEvaluation distributed, String... identical) {
        OnePassComparison comparison = OnePassComparison.of(local, distributed);
        assertTrue(comparison.agrees(), comparison.rows().toString());
        for (String name : identical) {
            OnePassComparison.Row row = comparison.rows().stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow();
            assertTrue(row.identical(), row.toString());
        }
    }

    void report(String what, JavaRDD<?> rdd, long start) {
        System.out.printf(Locale.ROOT, "%s (%s): %d rows, %d partitions, %.2f s%n", what,
                getClass().getSimpleName(), ROWS, rdd.getNumPartitions(), (System.nanoTime() - start) / 1e9);
    }
}
