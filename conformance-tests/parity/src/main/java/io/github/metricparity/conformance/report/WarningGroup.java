package io.github.metricparity.conformance.report;

import io.github.metricparity.spi.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One distinct warning of a report run and how often each source issued it: the golden cases repeat the same
 * misuse once per adapter, so the console shows one line per group and the HTML and JSON its sources.
 *
 * @param diagnostic the warning (its {@link Diagnostic#message()} is what makes it distinct)
 * @param bySource   how many times each source issued it, in first-seen order
 */
public record WarningGroup(Diagnostic diagnostic, Map<String, Integer> bySource) {

    public WarningGroup {
        bySource = Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
    }

    /** How many times it was issued in all. */
    public int count() {
        return bySource.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The distinct warnings of {@code seen}, in first-seen order. */
    public static List<WarningGroup> of(List<SeenWarning> seen) {
        Map<String, Diagnostic> first = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (SeenWarning w : seen) {
            String key = w.diagnostic().message();
            first.putIfAbsent(key, w.diagnostic());
            counts.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(w.source(), 1, Integer::sum);
        }
        List<WarningGroup> out = new ArrayList<>();
        first.forEach((key, d) -> out.add(new WarningGroup(d, counts.get(key))));
        return List.copyOf(out);
    }
}
