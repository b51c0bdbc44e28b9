package io.github.metricparity.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's table of golden cases by origin is what the bundled files hold (the generator writes it). */
class OriginCountsTest {
    static final Path README = Paths.get("..", "..", "README.md");
    static final String BEGIN = "<!-- origin-counts:begin -->";
    static final String END = "<!-- origin-counts:end -->";

    @Test
    void theReadmeCountsAreTheFilesCounts() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertTrue(readme.contains(BEGIN) && readme.contains(END), README + " has the origin-counts block");
        String block = readme.substring(readme.indexOf(BEGIN) + BEGIN.length(), readme.indexOf(END)).strip();
        assertEquals(table(GoldenOriginsTest.bundledCases()), block, "README origin counts; regenerate with "
                + "conformance-tests/tools/keras-goldens/keras_goldens.py regenerate, or paste the expected table");
    }

    /** The same table as keras_goldens.py counts_table. */
    static String table(Map<String, List<JsonNode>> files) {
        List<String> origins = GoldenOriginsTest.ORIGINS;
        StringBuilder sb = new StringBuilder("| golden file | " + String.join(" | ", origins) + " | cases |\n|---|"
                + "---:|".repeat(origins.size() + 1) + "\n");
        Map<String, Integer> total = new LinkedHashMap<>();
        origins.forEach(o -> total.put(o, 0));
        files.forEach((name, cases) -> {
            Map<String, Integer> n = new LinkedHashMap<>();
            origins.forEach(o -> n.put(o, 0));
            cases.forEach(c -> n.merge(c.path("origin").asText(), 1, Integer::sum));
            sb.append("| ").append(name);
            origins.forEach(o -> sb.append(" | ").append(n.get(o)));
            sb.append(" | ").append(cases.size()).append(" |\n");
            origins.forEach(o -> total.merge(o, n.get(o), Integer::sum));
        });
        sb.append("| **all**");
        origins.forEach(o -> sb.append(" | **").append(total.get(o)).append("**"));
        sb.append(" | **").append(total.values().stream().mapToInt(Integer::intValue).sum()).append("** |");
        return sb.toString();
    }
}
