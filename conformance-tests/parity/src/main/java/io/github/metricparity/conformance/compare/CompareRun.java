package io.github.metricparity.conformance.compare;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.modelimport.CompileEntry;
import io.github.metricparity.dl4j.modelimport.CompilePlan;
import io.github.metricparity.dl4j.modelimport.CompilePlan.PlannedLoss;
import io.github.metricparity.dl4j.modelimport.CompilePlan.PlannedMetric;
import io.github.metricparity.dl4j.parity.Dl4jPairs;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRule;
import io.github.metricparity.spi.CompileRules;
import io.github.metricparity.comparison.CounterpartValues;
import io.github.metricparity.comparison.FrameworkValues;
import io.github.metricparity.comparison.KerasCounterpart;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.comparison.MetricPair;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.comparison.RecordedRow;
import io.github.metricparity.tribuo.parity.TribuoPairs;
import io.github.metricparity.tribuo.parity.TribuoParity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * One {@code parity compare} run: streams the examples once, batch by batch as Keras's {@code evaluate()} does
 * (32 by default), through every compiled Keras metric of every output (weighted metrics get the sample weights,
 * plain metrics do not, as in Keras 3's {@code CompileMetrics}), the losses, and the Keras counterparts of the
 * framework's metrics, under the keys of {@code evaluate(return_dict=True)} (the {@link CompilePlan}'s); then
 * sets each JVM value against Keras's recorded value and each framework value against its counterpart.
 */
public final class CompareRun {
    private final MetricRegistry registry = MetricRegistry.load("reference");
    private final CompileMetrics compile;
    private final RecordedValues recorded;
    private final String recordedPrefix;
    private final FrameworkValues frameworkValues;
    private final int batchSize;
    private final double tolerance;

    /**
     * @param compile         the compiled metrics and loss
     * @param recorded        Keras's recorded values, or null
     * @param recordedPrefix  the prefix of the recorded keys ({@code val_} for a history's validation values)
     * @param frameworkValues the framework's values, or null
     * @param batchSize       rows per batch
     * @param tolerance       absolute and relative tolerance against recorded values
     */
    CompareRun(CompileMetrics compile, RecordedValues recorded, String recordedPrefix,
            FrameworkValues frameworkValues, int batchSize, double tolerance) {
        this.compile = compile;
        this.recorded = recorded;
        this.recordedPrefix = recordedPrefix;
        this.frameworkValues = frameworkValues;
        this.batchSize = batchSize;
        this.tolerance = tolerance;
    }

    /**
     * One compiled Keras metric of one output and its shadow: the same metric with the other weighting, to name a
     * cause.
     */
    private record Compiled(String name, String display, int output, Metric metric, Metric shadow,
            boolean weighted) {
    }

    /** One compile loss of one output: the metric whose mean is the loss, its loss weight and its key (or null). */
    private record Loss(String key, int output, Metric metric, double weight) {
    }

    /**
     * Runs over {@code sources}, one per output of the plan in its order (the same examples, row for row);
     * {@code progress} is told the bytes read after each batch.
     */
    CompareResult run(List<ExampleSource> sources, LongConsumer progress) {
        CompilePlan plan = compile.plan();
        int outputs = plan.outputNames().size();
        if (sources.size() != outputs) {
            throw new IllegalArgumentException(sources.size() + " sources for " + outputs + " outputs");
        }
        ExampleSource first = sources.get(0);
        boolean weighted = first.weighted();
        for (ExampleSource s : sources) {
            if (s.weighted() != weighted) {
                throw new CompareException(first.files() + ": a sample_weight for some outputs only: give one "
                        + "sample_weight per example for all outputs, as Keras's evaluate() takes it");
            }
        }
        List<Batch> batches = new ArrayList<>();
        List<int[]> yTrueShapes = new ArrayList<>();
        List<int[]> yPredShapes = new ArrayList<>();
        for (ExampleSource s : sources) {
            batches.add(new Batch(batchSize, s.yTrueRow(), s.yPredRow(), weighted));
            yTrueShapes.add(Shapes.batch(batchSize, s.yTrueRow()));
            yPredShapes.add(Shapes.batch(batchSize, s.yPredRow()));
        }
        CompileRules rules = compile.rules();
        String[] lossIds = new String[outputs];
        for (PlannedLoss l : plan.losses()) {
            lossIds[l.output()] = l.loss().isIdentifier() ? l.loss().identifier() : null;
        }
        List<Compiled> metrics = new ArrayList<>();
        for (PlannedMetric m : plan.metrics()) {
            int o = m.output();
            Metric metric = create(m.entry(), yTrueShapes.get(o), yPredShapes.get(o), lossIds[o], rules);
            Metric shadow = weighted ? create(m.entry(), yTrueShapes.get(o), yPredShapes.get(o), lossIds[o], rules)
                    : null;
            metrics.add(new Compiled(m.key(), display(metric), o, metric, shadow, m.weighted()));
        }
        List<Loss> losses = new ArrayList<>();
        for (PlannedLoss l : plan.losses()) {
            losses.add(new Loss(l.key(), l.output(), lossMetric(l.loss()), l.weight() == null ? 1 : l.weight()));
        }

        int columns = first.yPredRow().length == 0 ? 1 : first.yPredRow()[first.yPredRow().length - 1];
        List<MetricPair> pairs = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        if (frameworkValues != null) {
            if (outputs > 1) {
                throw new CompareException("--framework-values: the model has " + outputs + " outputs "
                        + plan.outputNames() + "; a framework's evaluation values are compared for a one-output "
                        + "model");
            }
            for (String name : frameworkValues.values().keySet()) {
                var pair = pair(frameworkValues.framework(), name, columns);
                if (pair.isPresent()) {
                    pairs.add(pair.get());
                } else {
                    notCompared.add(frameworkValues.framework() + " " + name + ": not in the "
                            + frameworkValues.framework() + " parity catalog for predictions of " + columns
                            + " column(s)");
                }
            }
        }
        CounterpartValues counterparts = new CounterpartValues(pairs, registry);

        long examples = 0;
        double weightSum = 0;
        long firstRow = 1;
        while (true) {
            int rows = read(sources, batches, firstRow);
            if (rows == 0) {
                break;
            }
            Batch b0 = batches.get(0);
            try {
                var w = b0.weightTensor();
                for (Compiled c : metrics) {
                    Batch b = batches.get(c.output());
                    c.metric().update(b.yTrueTensor(), b.yPredTensor(), c.weighted() ? w : null);
                    if (c.shadow() != null) {
                        c.shadow().update(b.yTrueTensor(), b.yPredTensor(), c.weighted() ? null : w);
                    }
                }
                for (Loss l : losses) {
                    Batch b = batches.get(l.output());
                    int[][] lossRows = Shapes.sameRankForLoss(b.yTrueRow, b.yPredRow);
                    l.metric().update(b.yTrueTensor(lossRows[0]), b.yPredTensor(lossRows[1]), w);
                }
                if (!pairs.isEmpty()) {
                    counterparts.update(b0.yTrueTensor(), b0.yPredTensor());
                }
            } catch (MetricException e) {
                throw new CompareException(first.files() + " rows " + firstRow + " to " + (firstRow + rows - 1)
                        + ": " + e.getMessage(), e);
            }
            if (b0.weights != null) {
                for (int i = 0; i < rows; i++) {
                    weightSum += b0.weights[i];
                }
            }
            examples += rows;
            firstRow += rows;
            long read = 0;
            for (ExampleSource s : sources) {
                read += s.bytesRead();
            }
            progress.accept(read);
        }
        if (examples == 0) {
            throw new CompareException(first.files() + ": no example");
        }

        List<KerasRow> rows = new ArrayList<>();
        Set<String> used = new HashSet<>();
        if (!losses.isEmpty()) {
            // Keras 3's loss is sum_over_batch_size: sum(w * l) / batch size, averaged over batches weighted by their
            // sizes (keras/src/backend/*/trainer.py: _loss_tracker.update_state(loss, sample_weight=batch size)),
            // i.e. sum(w * l) / N; the weighted mean the metric holds is sum(w * l) / sum(w). With several losses,
            // loss is their sum times the loss weights, plus the weight regularizers' penalty
            // (keras/src/trainers/compile_utils.py CompileLoss.call, keras/src/trainers/trainer.py compute_loss)
            double scale = weighted ? weightSum / examples : 1;
            double total = compile.lossPenalty() == null ? 0 : compile.lossPenalty();
            List<KerasRow> perOutput = new ArrayList<>();
            for (Loss l : losses) {
                double value = l.metric().resultValue() * scale;
                total += l.weight() * value;
                if (l.key() != null) {
                    perOutput.add(kerasRow(l.key(), display(l.metric()), value, null, used));
                }
            }
            String display = losses.size() == 1 ? display(losses.get(0).metric()) : "sum of the output losses "
                    + "times their loss_weights";
            rows.add(kerasRow("loss", display, total, null, used));
            rows.addAll(perOutput);
            if (compile.lossPenalty() == null) {
                notCompared.add("loss: computed without the model's regularization penalty, which is not "
                        + "reproduced: " + compile.lossNote());
            }
        }
        for (Compiled c : metrics) {
            double shadow = c.shadow() == null ? Double.NaN : c.shadow().resultValue();
            rows.add(kerasRow(c.name(), c.display(), c.metric().resultValue(), c.shadow() == null ? null
                    : new double[] {shadow, c.weighted() ? 0 : 1}, used));
        }
        if (recorded != null) {
            for (String key : recorded.values().keySet()) {
                if (used.contains(key)) {
                    continue;
                }
                if (!recordedPrefix.isEmpty() && !key.startsWith(recordedPrefix)) {
                    notCompared.add("recorded " + key + ": a training value, the epoch's running mean while the "
                            + "weights changed, which no predictions reproduce (the " + recordedPrefix
                            + " values are compared)");
                } else {
                    notCompared.add("recorded " + key + ": no compiled metric of that name");
                }
            }
        }
        List<ComparisonRow> framework = pairs.isEmpty() ? List.of()
                : MetricPair.rows(frameworkValues.framework(), MetricPair.userData(examples, columns), pairs,
                        frameworkValues.values(), counterparts.values());
        List<String> data = first.files().stream().map(Object::toString).toList();
        String recordedSource = recorded == null ? null : recorded.file() + " (" + recorded.format()
                + (recorded.epoch() >= 0 ? ", epoch " + recorded.epoch() : "") + ")";
        return new CompareResult(data, examples, compile.source(), recordedSource, rows, framework, notCompared);
    }

    /** Fills every output's batch with the same rows; the number of rows, 0 at the end. */
    private static int read(List<ExampleSource> sources, List<Batch> batches, long firstRow) {
        int rows = -1;
        for (int o = 0; o < sources.size(); o++) {
            Batch b = batches.get(o);
            b.firstRow = firstRow;
            int n = sources.get(o).read(b);
            if (rows >= 0 && n != rows) {
                throw new CompareException(sources.get(o).files() + ": the outputs have different numbers of rows "
                        + "(from row " + firstRow + "): give every output's y_true and y_pred for every example");
            }
            rows = n;
        }
        return rows;
    }

    private KerasRow kerasRow(String name, String display, double value, double[] shadow, Set<String> used) {
        Double r = null;
        if (recorded != null) {
            r = recorded.get(recordedPrefix, name);
            if (r != null) {
                used.add(recordedPrefix + name);
            }
        }
        RecordedRow row = new RecordedRow(name, display, value, r, tolerance);
        if (r == null) {
            return new KerasRow(row, "", recorded == null ? "no recorded values given"
                    : "Keras recorded no '" + recordedPrefix + name + "'");
        }
        if (row.reproduced()) {
            return new KerasRow(row, "", "Keras's value reproduced (|difference| "
                    + String.format(Locale.ROOT, "%.1e", Math.abs(value - r)) + ")");
        }
        if (shadow != null && new RecordedRow(name, display, shadow[0], r, tolerance).reproduced()) {
            boolean kerasWeighted = shadow[1] == 1;
            return new KerasRow(row, "sample weights", "Keras's value is the one computed "
                    + (kerasWeighted ? "WITH" : "WITHOUT") + " the sample weights (" + String.format(Locale.ROOT,
                    "%.6f", shadow[0]) + "): in Keras 3 compile(metrics=...) get no sample_weight and "
                    + "compile(weighted_metrics=...) do (keras/src/trainers/compile_utils.py); list this metric "
                    + "under " + (kerasWeighted ? "--weighted-metrics" : "--metrics") + ".");
        }
        return new KerasRow(row, ComparisonRule.UNEXPLAINED, "Keras recorded " + String.format(Locale.ROOT,
                "%.6f", r) + ", the same metric on these targets and predictions gives " + String.format(Locale.ROOT,
                "%.6f", value) + ": not the same predictions, batches or metric config, or a regularisation loss "
                + "added to Keras's loss; no known rule explains it.");
    }

    private Metric create(CompileEntry e, int[] yTrueShape, int[] yPredShape, String lossId, CompileRules rules) {
        if (e.isIdentifier()) {
            return registry.compile(e.identifier(), yTrueShape, yPredShape, lossId, rules);
        }
        return registry.create(e.className(), e.config());
    }

    /** The metric whose mean is the loss: a loss class or function shares its name with a metric class. */
    private Metric lossMetric(CompileEntry e) {
        if (e.isIdentifier()) {
            return registry.get(e.identifier());
        }
        Map<String, Object> config = new LinkedHashMap<>(e.config());
        config.remove("reduction");
        config.remove("name");
        config.put("name", "loss");
        return registry.create(e.className(), config);
    }

    private static String display(Metric m) {
        Map<String, Object> config = new LinkedHashMap<>(m.config());
        config.remove("name");
        config.remove("dtype");
        return KerasCounterpart.call(m.className(), config);
    }

    private static java.util.Optional<MetricPair> pair(String framework, String name, int columns) {
        switch (framework) {
            case Dl4jMetricProvider.ID:
                return Dl4jPairs.pair(name, columns);
            case TribuoParity.FRAMEWORK:
                return TribuoPairs.pair(name, columns);
            default:
                throw new CompareException("--framework-values: unknown framework '" + framework
                        + "' (known: dl4j, tribuo)");
        }
    }
}
