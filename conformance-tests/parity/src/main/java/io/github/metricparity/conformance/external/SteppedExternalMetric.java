package io.github.metricparity.conformance.external;

import io.github.metricparity.conformance.golden.GoldenStep;
import io.github.metricparity.conformance.run.RemoteStateMetric;
import io.github.metricparity.conformance.run.StepOutcome;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A step-by-step handle on a metric of an external adapter ({@link ExternalProcessDriver#open}). The protocol is
 * case-level, so the handle keeps the updates accepted since the last reset and sends them again, with the new
 * step, as one case each time: an update learns at once whether it is refused (and is then forgotten, leaving the
 * state as it was), a result reads the value after them. Meant for occasional use; the golden runner sends each
 * case once instead.
 */
final class SteppedExternalMetric extends RemoteStateMetric {
    private final ExternalProcessDriver driver;
    private final String id;
    private final List<GoldenStep> accepted = new ArrayList<>();
    private int calls;

    SteppedExternalMetric(ExternalProcessDriver driver, String id, String className, Map<String, Object> config) {
        super(className, config, "the external adapter's process");
        this.driver = driver;
        this.id = id;
    }

    /** Sends the accepted updates and {@code step}; returns the outcome of {@code step}. */
    private StepOutcome send(GoldenStep step) {
        List<GoldenStep> steps = new ArrayList<>(accepted);
        steps.add(step);
        List<StepOutcome> outcomes = driver.call(id + "." + (++calls), className(), config(), steps).outcomes();
        return outcomes.get(outcomes.size() - 1);
    }

    private void updateWith(GoldenStep step) {
        StepOutcome o = send(step);
        if (o.isRefused()) {
            throw new InvalidInputException(o.error());
        }
        accepted.add(step);
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        updateWith(new GoldenStep(GoldenStep.Op.UPDATE, yTrue, yPred, null, sampleWeight, null, false));
    }

    @Override
    public void updateValues(Tensor values, Tensor sampleWeight) {
        updateWith(new GoldenStep(GoldenStep.Op.UPDATE, null, null, values, sampleWeight, null, false));
    }

    @Override
    public Tensor result() {
        StepOutcome o = send(new GoldenStep(GoldenStep.Op.RESULT, null, null, null, null, null, false));
        if (o.isRefused()) {
            throw new MetricException(o.error());
        }
        return o.value();
    }

    /** A reset is the state of a new instance: nothing to send again. */
    @Override
    public void reset() {
        accepted.clear();
    }
}
