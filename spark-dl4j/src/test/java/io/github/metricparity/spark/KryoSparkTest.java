package io.github.metricparity.spark;

import io.github.metricparity.spark.examples.SparkEvaluationExample;
import org.apache.spark.SparkConf;

/**
 * Spark's KryoSerializer as DL4J recommends it (ND4J's registrator), with {@link KerasKryoRegistrator}: evaluations
 * and metric states cross task boundaries and the tree levels of {@code treeAggregate} through Kryo.
 */
class KryoSparkTest extends SparkEvaluationContract {

    @Override
    SparkConf conf() {
        return SparkEvaluationExample.localConf("local[2]").setAppName(getClass().getSimpleName())
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrator", "org.nd4j.kryo.Nd4jRegistrator," + KerasKryoRegistrator.class.getName());
    }
}
