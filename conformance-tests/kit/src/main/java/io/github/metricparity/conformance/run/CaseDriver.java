package io.github.metricparity.conformance.run;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.conformance.tck.NotExpressibleException;
import java.util.Map;

/**
 * A {@link ConformanceDriver} whose implementation runs a whole golden case at once (e.g. another process, see
 * {@code ExternalProcessDriver}) instead of being driven step by step. {@link GoldenRunner} calls
 * {@link #runCase} instead of {@link #open} and then drives the returned handle exactly as it drives any metric, so
 * every comparison rule (tolerance, shapes, refused steps, skips) has one home: the runner.
 */
public interface CaseDriver extends ConformanceDriver {

    /**
     * Runs every step of {@code goldenCase} and returns a handle replaying each step's outcome in order, typically a
     * {@link ReplayMetric}. Implementations hand the implementation under test the inputs only: never the expected
     * values, the {@code expect_error} flags or the tolerance.
     *
     * @param goldenCase the case
     * @param className  its metric, resolved to a Keras class name
     * @param config     its config, as resolved
     * @throws NotExpressibleException the implementation cannot express the case (a skip, with the reason)
     * @throws InvalidConfigException  the implementation refused the config
     * @throws RuntimeException        anything else: the case fails with the exception's message
     */
    Metric runCase(GoldenCase goldenCase, String className, Map<String, Object> config);
}
