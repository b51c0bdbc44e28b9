package io.github.metricparity.conformance.run;

import io.github.metricparity.conformance.golden.GoldenStep;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric handle that replays the recorded outcomes of a golden case that already ran elsewhere (see
 * {@link CaseDriver}): each call must come in the order of the case's steps and answers with that step's outcome, a
 * refused step as an {@link InvalidInputException} (updates) or a {@link MetricException} (results, resets).
 * The state lives in the implementation that ran the case, so {@link #snapshot()}, {@link #restore} and
 * {@link #merge} are not available; the runner then judges a refused update by the result step after it.
 */
public final class ReplayMetric implements ValuesMetric {
    private final String className;
    private final Map<String, Object> config;
    private final List<GoldenStep> steps;
    private final List<StepOutcome> outcomes;
    private int next;

    /**
     * @param className the metric's Keras class name
     * @param config    its config
     * @param steps     the case's steps
     * @param outcomes  one outcome per step, in order
     */
    public ReplayMetric(String className, Map<String, Object> config, List<GoldenStep> steps,
            List<StepOutcome> outcomes) {
        if (steps.size() != outcomes.size()) {
            throw new IllegalArgumentException(steps.size() + " steps but " + outcomes.size() + " outcomes");
        }
        this.className = className;
        // configs may hold JSON nulls, which Map.copyOf refuses
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        this.steps = List.copyOf(steps);
        this.outcomes = List.copyOf(outcomes);
    }

    /** The outcome of the next step, which must be of kind {@code op}. */
    private StepOutcome advance(GoldenStep.Op op) {
        if (next >= steps.size() || steps.get(next).op() != op) {
            throw new IllegalStateException("replay of " + className + " out of order: called " + op + " at step "
                    + next + (next < steps.size() ? " which is " + steps.get(next).op() : " past the last step"));
        }
        return outcomes.get(next++);
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        refuseIfRefused(advance(GoldenStep.Op.UPDATE));
    }

    @Override
    public void updateValues(Tensor values, Tensor sampleWeight) {
        refuseIfRefused(advance(GoldenStep.Op.UPDATE));
    }

    private static void refuseIfRefused(StepOutcome o) {
        if (o.isRefused()) {
            throw new InvalidInputException(o.error());
        }
    }

    @Override
    public Tensor result() {
        StepOutcome o = advance(GoldenStep.Op.RESULT);
        if (o.isRefused()) {
            throw new MetricException(o.error());
        }
        return o.value();
    }

    @Override
    public void reset() {
        StepOutcome o = advance(GoldenStep.Op.RESET);
        if (o.isRefused()) {
            throw new MetricException(o.error());
        }
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
        throw new UnsupportedOperationException(stateElsewhere());
    }

    @Override
    public void restore(MetricState state) {
        throw new UnsupportedOperationException(stateElsewhere());
    }

    @Override
    public void merge(MetricState other) {
        throw new UnsupportedOperationException(stateElsewhere());
    }

    private String stateElsewhere() {
        return className + ": the state of a replayed case lives in the implementation that ran it";
    }
}
