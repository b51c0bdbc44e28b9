package io.github.metricparity.conformance.external;

import io.github.metricparity.conformance.golden.GoldenStep;
import io.github.metricparity.conformance.run.StepOutcome;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step-by-step handle on a metric of an external adapter ({@link ExternalProcessDriver#open}). The protocol is
 * case-level, so the handle keeps the updates accepted since the last reset and sends them again, with the new
 * step, as one case each time: an update learns at once whether it is refused (and is then forgotten, leaving the
 * state as it was), a result reads the value after them. Meant for occasional use; the golden runner sends each
 * case once instead.
 */
final class SteppedExternalMetric implements ValuesMetric {
    private final ExternalProcessDriver driver;
    private final String id;
    private final String className;
    private final Map<String, Object> config;
    private final List<GoldenStep> accepted = new ArrayList<>();
    private int calls;

    SteppedExternalMetric(ExternalProcessDriver driver, String id, String className, Map<String, Object> config) {
        this.driver = driver;
        this.id = id;
        this.className = className;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** Sends the accepted updates and {@code step}; returns the outcome of {@code step}. */
    private StepOutcome send(GoldenStep step) {
        List<GoldenStep> steps = new ArrayList<>(accepted);
        steps.add(step);
        List<StepOutcome> outcomes = driver.call(id + "." + (++calls), className, config, steps).outcomes();
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

    @Override
    public String className() {
        return className;
    }

    @Override
    public String name() {
        Object name = config.get("name");
        return name instanceof String ? (String) name : className;
    }

    @Override
    public DType dtype() {
        Object dtype = config.get("dtype");
        return dtype instanceof String ? DType.parse((String) dtype) : DType.FLOAT32;
    }

    @Override
    public Map<String, Object> config() {
        return config;
    }

    @Override
    public MetricState snapshot() {
        throw new UnsupportedOperationException(className + ": the state of an external adapter's metric lives in "
                + "its process");
    }

    @Override
    public void restore(MetricState state) {
        throw new UnsupportedOperationException(className + ": the state of an external adapter's metric lives in "
                + "its process");
    }

    @Override
    public void merge(MetricState other) {
        throw new UnsupportedOperationException(className + ": the state of an external adapter's metric lives in "
                + "its process");
    }
}
