package io.github.metricparity.conformance;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenSets;
import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.tck.AdapterConformanceSuite;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every golden case through every adapter found with ServiceLoader: what {@code mvn verify} checks. */
class GoldenConformanceTest {

    @TestFactory
    Stream<DynamicContainer> everyAdapterPassesEveryGoldenCase() {
        List<GoldenCase> cases = GoldenSets.bundled();
        List<ConformanceDriver> drivers = Conformance.drivers(null);
        return drivers.stream().map(d -> DynamicContainer.dynamicContainer(d.adapterId(),
                cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> AdapterConformanceSuite.check(c, d)))));
    }
}
