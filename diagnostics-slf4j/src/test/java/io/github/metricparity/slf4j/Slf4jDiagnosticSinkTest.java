package io.github.metricparity.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.DiagnosticSink;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.Tensor;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The warnings of the metrics reach SLF4J: found as a service, active with a binding, logged at WARN. */
class Slf4jDiagnosticSinkTest {

    @Test
    void isDeclaredAsAServiceAndActiveWithABinding() throws Exception {
        // the class path's service file (the module path's 'provides' is in module-info)
        try (InputStream in = Slf4jDiagnosticSink.class.getResourceAsStream("/META-INF/services/"
                + DiagnosticSink.class.getName())) {
            assertEquals(Slf4jDiagnosticSink.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .trim());
        }
        assertTrue(new Slf4jDiagnosticSink().active(), "slf4j-simple is on the test class path");
        assertEquals("slf4j", new Slf4jDiagnosticSink().id());
    }

    @Test
    void logsTheMessageAtWarn() {
        Logger logger = mock(Logger.class);
        Diagnostic d = new Diagnostic("BinaryCrossentropy", null, "y_pred", "holds values in [-2.0, 3.0]",
                "create it with from_logits=true if these are logits");
        new Slf4jDiagnosticSink(logger).warn(d);
        verify(logger).warn(d.message());
    }

    /** End to end: a metric's warning, through Diagnostics and this sink, into slf4j-simple's log file. */
    @Test
    void aMetricWarningReachesTheSlf4jLog() throws Exception {
        Diagnostics.setLogging(true);
        MetricRegistry.load().create("BinaryCrossentropy", java.util.Map.of("name", "slf4j_probe"))
                .update(Tensor.of(new float[] {1, 0}, 2), Tensor.of(new float[] {2.5f, -1f}, 2));
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("WARN io.github.metricparity - BinaryCrossentropy 'slf4j_probe': y_pred holds "
                + "values in [-1.0, 2.5]"), text);
    }
}
