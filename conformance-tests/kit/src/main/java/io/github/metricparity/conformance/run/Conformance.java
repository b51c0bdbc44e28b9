package io.github.metricparity.conformance.run;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.conformance.tck.ReferenceDriver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs golden cases through every adapter found (or one chosen by id). */
public final class Conformance {
    private Conformance() {
    }

    /**
     * Every {@link ConformanceDriver} on the class path, or only the one with {@code adapterId} (null = all).
     *
     * @throws IllegalArgumentException if {@code adapterId} names no driver
     */
    public static List<ConformanceDriver> drivers(String adapterId) {
        return drivers(adapterId, List.of());
    }

    /**
     * {@link #drivers(String)} among the class path's drivers and {@code extra} ones (e.g. external processes).
     *
     * @throws IllegalArgumentException if {@code adapterId} names no driver, or two drivers share an id
     */
    public static List<ConformanceDriver> drivers(String adapterId, List<? extends ConformanceDriver> extra) {
        List<ConformanceDriver> all = new ArrayList<>(discovered());
        Set<String> ids = all.stream().map(ConformanceDriver::adapterId).collect(Collectors.toCollection(HashSet::new));
        for (ConformanceDriver d : extra) {
            if (!ids.add(d.adapterId())) {
                throw new IllegalArgumentException("two adapters have the id '" + d.adapterId() + "' (" + d + ")");
            }
            all.add(d);
        }
        if (adapterId == null) {
            return all;
        }
        List<ConformanceDriver> chosen = all.stream().filter(d -> d.adapterId().equals(adapterId))
                .collect(Collectors.toList());
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no adapter with id '" + adapterId + "' (found: "
                    + all.stream().map(ConformanceDriver::adapterId).collect(Collectors.toList()) + ")");
        }
        return chosen;
    }

    /**
     * Every conformance driver found with ServiceLoader, the first of each adapter id: the reference driver first (the
     * column the others are read against), then the others in discovery order.
     */
    public static List<ConformanceDriver> discovered() {
        Map<String, ConformanceDriver> found = new LinkedHashMap<>();
        for (ConformanceDriver d : ServiceLoader.load(ConformanceDriver.class)) {
            found.putIfAbsent(d.adapterId(), d);
        }
        List<ConformanceDriver> drivers = new ArrayList<>(found.values());
        drivers.sort(Comparator.comparing(d -> !(d instanceof ReferenceDriver)));
        return List.copyOf(drivers);
    }

    /** Runs every case through every driver; a case is counted once per adapter. */
    public static RunSummary run(List<GoldenCase> cases, List<ConformanceDriver> drivers) {
        RunSummary summary = new RunSummary();
        for (ConformanceDriver d : drivers) {
            for (GoldenCase c : cases) {
                summary.add(GoldenRunner.run(c, d));
            }
        }
        return summary;
    }
}
