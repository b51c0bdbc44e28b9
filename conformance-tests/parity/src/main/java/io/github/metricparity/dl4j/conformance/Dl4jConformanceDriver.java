package io.github.metricparity.dl4j.conformance;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.eval.ArrayLayout;
import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.conformance.tck.NotExpressibleException;
import io.github.metricparity.spi.ValuesMetric;
import java.util.Map;

/**
 * The conformance driver of the DL4J adapter (id {@value Dl4jMetricProvider#ID}): every golden case runs through
 * DL4J's evaluation entry point. The metric is created by the {@code dl4j} provider and carried by a
 * {@link KerasEvaluation}; each update converts the golden tensors to ND4J arrays and calls
 * {@code IEvaluation.eval(labels, predictions[, mask])}; results are read back through the evaluation, a reset is
 * {@code IEvaluation.reset()}, and restoring or merging a state goes through {@code IEvaluation.merge}.
 *
 * <h2>Sample weights</h2>
 * DL4J's own evaluations take no per-example weights, only 0/1 masks. The driver's evaluation uses
 * {@link ArrayLayout#KERAS}, in which the mask argument of {@code eval} is the Keras {@code sample_weight} itself, of
 * any broadcastable shape and with real values, so every weighted golden case is expressible. (In the default
 * {@link ArrayLayout#DL4J} layout the same argument is a DL4J label mask, zeros removing examples.)
 *
 * <h2>Not expressible</h2>
 * {@code Mean} and {@code Sum} take {@code update_state(values, sample_weight)}; an {@code IEvaluation} only
 * evaluates labels against predictions, so their cases are skipped with that reason.
 */
public final class Dl4jConformanceDriver implements ConformanceDriver {
    private final MetricRegistry registry = MetricRegistry.of(new Dl4jMetricProvider());

    @Override
    public String adapterId() {
        return Dl4jMetricProvider.ID;
    }

    @Override
    public Metric open(String metric, Map<String, ?> config) {
        Metric created = registry.create(metric, config);
        if (created instanceof ValuesMetric) {
            throw new NotExpressibleException(created.className() + " takes update_state(values, sample_weight); "
                    + "a DL4J IEvaluation only evaluates labels against predictions");
        }
        KerasEvaluation evaluation = KerasEvaluation.builder().metric(created).layout(ArrayLayout.KERAS).build();
        return new EvaluationHandle(evaluation, created.name());
    }
}
