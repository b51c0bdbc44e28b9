package io.github.metricparity.conformance.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void splitsLikeAShell() {
        assertEquals(List.of("node", "driver.js"), CommandLine.split("  node   driver.js "));
        assertEquals(List.of("java", "-cp", "/a b/c.jar", "Main"), CommandLine.split("java -cp '/a b/c.jar' Main"));
        assertEquals(List.of("say", "a \"quoted\" \\ word"), CommandLine.split("say \"a \\\"quoted\\\" \\\\ word\""));
        assertEquals(List.of("a b", "c'd"), CommandLine.split("a\\ b c\\'d"));
        assertEquals(List.of("x=1 2"), CommandLine.split("x='1 '2"));
        assertEquals(List.of("bash", "-c", "node d.js | tee log"), CommandLine.split("bash -c 'node d.js | tee log'"));
        assertEquals(List.of(""), CommandLine.split("''"));
    }

    @Test
    void refusesWhatItCannotSplit() {
        assertThrows(IllegalArgumentException.class, () -> CommandLine.split("node 'driver.js"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.split("node \"driver.js"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.split("node driver.js\\"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.split("   "));
    }
}
