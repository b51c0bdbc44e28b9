package io.github.metricparity.spark;

import static io.github.metricparity.spark.TestModels.CLASSIFIER;
import static io.github.metricparity.spark.TestModels.MULTI_CLASS;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spark.examples.ExampleMetrics;
import io.github.metricparity.spark.examples.SparkEvaluationExample;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Kryo without {@link KerasKryoRegistrator} (ND4J's registrator only): Kryo's FieldSerializer would drop the metric
 * states of the evaluated partitions' KerasEvaluations. The helper refuses before running; dl4j-spark's own
 * doEvaluation fails instead of reporting zeros. Contract {@code MetricState}s need no registration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KryoWithoutRegistratorTest {
    private JavaSparkContext sc;

    @BeforeAll
    void startSpark() {
        sc = new JavaSparkContext(SparkEvaluationExample.localConf("local[2]").setAppName(getClass().getSimpleName())
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrator", "org.nd4j.kryo.Nd4jRegistrator"));
    }

    @AfterAll
    void stopSpark() throws InterruptedException {
        if (sc != null) {
            awaitNoRunningTasks();
            sc.close();
        }
    }

    /** A failed job's other tasks still run: let them end, so closing the context does not log their rejection. */
    private void awaitNoRunningTasks() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && java.util.Arrays.stream(sc.sc().statusTracker().getExecutorInfos())
                .anyMatch(e -> e.numRunningTasks() > 0)) {
            Thread.sleep(50);
        }
    }

    /** Contract states need no registration: Kryo rebuilds a MetricState from its fields. */
    @Test
    void metricStatesTreeAggregatedEqualOneLocalPass() {
        SparkEvaluationContract.checkTreeAggregatedStates(sc);
    }

    @Test
    void theHelperRefusesBeforeRunning() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SparkKerasEvaluation.evaluate(
                new SparkDl4jMultiLayer(sc, CLASSIFIER, null), sc.parallelize(MULTI_CLASS, 4),
                ExampleMetrics.classification()));
        assertTrue(e.getMessage().contains("spark.kryo.registrator=org.nd4j.kryo.Nd4jRegistrator,"
                + KerasKryoRegistrator.class.getName()), e.getMessage());
    }

    @Test
    void doEvaluationFailsInsteadOfReportingAnEmptyState() {
        SparkDl4jMultiLayer network = new SparkDl4jMultiLayer(sc, CLASSIFIER, null);
        Exception e = assertThrows(Exception.class, () -> network.doEvaluation(sc.parallelize(MULTI_CLASS, 4), 2, 50,
                ExampleMetrics.classification())[0].value("sparse_categorical_accuracy"));
        Throwable cause = e;
        boolean named = false;
        while (cause != null) {
            named |= String.valueOf(cause.getMessage()).contains("KerasKryoRegistrator");
            cause = cause.getCause();
        }
        assertTrue(named, e.toString());
    }
}
