package io.github.metricparity.keras.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.Checkpoint;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints: state and config to a JSON file and back to an identical metric. An evaluation killed midway (a real
 * JVM, killed with SIGKILL while it saves) resumes from its last checkpoint and ends bit-for-bit where an
 * uninterrupted run ends, for every catalog class.
 */
class CheckpointTest {
    private static final MetricRegistry REGISTRY = MetricRegistry.load();

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyMetricResumesFromAFileBitForBit() {
        return KerasCatalog.classNames().stream().map(cls -> DynamicTest.dynamicTest(cls, () -> {
            Scenario s = CheckpointWorker.stream(cls);
            Metric uninterrupted = s.run();
            int half = s.batches().size() / 2;
            Path file = CheckpointWorker.file(dir, cls);
            Checkpoint.save(s.run(s.batches().subList(0, half)), file);

            Metric resumed = Checkpoint.resume(file, REGISTRY);
            assertEquals(s.newMetric().config(), resumed.config(), "config after restore");
            for (Batch b : s.batches().subList(half, s.batches().size())) {
                b.feed(resumed);
            }
            assertEquals(uninterrupted.snapshot(), resumed.snapshot());
            assertTrue(Outcome.of(uninterrupted).identicalTo(Outcome.of(resumed)));
        }));
    }

    /**
     * Runs {@link CheckpointWorker} in a second JVM, kills it (SIGKILL) while it checkpoints every class after every
     * batch, then resumes each class from its file: the file is never torn, it holds the state after some prefix of
     * the batches, and finishing from there gives the uninterrupted result exactly.
     */
    @Test
    @Timeout(120)
    void anEvaluationKilledMidwayResumesWithNothingLost() throws Exception {
        List<String> classes = KerasCatalog.classNames();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath(), CheckpointWorker.class.getName(), dir.toString()));
        command.addAll(classes);
        Process worker = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertEquals("saving", first, "the worker did not start saving");
            Thread.sleep(150);
            worker.destroyForcibly();
            assertTrue(worker.waitFor(30, TimeUnit.SECONDS));
        } finally {
            worker.destroyForcibly();
        }
        boolean finished = Files.exists(dir.resolve("finished"));
        int caughtMidway = 0;
        for (String cls : classes) {
            Scenario s = CheckpointWorker.stream(cls);
            MetricState saved = Checkpoint.load(CheckpointWorker.file(dir, cls));
            int prefix = matchingPrefix(s, saved);
            if (prefix < 0) {
                fail(cls + ": the checkpoint matches no prefix of the batches: " + saved);
            }
            if (prefix < s.batches().size()) {
                caughtMidway++;
            }
            Metric resumed = Checkpoint.resume(saved, REGISTRY);
            s.batches().subList(prefix, s.batches().size()).forEach(b -> b.feed(resumed));
            Metric uninterrupted = s.run();
            assertEquals(uninterrupted.snapshot(), resumed.snapshot(), cls);
            assertTrue(Outcome.of(uninterrupted).identicalTo(Outcome.of(resumed)), cls);
        }
        System.out.println("worker killed " + (finished ? "after finishing" : "midway") + ": " + caughtMidway + " of "
                + classes.size() + " checkpoints held a partial stream, all resumed exactly");
        assertTrue(finished || caughtMidway > 0, "the worker was killed midway, so some checkpoint is partial");
    }

    /** The number of leading batches whose state the checkpoint holds, or -1. */
    private static int matchingPrefix(Scenario s, MetricState saved) {
        Metric m = s.newMetric();
        for (int i = 0; i <= s.batches().size(); i++) {
            if (m.snapshot().equals(saved)) {
                return i;
            }
            if (i < s.batches().size()) {
                s.batches().get(i).feed(m);
            }
        }
        return -1;
    }

    /** The test JVM's classes (module path and class path) as a plain class path for the worker. */
    private static String classPath() throws Exception {
        List<String> parts = new ArrayList<>();
        parts.add(Path.of(CheckpointWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        for (String key : new String[] {"jdk.module.path", "java.class.path"}) {
            String value = System.getProperty(key);
            if (value != null && !value.isEmpty()) {
                parts.addAll(List.of(value.split(File.pathSeparator)));
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    // ---------------------------------------------------------------- the format

    /** The documented layout, byte for byte: a change here is a format change and needs a new version. */
    @Test
    void theFormatIsStable() {
        Metric m = REGISTRY.create("SparseCategoricalAccuracy", Map.of());
        m.update(Tensor.vector(2, 1), Tensor.of(new double[] {0.1, 0.6, 0.3, 0.05, 0.95, 0}, 2, 3),
                Tensor.vector(0.7, 0.3));
        assertEquals("{\n"
                + "  \"format\": 1,\n"
                + "  \"class_name\": \"SparseCategoricalAccuracy\",\n"
                + "  \"config\": {\n"
                + "    \"name\": \"sparse_categorical_accuracy\",\n"
                + "    \"dtype\": \"float32\"\n"
                + "  },\n"
                + "  \"variables\": {\n"
                + "    \"total\": {\n"
                + "      \"shape\": [],\n"
                + "      \"values\": [0.30000001192092896]\n"
                + "    },\n"
                + "    \"count\": {\n"
                + "      \"shape\": [],\n"
                + "      \"values\": [1.0]\n"
                + "    }\n"
                + "  }\n"
                + "}\n", Checkpoint.toJson(m.snapshot()));
    }

    private static MetricState sumState(double... values) {
        Map<String, Tensor> vars = new LinkedHashMap<>();
        vars.put("total", Tensor.of(values, values.length));
        return new MetricState("Sum", REGISTRY.create("Sum", Map.of()).config(), vars);
    }

    /** Every double, subnormals, -0.0, the extremes and the non-finite ones included, reads back to the same bits. */
    @Property(tries = 2000)
    void doublesRoundTripExactly(@ForAll double a, @ForAll double b) {
        MetricState s = sumState(a, b, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        MetricState back = Checkpoint.fromJson(Checkpoint.toJson(s));
        double[] x = s.variable("total").toDoubleArray();
        double[] y = back.variable("total").toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToLongBits(x[i]), Double.doubleToLongBits(y[i]), "value " + i + ": " + x[i]);
        }
    }

    @Test
    void overflowedStateIsWrittenWithBareNonFiniteTokens() {
        Metric sum = REGISTRY.create("Sum", Map.of("dtype", "float64"));
        ((ValuesMetric) sum).updateValues(Tensor.vector(Double.MAX_VALUE, Double.MAX_VALUE));
        String json = Checkpoint.toJson(sum.snapshot());
        assertTrue(json.contains("[Infinity]"), json);
        Metric back = Checkpoint.resume(Checkpoint.fromJson(json), REGISTRY);
        assertEquals(Double.POSITIVE_INFINITY, back.resultValue());
    }

    @Test
    void malformedDocumentsAreRefusedWithWhereAndWhy() {
        String good = Checkpoint.toJson(sumState(1.5));
        assertRefused("", "line 1, column 1");
        assertRefused("{\"format\": 1,}", "expected a string key, got '}' at line 1, column 14");
        assertRefused(good.replace("\"format\": 1", "\"format\": 2"), "'format' must be the integer 1");
        assertRefused(good.replace("\"format\": 1", "\"format\": 1.0"), "'format' must be the integer 1");
        assertRefused(good.replace("\"format\": 1", "\"format\": \"1\""), "'format' must be the integer 1");
        assertRefused(good.replace("\"format\": 1,", "\"format\": 1, \"format\": 1,"), "duplicate key \"format\"");
        assertRefused(good.replace("[1.5]", "[1.5,]"), "unexpected character ']'");
        assertRefused(good.replace("[1.5]", "[01.5]"), "leading zeros");
        assertRefused(good.replace("[1.5]", "['x']"), "unexpected character");
        assertRefused(good.replace("[1.5]", "[nan]"), "unexpected token, expected null");
        assertRefused(good.replace("[1.5]", "[1.5] // total"),
                "expected ',' or '}' in an object, got '/' at line 11, column 23");
        assertRefused(good + "{}", "unexpected content after the JSON value");
        assertRefused(good.replace("\"Sum\"", "\"S\tum\""), "unescaped control character");
        assertRefused(good.replace("\"shape\": [1]", "\"shape\": [2]"), "shape (2,) does not fit 1 values");
        assertRefused(good.replace("\"shape\": [1]", "\"shape\": [-1]"), "'shape' must hold integers >= 0");
        assertRefused(good.replace("\"shape\": [1]", "\"shape\": [0.5]"), "'shape' must hold integers >= 0");
        assertRefused(good.replace("\"shape\": [1]", "\"shape\": [65536, 65536]"), "does not fit 1 values");
        assertRefused(good.replace("[1.5]", "[true]"), "'values' must hold numbers");
        assertRefused(good.replace("\"variables\"", "\"vars\""), "field 'variables' must be an object");
        assertRefused("[1, 2]", "must be a JSON object");
        assertRefused("[".repeat(100) + "]".repeat(100), "nesting deeper than 64");
        assertRefused("[" + "9".repeat(1001) + "]", "number literal longer than 1000");
    }

    private static void assertRefused(String json, String fragment) {
        MetricException e = assertThrows(MetricException.class, () -> Checkpoint.fromJson(json), json);
        assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks \"" + fragment
                + "\"");
    }

    @Test
    void aCheckpointOfAnotherMetricIsRefusedAndChangesNothing() throws Exception {
        Path file = dir.resolve("mean.json");
        Metric mean = REGISTRY.create("Mean", Map.of());
        ((ValuesMetric) mean).updateValues(Tensor.vector(1, 2));
        Checkpoint.save(mean, file);
        Metric accuracy = REGISTRY.create("BinaryAccuracy", Map.of("threshold", 0.7));
        accuracy.update(Tensor.vector(1), Tensor.vector(0.9));
        MetricState before = accuracy.snapshot();
        assertThrows(MetricException.class, () -> accuracy.restore(Checkpoint.load(file)));
        Metric otherThreshold = REGISTRY.create("BinaryAccuracy", Map.of("threshold", 0.5));
        Checkpoint.save(otherThreshold, file);
        assertThrows(MetricException.class, () -> accuracy.restore(Checkpoint.load(file)));
        assertEquals(before, accuracy.snapshot());
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("sum.json");
        Metric sum = REGISTRY.create("Sum", Map.of());
        for (int i = 1; i <= 3; i++) {
            ((ValuesMetric) sum).updateValues(Tensor.vector(i));
            Checkpoint.save(sum, file);
        }
        assertEquals(6.0, Checkpoint.resume(file, REGISTRY).resultValue());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertThrows(java.io.IOException.class, () -> Checkpoint.save(sum, dir.resolve("missing/sum.json")));
    }
}
