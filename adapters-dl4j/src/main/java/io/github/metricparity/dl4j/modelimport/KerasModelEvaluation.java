package io.github.metricparity.dl4j.modelimport;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.eval.ArrayLayout;
import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.dl4j.modelimport.CompilePlan.PlannedLoss;
import io.github.metricparity.dl4j.modelimport.CompilePlan.PlannedMetric;
import io.github.metricparity.spi.CompileRules;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A Keras model's compile() loss and metrics, evaluated as Keras 3's {@code model.evaluate(x, y, sample_weight=w,
 * return_dict=True)} evaluates them: {@link #result()} has the same keys ({@code loss}, {@code <output>_loss} with
 * several losses, and every compile metric under its {@link CompilePlan} key) and the same values.
 * <pre>{@code
 * KerasModelEvaluation eval = KerasModelFile.read(path).evaluation();
 * Map<String, Double> logs = eval.evaluate(model, inputs, labels, sampleWeight);   // batches of 32, as Keras
 * // or batch by batch with predictions made elsewhere:
 * eval.update(labels, predictions, sampleWeight);
 * }</pre>
 * Arrays are in Keras's layout (channels last, time steps before features); the sample weight is one per example
 * and applies to every output, as Keras applies one {@code sample_weight} array. Metrics get no weights, weighted
 * metrics get the sample weights, losses are weighted and reduced as Keras's {@code Loss} reduces them, and the
 * loss trackers average the batch losses weighted by batch size, as Keras's {@code Mean} trackers do. The
 * penalties of L1, L2 and L1L2 weight regularizers are added to {@code loss} as Keras adds them; a model with
 * another regularizer (an activity regularizer, whose penalty depends on the layer outputs) is refused when the
 * evaluation is made. Not thread-safe.
 */
public final class KerasModelEvaluation {
    private final CompilePlan plan;
    private final List<KerasEvaluation> outputs = new ArrayList<>();
    private final List<KerasLosses> losses = new ArrayList<>();
    private final double[] lossSums;
    private double totalSum;
    private double examples;
    private final KerasModelFile file;
    private final double regularization;

    KerasModelEvaluation(CompilePlan plan, KerasModelFile file) throws KerasModelFileException {
        this.plan = plan;
        this.file = file;
        CompileRules rules = KerasModelMetrics.rulesFor(file.kerasVersion());
        MetricRegistry registry = MetricRegistry.of(new Dl4jMetricProvider());
        try {
            for (int o = 0; o < plan.outputNames().size(); o++) {
                KerasEvaluation.Builder b = KerasEvaluation.builder().layout(ArrayLayout.KERAS).rules(rules);
                int count = 0;
                for (PlannedMetric m : plan.metrics()) {
                    if (m.output() != o) {
                        continue;
                    }
                    count++;
                    KerasModelMetrics.add(b, m, registry);
                }
                outputs.add(count == 0 ? null : b.build());
            }
            for (PlannedLoss l : plan.losses()) {
                losses.add(KerasLosses.of(l.loss()));
            }
        } catch (MetricException e) {
            throw new KerasModelFileException(file.path(), "its compile config: " + e.getMessage(), e);
        }
        this.lossSums = new double[plan.losses().size()];
        this.regularization = file.regularizationPenalty();
    }

    /** The plan the keys come from. */
    public CompilePlan plan() {
        return plan;
    }

    /**
     * The metrics of one output as a DL4J {@code IEvaluation} (Keras array layout), e.g. for
     * {@code ComputationGraph.evaluate(iterator, Map.of(i, new IEvaluation[] {eval.forOutput(i)}))}; null when the
     * output has no compile metrics. Updating it updates this evaluation.
     */
    public KerasEvaluation forOutput(int output) {
        return outputs.get(output);
    }

    /**
     * Adds one batch: labels and predictions per output, Keras layout.
     *
     * @param sampleWeight one weight per example ({@code [N]}), or null
     * @throws InvalidInputException if the number of outputs or the shapes do not fit; the batch then changes
     *                               nothing
     */
    public void update(List<INDArray> labels, List<INDArray> predictions, INDArray sampleWeight) {
        int n = plan.outputNames().size();
        if (labels.size() != n || predictions.size() != n) {
            throw new InvalidInputException(file.path() + ": the model has " + n + " outputs " + plan.outputNames()
                    + ", got " + labels.size() + " label arrays and " + predictions.size() + " prediction arrays");
        }
        long batch = predictions.get(0).size(0);
        if (sampleWeight != null && (sampleWeight.length() != batch)) {
            throw new InvalidInputException(file.path() + ": sample weights of shape "
                    + Arrays.toString(sampleWeight.shape()) + " for a batch of " + batch + " examples: give one "
                    + "weight per example");
        }
        INDArray weights = sampleWeight == null ? null : sampleWeight.reshape(batch);
        double[] batchLosses = new double[losses.size()];
        for (int i = 0; i < losses.size(); i++) {
            int o = plan.losses().get(i).output();
            batchLosses[i] = losses.get(i).value(labels.get(o), predictions.get(o), weights);
        }
        for (int o = 0; o < n; o++) {
            if (outputs.get(o) != null) {
                outputs.get(o).eval(labels.get(o), predictions.get(o), null, weights);
            }
        }
        double total = regularization;
        for (int i = 0; i < losses.size(); i++) {
            Double w = plan.losses().get(i).weight();
            lossSums[i] += batch * batchLosses[i];
            total += (w == null ? 1.0 : w) * batchLosses[i];
        }
        totalSum += batch * total;
        examples += batch;
    }

    /**
     * Predicts with the imported model in batches of 32 and evaluates, as {@code model.evaluate(x, y,
     * sample_weight=w, return_dict=True)} does.
     */
    public Map<String, Double> evaluate(Dl4jKerasModel model, List<INDArray> inputs, List<INDArray> labels,
            INDArray sampleWeight) {
        return evaluate(model, inputs, labels, sampleWeight, 32);
    }

    /** The same with another batch size (Keras's {@code batch_size}). */
    public Map<String, Double> evaluate(Dl4jKerasModel model, List<INDArray> inputs, List<INDArray> labels,
            INDArray sampleWeight, int batchSize) {
        long n = inputs.get(0).size(0);
        for (long from = 0; from < n; from += batchSize) {
            long to = Math.min(n, from + batchSize);
            List<INDArray> x = rows(inputs, from, to);
            List<INDArray> y = rows(labels, from, to);
            INDArray w = sampleWeight == null ? null : sampleWeight.reshape(n).get(NDArrayIndex.interval(from, to));
            update(y, model.predict(x), w);
        }
        return result();
    }

    private static List<INDArray> rows(List<INDArray> arrays, long from, long to) {
        List<INDArray> out = new ArrayList<>();
        for (INDArray a : arrays) {
            INDArray r = a.rank() == 1 ? a.get(NDArrayIndex.interval(from, to))
                    : a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            if (a.rank() > 2) {
                long[] shape = a.shape().clone();
                shape[0] = to - from;
                r = a.reshape('c', a.size(0), a.length() / a.size(0))
                        .get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c').reshape('c', shape);
            }
            out.add(r);
        }
        return out;
    }

    /** The results under Keras's keys, sorted as Keras sorts them. */
    public Map<String, Double> result() {
        Map<String, Double> out = new TreeMap<>();
        if (!losses.isEmpty() && examples > 0) {
            out.put("loss", totalSum / examples);
            for (int i = 0; i < losses.size(); i++) {
                String key = plan.losses().get(i).key();
                if (key != null) {
                    out.put(key, lossSums[i] / examples);
                }
            }
        }
        for (KerasEvaluation e : outputs) {
            if (e != null) {
                out.putAll(e.values());
            }
        }
        return out;
    }

    /** Clears every state. */
    public void reset() {
        for (KerasEvaluation e : outputs) {
            if (e != null) {
                e.reset();
            }
        }
        Arrays.fill(lossSums, 0);
        totalSum = 0;
        examples = 0;
    }
}
