package io.github.metricparity.tribuo.parity;

import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.CounterpartValues;
import io.github.metricparity.comparison.FrameworkValues;
import io.github.metricparity.comparison.MetricPair;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.comparison.ParityAssertions;
import io.github.metricparity.comparison.ParityTable;
import io.github.metricparity.comparison.RecordedRow;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.tribuo.KerasTribuoEvaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

/**
 * Tribuo's own metrics against Keras's on YOUR data, in one call: a model and a data set in, each metric of Tribuo's
 * {@code LabelEvaluation} or {@code RegressionEvaluation} next to the Keras metric of the same intent computed on
 * the same predictions (classes and dimensions as columns in output-id order), with the rule behind each
 * difference ({@link TribuoRules}).
 * <pre>{@code
 * TribuoParity.Result r = TribuoParity.compareLabels(model, testData);
 * System.out.println(r.table());
 * }</pre>
 * {@code parity compare --framework-values} gives the same rows from files ({@link Result#frameworkValuesJson()}
 * writes that file, {@link Result#writeCsv} the targets and predictions).
 */
public final class TribuoParity {
    /** The framework id. */
    public static final String FRAMEWORK = "tribuo";

    private TribuoParity() {
    }

    /**
     * The comparison's outcome.
     *
     * @param rows            one row per Tribuo metric
     * @param frameworkValues Tribuo's values by catalog name
     * @param yTrue           the targets, one row per example, columns in output-id order
     * @param yPred           the predictions (scores or probabilities), the same layout
     */
    public record Result(List<ComparisonRow> rows, Map<String, Double> frameworkValues, double[][] yTrue,
            double[][] yPred) {
        public Result {
            rows = List.copyOf(rows);
            frameworkValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(frameworkValues));
        }

        /** The rows as a plain-text table, each disagreement with its cause and explanation. */
        public String table() {
            return ParityTable.comparisons(rows);
        }

        /** Asserts that every Tribuo metric agrees with Keras or differs for a known cause. */
        public Result assertExplained() {
            ParityAssertions.assertExplained(rows);
            return this;
        }

        /** The file {@code parity compare --framework-values} reads. */
        public String frameworkValuesJson() {
            return new FrameworkValues(FRAMEWORK, frameworkValues).toJson();
        }

        /** The targets and predictions as the CSV {@code parity compare --data} reads. */
        public String writeCsv() {
            StringBuilder s = new StringBuilder();
            int c = yTrue.length == 0 ? 0 : yTrue[0].length;
            for (int k = 0; k < c; k++) {
                s.append(k == 0 ? "" : ",").append("y_true_").append(k);
            }
            for (int k = 0; k < c; k++) {
                s.append(",y_pred_").append(k);
            }
            s.append('\n');
            for (int i = 0; i < yTrue.length; i++) {
                for (int k = 0; k < c; k++) {
                    s.append(k == 0 ? "" : ",").append(yTrue[i][k]);
                }
                for (int k = 0; k < c; k++) {
                    s.append(',').append(yPred[i][k]);
                }
                s.append('\n');
            }
            return s.toString();
        }
    }

    /**
     * Asserts that Keras's recorded values (an {@code evaluate(return_dict=True)} dict, or one epoch of
     * {@code History.history} without the {@code val_} prefix) are reproduced by {@code keras}, the Keras evaluation
     * of the same metrics on the same data; fails with the table.
     *
     * @return the rows
     * @throws io.github.metricparity.comparison.ParityAssertionError with the table when a value is not reproduced
     */
    public static List<RecordedRow> assertReproduces(Map<String, Double> recorded, KerasTribuoEvaluation<?> keras) {
        Map<String, Double> jvm = new LinkedHashMap<>();
        for (String name : keras.getMetricNames()) {
            if (keras.result(name).size() == 1) {
                jvm.put(name, keras.get(name));
            }
        }
        return ParityAssertions.assertReproduces(recorded, jvm, Map.of(), RecordedRow.DEFAULT_TOLERANCE);
    }

    /** A classifier on a data set: Tribuo's {@code LabelEvaluator} and the Keras counterparts. */
    public static Result compareLabels(Model<Label> model, Dataset<Label> data) {
        List<Prediction<Label>> predictions = model.predict(data);
        LabelEvaluation e = new LabelEvaluator().evaluate(model, predictions, data.getProvenance());
        List<Label> labels = byId(model.getOutputIDInfo());
        int c = labels.size();
        double[][] yTrue = new double[predictions.size()][c];
        double[][] yPred = new double[predictions.size()][c];
        for (int i = 0; i < predictions.size(); i++) {
            Prediction<Label> p = predictions.get(i);
            Map<String, Label> scores = p.getOutputScores();
            for (int k = 0; k < c; k++) {
                String name = labels.get(k).getLabel();
                yTrue[i][k] = p.getExample().getOutput().getLabel().equals(name) ? 1 : 0;
                yPred[i][k] = model.generatesProbabilities() && scores.containsKey(name) ? scores.get(name).getScore()
                        : p.getOutput().getLabel().equals(name) ? 1 : 0;
            }
        }
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("LabelEvaluation.accuracy()", e.accuracy());
        for (int k = 0; k < c; k++) {
            Label l = labels.get(k);
            String id = k + ": " + l.getLabel();
            v.put("LabelEvaluation.precision(" + id + ")", e.precision(l));
            v.put("LabelEvaluation.recall(" + id + ")", e.recall(l));
            v.put("LabelEvaluation.f1(" + id + ")", e.f1(l));
        }
        v.put("LabelEvaluation.macroAveragedPrecision()", e.macroAveragedPrecision());
        v.put("LabelEvaluation.macroAveragedRecall()", e.macroAveragedRecall());
        v.put("LabelEvaluation.macroAveragedF1()", e.macroAveragedF1());
        v.put("LabelEvaluation.microAveragedF1()", e.microAveragedF1());
        if (model.generatesProbabilities()) {
            for (int k = 0; k < c; k++) {
                v.put("LabelEvaluation.AUCROC(" + k + ": " + labels.get(k).getLabel() + ")",
                        e.AUCROC(labels.get(k)));
            }
            v.put("LabelEvaluation.averageAUCROC(false)", e.averageAUCROC(false));
        }
        return result(v, yTrue, yPred);
    }

    /** A regression model on a data set: Tribuo's {@code RegressionEvaluator} and the Keras counterparts. */
    public static Result compareRegression(Model<Regressor> model, Dataset<Regressor> data) {
        List<Prediction<Regressor>> predictions = model.predict(data);
        RegressionEvaluation e = new RegressionEvaluator().evaluate(model, predictions, data.getProvenance());
        List<Regressor> dims = byId(model.getOutputIDInfo());
        int c = dims.size();
        double[][] yTrue = new double[predictions.size()][c];
        double[][] yPred = new double[predictions.size()][c];
        for (int i = 0; i < predictions.size(); i++) {
            Prediction<Regressor> p = predictions.get(i);
            Example<Regressor> x = p.getExample();
            for (int k = 0; k < c; k++) {
                String name = dims.get(k).getNames()[0];
                yTrue[i][k] = x.getOutput().getDimension(name).orElseThrow().getValue();
                yPred[i][k] = p.getOutput().getDimension(name).orElseThrow().getValue();
            }
        }
        Map<String, Double> v = new LinkedHashMap<>();
        for (int k = 0; k < c; k++) {
            String id = k + ": " + dims.get(k).getNames()[0];
            v.put("RegressionEvaluation.mae(" + id + ")", e.mae(dims.get(k)));
            v.put("RegressionEvaluation.rmse(" + id + ")", e.rmse(dims.get(k)));
            v.put("RegressionEvaluation.r2(" + id + ")", e.r2(dims.get(k)));
        }
        v.put("RegressionEvaluation.averageMAE()", e.averageMAE());
        v.put("RegressionEvaluation.averageRMSE()", e.averageRMSE());
        v.put("RegressionEvaluation.averageR2()", e.averageR2());
        return result(v, yTrue, yPred);
    }

    /** Keras's batches of 32 (its evaluate() default), so {@code parity compare} gives the same values. */
    private static final int BATCH = 32;

    private static Result result(Map<String, Double> values, double[][] yTrue, double[][] yPred) {
        int c = yTrue.length == 0 ? 0 : yTrue[0].length;
        if (c == 0) {
            throw new IllegalArgumentException("no prediction to compare");
        }
        List<MetricPair> pairs = TribuoPairs.pairs(values.keySet(), c);
        CounterpartValues keras = new CounterpartValues(pairs, MetricRegistry.load("reference"));
        for (int from = 0; from < yTrue.length; from += BATCH) {
            int n = Math.min(BATCH, yTrue.length - from);
            keras.update(flat(yTrue, from, n, c), flat(yPred, from, n, c));
        }
        List<ComparisonRow> rows = MetricPair.rows(FRAMEWORK, MetricPair.userData(yTrue.length, c), pairs, values,
                keras.values());
        return new Result(rows, values, yTrue, yPred);
    }

    private static Tensor flat(double[][] rows, int from, int n, int c) {
        double[] out = new double[n * c];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[from + i], 0, out, i * c, c);
        }
        return Tensor.of(out, n, c);
    }

    private static <T extends org.tribuo.Output<T>> List<T> byId(ImmutableOutputInfo<T> info) {
        List<T> out = new ArrayList<>();
        for (int k = 0; k < info.size(); k++) {
            out.add(info.getOutput(k));
        }
        return out;
    }
}
