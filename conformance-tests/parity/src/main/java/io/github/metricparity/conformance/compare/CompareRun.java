package io.github.metricparity.conformance.compare;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.modelimport.CompileEntry;
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
 * (32 by default), through the compiled Keras metrics (weighted metrics get the sample weights, plain metrics do
 * not, as in Keras 3's {@code CompileMetrics}), the loss, and the Keras counterparts of the framework's metrics; then
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

    /** One compiled Keras metric and its shadow: the same metric with the other weighting, to name a cause. */
    private record Compiled(String name, String display, Metric metric, Metric shadow, boolean weighted) {
    }

    /** Runs over {@code source}; {@code progress} is told the bytes read after each batch. */
    CompareResult run(ExampleSource source, LongConsumer progress) {
        int[] yTrueRow = source.yTrueRow();
        int[] yPredRow = source.yPredRow();
        int[] yTrueShape = Shapes.batch(batchSize, yTrueRow);
        int[] yPredShape = Shapes.batch(batchSize, yPredRow);
        CompileRules rules = compile.rules();
        String lossId = compile.loss() != null && compile.loss().isIdentifier() ? compile.loss().identifier() : null;
        List<Compiled> metrics = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CompileEntry e : compile.metrics()) {
            metrics.add(compiled(e, false, yTrueShape, yPredShape, lossId, rules, names, source.weighted()));
        }
        for (CompileEntry e : compile.weightedMetrics()) {
            metrics.add(compiled(e, true, yTrueShape, yPredShape, lossId, rules, names, source.weighted()));
        }
        Metric loss = compile.loss() == null ? null : lossMetric(compile.loss());
        int[][] lossRows = Shapes.sameRankForLoss(yTrueRow, yPredRow);

        int columns = yPredRow.length == 0 ? 1 : yPredRow[yPredRow.length - 1];
        List<MetricPair> pairs = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        if (frameworkValues != null) {
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

        Batch batch = new Batch(batchSize, yTrueRow, yPredRow, source.weighted());
        long examples = 0;
        double weightSum = 0;
        batch.firstRow = 1;
        while (source.read(batch) > 0) {
            try {
                var yTrue = batch.yTrueTensor();
                var yPred = batch.yPredTensor();
                var w = batch.weightTensor();
                for (Compiled c : metrics) {
                    c.metric().update(yTrue, yPred, c.weighted() ? w : null);
                    if (c.shadow() != null) {
                        c.shadow().update(yTrue, yPred, c.weighted() ? null : w);
                    }
                }
                if (loss != null) {
                    loss.update(batch.yTrueTensor(lossRows[0]), batch.yPredTensor(lossRows[1]), w);
                }
                if (!pairs.isEmpty()) {
                    counterparts.update(yTrue, yPred);
                }
            } catch (MetricException e) {
                throw new CompareException(source.files() + " rows " + batch.firstRow + " to "
                        + (batch.firstRow + batch.rows - 1) + ": " + e.getMessage(), e);
            }
            if (batch.weights != null) {
                for (int i = 0; i < batch.rows; i++) {
                    weightSum += batch.weights[i];
                }
            }
            examples += batch.rows;
            batch.firstRow += batch.rows;
            progress.accept(source.bytesRead());
        }
        if (examples == 0) {
            throw new CompareException(source.files() + ": no example");
        }

        List<KerasRow> rows = new ArrayList<>();
        Set<String> used = new HashSet<>();
        if (loss != null) {
            // Keras 3's loss is sum_over_batch_size: sum(w * l) / batch size, averaged over batches weighted by their
            // sizes (keras/src/backend/*/trainer.py: _loss_tracker.update_state(loss, sample_weight=batch size)),
            // i.e. sum(w * l) / N; the weighted mean the metric holds is sum(w * l) / sum(w)
            double value = loss.resultValue() * (source.weighted() ? weightSum / examples : 1);
            rows.add(kerasRow("loss", display(loss), value, null, used));
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
        List<String> data = source.files().stream().map(Object::toString).toList();
        String recordedSource = recorded == null ? null : recorded.file() + " (" + recorded.format()
                + (recorded.epoch() >= 0 ? ", epoch " + recorded.epoch() : "") + ")";
        return new CompareResult(data, examples, compile.source(), recordedSource, rows, framework, notCompared);
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

    private Compiled compiled(CompileEntry e, boolean weighted, int[] yTrueShape, int[] yPredShape, String lossId,
            CompileRules rules, Set<String> names, boolean hasWeights) {
        Metric m = create(e, yTrueShape, yPredShape, lossId, rules);
        Metric shadow = hasWeights ? create(e, yTrueShape, yPredShape, lossId, rules) : null;
        // keras/src/trainers/compile_utils.py CompileMetrics.result(): repeated names get _1, _2, ...; a weighted
        // metric whose name is taken becomes weighted_<name>
        String name = m.name();
        if (!names.add(name)) {
            String base = weighted ? "weighted_" + name : name;
            name = base;
            for (int i = 1; !names.add(name); i++) {
                name = base + "_" + i;
            }
        }
        return new Compiled(name, display(m), m, shadow, weighted);
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
