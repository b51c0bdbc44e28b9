package io.github.metricparity.spark.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's example, on fewer rows: it runs, reports every metric, and Spark agrees with the local pass. */
class SparkEvaluationExampleTest {

    @Test
    void sparkAgreesWithTheLocalPass() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean agree = SparkEvaluationExample.run(2000, 5, "local[2]", new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(agree, out);
        assertTrue(out.contains("2000 rows in 5 partitions"), out);
        for (String metric : new String[] {"SparseCategoricalAccuracy", "MeanIoU", "BinaryCrossentropy", " AUC "}) {
            assertTrue(out.contains(metric), metric + " in\n" + out);
        }
        assertTrue(out.strip().endsWith("Spark equals the local pass (counts identical, sums within 1e-12): true"),
                out);
    }
}
