package io.github.metricparity.conformance.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metricparity.conformance.cli.ParityCli;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10-million-row CSV goes through {@code parity compare} in a JVM with a 48 MB heap: the rows alone (two doubles
 * each, 160 MB) could not be held, so passing shows the input is streamed. A few seconds.
 */
class StreamingCompareTest {
    static final int ROWS = 10_000_000;
    static final String HEAP = "-Xmx48m";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void tenMillionCsvRowsAreStreamedInABoundedHeap() throws Exception {
        Path csv = dir.resolve("big.csv");
        // y_true 0,1,0,1 against y_pred 0.1, 0.35, 0.6, 0.85: two of four right, accuracy exactly 0.5
        String[] block = {"0,0.1\n", "1,0.35\n", "0,0.6\n", "1,0.85\n"};
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
            w.write("y_true,y_pred\n");
            for (int i = 0; i < ROWS; i++) {
                w.write(block[i & 3]);
            }
        }
        Path recorded = dir.resolve("evaluate.json");
        Files.writeString(recorded, "{\"accuracy\": 0.5}");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), HEAP, "-cp", System.getProperty("java.class.path"),
                ParityCli.class.getName(), "compare", "--data", csv.toString(), "--metrics", "accuracy,AUC",
                "--keras-values", recorded.toString(), "--batch-size", "1024", "--format", "json", "--out",
                dir.toString(), "--progress", "never"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(4, TimeUnit.MINUTES), "finished");
        String printed = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, p.exitValue(), printed);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("compare.json").toFile());
        assertEquals(ROWS, json.get("examples").asLong());
        JsonNode accuracy = CompareCliTest.row(json.get("keras"), "accuracy");
        assertEquals("reproduced", accuracy.get("verdict").asText(), accuracy.toString());
        assertEquals(0.5, accuracy.get("jvm_value").asDouble(), 0.0);
    }
}
