package io.github.metricparity.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.internal.Catalog;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Param;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's table of supported metrics is generated from the catalog: one row per class with its identifiers,
 * Keras file and constructor arguments. Adding a metric adds its row with
 * {@code mvn -B -o -pl spi verify -Dtest=ReadmeCatalogTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dreadme.update=true}.
 */
class ReadmeCatalogTest {
    private static final Path README = Paths.get("..", "README.md");
    private static final String HEADER = "| class | identifiers | Keras file | constructor arguments (defaults) |";

    @Test
    void theSupportedMetricsTableIsTheCatalogs() throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().collect(Collectors.toList()));
        int start = lines.indexOf(HEADER);
        assertTrue(start >= 0, "README.md has no table headed " + HEADER);
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith("|")) {
            end++;
        }
        List<String> table = table();
        if (Boolean.getBoolean("readme.update")) {
            List<String> updated = new ArrayList<>(lines.subList(0, start));
            updated.addAll(table);
            updated.addAll(lines.subList(end, lines.size()));
            Files.writeString(README, String.join("\n", updated) + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertEquals(String.join("\n", table), String.join("\n", lines.subList(start, end)),
                "README.md's table of supported metrics is not the catalog's; regenerate it with "
                        + "-Dreadme.update=true (see this test's Javadoc)");
    }

    /** The header, the separator and one row per catalog class, in family order. */
    static List<String> table() {
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add("|---|---|---|---|");
        for (MetricSpec d : Catalog.all()) {
            List<String> ids = d.identifiers().stream().filter(id -> !id.equals(d.className()))
                    .map(id -> "`" + id + "`").collect(Collectors.toList());
            String identifiers = String.join(", ",
                    ids) + (d.stringCreatable() ? "" : " (string use fails: required args)");
            String args = d.params().stream().map(ReadmeCatalogTest::argument).collect(Collectors.joining(", "));
            rows.add("| `" + d.className() + "` | " + identifiers + " | " + d.family() + " | "
                    + (args.isEmpty() ? "" : "`" + args + "`") + " |");
        }
        return rows;
    }

    /** {@code key} for a required argument, else {@code key=default} with the default as Python writes it. */
    private static String argument(Param p) {
        return p.isRequired() ? p.key() : p.key() + "=" + python(p.defaultValue());
    }

    private static String python(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof String) {
            return "\"" + v + "\"";
        }
        if (v instanceof List) {
            return ((List<?>) v).stream().map(ReadmeCatalogTest::python).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(v);
    }
}
