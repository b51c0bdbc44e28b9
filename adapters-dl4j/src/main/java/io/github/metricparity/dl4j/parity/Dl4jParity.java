package io.github.metricparity.dl4j.parity;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.CounterpartValues;
import io.github.metricparity.comparison.MetricPair;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.comparison.ParityAssertions;
import io.github.metricparity.comparison.RecordedRow;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * DL4J's own metrics against Keras's on YOUR data, in one call: each metric of your {@code Evaluation},
 * {@code EvaluationBinary}, {@code ROC}, {@code ROCBinary}, {@code ROCMultiClass} or {@code RegressionEvaluation}
 * next to the Keras metric of the same intent computed on the same labels and network outputs, with the rule that
 * makes them agree or differ ({@link Dl4jRules}).
 * <pre>{@code
 * Evaluation eval = net.evaluate(testData);                     // what you already have
 * List<ComparisonRow> rows = Dl4jParity.compare(net, testData, eval, new ROCMultiClass()).rows();
 * }</pre>
 * Evaluations you pass empty are evaluated in the same pass; evaluations you already ran must have seen the same
 * data. The Keras side is fed the iterator's batches (the batching matters only to Keras's PearsonCorrelation,
 * a mean of per-batch correlations). {@code parity compare --framework-values} gives the same rows from files
 * ({@link Dl4jParityResult#frameworkValuesJson()} writes that file).
 */
public final class Dl4jParity {
    private Dl4jParity() {
    }

    /** Runs {@code net} over {@code data} and compares the evaluations (those given empty are evaluated too). */
    public static Dl4jParityResult compare(MultiLayerNetwork net, DataSetIterator data, IEvaluation<?>... evaluations) {
        return compare(net::output, data, evaluations);
    }

    /** {@link #compare(MultiLayerNetwork, DataSetIterator, IEvaluation[])} for a one-output graph. */
    public static Dl4jParityResult compare(ComputationGraph net, DataSetIterator data, IEvaluation<?>... evaluations) {
        return compare(net::outputSingle, data, evaluations);
    }

    /** One batch of labels and network outputs, both {@code (N, C)}. */
    public static Dl4jParityResult compare(INDArray labels, INDArray predictions, IEvaluation<?>... evaluations) {
        Pass pass = new Pass(evaluations);
        pass.batch(labels, predictions);
        return pass.finish();
    }

    private static Dl4jParityResult compare(Function<INDArray, INDArray> output, DataSetIterator data,
            IEvaluation<?>... evaluations) {
        Pass pass = new Pass(evaluations);
        if (data.resetSupported()) {
            data.reset();
        }
        while (data.hasNext()) {
            DataSet ds = data.next();
            pass.batch(ds.getLabels(), output.apply(ds.getFeatures()));
        }
        return pass.finish();
    }

    /**
     * Asserts that Keras's recorded values (an {@code evaluate(return_dict=True)} dict, or one epoch of
     * {@code History.history} with the {@code val_} prefix removed) are reproduced by {@code keras}, the
     * {@link KerasEvaluation} of the same metrics on the same data; fails with the table.
     *
     * @return the rows
     * @throws io.github.metricparity.comparison.ParityAssertionError with the table when a value is not reproduced
     */
    public static List<RecordedRow> assertReproduces(Map<String, Double> recorded, KerasEvaluation keras) {
        return ParityAssertions.assertReproduces(recorded, keras.values(), Map.of(), RecordedRow.DEFAULT_TOLERANCE);
    }

    /** One pass over the data: the users' empty evaluations and the Keras counterparts are fed each batch. */
    private static final class Pass {
        private final List<IEvaluation<?>> evaluations;
        private final List<IEvaluation<?>> toFeed = new ArrayList<>();
        private final Map<String, DoubleSupplier> metrics = new LinkedHashMap<>();
        private List<MetricPair> pairs;
        private CounterpartValues keras;
        private long rows;
        private int columns = -1;

        Pass(IEvaluation<?>[] evaluations) {
            if (evaluations.length == 0) {
                throw new IllegalArgumentException("give at least one DL4J evaluation to compare (Evaluation, "
                        + "EvaluationBinary, ROC, ROCBinary, ROCMultiClass or RegressionEvaluation)");
            }
            this.evaluations = List.of(evaluations);
            for (IEvaluation<?> e : evaluations) {
                if (e.toJson().equals(e.newInstance().toJson())) {
                    toFeed.add(e);
                }
            }
        }

        void batch(INDArray labels, INDArray predictions) {
            if (labels.rank() != 2 || predictions.rank() != 2 || !java.util.Arrays.equals(labels.shape(),
                    predictions.shape())) {
                throw new IllegalArgumentException("parity compares (N, C) labels and outputs of the same shape; got "
                        + "labels " + java.util.Arrays.toString(labels.shape()) + " and outputs "
                        + java.util.Arrays.toString(predictions.shape()) + " (time series: reshape to 2-D first)");
            }
            int c = (int) predictions.size(1);
            if (columns >= 0 && c != columns) {
                throw new IllegalArgumentException("a batch of " + c + " columns after batches of " + columns);
            }
            if (columns < 0) {
                for (IEvaluation<?> e : evaluations) {
                    metrics.putAll(Dl4jValues.of(e, c));
                }
                pairs = Dl4jPairs.pairs(metrics.keySet(), c);
                keras = new CounterpartValues(pairs, MetricRegistry.load("reference"));
            }
            columns = c;
            for (IEvaluation<?> e : toFeed) {
                e.eval(labels, predictions);
            }
            int n = (int) labels.size(0);
            keras.update(tensor(labels, n, c), tensor(predictions, n, c));
            rows += n;
        }

        private static Tensor tensor(INDArray a, int n, int c) {
            return Tensor.of(a.castTo(DataType.FLOAT).dup('c').data().asFloat(), n, c);
        }

        Dl4jParityResult finish() {
            if (columns < 0) {
                throw new IllegalArgumentException("the data set iterator gave no batch");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            metrics.forEach((name, value) -> values.put(name, value.getAsDouble()));
            String scenario = MetricPair.userData(rows, columns);
            List<ComparisonRow> rows = MetricPair.rows(Dl4jMetricProvider.ID, scenario, pairs, values,
                    keras.values());
            return new Dl4jParityResult(rows, values);
        }
    }

}
