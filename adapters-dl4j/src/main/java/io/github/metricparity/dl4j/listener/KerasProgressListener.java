package io.github.metricparity.dl4j.listener;

import io.github.metricparity.dl4j.eval.KerasEvaluation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A DL4J training listener that logs each epoch as Keras's {@code fit(verbose=2)} does and keeps Keras's
 * {@link KerasHistory}:
 * <pre>{@code
 * Epoch 3/10 - loss: 0.1234 - accuracy: 0.9650 - val_loss: 0.2100 - val_accuracy: 0.9400
 * }</pre>
 *
 * <ul>
 *   <li>{@code loss}: the mean of the epoch's minibatch scores weighted by batch size, as Keras's loss tracker
 *       averages its batch losses. DL4J's score is the loss function's mean plus the L1/L2 terms, as Keras's loss
 *       includes the layers' regularisation losses.</li>
 *   <li>Training metrics ({@code accuracy}, ...): the Keras metrics of {@link Builder#metrics} accumulated over the
 *       epoch's training batches. DL4J gives listeners no training-mode output of the output layer, so each batch
 *       is evaluated with one inference pass right after its update step (Keras evaluates the training-mode output
 *       just before it: with dropout or batch normalisation the figures can differ slightly). Computed for
 *       {@link MultiLayerNetwork}s without truncated BPTT; a {@link ComputationGraph} does not expose its labels to
 *       listeners, so it logs loss and validation values only. Turn off with {@link Builder#trainingMetrics}.</li>
 *   <li>{@code val_loss} and {@code val_*}: with {@link Builder#validation}, at each epoch end the validation data
 *       is scored (DL4J's {@code score(DataSet)} weighted by batch size) and evaluated with
 *       {@code doEvaluation} and the same Keras metrics.</li>
 * </ul>
 * A metric that refuses a batch (labels in the wrong encoding, say) aborts {@code fit()} with its error, unless
 * {@link Builder#skipFailingMetrics} is set: the metric is then logged and dropped for the rest of training, and
 * the others go on.
 * Numbers are printed as Keras prints them (4 decimals, scientific below 1e-3). Use one listener per network, on
 * the training thread; {@link #history()} may be read from any thread.
 */
public final class KerasProgressListener extends BaseTrainingListener {
    private final KerasEvaluation metrics;
    private final DataSetIterator validation;
    private final int epochs;
    private final boolean trainingMetrics;
    private final Consumer<String> printer;
    private final boolean skipFailing;
    private final KerasHistory history = new KerasHistory();
    private final Set<String> skipped = new LinkedHashSet<>();

    private double lossSum;
    private double lossCount;
    private List<KerasEvaluation> training;

    private KerasProgressListener(Builder b) {
        this.metrics = b.metrics;
        this.validation = b.validation;
        this.epochs = b.epochs;
        this.trainingMetrics = b.trainingMetrics;
        this.printer = b.printer;
        this.skipFailing = b.skipFailing;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The per-epoch values logged so far. */
    public KerasHistory history() {
        return history;
    }

    /** The metrics dropped after refusing a batch ({@link Builder#skipFailingMetrics}), in order. */
    public Set<String> skippedMetrics() {
        return Collections.unmodifiableSet(skipped);
    }

    /** Fresh evaluations of the metrics: one of them all, or one per metric not skipped when failures skip. */
    private List<KerasEvaluation> freshEvaluations() {
        List<KerasEvaluation> out = new ArrayList<>();
        if (!skipFailing) {
            out.add(metrics.newInstance());
            return out;
        }
        for (String name : metrics.names()) {
            if (!skipped.contains(name)) {
                out.add(metrics.only(name));
            }
        }
        return out;
    }

    /** Logs and drops the metric of a one-metric evaluation that refused a batch, or rethrows without skipping. */
    private void skip(KerasEvaluation part, RuntimeException e) {
        if (!skipFailing) {
            throw e;
        }
        String name = part.names().get(0);
        skipped.add(name);
        printer.accept("KerasProgressListener: metric '" + name + "' skipped for the rest of training: "
                + e.getMessage());
    }

    @Override
    public void onEpochStart(Model model) {
        lossSum = 0;
        lossCount = 0;
        training = metrics != null && trainingMetrics ? freshEvaluations() : null;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        int batchSize = model.batchSize();
        lossSum += model.score() * batchSize;
        lossCount += batchSize;
        if (training != null && model instanceof MultiLayerNetwork) {
            evaluateTrainingBatch((MultiLayerNetwork) model);
        }
    }

    /** The batch just trained on (still set on the network), evaluated after its update. */
    private void evaluateTrainingBatch(MultiLayerNetwork net) {
        if (net.getLayerWiseConfigurations().getBackpropType() == BackpropType.TruncatedBPTT) {
            return; // the network holds one segment of the sequences, not the batch
        }
        INDArray features = net.getInput();
        INDArray labels = net.getLabels();
        if (features == null || labels == null) {
            return;
        }
        INDArray labelsMask = labelsMask(net.getOutputLayer().getMaskArray(), labels);
        INDArray output = net.output(features, false, net.getMask(), labelsMask);
        for (Iterator<KerasEvaluation> it = training.iterator(); it.hasNext();) {
            KerasEvaluation part = it.next();
            try {
                part.eval(labels, output, labelsMask);
            } catch (RuntimeException e) {
                skip(part, e);
                it.remove();
            }
        }
    }

    /**
     * The batch's label mask as DL4J's evaluations take it. An RnnOutputLayer keeps its {@code [minibatch,
     * timeSteps]} mask as a column {@code [minibatch * timeSteps, 1]} in f order
     * ({@code TimeSeriesUtils.reshapeTimeSeriesMaskToVector}), which is undone here.
     */
    private static INDArray labelsMask(INDArray layerMask, INDArray labels) {
        if (layerMask == null || labels.rank() != 3 || layerMask.rank() != 2 || layerMask.size(1) != 1) {
            return layerMask;
        }
        long n = labels.size(0);
        long steps = labels.size(2);
        return layerMask.length() == n * steps ? layerMask.dup('f').reshape('f', n, steps) : layerMask;
    }

    @Override
    public void onEpochEnd(Model model) {
        Map<String, Double> logs = new LinkedHashMap<>();
        if (lossCount > 0) {
            logs.put("loss", lossSum / lossCount);
        }
        if (training != null) {
            training.forEach(part -> putResolved(logs, "", part));
        }
        if (validation != null) {
            validate(model, logs);
        }
        history.append(logs);
        printer.accept(line(history.epochs(), logs));
    }

    private void validate(Model model, Map<String, Double> logs) {
        double sum = 0;
        long count = 0;
        validation.reset();
        while (validation.hasNext()) {
            DataSet ds = validation.next();
            int n = ds.numExamples();
            sum += score(model, ds) * n;
            count += n;
        }
        if (count > 0) {
            logs.put("val_loss", sum / count);
        }
        if (metrics != null) {
            List<KerasEvaluation> parts = freshEvaluations();
            try {
                evaluate(model, parts.toArray(new KerasEvaluation[0]));
            } catch (RuntimeException e) {
                if (!skipFailing || parts.size() == 1) {
                    skip(parts.get(0), e);
                    parts.clear();
                } else {
                    // one pass per metric, to find the one that refuses the validation data
                    parts = freshEvaluations();
                    for (Iterator<KerasEvaluation> it = parts.iterator(); it.hasNext();) {
                        KerasEvaluation part = it.next();
                        try {
                            evaluate(model, part);
                        } catch (RuntimeException refused) {
                            skip(part, refused);
                            it.remove();
                        }
                    }
                }
            }
            parts.forEach(part -> putResolved(logs, "val_", part));
        }
    }

    private void evaluate(Model model, KerasEvaluation... evaluations) {
        validation.reset();
        if (model instanceof MultiLayerNetwork) {
            ((MultiLayerNetwork) model).doEvaluation(validation, evaluations);
        } else {
            ((ComputationGraph) model).doEvaluation(validation, evaluations);
        }
    }

    private static double score(Model model, DataSet ds) {
        if (model instanceof MultiLayerNetwork) {
            return ((MultiLayerNetwork) model).score((org.nd4j.linalg.dataset.DataSet) ds, false);
        }
        return ((ComputationGraph) model).score(ds, false);
    }

    private static void putResolved(Map<String, Double> logs, String prefix, KerasEvaluation eval) {
        for (String name : eval.names()) {
            if (eval.metric(name) != null && eval.result(name).size() == 1) {
                logs.put(prefix + name, eval.value(name));
            }
        }
    }

    /** {@code Epoch 3/10 - loss: 0.1234 - accuracy: 0.9650}. */
    private String line(int epoch, Map<String, Double> logs) {
        StringBuilder sb = new StringBuilder("Epoch ").append(epoch);
        if (epochs > 0) {
            sb.append('/').append(epochs);
        }
        logs.forEach((name, v) -> sb.append(" - ").append(name).append(": ").append(KerasEvaluation.formatValue(v)));
        return sb.toString();
    }

    /** Builds a {@link KerasProgressListener}; everything is optional (by default it logs the loss only). */
    public static final class Builder {
        private KerasEvaluation metrics;
        private DataSetIterator validation;
        private int epochs;
        private boolean trainingMetrics = true;
        private Consumer<String> printer = System.out::println;
        private boolean skipFailing;

        private Builder() {
        }

        /**
         * Logs (through {@link #printTo}) and drops a metric that refuses a batch instead of aborting training; the
         * other metrics go on ({@link KerasProgressListener#skippedMetrics}). Each metric is then evaluated apart.
         */
        public Builder skipFailingMetrics() {
            this.skipFailing = true;
            return this;
        }

        /**
         * The Keras metrics to log, as a {@link KerasEvaluation} whose metrics (not state) are used: fresh copies are
         * made for the training batches of each epoch and for each validation pass.
         */
        public Builder metrics(KerasEvaluation metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Keras compile() metric strings ({@code "accuracy"}, ...), resolved as Keras 3 resolves them. */
        public Builder compile(String... identifiers) {
            return metrics(KerasEvaluation.compile(identifiers));
        }

        /** Validation data, scored and evaluated at each epoch end ({@code val_loss}, {@code val_*}). */
        public Builder validation(DataSetIterator validation) {
            this.validation = Objects.requireNonNull(validation, "validation");
            return this;
        }

        /** The number of epochs the fit runs, printed as {@code Epoch k/epochs}. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Whether to evaluate the metrics on the training batches (default true). */
        public Builder trainingMetrics(boolean enabled) {
            this.trainingMetrics = enabled;
            return this;
        }

        /** Where the epoch lines go (default {@code System.out}). */
        public Builder printTo(Consumer<String> printer) {
            this.printer = Objects.requireNonNull(printer, "printer");
            return this;
        }

        public KerasProgressListener build() {
            return new KerasProgressListener(this);
        }
    }
}
