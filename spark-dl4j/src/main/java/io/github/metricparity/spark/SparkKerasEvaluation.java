package io.github.metricparity.spark;

import io.github.metricparity.dl4j.eval.KerasEvaluation;
import java.util.Arrays;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Keras metrics over an RDD, through dl4j-spark's own distributed evaluation: each partition is evaluated by a copy
 * of the network into an empty copy of the {@link KerasEvaluation}, and the copies are merged with Spark's
 * {@code treeAggregate} (the additive Keras states, so the result is that of one pass over all the rows). The result
 * is added to the evaluation given, as {@code MultiLayerNetwork.doEvaluation(iterator, evaluation)} adds to it.
 *
 * <pre>{@code
 * KerasEvaluation keras = KerasEvaluation.builder().compile("accuracy").metric("AUC").build();
 * SparkKerasEvaluation.evaluate(sparkNetwork, testRdd, keras);
 * keras.value("auc");
 * }</pre>
 *
 * <p>Calling dl4j-spark's {@code doEvaluation(rdd, evalNumWorkers, evalBatchSize, evaluation)} directly works too;
 * these methods add what it leaves to the caller: an evaluation that already holds data is not shipped (its state
 * would be counted once per partition), an RDD without rows gives the empty result instead of {@code null}, and
 * Spark's {@code KryoSerializer} without {@link KerasKryoRegistrator} is refused up front instead of failing after
 * the evaluation has run.
 *
 * <p>Stateless; the evaluation given is updated, so it must not be used by another thread meanwhile.
 */
public final class SparkKerasEvaluation {
    private static final String KRYO = "org.apache.spark.serializer.KryoSerializer";

    private SparkKerasEvaluation() {
    }

    /**
     * Evaluates with dl4j-spark's defaults: {@value SparkDl4jMultiLayer#DEFAULT_EVAL_SCORE_BATCH_SIZE} rows per
     * batch.
     */
    public static KerasEvaluation evaluate(SparkDl4jMultiLayer network, JavaRDD<DataSet> data,
            KerasEvaluation evaluation) {
        return evaluate(network, data, evaluation, network.getDefaultEvaluationWorkers(),
                SparkDl4jMultiLayer.DEFAULT_EVAL_SCORE_BATCH_SIZE);
    }

    /**
     * @param evalNumWorkers network copies per executor JVM (dl4j-spark's evaluation workers)
     * @param evalBatchSize  rows per forward pass; the RDD's DataSets are split or joined to this size
     */
    public static KerasEvaluation evaluate(SparkDl4jMultiLayer network, JavaRDD<DataSet> data,
            KerasEvaluation evaluation, int evalNumWorkers, int evalBatchSize) {
        checkSerializer(network.getSparkContext());
        return addInto(evaluation,
                network.doEvaluation(data, evalNumWorkers, evalBatchSize, evaluation.newInstance()));
    }

    /** A single-output ComputationGraph; dl4j-spark's defaults. */
    public static KerasEvaluation evaluate(SparkComputationGraph graph, JavaRDD<DataSet> data,
            KerasEvaluation evaluation) {
        return evaluate(graph, data, evaluation, graph.getDefaultEvaluationWorkers(),
                SparkComputationGraph.DEFAULT_EVAL_SCORE_BATCH_SIZE);
    }

    /** A single-output ComputationGraph. */
    public static KerasEvaluation evaluate(SparkComputationGraph graph, JavaRDD<DataSet> data,
            KerasEvaluation evaluation, int evalNumWorkers, int evalBatchSize) {
        checkSerializer(graph.getSparkContext());
        return addInto(evaluation, graph.doEvaluation(data, evalNumWorkers, evalBatchSize, evaluation.newInstance()));
    }

    /** A single-output ComputationGraph fed MultiDataSets. */
    public static KerasEvaluation evaluateMDS(SparkComputationGraph graph, JavaRDD<MultiDataSet> data,
            KerasEvaluation evaluation, int evalNumWorkers, int evalBatchSize) {
        checkSerializer(graph.getSparkContext());
        return addInto(evaluation,
                graph.doEvaluationMDS(data, evalNumWorkers, evalBatchSize, evaluation.newInstance()));
    }

    /**
     * Refuses Spark's {@code KryoSerializer} without {@link KerasKryoRegistrator}: Kryo would drop the metric states
     * of the evaluated partitions.
     *
     * @throws IllegalStateException naming the setting to add
     */
    public static void checkSerializer(JavaSparkContext sc) {
        SparkConf conf = sc.getConf();
        if (!KRYO.equals(conf.get("spark.serializer", null))) {
            return; // Java serialisation keeps the states
        }
        String registrators = conf.get("spark.kryo.registrator", "");
        boolean registered = Arrays.stream(registrators.split(","))
                .anyMatch(r -> r.trim().equals(KerasKryoRegistrator.class.getName()));
        if (!registered) {
            throw new IllegalStateException("Spark uses Kryo, which would drop the metric states of a KerasEvaluation: "
                    + "add " + KerasKryoRegistrator.class.getName() + " to spark.kryo.registrator (now '"
                    + registrators + "'), e.g. spark.kryo.registrator=org.nd4j.kryo.Nd4jRegistrator,"
                    + KerasKryoRegistrator.class.getName());
        }
    }

    private static KerasEvaluation addInto(KerasEvaluation evaluation, IEvaluation<?>[] result) {
        // null when the RDD has no rows: no partition returned an evaluation
        if (result != null && result[0] != null) {
            evaluation.merge((KerasEvaluation) result[0]);
        }
        return evaluation;
    }
}
