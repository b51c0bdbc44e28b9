package io.github.metricparity.keras.regression;

import io.github.metricparity.keras.internal.AbstractMetric;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.StateVariable;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Keras {@code R2Score} ({@code metrics/regression_metrics.py}), the coefficient of determination per output column,
 * optionally aggregated and adjusted for the number of regressors.
 *
 * <ul>
 *   <li>State: {@code num_samples} (scalar, created with the metric), then {@code squared_sum}, {@code sum},
 *       {@code residual}, {@code count} of shape {@code (num_outputs,)}, created by the first update from
 *       {@code y_pred}'s last axis. {@code result()} before that first update raises, as in Keras;
 *       {@code reset()} zeroes the variables but keeps their shape, so a result after a reset is NaN (0/0).</li>
 *   <li>Inputs are reconciled with {@code squeeze_or_expand_to_same_rank} ({@code (N,)} against {@code (N,1)} is
 *       accepted) and must then be rank 2. A rank-1 weight is expanded to {@code (N,1)}; the weight is broadcast to
 *       {@code y_true}'s shape. Per column: {@code sum += Σ w·y}, {@code squared_sum += Σ w·y²},
 *       {@code residual += Σ w·(y - p)²}, {@code count += Σ w}; {@code num_samples} counts the rows with any
 *       non-zero weight.</li>
 *   <li>Per column {@code r2 = 1 - residual / (squared_sum - sum²/count)}; an infinite score (constant targets with
 *       a non-zero residual) becomes 0, while 0/0 stays NaN. {@code class_aggregation}: None gives the vector,
 *       {@code "uniform_average"} its mean, {@code "variance_weighted_average"} {@code Σ(SStot·r2)/ΣSStot}.</li>
 *   <li>{@code num_regressors = p > 0}: adjusted {@code 1 - (1 - r2)(n - 1)/(n - p - 1)} with {@code n} =
 *       {@code num_samples}; when {@code p >= n - 1} Keras warns and returns the plain score (the warning is issued
 *       here once per instance through {@link Diagnostics}; in strict mode {@code result()} throws instead).</li>
 * </ul>
 * Keras computes all of this in float32 and the result is sensitive to it (the {@code squared_sum - sum²/count}
 * cancellation decides whether constant targets give exactly 0, hence the inf-to-0 rule, or a huge score): each
 * batch's sums and every step of the result are rounded to the metric dtype; the state itself accumulates in double.
 * Keras checks the rank only on the first update (later batches of another rank broadcast silently into the
 * state); here every batch must be rank 2 with 1 or {@code num_outputs} columns.
 */
final class R2Score extends AbstractMetric {
    private static final String UNIFORM = "uniform_average";
    private static final String VARIANCE_WEIGHTED = "variance_weighted_average";

    private final String classAggregation;
    private final int numRegressors;
    private final StateVariable numSamples;
    private final StateVariable squaredSum;
    private final StateVariable sum;
    private final StateVariable residual;
    private final StateVariable count;
    private boolean warned;

    R2Score(MetricConfig config) {
        super(config);
        this.classAggregation = config.getString("class_aggregation");
        this.numRegressors = config.getInt("num_regressors");
        this.numSamples = addVariable("num_samples");
        this.squaredSum = addLazyVariable("squared_sum");
        this.sum = addLazyVariable("sum");
        this.residual = addLazyVariable("residual");
        this.count = addLazyVariable("count");
    }

    @Override
    protected void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        DType dt = dtype();
        Tensor[] tp = RegressionMetrics.sameRank(yTrue, yPred);
        Tensor t = tp[0];
        Tensor p = tp[1];
        if (t.rank() != 2 || p.rank() != 2) {
            throw new InvalidInputException("expects 2D inputs with shape (batch_size, output_dim), got "
                    + "y_true of shape " + yTrue.shapeString() + " and y_pred of shape " + yPred.shapeString()
                    + " (after squeeze_or_expand_to_same_rank: " + t.shapeString() + " and " + p.shapeString() + ")");
        }
        int[] full = KerasShapes.broadcastShape(t.shape(), p.shape());
        if (full == null) {
            throw new InvalidInputException("y_true of shape " + t.shapeString() + " and y_pred of shape "
                    + p.shapeString() + " do not broadcast");
        }
        Tensor w = weight(sampleWeight, t);
        if (sum.isBuilt()) {
            requireConsistentState(); // a restored state is checked before its shape is read
        }
        int outputs = sum.isBuilt() ? sum.shape()[0] : p.dim(1);
        requireColumns("y_true", t.dim(1), outputs, t, p);
        requireColumns("y_pred", full[1], outputs, t, p);
        if (!sum.isBuilt()) {
            for (StateVariable v : List.of(squaredSum, sum, residual, count)) {
                v.build(outputs);
            }
        }
        requireConsistentState();

        int rows = t.dim(0);
        int cols = t.dim(1);
        double[] s = new double[cols];
        double[] sq = new double[cols];
        double[] c = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                int i = r * cols + j;
                double y = dt.round(t.get(i));
                double wi = w.get(i);
                double wy = dt.round(y * wi);
                s[j] = dt.round(s[j] + wy);
                sq[j] = dt.round(sq[j] + dt.round(y * wy));
                c[j] = dt.round(c[j] + wi);
            }
        }
        Tensor tb = KerasShapes.broadcastTo(t, full, "y_true");
        Tensor pb = KerasShapes.broadcastTo(p, full, "y_pred");
        Tensor wb = KerasShapes.broadcastTo(w, full, "sample_weight");
        double[] res = new double[full[1]];
        for (int r = 0; r < full[0]; r++) {
            for (int j = 0; j < full[1]; j++) {
                int i = r * full[1] + j;
                double d = dt.round(dt.round(tb.get(i)) - dt.round(pb.get(i)));
                res[j] = dt.round(res[j] + dt.round(dt.round(d * d) * wb.get(i)));
            }
        }
        // a sample counts when any of its outputs has a non-zero weight (Keras 3.16)
        double nonZeroRows = 0;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                if (w.get(r * cols + j) != 0.0) {
                    nonZeroRows++;
                    break;
                }
            }
        }
        add(sum, s);
        add(squaredSum, sq);
        add(residual, res);
        add(count, c);
        // keras-team/keras#23334 (3.16) counts rows with a non-zero weight; before, every element of y_true
        numSamples.add(parsedConfig().kerasVersion().atLeast(3, 16) ? nonZeroRows : t.size());
    }

    /** The weight in the dtype, {@code (N,)} expanded to {@code (N,1)}, broadcast to {@code y_true}'s shape. */
    private Tensor weight(Tensor sampleWeight, Tensor t) {
        if (sampleWeight == null) {
            return KerasShapes.broadcastTo(Tensor.scalar(1.0), t.shape(), "sample_weight");
        }
        Tensor w = KerasShapes.rounded(sampleWeight, dtype());
        if (w.rank() == 1) {
            w = KerasShapes.expandLast(w);
        }
        try {
            return KerasShapes.broadcastTo(w, t.shape(), "sample_weight");
        } catch (InvalidInputException e) {
            throw new InvalidInputException("sample_weight of shape " + sampleWeight.shapeString()
                    + (sampleWeight.rank() == 1 ? " (as " + w.shapeString() + ")" : "")
                    + " cannot be broadcast to y_true's shape " + t.shapeString());
        }
    }

    private static void requireColumns(String what, int columns, int outputs, Tensor t, Tensor p) {
        if (columns != outputs && columns != 1) {
            throw new InvalidInputException(what + " gives " + columns + " output columns (y_true "
                    + t.shapeString() + ", y_pred " + p.shapeString() + "), but the state has " + outputs
                    + " outputs (set by the first update's y_pred)");
        }
    }

    /** {@code variable.assign(variable + batch_sum)}: a one-column sum broadcasts to every output. */
    private static void add(StateVariable v, double[] batch) {
        double[] data = v.data();
        for (int i = 0; i < data.length; i++) {
            data[i] += batch[batch.length == 1 ? 0 : i];
        }
    }

    /** A restored or merged state must hold the four per-output variables with one shape {@code (C,)}. */
    private void requireConsistentState() {
        int[] shape = sum.shape();
        boolean ok = shape.length == 1;
        for (StateVariable v : List.of(squaredSum, residual, count)) {
            ok &= v.isBuilt() && Arrays.equals(shape, v.shape());
        }
        if (!ok) {
            throw new MetricException(label() + ": inconsistent state: squared_sum, sum, residual and count must all "
                    + "have one shape (num_outputs,)");
        }
    }

    @Override
    protected Tensor computeResult() {
        if (!sum.isBuilt()) {
            if (squaredSum.isBuilt() || residual.isBuilt() || count.isBuilt()) {
                requireConsistentState();
            }
            throw new MetricException(label() + ": result() called before the first update_state(); the state "
                    + "variables are created from the first batch's shape (Keras raises here too)");
        }
        requireConsistentState();
        DType dt = dtype();
        double[] s = sum.data();
        double[] sq = squaredSum.data();
        double[] res = residual.data();
        double[] c = count.data();
        int outputs = s.length;
        double[] raw = new double[outputs];
        double[] total = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            double sj = dt.round(s[j]);
            double mean = dt.round(sj / dt.round(c[j]));
            total[j] = dt.round(dt.round(sq[j]) - dt.round(sj * mean));
            double r2 = dt.round(1.0 - dt.round(dt.round(res[j]) / total[j]));
            raw[j] = Double.isInfinite(r2) ? 0.0 : r2;
        }
        double[] score;
        if (UNIFORM.equals(classAggregation)) {
            double acc = 0;
            for (double r : raw) {
                acc = dt.round(acc + r);
            }
            score = new double[] {dt.round(acc / outputs)};
        } else if (VARIANCE_WEIGHTED.equals(classAggregation)) {
            double weighted = 0;
            double weights = 0;
            for (int j = 0; j < outputs; j++) {
                weighted = dt.round(weighted + dt.round(total[j] * raw[j]));
                weights = dt.round(weights + total[j]);
            }
            score = new double[] {dt.round(weighted / weights)};
        } else {
            score = raw;
        }
        if (numRegressors != 0) {
            score = adjust(score);
        }
        return classAggregation == null ? Tensor.vector(score) : Tensor.scalar(score[0]);
    }

    /** Adjusted R2, or the plain score with Keras's warning when {@code p >= n - 1}. */
    private double[] adjust(double[] score) {
        DType dt = dtype();
        double n = dt.round(numSamples.get());
        double nMinus1 = dt.round(n - 1.0);
        if (numRegressors >= nMinus1) {
            warnOnce(numRegressors > nMinus1
                    ? "More independent predictors than datapoints in adjusted R2 score"
                    : "Division by zero in Adjusted R2 score", n);
            return score;
        }
        // the Keras code converts n and p to float32 explicitly
        double nf = DType.FLOAT32.round(n);
        double pf = DType.FLOAT32.round(numRegressors);
        double den = dt.round(dt.round(nf - pf) - 1.0);
        double[] out = new double[score.length];
        for (int j = 0; j < out.length; j++) {
            double num = dt.round(dt.round(1.0 - score[j]) * dt.round(nf - 1.0));
            out[j] = dt.round(1.0 - dt.round(num / den));
        }
        return out;
    }

    private void warnOnce(String problem, double n) {
        if (warned) {
            return;
        }
        String name = name().equals(parsedConfig().definition().defaultName()) ? null : name();
        Diagnostics.warn(new Diagnostic(className(), name, "num_regressors",
                "= " + numRegressors + " with " + (long) n + " samples: " + problem
                        + "; falling back to the standard R2 score (as Keras does)",
                "use num_regressors < num_samples - 1, or 0 for the plain R2 score"));
        warned = true;
    }
}
