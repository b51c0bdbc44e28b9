package io.github.metricparity.conformance.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metricparity.conformance.cli.ParityCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code parity compare} on predictions and recorded values of real Keras 3.16 models (written by
 * {@code tools/make_compare_fixtures.py}): every Keras value reproduced, every recorded value confirmed, in every
 * data and recorded-values format; planted disagreements flagged with their cause.
 */
class CompareCliTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static Path fixture(String name) {
        try {
            return Paths.get(CompareCliTest.class.getResource("/compare/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", dir.toString(), "--progress", "never"));
        return new ParityCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(all.toArray(String[]::new));
    }

    JsonNode json() throws IOException {
        return new ObjectMapper().readTree(Files.readString(dir.resolve("compare.json")));
    }

    @ParameterizedTest(name = "{0}.{1} with {2} and {3}")
    @CsvSource({
        "binary, npz, binary.keras, evaluate.json", "binary, csv, binary.h5, history.json",
        "binary, jsonl, binary.keras, csvlogger.csv", "multiclass, npz, multiclass.keras, evaluate.json",
        "multiclass, csv, multiclass.keras, history.json", "multiclass, jsonl, multiclass.keras, csvlogger.csv",
        "regression, npz, regression.keras, evaluate.json", "regression, csv, regression.keras, csvlogger.csv",
        "regression, jsonl, regression.keras, history.json", "two_outputs, npz, two_outputs.keras, evaluate.json",
        "two_outputs, csv, two_outputs.h5, history.json", "two_outputs, jsonl, two_outputs.keras, csvlogger.csv",
        "two_outputs, jsonl, two_outputs.h5, evaluate.json"})
    void everyRecordedKerasValueIsReproduced(String model, String data, String modelFile, String recorded)
            throws IOException {
        int code = run("compare", "--data", fixture(model + "." + data).toString(), "--model",
                fixture(modelFile).toString(), "--keras-values", fixture(model + "." + recorded).toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed + err);
        JsonNode keras = json().get("keras");
        JsonNode evaluate = new ObjectMapper().readTree(fixture(model + ".evaluate.json").toFile());
        assertEquals(evaluate.size(), keras.size(), "one row per evaluate() key: " + keras);
        for (JsonNode row : keras) {
            assertEquals("reproduced", row.get("verdict").asText(), row.toString());
            assertTrue(evaluate.has(row.get("name").asText()), row.toString());
        }
        assertTrue(Files.readString(dir.resolve("compare.html")).contains("id=\"keras\""));
    }

    @Test
    void aPlantedRecordedValueIsAnUnexplainedDisagreementAndFailsTheGate() throws IOException {
        Path planted = dir.resolve("planted.json");
        Files.writeString(planted, Files.readString(fixture("binary.evaluate.json"))
                .replace("\"AUC\": 0.54", "\"AUC\": 0.64"));
        int code = run("compare", "--data", fixture("binary.npz").toString(), "--model",
                fixture("binary.keras").toString(), "--keras-values", planted.toString());
        assertEquals(1, code, out.toString(StandardCharsets.UTF_8));
        JsonNode auc = row(json().get("keras"), "AUC");
        assertEquals("DIFFERS", auc.get("verdict").asText());
        assertEquals("unexplained", auc.get("cause").asText());
        assertTrue(json().get("unexplained").asBoolean());
    }

    @ParameterizedTest(name = "planted {0}")
    @CsvSource({"reg_weighted_mae", "cls_loss", "loss"})
    void aPlantedValueOfATwoOutputModelFailsTheGate(String key) throws IOException {
        Path planted = dir.resolve("planted.json");
        com.fasterxml.jackson.databind.node.ObjectNode evaluate = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(fixture("two_outputs.evaluate.json").toFile());
        evaluate.put(key, evaluate.get(key).asDouble() + 1e-3);
        Files.writeString(planted, evaluate.toString());
        int code = run("compare", "--data", fixture("two_outputs.csv").toString(), "--model",
                fixture("two_outputs.keras").toString(), "--keras-values", planted.toString());
        assertEquals(1, code, out.toString(StandardCharsets.UTF_8));
        for (JsonNode row : json().get("keras")) {
            boolean isPlanted = row.get("name").asText().equals(key);
            assertEquals(isPlanted ? "DIFFERS" : "reproduced", row.get("verdict").asText(), row.toString());
        }
    }

    @Test
    void aTwoOutputModelNeedsEachOutputsColumns() throws IOException {
        Path csv = dir.resolve("one.csv");
        Files.writeString(csv, "y_true,y_pred\n1,0.5\n");
        int code = run("compare", "--data", csv.toString(), "--model", fixture("two_outputs.keras").toString());
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cls/y_true"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void weightedValuesGivenToPlainMetricsAreFlaggedWithTheCause() throws IOException {
        // Keras's weighted_accuracy recorded as "accuracy": the metric given with --metrics gets no weights
        Path planted = dir.resolve("planted.json");
        Files.writeString(planted, "{\"accuracy\": " + new ObjectMapper().readTree(
                fixture("binary.evaluate.json").toFile()).get("weighted_accuracy").asDouble() + "}");
        int code = run("compare", "--data", fixture("binary.csv").toString(), "--metrics", "accuracy",
                "--keras-values", planted.toString());
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        JsonNode accuracy = row(json().get("keras"), "accuracy");
        assertEquals("explained", accuracy.get("verdict").asText());
        assertEquals("sample weights", accuracy.get("cause").asText());
        assertTrue(accuracy.get("explanation").asText().contains("--weighted-metrics"), accuracy.toString());
    }

    @Test
    void aFrameworkValueThatDiffersIsExplainedByItsRule() throws IOException {
        // DL4J's exact ROC AUC next to Keras's bucketed AUC: a known difference, the gate passes
        Path values = dir.resolve("dl4j.json");
        Files.writeString(values, "{\"framework\": \"dl4j\", \"values\": {\"ROC(thresholdSteps=0).calculateAUC()\":"
                + " 0.61, \"Evaluation.accuracy()\": 0.5416666666666666}}");
        int code = run("compare", "--data", fixture("binary.npz").toString(), "--metrics", "accuracy,AUC",
                "--framework-values", values.toString());
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        JsonNode framework = json().get("framework");
        assertEquals("exact vs bucketed AUC", framework.get(0).get("cause").asText());
        assertFalse(framework.get(0).get("agrees").asBoolean());
        assertTrue(framework.get(1).get("agrees").asBoolean(), framework.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("differs: exact vs bucketed AUC"));
    }

    @Test
    void aDense1OutputAgainstOneTargetColumnIsAValidLossInputAsInKeras() throws IOException {
        // y_true (N,) against y_pred (N, 1): Keras's loss expands y_true (squeeze_or_expand_to_same_rank)
        Path csv = dir.resolve("rank1.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(fixture("binary.csv")));
        lines.set(0, lines.get(0).replace("y_true_0", "y_true"));
        Files.write(csv, lines);
        int code = run("compare", "--data", csv.toString(), "--loss", "binary_crossentropy", "--metrics",
                "accuracy,AUC", "--keras-values", fixture("binary.evaluate.json").toString());
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8) + err);
        List<String> reproduced = new ArrayList<>();
        json().get("keras").forEach(row -> {
            assertEquals("reproduced", row.get("verdict").asText(), row.toString());
            reproduced.add(row.get("name").asText());
        });
        assertEquals(java.util.Set.of("accuracy", "AUC", "loss"), java.util.Set.copyOf(reproduced));
    }

    @Test
    void badFilesNameTheFileLineAndColumn() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "y_true,y_pred\n1,0.9\n0,zero\n");
        assertEquals(2, run("compare", "--data", csv.toString(), "--metrics", "accuracy"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(csv + ":3:2: not a number: 'zero'"),
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        Path jsonl = dir.resolve("bad.jsonl");
        Files.writeString(jsonl, "{\"y_true\": [1], \"y_pred\": [0.9]}\n{\"y_true\": [1], \"y_pred\": [0.9, 0.1]}\n");
        assertEquals(2, run("compare", "--data", jsonl.toString(), "--metrics", "accuracy"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(jsonl + ":2:1: y_pred has the shape (N, 2)"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mistypedCommandsAndOptionsGetSuggestions() {
        assertEquals(2, run("compar", "--data", "x.csv"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Did you mean: compare"),
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("compare", "--metric", "accuracy", "--data", "x.csv"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--metrics"), err.toString(StandardCharsets.UTF_8));
    }

    static JsonNode row(JsonNode rows, String name) {
        for (JsonNode r : rows) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no row " + name + " in " + rows);
    }
}
