package io.github.metricparity.conformance.tck;

import io.github.metricparity.conformance.run.CaseResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The skip budget of one adapter: the golden cases it is known not to express, each with its reason, committed as
 * a list so that a new skip or a vanished one fails the build instead of passing silently.
 *
 * <p>File format (UTF-8): one skip per line, {@code case-id<TAB>reason}; blank lines and lines starting with
 * {@code #} are ignored. Reasons are compared with their whitespace runs collapsed to one space.
 */
public final class ExpectedSkips {
    private final String name;
    private final Map<String, String> reasons;

    private ExpectedSkips(String name, Map<String, String> reasons) {
        this.name = name;
        this.reasons = Collections.unmodifiableMap(reasons);
    }

    /** No skip allowed. */
    public static ExpectedSkips none(String name) {
        return new ExpectedSkips(name, new TreeMap<>());
    }

    /** Reads a list; {@code name} (e.g. the file) is used in messages. A missing stream is an empty list. */
    public static ExpectedSkips read(InputStream in, String name) {
        Map<String, String> reasons = new TreeMap<>();
        if (in == null) {
            return new ExpectedSkips(name, reasons);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalArgumentException(name + " line " + n + ": expected 'case-id<TAB>reason', got: "
                            + line);
                }
                String id = line.substring(0, tab);
                if (reasons.put(id, normalize(line.substring(tab + 1))) != null) {
                    throw new IllegalArgumentException(name + " line " + n + ": case " + id + " listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExpectedSkips(name, reasons);
    }

    /** Reads a list from a file; a missing file is an empty list. */
    public static ExpectedSkips read(Path file) {
        if (!Files.exists(file)) {
            return new ExpectedSkips(file.toString(), new TreeMap<>());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The listed case ids, sorted. */
    public Collection<String> caseIds() {
        return reasons.keySet();
    }

    /**
     * How one case's outcome breaks the budget, or null when it keeps it: a skip must be listed with the same
     * reason, and a listed case must still be skipped.
     */
    public String violation(CaseResult r) {
        String id = r.goldenCase().id();
        String expected = reasons.get(id);
        boolean skipped = r.status() == CaseResult.Status.SKIPPED;
        if (skipped && expected == null) {
            return "a new skip: " + id + " [" + r.adapter() + "] is skipped (" + r.message() + ") but not listed in "
                    + name;
        }
        if (skipped && !expected.equals(normalize(r.message()))) {
            return "a skip for another reason: " + id + " [" + r.adapter() + "] is skipped (" + r.message()
                    + "), " + name + " lists it for: " + expected;
        }
        if (!skipped && expected != null) {
            return "a vanished skip: " + id + " [" + r.adapter() + "] " + r.status() + ", but " + name
                    + " lists it as skipped (" + expected + ")";
        }
        return null;
    }

    /** The list file's text for these outcomes: every skipped case with its reason, sorted by case id. */
    public static String render(Collection<CaseResult> results, String header) {
        Map<String, String> skips = new TreeMap<>();
        for (CaseResult r : results) {
            if (r.status() == CaseResult.Status.SKIPPED) {
                skips.put(r.goldenCase().id(), normalize(r.message()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String line : header.split("\n")) {
            sb.append("# ").append(line).append('\n');
        }
        skips.forEach((id, why) -> sb.append(id).append('\t').append(why).append('\n'));
        return sb.toString();
    }

    private static String normalize(String reason) {
        return reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
    }
}
