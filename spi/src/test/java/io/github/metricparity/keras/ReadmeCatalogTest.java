package io.github.metricparity.keras;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The README's table of supported metrics lists every class of the catalog with every identifier. */
class ReadmeCatalogTest {

    @Test
    void everyCatalogClassAndIdentifierIsInTheReadmeTable() throws IOException {
        Path readme = Paths.get("..", "README.md");
        String text = Files.readString(readme);
        for (MetricDefinition d : KerasCatalog.all()) {
            String row = text.lines().filter(l -> l.startsWith("| `" + d.className() + "` |")).findFirst().orElse("");
            assertTrue(!row.isEmpty(), "README.md has no row for " + d.className());
            for (String id : d.identifiers()) {
                assertTrue(row.contains("`" + id + "`"), "README.md row of " + d.className() + " lacks `" + id + "`");
            }
        }
    }
}
