package io.github.metricparity.conformance.run;

import io.github.metricparity.conformance.golden.GoldenStep;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A metric handle that replays the recorded outcomes of a golden case that already ran elsewhere (see
 * {@link CaseDriver}): each call must come in the order of the case's steps and answers with that step's outcome, a
 * refused step as an {@link InvalidInputException} (updates) or a {@link MetricException} (results, resets).
 * The state lives in the implementation that ran the case, so {@link #snapshot()}, {@link #restore} and
 * {@link #merge} are not available; the runner then judges a refused update by the result step after it.
 */
public final class ReplayMetric extends RemoteStateMetric {
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
        super(className, config, "the implementation that ran the case");
        if (steps.size() != outcomes.size()) {
            throw new IllegalArgumentException(steps.size() + " steps but " + outcomes.size() + " outcomes");
        }
        this.steps = List.copyOf(steps);
        this.outcomes = List.copyOf(outcomes);
    }

    /** The outcome of the next step, which must be of kind {@code op}. */
    private StepOutcome advance(GoldenStep.Op op) {
        if (next >= steps.size() || steps.get(next).op() != op) {
            throw new IllegalStateException("replay of " + className() + " out of order: called " + op + " at step "
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
}
