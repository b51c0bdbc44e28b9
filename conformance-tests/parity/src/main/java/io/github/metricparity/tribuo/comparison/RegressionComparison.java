package io.github.metricparity.tribuo.comparison;

import io.github.metricparity.tribuo.parity.TribuoRules;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRows;
import io.github.metricparity.comparison.ComparisonRule;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.tribuo.KerasTribuoEvaluation;
import io.github.metricparity.tribuo.KerasRegressionEvaluator;
import io.github.metricparity.tribuo.TribuoMetricProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.evaluation.EvaluationAggregator;
import org.tribuo.evaluation.OnlineEvaluator;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Tribuo's {@link RegressionEvaluation} against Keras on a two-output linear model (outputs on very different
 * scales): MAE, RMSE and TribuoRules.R2 per dimension and averaged, TribuoRules.R2 of a constant target, example
 * weights, and the test stream
 * evaluated day by day (sharded evaluation).
 */
final class RegressionComparison {
    private static final ComparisonRule R2_VARIANCE = ComparisonRule.differs("averaging",
            "R2Score(class_aggregation=variance_weighted_average) weighs each output's R2 by its total sum of "
                    + "squares, so the larger-scale output dominates; Tribuo's averageR2 weighs the outputs equally, "
                    + "as R2Score's default uniform_average does.");
    private static final ComparisonRule CONSTANT = ComparisonRule.differs("R2 of constant target",
            "A constant target has SStot = 0: Tribuo returns 1 - SSres/0 = -Infinity (NaN if the predictions are "
                    + "exact too), which also makes averageR2 -Infinity; Keras R2Score replaces an infinite score by "
                    + "0 before averaging.");
    private static final ComparisonRule WEIGHTS = ComparisonRule.differs("example weights",
            "new RegressionEvaluator() ignores example weights (new RegressionEvaluator(true) uses them); "
                    + "KerasRegressionEvaluator passes them as sample_weight.");
    private static final ComparisonRule WEIGHTS_ON = ComparisonRule.same(
            "new RegressionEvaluator(true) weighs the errors, the target mean and the sums of squares by the "
                    + "example weights, as Keras sample_weight does.");
    private static final ComparisonRule MERGE_R2 = ComparisonRule.differs("merge",
            "R2 is not a mean of per-shard R2s: each day's SStot is taken around that day's own target mean, and "
                    + "with x drifting across days each day's target varies less than the whole stream's, so "
                    + "per-day R2s are lower; "
                    + "EvaluationAggregator.summarize averages them, while KerasTribuoEvaluation.merge adds R2Score's "
                    + "sums "
                    + "(Σw·y, Σw·y², Σw·(y-ŷ)², Σw), which reproduces one pass. Tribuo's "
                    + "RegressionSufficientStatistics has no merge either.");
    private static final ComparisonRule MERGE_MAE = ComparisonRule.differs("merge",
            "EvaluationAggregator.summarize(dayEvaluations, metric).getMean() averages the per-day MAEs "
                    + "unweighted, so a day of 30 predictions counts as much as one of 70; KerasTribuoEvaluation.merge "
                    + "adds "
                    + "MeanAbsoluteError's total and count, which equals one pass.");
    private static final ComparisonRule ONLINE = ComparisonRule.same(
            "OnlineEvaluator observes each day's predictions and evaluate() recomputes the statistics over all of "
                    + "them, which equals the merged Keras states.");

    private final Model<Regressor> model;
    private final List<Regressor> dims;
    private final List<MutableDataset<Regressor>> days;
    private final List<List<Prediction<Regressor>>> dayPredictions = new ArrayList<>();
    private final List<Prediction<Regressor>> predictions = new ArrayList<>();
    private final DataProvenance stream;

    private RegressionComparison() {
        this.model = linearModel();
        this.dims = byId(model.getOutputIDInfo());
        this.days = ExampleData.processTestDays();
        for (MutableDataset<Regressor> day : days) {
            List<Prediction<Regressor>> p = model.predict(day);
            dayPredictions.add(p);
            predictions.addAll(p);
        }
        this.stream = new SimpleDataSourceProvenance("two-output process, test stream: days 1 to " + days.size()
                + " (" + predictions.size() + " examples)", new RegressionFactory());
    }

    /** The compared model: a linear model per output (LinearSGD, squared loss, AdaGrad). */
    static Model<Regressor> linearModel() {
        return new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.1), 10, Integer.MAX_VALUE, 1, 1L)
                .train(ExampleData.processTrain());
    }

    /** Trains the model and adds every regression row to {@code out}. */
    static void addRows(List<ComparisonRow> out) {
        RegressionComparison c = new RegressionComparison();
        c.onePass(out);
        c.constantTarget(out);
        c.weighted(out);
        c.sharded(out);
    }

    private void onePass(List<ComparisonRow> out) {
        List<KerasMetric> metrics = List.of(
                KerasMetric.of("mae", "MeanAbsoluteError"),
                KerasMetric.of("rmse", "RootMeanSquaredError"),
                KerasMetric.of("r2_none", "R2Score", "class_aggregation", null),
                KerasMetric.of("r2", "R2Score", "class_aggregation", "uniform_average"),
                KerasMetric.of("r2_variance", "R2Score", "class_aggregation", "variance_weighted_average"));
        RegressionEvaluation tribuo = new RegressionEvaluator().evaluate(model, predictions, stream);
        Metrics m = new Metrics(metrics, new KerasRegressionEvaluator(KerasMetric.specs(metrics))
                .evaluate(model, predictions, stream));

        ComparisonRows rows = new ComparisonRows(TribuoComparison.FRAMEWORK, String.format(Locale.ROOT,
                "Two-output linear regression (Tribuo LinearSGD, squared "
                + "loss): load (scale 5) and rate (scale 0.1), %d test predictions; dimension ids %s",
                predictions.size(), ids()), out);
        MetricRegistry keras = MetricRegistry.of(new TribuoMetricProvider());
        for (int k = 0; k < dims.size(); k++) {
            // one column at a time, fed directly: the evaluator always passes every output
            Tensor yTrue = column(predictions, k, true);
            Tensor yPred = column(predictions, k, false);
            Metric mae = keras.create("MeanAbsoluteError", Map.of());
            Metric rmse = keras.create("RootMeanSquaredError", Map.of());
            mae.update(yTrue, yPred);
            rmse.update(yTrue, yPred);
            String onColumn = " on column " + k + " (" + name(k) + ")";
            rows.add("RegressionEvaluation.mae(" + name(k) + ")", tribuo.mae(dims.get(k)),
                    m.display("mae") + onColumn, mae.resultValue(), TribuoRules.ONE_COLUMN);
            rows.add("RegressionEvaluation.rmse(" + name(k) + ")", tribuo.rmse(dims.get(k)),
                    m.display("rmse") + onColumn, rmse.resultValue(), TribuoRules.ONE_COLUMN);
        }
        rows.add("RegressionEvaluation.averageMAE()", tribuo.averageMAE(), m.display("mae"), m.value("mae"),
                TribuoRules.POOLED_MAE);
        rows.add("RegressionEvaluation.averageRMSE()", tribuo.averageRMSE(), m.display("rmse"), m.value("rmse"),
                TribuoRules.POOLED_RMSE);
        for (int k = 0; k < dims.size(); k++) {
            rows.add("RegressionEvaluation.r2(" + name(k) + ")", tribuo.r2(dims.get(k)),
                    m.display("r2_none") + "[" + k + "]", m.element("r2_none", k), TribuoRules.R2);
        }
        rows.add("RegressionEvaluation.averageR2()", tribuo.averageR2(), m.display("r2"), m.value("r2"),
                TribuoRules.R2_UNIFORM);
        rows.add("RegressionEvaluation.averageR2()", tribuo.averageR2(), m.display("r2_variance"),
                m.value("r2_variance"), R2_VARIANCE);
    }

    private void constantTarget(List<ComparisonRow> out) {
        MutableDataset<Regressor> stuck = ExampleData.processStuckRate();
        List<Prediction<Regressor>> p = model.predict(stuck);
        List<KerasMetric> metrics = List.of(
                KerasMetric.of("r2_none", "R2Score", "class_aggregation", null),
                KerasMetric.of("r2", "R2Score", "class_aggregation", "uniform_average"));
        RegressionEvaluation tribuo = new RegressionEvaluator().evaluate(model, p, stuck.getProvenance());
        Metrics m = new Metrics(metrics, new KerasRegressionEvaluator(KerasMetric.specs(metrics))
                .evaluate(model, p, stuck.getProvenance()));
        int rate = dimension(ExampleData.RATE);

        ComparisonRows rows = new ComparisonRows(TribuoComparison.FRAMEWORK, String.format(Locale.ROOT,
                "Same regression model, a test batch of %d with the rate "
                + "sensor stuck at %s (constant target)", p.size(), ExampleData.STUCK_RATE), out);
        rows.add("RegressionEvaluation.r2(" + ExampleData.RATE + ")", tribuo.r2(dims.get(rate)),
                m.display("r2_none") + "[" + rate + "]", m.element("r2_none", rate), CONSTANT);
        rows.add("RegressionEvaluation.averageR2()", tribuo.averageR2(), m.display("r2"), m.value("r2"), CONSTANT);
    }

    private void weighted(List<ComparisonRow> out) {
        // recency: day k weighs k
        List<Example<Regressor>> examples = new ArrayList<>();
        for (int d = 0; d < days.size(); d++) {
            for (Example<Regressor> e : days.get(d)) {
                Example<Regressor> copy = e.copy();
                copy.setWeight(d + 1);
                examples.add(copy);
            }
        }
        List<Prediction<Regressor>> p = model.predict(examples);
        List<KerasMetric> metrics = List.of(
                KerasMetric.of("mae", "MeanAbsoluteError"),
                KerasMetric.of("r2", "R2Score", "class_aggregation", "uniform_average"));
        RegressionEvaluation unweighted = new RegressionEvaluator().evaluate(model, p, stream);
        RegressionEvaluation weighted = new RegressionEvaluator(true).evaluate(model, p, stream);
        Metrics m = new Metrics(metrics, new KerasRegressionEvaluator(KerasMetric.specs(metrics))
                .evaluate(model, p, stream));

        ComparisonRows rows = new ComparisonRows(TribuoComparison.FRAMEWORK,
                "Same regression model and test examples, weighted by recency (day k of 4 weighs k)",
                out);
        rows.add("new RegressionEvaluator().evaluate(...).averageMAE()", unweighted.averageMAE(),
                m.display("mae") + " with sample_weight", m.value("mae"), WEIGHTS);
        rows.add("new RegressionEvaluator(true).evaluate(...).averageMAE()", weighted.averageMAE(),
                m.display("mae") + " with sample_weight", m.value("mae"), WEIGHTS_ON);
        rows.add("new RegressionEvaluator(true).evaluate(...).averageR2()", weighted.averageR2(),
                m.display("r2") + " with sample_weight", m.value("r2"), WEIGHTS_ON);
    }

    private void sharded(List<ComparisonRow> out) {
        List<KerasMetric> metrics = List.of(
                KerasMetric.of("mae", "MeanAbsoluteError"),
                KerasMetric.of("r2", "R2Score", "class_aggregation", "uniform_average"));
        KerasRegressionEvaluator kerasEvaluator = new KerasRegressionEvaluator(KerasMetric.specs(metrics));
        RegressionEvaluator tribuoEvaluator = new RegressionEvaluator();
        List<RegressionEvaluation> tribuoDays = new ArrayList<>();
        OnlineEvaluator<Regressor, RegressionEvaluation> online = new OnlineEvaluator<>(tribuoEvaluator, model,
                stream);
        KerasTribuoEvaluation<Regressor> merged = null;
        for (int d = 0; d < days.size(); d++) {
            DataProvenance provenance = days.get(d).getProvenance();
            tribuoDays.add(tribuoEvaluator.evaluate(model, dayPredictions.get(d), provenance));
            KerasTribuoEvaluation<Regressor> day = kerasEvaluator.evaluate(model, dayPredictions.get(d), provenance);
            merged = merged == null ? day : merged.merge(day);
            online.observe(dayPredictions.get(d));
        }
        Metrics m = new Metrics(metrics, merged);
        RegressionEvaluation onePass = online.evaluate();
        String mergedSuffix = ", " + days.size() + " day evaluations merged (KerasTribuoEvaluation.merge)";
        String onePassIs = " One pass over all " + predictions.size() + " predictions: Tribuo ";

        StringJoiner sizes = new StringJoiner("/");
        dayPredictions.forEach(p -> sizes.add(Integer.toString(p.size())));
        ComparisonRows rows = new ComparisonRows(TribuoComparison.FRAMEWORK, String.format(Locale.ROOT,
                "Sharded evaluation: the %d regression test predictions as "
                + "%d daily shards (%s), x drifting from [-2, -1] on day 1 to [1, 2] on day 4", predictions.size(),
                days.size(), sizes), out);
        String meanOf = "mean of " + days.size() + " day RegressionEvaluations (EvaluationAggregator.summarize): ";
        double meanR2 = EvaluationAggregator.summarize(tribuoDays, RegressionEvaluation::averageR2).getMean();
        double meanMae = EvaluationAggregator.summarize(tribuoDays, RegressionEvaluation::averageMAE).getMean();
        rows.add(meanOf + "averageR2()", meanR2, m.display("r2") + mergedSuffix, m.value("r2"),
                MERGE_R2.withMore(onePassIs + ComparisonRows.fmt(onePass.averageR2()) + "."));
        rows.add(meanOf + "averageMAE()", meanMae, m.display("mae") + mergedSuffix, m.value("mae"),
                MERGE_MAE.withMore(onePassIs + ComparisonRows.fmt(onePass.averageMAE()) + "."));
        String onlineName = "OnlineEvaluator(RegressionEvaluator) fed the " + days.size() + " days: ";
        rows.add(onlineName + "averageR2()", onePass.averageR2(), m.display("r2") + mergedSuffix, m.value("r2"),
                ONLINE);
        rows.add(onlineName + "averageMAE()", onePass.averageMAE(), m.display("mae") + mergedSuffix,
                m.value("mae"), ONLINE);
    }


    /** Output dimension {@code k} of the ground truths or the predictions, as a {@code (N, 1)} tensor. */
    private Tensor column(List<Prediction<Regressor>> preds, int k, boolean truth) {
        double[] v = new double[preds.size()];
        for (int i = 0; i < v.length; i++) {
            Regressor r = truth ? preds.get(i).getExample().getOutput() : preds.get(i).getOutput();
            v[i] = r.getDimension(name(k)).orElseThrow().getValue();
        }
        return Tensor.of(v, v.length, 1);
    }

    private int dimension(String name) {
        for (int k = 0; k < dims.size(); k++) {
            if (name(k).equals(name)) {
                return k;
            }
        }
        throw new IllegalStateException("the model has no output dimension " + name);
    }

    private String name(int k) {
        return dims.get(k).getNames()[0];
    }

    private String ids() {
        StringJoiner j = new StringJoiner(" ");
        for (int k = 0; k < dims.size(); k++) {
            j.add(name(k) + "=" + k);
        }
        return j.toString();
    }

    private static List<Regressor> byId(ImmutableOutputInfo<Regressor> info) {
        List<Regressor> out = new ArrayList<>();
        for (int k = 0; k < info.size(); k++) {
            out.add(info.getOutput(k));
        }
        return out;
    }
}
