package io.github.metricparity.conformance;

import io.github.metricparity.conformance.tck.AdapterConformanceSuite;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.conformance.tck.ReferenceDriver;

/** The kit's suite run as an adapter author runs it, on the reference metrics: every bundled golden case passes. */
class ReferenceConformanceTest extends AdapterConformanceSuite {
    @Override
    protected ConformanceDriver driver() {
        return new ReferenceDriver();
    }
}
