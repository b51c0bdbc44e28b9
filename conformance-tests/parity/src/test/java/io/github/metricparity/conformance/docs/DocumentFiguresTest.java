package io.github.metricparity.conformance.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenSets;
import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.run.RunSummary;
import io.github.metricparity.spi.MetricRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Figures in the documents that come from runs are marked {@code <!-- figure:NAME -->value<!-- /figure -->} and
 * computed here, so they cannot go stale: a golden file added, a metric added or an adapter that starts skipping a
 * case fails this test until the documents say so. {@code -Dfigures.update=true} writes the current values in.
 *
 * <ul>
 *   <li>{@code metric-classes}: the Keras classes of the reference catalog;</li>
 *   <li>{@code golden-cases} and {@code golden-cases:FILE}: bundled golden cases, all or of {@code
 *   golden/FILE.json};</li>
 *   <li>{@code golden-run:ADAPTER} and {@code golden-run:ADAPTER:FILE}: the summary line of the bundled cases (all,
 *       or one file's) through one adapter, as {@code parity check} prints it.</li>
 * </ul>
 */
class DocumentFiguresTest {
    private static final Pattern FIGURE = Pattern.compile("<!-- figure:([a-z0-9:_-]+) -->(.*?)<!-- /figure -->");
    private static final boolean UPDATE = Boolean.getBoolean("figures.update");

    private final Map<String, String> values = new HashMap<>();

    @Test
    void everyFigureIsWhatTheCodeAndTheGoldenFilesGiveNow() throws IOException {
        List<String> stale = new ArrayList<>();
        int figures = 0;
        for (Path doc : Documents.markdown()) {
            String text = Documents.read(doc);
            Matcher m = FIGURE.matcher(text);
            StringBuilder updated = new StringBuilder();
            while (m.find()) {
                figures++;
                String now = value(m.group(1));
                if (!now.equals(m.group(2))) {
                    stale.add(Documents.ROOT.relativize(doc) + ": " + m.group(1) + " says '" + m.group(2)
                            + "', now '" + now + "'");
                }
                m.appendReplacement(updated, Matcher.quoteReplacement(
                        "<!-- figure:" + m.group(1) + " -->" + now + "<!-- /figure -->"));
            }
            m.appendTail(updated);
            if (UPDATE && !updated.toString().equals(text)) {
                Files.writeString(doc, updated.toString());
            }
        }
        assertTrue(figures >= 8, "the documents hold only " + figures + " figures: markers lost?");
        assertTrue(UPDATE || stale.isEmpty(), () -> "stale figures (mvn -pl conformance-tests/parity -am verify "
                + "-Dtest=DocumentFiguresTest -Dsurefire.failIfNoSpecifiedTests=false -Dfigures.update=true "
                + "writes them in):\n  " + String.join("\n  ", stale));
    }

    private String value(String name) {
        return values.computeIfAbsent(name, DocumentFiguresTest::compute);
    }

    private static String compute(String name) {
        String[] parts = name.split(":");
        switch (parts[0]) {
            case "metric-classes":
                return String.valueOf(MetricRegistry.load().metrics().size());
            case "golden-cases":
                return String.valueOf(cases(parts.length > 1 ? parts[1] : null).size());
            case "golden-run": {
                RunSummary run = Conformance.run(cases(parts.length > 2 ? parts[2] : null),
                        Conformance.drivers(parts[1]));
                return run.summaryLine();
            }
            default:
                throw new IllegalArgumentException("unknown figure '" + name + "' in a document");
        }
    }

    private static List<GoldenCase> cases(String file) {
        List<GoldenCase> all = GoldenSets.bundled();
        if (file == null) {
            return all;
        }
        List<GoldenCase> some = all.stream().filter(c -> c.file().equals(GoldenSets.FOLDER + "/" + file + ".json"))
                .collect(Collectors.toList());
        if (some.isEmpty()) {
            throw new IllegalArgumentException("no bundled golden file " + file + ".json");
        }
        return some;
    }
}
