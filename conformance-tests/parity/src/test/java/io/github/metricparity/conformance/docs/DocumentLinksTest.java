package io.github.metricparity.conformance.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The documents stand alone: every relative link resolves to a file or folder inside the repository, and no
 * relative path in their text climbs out of it (a folder beside a working copy is not in a clone). Links to public
 * web pages ({@code https://...}) are allowed.
 */
class DocumentLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /** A relative path in running text that starts by climbing: {@code ../x}, {@code ../../x/y}. */
    private static final Pattern CLIMBING_PATH = Pattern.compile("(?<![\\w./])(?:\\.\\./)+[\\w.-]+");

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() {
        List<Path> docs = Documents.markdown();
        assertTrue(docs.size() >= 5, () -> "found only " + docs);
        List<String> broken = new ArrayList<>();
        for (Path doc : docs) {
            Matcher m = LINK.matcher(Documents.read(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                Path resolved = doc.getParent().resolve(target.replaceAll("#.*", "")).normalize();
                if (!resolved.startsWith(Documents.ROOT) || !Files.exists(resolved)) {
                    broken.add(Documents.ROOT.relativize(doc) + ": (" + target + ")");
                }
            }
        }
        assertTrue(broken.isEmpty(), () -> "links that leave the repository or lead nowhere: " + broken);
    }

    @Test
    void noDocumentPointsBesideTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path doc : Documents.markdown()) {
            String text = Documents.read(doc);
            Matcher m = CLIMBING_PATH.matcher(text);
            while (m.find()) {
                if (!doc.getParent().resolve(m.group()).normalize().startsWith(Documents.ROOT)) {
                    found.add(Documents.ROOT.relativize(doc) + ": " + m.group());
                }
            }
        }
        assertTrue(found.isEmpty(), () -> "documents that point outside the repository: " + found);
    }
}
