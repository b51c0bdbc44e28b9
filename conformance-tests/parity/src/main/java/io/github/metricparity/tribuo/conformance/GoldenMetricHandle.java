package io.github.metricparity.tribuo.conformance;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.conformance.tck.NotExpressibleException;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.tribuo.KerasTribuoEvaluation;
import io.github.metricparity.tribuo.KerasEvaluator;
import java.util.List;
import java.util.Map;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A golden case's metric, driven through Tribuo: each update builds predictions and evaluates them with the
 * evaluator (the weighted one when the step has a sample_weight, so that an unweighted Keras update stays
 * unweighted), and merges the evaluation into the running one; results, resets and snapshots read the running
 * evaluation. Not thread-safe.
 *
 * @param <T> the output type
 */
final class GoldenMetricHandle<T extends Output<T>> implements Metric {
    private final Metric prototype;
    private final KerasEvaluator<T> weighted;
    private final KerasEvaluator<T> unweighted;
    private final GoldenPredictions<T> golden;
    private final boolean probabilities;
    private final boolean scalarWeightBroadcasts;
    private final DataProvenance data;
    private GoldenModel<T> model;
    private KerasTribuoEvaluation<T> running;
    private boolean resetAfterUpdates;

    GoldenMetricHandle(Metric prototype, KerasEvaluator<T> weighted, KerasEvaluator<T> unweighted,
            GoldenPredictions<T> golden, boolean probabilities, boolean scalarWeightBroadcasts) {
        this.prototype = prototype;
        this.scalarWeightBroadcasts = scalarWeightBroadcasts;
        this.weighted = weighted;
        this.unweighted = unweighted;
        this.golden = golden;
        this.probabilities = probabilities;
        this.data = new SimpleDataSourceProvenance("golden arrays of " + prototype, golden.factory());
    }

    @Override
    public String className() {
        return prototype.className();
    }

    @Override
    public String name() {
        return prototype.name();
    }

    @Override
    public DType dtype() {
        return prototype.dtype();
    }

    @Override
    public Map<String, Object> config() {
        return prototype.config();
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        int size = golden.domainSize(yTrue, yPred);
        if (model == null) {
            model = new GoldenModel<>(prototype.toString(), golden.outputInfo(size), probabilities);
        } else if (model.getOutputIDInfo().size() != size) {
            throw GoldenPredictions.notExpressible("this step has " + size + " outputs and an earlier one "
                    + model.getOutputIDInfo().size() + ": a Tribuo model has one output domain");
        }
        int n = yTrue.rank() == 0 ? 1 : yTrue.dim(0);
        float[] weights = perExample(sampleWeight, n, scalarWeightBroadcasts);
        List<Prediction<T>> predictions = golden.predictions(yTrue, yPred, weights, size);
        KerasEvaluator<T> evaluator = weights == null ? unweighted : weighted;
        KerasTribuoEvaluation<T> e;
        try {
            e = evaluator.evaluate(model, predictions, data);
        } catch (IllegalArgumentException ex) {
            throw TribuoConformanceDriver.refused(ex);
        }
        running = running == null ? e : running.merge(e);
    }

    /**
     * One weight per example, or not expressible: Tribuo weighs whole examples. A scalar weight is every example's
     * weight where the metric broadcasts it over the elements (confusion, IoU, F-score families), but not where
     * Keras's mean reduction weighs the whole batch as one sample.
     */
    private static float[] perExample(Tensor w, int n, boolean scalarBroadcasts) {
        if (w == null) {
            return null;
        }
        if (w.rank() == 0 && scalarBroadcasts) {
            float[] all = new float[n];
            java.util.Arrays.fill(all, (float) w.get(0));
            return all;
        }
        boolean perRow = w.rank() == 1 && w.dim(0) == n || w.rank() == 2 && w.dim(0) == n && w.dim(1) == 1
                || w.rank() == 0 && n == 1;
        if (!perRow) {
            throw GoldenPredictions.notExpressible("sample_weight of shape " + w.shapeString() + " is not one weight "
                    + "per example for " + n + " examples: a Tribuo weight belongs to a whole example");
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) w.get(i);
        }
        return out;
    }

    /** The running evaluation, or the evaluation of no prediction. */
    private KerasTribuoEvaluation<T> current() {
        if (running != null) {
            return running;
        }
        GoldenModel<T> m = model;
        if (m == null) {
            Object size = prototype.config().get("num_classes");
            if (size == null) {
                size = prototype.config().get("num_labels");
            }
            m = new GoldenModel<>(prototype.toString(), golden.outputInfo(size instanceof Number
                    ? ((Number) size).intValue() : 1), probabilities);
        }
        return unweighted.evaluate(m, List.of(), data);
    }

    @Override
    public Tensor result() {
        try {
            return current().result(prototype.name());
        } catch (MetricException e) {
            if (running == null && resetAfterUpdates) {
                // Keras's reset_state zeroes variables that earlier updates built; a Tribuo evaluation of no
                // predictions is a new evaluation, whose lazily shaped state is not built
                throw GoldenPredictions.notExpressible("after reset_state Keras keeps the state shapes of earlier "
                        + "updates; a Tribuo evaluation of no predictions starts unbuilt (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    @Override
    public void reset() {
        resetAfterUpdates |= running != null;
        running = null;
    }

    @Override
    public MetricState snapshot() {
        return running == null ? prototype.snapshot() : running.getState(prototype.name());
    }

    @Override
    public void restore(MetricState state) {
        throw new NotExpressibleException("tribuo: a Tribuo evaluation is built from predictions; restoring a raw "
                + "metric state is not a Tribuo entry point");
    }

    @Override
    public void merge(MetricState other) {
        throw new NotExpressibleException("tribuo: Tribuo evaluations merge with evaluations, not with raw metric "
                + "states");
    }

    @Override
    public String toString() {
        return "tribuo:" + prototype;
    }
}
