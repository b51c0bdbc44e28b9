package io.github.metricparity.spark.examples;

import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.spark.SparkKerasEvaluation;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Keras metrics of two DL4J networks evaluated on Spark and in one local pass over the same rows, side by side.
 * Generated data (no download), Spark in local mode. Arguments: {@code [rows] [partitions] [master]}, by default
 * 20000 rows, 8 partitions, {@code local[2]}.
 *
 * <p>A MultiLayerNetwork (4-class softmax, class-id labels) and a single-output ComputationGraph (one sigmoid unit)
 * are trained locally on other rows of the same generators, then evaluated on the test rows: by dl4j-spark
 * ({@link SparkKerasEvaluation}: one network copy per executor thread, partition results merged with
 * {@code treeAggregate}) and by {@code doEvaluation} over a local iterator, both in batches of the RDD's DataSets
 * ({@value #ROWS_PER_DATASET} rows). The last line says whether the two agree by {@link OnePassComparison}'s rule.
 */
public final class SparkEvaluationExample {
    /** Rows per DataSet element of the RDD (and per batch of the local pass). */
    static final int ROWS_PER_DATASET = 50;

    private SparkEvaluationExample() {
    }

    public static void main(String[] args) {
        // warnings and errors only (slf4j-simple, the binding on the example's class path), unless set otherwise
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String master = args.length > 2 ? args[2] : "local[2]";
        System.exit(run(rows, partitions, master, System.out) ? 0 : 1);
    }

    /**
     * Runs the example and prints its report.
     *
     * @return whether Spark's results agree with the local pass
     */
    public static boolean run(int rows, int partitions, String master, PrintStream out) {
        long t0 = System.nanoTime();
        MultiLayerNetwork classifier = ExampleNetworks.classifier(11, GeneratedData.multiClass(12, 4000, 100), 3);
        ComputationGraph graph = ExampleNetworks.binaryGraph(13, GeneratedData.binary(14, 4000, 100), 3);
        long trained = System.nanoTime();
        List<DataSet> multiClass = GeneratedData.multiClass(1, rows, ROWS_PER_DATASET);
        List<DataSet> binary = GeneratedData.binary(2, rows, ROWS_PER_DATASET);

        KerasEvaluation localClassification = ExampleMetrics.classification();
        classifier.doEvaluation(new ExistingDataSetIterator(multiClass), localClassification);
        long localMid = System.nanoTime();
        KerasEvaluation localBinary = ExampleMetrics.binary();
        graph.doEvaluation(new ExistingDataSetIterator(binary), localBinary);
        long localEnd = System.nanoTime();

        long sparkStart = System.nanoTime();
        try (JavaSparkContext sc = new JavaSparkContext(localConf(master))) {
            long sparkUp = System.nanoTime();
            JavaRDD<DataSet> multiClassRdd = sc.parallelize(multiClass, partitions);
            JavaRDD<DataSet> binaryRdd = sc.parallelize(binary, partitions);
            // forward passes over the same 50-row batches as the local pass: DL4J's outputs for a row can differ in
            // float32's last bits with the batch's size (BLAS kernels), which the crossentropies would show
            KerasEvaluation sparkClassification = SparkKerasEvaluation.evaluate(
                    new SparkDl4jMultiLayer(sc, classifier, null), multiClassRdd, ExampleMetrics.classification(),
                    SparkDl4jMultiLayer.DEFAULT_EVAL_WORKERS, ROWS_PER_DATASET);
            long sparkMid = System.nanoTime();
            KerasEvaluation sparkBinary = SparkKerasEvaluation.evaluate(
                    new SparkComputationGraph(sc, graph, null), binaryRdd, ExampleMetrics.binary(),
                    SparkComputationGraph.DEFAULT_EVAL_WORKERS, ROWS_PER_DATASET);
            long sparkEnd = System.nanoTime();

            OnePassComparison c1 = OnePassComparison.of(localClassification, sparkClassification);
            OnePassComparison c2 = OnePassComparison.of(localBinary, sparkBinary);
            out.printf(Locale.ROOT, "Keras metrics on Spark (%s, %d cores): %d rows in %d partitions (DataSets of %d "
                    + "rows), for each network%n", sc.master(), sc.defaultParallelism(),
                    GeneratedData.rows(multiClass), multiClassRdd.getNumPartitions(), ROWS_PER_DATASET);
            print(out, "MultiLayerNetwork (4-class softmax, class-id labels)", c1);
            print(out, "ComputationGraph (one sigmoid unit, 0/1 labels)", c2);
            out.printf(Locale.ROOT, "time: local training %.1f s, Spark start-up %.1f s%n", seconds(t0, trained),
                    seconds(sparkStart, sparkUp));
            out.printf(Locale.ROOT, "evaluation: Spark %.2f s + %.2f s, local pass %.2f s + %.2f s "
                    + "(MultiLayerNetwork + ComputationGraph)%n", seconds(sparkUp, sparkMid),
                    seconds(sparkMid, sparkEnd), seconds(trained, localMid), seconds(localMid, localEnd));
            boolean agree = c1.agrees() && c2.agrees();
            out.printf(Locale.ROOT, "Spark equals the local pass (counts identical, sums within %.0e): %s%n",
                    OnePassComparison.SUM_TOLERANCE, agree);
            return agree;
        }
    }

    /** Spark in local mode on a closed machine: no web UI, the driver on the loopback address. */
    public static SparkConf localConf(String master) {
        return new SparkConf()
                .setMaster(master)
                .setAppName("metricparity-spark-example")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }

    private static void print(PrintStream out, String network, OnePassComparison comparison) {
        out.println(network);
        out.printf(Locale.ROOT, "  %-34s %-30s %-13s %-13s %s%n", "metric", "Keras class", "Spark", "local pass",
                "state");
        for (OnePassComparison.Row r : comparison.rows()) {
            String state = r.identical() ? "identical"
                    : String.format(Locale.ROOT, "%s, rel. diff %.1e", r.agrees() ? "agrees" : "DIFFERS",
                            r.maxRelativeDifference());
            out.printf(Locale.ROOT, "  %-34s %-30s %-13s %-13s %s%n", r.name(), r.className(),
                    format(r.distributed().item()), format(r.onePass().item()), state);
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.10f", v);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
