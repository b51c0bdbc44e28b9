package io.github.metricparity.tribuo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TribuoExampleTest {

    @Test
    void exampleKerasMetricsEqualTheReferenceProviderOnTheSamePredictions() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double worst = TribuoExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0.0, worst, 1e-9, out);
        assertTrue(out.contains("Tribuo LabelEvaluator:"), out);
        assertTrue(out.contains("sparse_categorical_accuracy"), out);
        assertTrue(out.contains("Tribuo RegressionEvaluator:"), out);
        assertTrue(out.contains("y_pred probabilities"), out);
        assertTrue(out.contains("y_pred scores"), out);
    }
}
