package io.github.metricparity.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The results of one run as Markdown: the machine, one table row per scenario and implementation (time per update
 * with JMH's 99.9% confidence interval, bytes allocated per update, the plain scan and the framework baseline of
 * the same run, and the ratios), then the targets of issue 7 with the measured ratio and whether it is met.
 * Benchmarks that did not run show as "not run".
 */
final class Report {
    private static final String PKG = "io.github.metricparity.benchmarks.";

    /** One measured benchmark: score, error, unit, and bytes allocated per operation when the GC profiler ran. */
    record Measure(double score, double error, String unit, double bytesPerOp) {
        /** The score in milliseconds. */
        double millis() {
            switch (unit) {
                case "us/op":
                    return score / 1e3;
                case "s/op":
                    return score * 1e3;
                default:
                    return score;
            }
        }

        String time() {
            double factor = millis() / score;
            return String.format(Locale.ROOT, "%s ± %s", number(millis()), number(error * factor));
        }
    }

    private final Map<String, Measure> measures = new HashMap<>();

    Report(Collection<RunResult> results) {
        for (RunResult r : results) {
            Result<?> primary = r.getPrimaryResult();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            measures.put(key(r), new Measure(primary.getScore(), primary.getScoreError(), primary.getScoreUnit(),
                    alloc == null ? Double.NaN : alloc.getScore()));
        }
    }

    /** {@code Class.method} and the parameters in name order, e.g. {@code ConfusionBenchmark.auc n=1000000 ...}. */
    private static String key(RunResult r) {
        StringBuilder sb = new StringBuilder(r.getParams().getBenchmark().replace(PKG, ""));
        Map<String, String> params = new TreeMap<>();
        for (String k : r.getParams().getParamsKeys()) {
            params.put(k, r.getParams().getParam(k));
        }
        params.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    private Measure get(String key) {
        return measures.get(key);
    }

    /** A scenario row: the measured update, its plain scan and its framework baseline (any may be null). */
    private record Row(String scenario, String implementation, String benchmark, String scan, String baseline) {
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String acc = "AccuracyBenchmark.";
        String scan1 = acc + "scanPredictions";
        String tribuo = "TribuoBenchmark.";
        String dl4j = "Dl4jBenchmark.";
        rows.add(new Row("1 SparseCategoricalAccuracy 1M x 10", "reference, float[] Tensor",
                acc + "sparseCategoricalAccuracy", scan1, null));
        rows.add(new Row("", "DL4J adapter, INDArray", dl4j + "sparseCategoricalAccuracy", dl4j + "scanPredictions",
                dl4j + "dl4jEvaluation"));
        rows.add(new Row("", "Tribuo adapter, 1M Predictions", tribuo + "sparseCategoricalAccuracy", null,
                tribuo + "tribuoLabelEvaluatorTenClasses"));
        rows.add(new Row("1 CategoricalAccuracy 1M x 10", "reference, float[] Tensor", acc + "categoricalAccuracy",
                scan1, null));
        rows.add(new Row("", "DL4J adapter, INDArray", dl4j + "categoricalAccuracy", dl4j + "scanPredictions",
                dl4j + "dl4jEvaluation"));
        rows.add(new Row("", "Tribuo adapter, 1M Predictions", tribuo + "categoricalAccuracy", null,
                tribuo + "tribuoLabelEvaluatorTenClasses"));
        rows.add(new Row("1 baselines", "plain scan of y_pred (40 MB)", scan1, null, null));
        rows.add(new Row("", "plain scan of y_true + y_pred (80 MB)", acc + "scanOneHotAndPredictions", null, null));
        rows.add(new Row("", "DL4J Evaluation (argmax, confusion matrix)", dl4j + "dl4jEvaluation", null, null));
        rows.add(new Row("", "Tribuo LabelEvaluator (all label metrics)", tribuo + "tribuoLabelEvaluatorTenClasses",
                null, null));

        String bin = "BinaryBenchmark.";
        rows.add(new Row("2 BinaryAccuracy 10M", "reference, float[] Tensor", bin + "binaryAccuracy",
                bin + "scanPredictions", null));
        rows.add(new Row("", "DL4J adapter, INDArray", dl4j + "binaryAccuracy", null, dl4j + "dl4jEvaluationBinary"));
        rows.add(new Row("", "Tribuo adapter, 1M Predictions (2 classes)", tribuo + "binaryAccuracy", null,
                tribuo + "tribuoLabelEvaluatorTwoClasses"));
        rows.add(new Row("2 BinaryCrossentropy(from_logits) 10M", "reference, float[] Tensor",
                bin + "binaryCrossentropyFromLogits", bin + "scanLabelsAndPredictions", null));
        rows.add(new Row("", "DL4J adapter, INDArray", dl4j + "binaryCrossentropyFromLogits", null,
                dl4j + "dl4jLossBinaryXent"));
        rows.add(new Row("", "Tribuo adapter, 1M Predictions (2 classes, scores)",
                tribuo + "binaryCrossentropyFromLogits", null, null));
        rows.add(new Row("2 baselines", "plain scan of y_pred (40 MB)", bin + "scanPredictions", null, null));
        rows.add(new Row("", "plain scan of y_true + y_pred (80 MB)", bin + "scanLabelsAndPredictions", null, null));
        rows.add(new Row("", "DL4J EvaluationBinary", dl4j + "dl4jEvaluationBinary", null, null));
        rows.add(new Row("", "DL4J LossBinaryXENT.computeScore (sigmoid of the logits)", dl4j + "dl4jLossBinaryXent",
                null, null));
        rows.add(new Row("", "Tribuo LabelEvaluator, 1M Predictions (2 classes)",
                tribuo + "tribuoLabelEvaluatorTwoClasses", null, null));

        String ce = "CrossentropyBenchmark.";
        rows.add(new Row("3 CategoricalCrossentropy(from_logits) 1M x 100", "reference, float[] Tensor",
                ce + "categoricalCrossentropyFromLogits", ce + "scanLogits", null));
        rows.add(new Row("", "DL4J adapter, INDArray", dl4j + "categoricalCrossentropyFromLogits", null,
                dl4j + "dl4jLossMcxent"));
        rows.add(new Row("", "Tribuo adapter, 100k x 100 Predictions", tribuo + "categoricalCrossentropyFromLogits",
                null, null));
        rows.add(new Row("3 baselines", "plain scan of the logits (400 MB)", ce + "scanLogits", null, null));
        rows.add(new Row("", "DL4J LossMCXENT.computeScore (softmax of the logits)", dl4j + "dl4jLossMcxent", null,
                null));

        String conf = "ConfusionBenchmark.";
        String scan10 = conf + "scanPredictions";
        rows.add(new Row("4 AUC(num_thresholds=200) 10M", "reference, float[] Tensor",
                conf + "auc n=10000000 numThresholds=200", scan10, null));
        rows.add(new Row("4 AUC(num_thresholds=2000) 10M", "reference, float[] Tensor",
                conf + "auc n=10000000 numThresholds=2000", scan10, null));
        rows.add(new Row("4 AUC(num_thresholds=200) 1M", "reference, float[] Tensor",
                conf + "auc n=1000000 numThresholds=200", null, null));
        rows.add(new Row("4 AUC(num_thresholds=2000) 1M", "reference, float[] Tensor",
                conf + "auc n=1000000 numThresholds=2000", null, null));
        rows.add(new Row("4 AUC(num_thresholds=200) 10M", "DL4J adapter, INDArray", dl4j + "auc", null,
                dl4j + "dl4jRoc"));
        rows.add(new Row("", "Tribuo adapter, 1M Predictions (2 classes)", tribuo + "auc", null,
                tribuo + "tribuoLabelEvaluatorTwoClasses"));
        rows.add(new Row("4 Precision, 3 thresholds, 10M", "reference, float[] Tensor", conf + "precision3Thresholds",
                scan10, null));
        rows.add(new Row("", "DL4J adapter, INDArray", dl4j + "precision3Thresholds", null, null));
        rows.add(new Row("", "Tribuo adapter, 1M Predictions (2 classes)", tribuo + "precision3Thresholds", null,
                null));
        rows.add(new Row("4 Recall, 3 thresholds, 10M", "reference, float[] Tensor", conf + "recall3Thresholds",
                scan10, null));
        rows.add(new Row("", "DL4J adapter, INDArray", dl4j + "recall3Thresholds", null, null));
        rows.add(new Row("", "Tribuo adapter, 1M Predictions (2 classes)", tribuo + "recall3Thresholds", null,
                null));
        rows.add(new Row("4 baselines", "plain scan of y_pred (40 MB)", scan10, null, null));
        rows.add(new Row("", "DL4J ROC(200 steps)", dl4j + "dl4jRoc", null, null));

        String iou = "IouBenchmark.";
        rows.add(new Row("5 MeanIoU(21) 4 x 512 x 512 ids", "reference, float[] Tensor", iou + "meanIoU",
                iou + "scanPredictedIds", null));
        rows.add(new Row("5 MeanIoU(21) from 4 x 512 x 512 x 21 scores", "reference, float[] Tensor",
                iou + "meanIoUFromScores", iou + "scanScores", null));
        rows.add(new Row("5 MeanIoU(21) 4 x 512 x 512 ids", "DL4J adapter, INDArray", dl4j + "meanIoU", null, null));
        rows.add(new Row("", "Tribuo adapter, 1M hard Predictions", tribuo + "meanIoU", null,
                tribuo + "tribuoLabelEvaluatorPixels"));
        rows.add(new Row("5 baselines", "plain scan of the ids (4 MB)", iou + "scanPredictedIds", null, null));
        rows.add(new Row("", "plain scan of the scores (88 MB)", iou + "scanScores", null, null));
        rows.add(new Row("", "Tribuo LabelEvaluator, 1M hard Predictions (21 classes)",
                tribuo + "tribuoLabelEvaluatorPixels", null, null));
        return rows;
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("Machine: ").append(machine()).append("\n\n");
        sb.append("| scenario | implementation | ms per update (± 99.9% CI) | bytes allocated per update "
                + "| scan / update | baseline / update |\n");
        sb.append("|---|---|---:|---:|---:|---:|\n");
        String scenario = "";
        int group = 0;
        int shownGroup = 0;
        for (Row row : rows()) {
            if (!row.scenario().isEmpty()) {
                scenario = row.scenario();
                group++;
            }
            Measure m = get(row.benchmark());
            if (m == null) {
                continue; // not in this run
            }
            // a group's first row names its scenario, also when the row that names it did not run
            String label = group == shownGroup ? "" : scenario;
            shownGroup = group;
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", label,
                    row.implementation(), m.time(), bytes(m.bytesPerOp()), ratio(row.scan(), m), ratio(row.baseline(),
                            m)));
        }
        sb.append("\nRatios are time of the scan (or baseline) over time of the update: above 1, the update is "
                + "faster.\n\n");
        sb.append(targets());
        sb.append(profile());
        sb.append(smallBatches());
        sb.append(kernels());
        sb.append(parallel());
        return sb.toString();
    }

    /** The gap profile ({@link GapProfileBenchmark}): the accuracy loops taken apart. */
    private String profile() {
        String g = "GapProfileBenchmark.";
        String[][] rows = {
            {"argmax of 1M rows of 10 and the match count, alone", g + "argmaxRows",
                "AccuracyBenchmark.sparseCategoricalAccuracy"},
            {"plain scan of y_pred (40 MB), vectoriser off", g + "scanPredictionsScalar",
                    "AccuracyBenchmark.scanPredictions"},
            {"BinaryAccuracy's match count over int[] bit patterns (vectorised)", g + "binaryMatchesIntBits",
                "BinaryBenchmark.binaryAccuracy"},
            {"the same over float[] through Float.floatToRawIntBits (scalar)", g + "binaryMatchesFloatBits",
                "BinaryBenchmark.binaryAccuracy"},
            {"DL4J adapter's two bulk copies (2 x 40 MB, off-heap to reused arrays)",
                    g + "dl4jCopyOneHotAndPredictions",
                "Dl4jBenchmark.categoricalAccuracy"}};
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        for (String[] row : rows) {
            any |= get(row[1]) != null;
        }
        if (!any) {
            return "";
        }
        sb.append("\n| profile: loop taken apart | ms | ms of the update it belongs to |\n|---|---:|---:|\n");
        for (String[] row : rows) {
            Measure m = get(row[1]);
            Measure whole = get(row[2]);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", row[0], m == null ? "not run" : m.time(),
                    whole == null ? "" : row[2].replace("Benchmark.", " ") + ": " + number(whole.millis())));
        }
        return sb.toString();
    }

    private String ratio(String other, Measure m) {
        Measure o = other == null ? null : get(other);
        return o == null ? "" : String.format(Locale.ROOT, "%.2f", o.millis() / m.millis());
    }

    private String targets() {
        StringBuilder sb = new StringBuilder("| target | measured | met |\n|---|---|---|\n");
        String acc = "AccuracyBenchmark.";
        for (String[] t : new String[][] {
                {"SparseCategoricalAccuracy >= 0.5 of the plain scan", acc + "sparseCategoricalAccuracy",
                    acc + "scanPredictions"},
                {"CategoricalAccuracy >= 0.5 of the plain scan (of y_pred; of both inputs)", acc
                    + "categoricalAccuracy", acc + "scanPredictions", acc + "scanOneHotAndPredictions"},
                {"BinaryAccuracy >= 0.5 of the plain scan (of y_pred; of both inputs)",
                        "BinaryBenchmark.binaryAccuracy",
                    "BinaryBenchmark.scanPredictions", "BinaryBenchmark.scanLabelsAndPredictions"}}) {
            Measure m = get(t[1]);
            Measure scan = get(t[2]);
            if (m == null || scan == null) {
                sb.append("| ").append(t[0]).append(" | not run | |\n");
                continue;
            }
            double r = scan.millis() / m.millis();
            String measured = String.format(Locale.ROOT, "%.2f", r);
            if (t.length > 3 && get(t[3]) != null) {
                measured += String.format(Locale.ROOT, "; %.2f", get(t[3]).millis() / m.millis());
            }
            sb.append(String.format("| %s | %s | %s |%n", t[0], measured, r >= 0.5 ? "yes" : "no"));
        }
        for (String accuracy : new String[] {"sparseCategoricalAccuracy", "categoricalAccuracy"}) {
            String name = Character.toUpperCase(accuracy.charAt(0)) + accuracy.substring(1);
            speedup(sb, ">= 10x DL4J Evaluation, " + name + " on 1M x 10 (DL4J adapter)",
                    "Dl4jBenchmark.dl4jEvaluation", "Dl4jBenchmark." + accuracy);
            speedup(sb, ">= 10x Tribuo LabelEvaluator, " + name + " on 1M x 10 (Tribuo adapter)",
                    "TribuoBenchmark.tribuoLabelEvaluatorTenClasses", "TribuoBenchmark." + accuracy);
        }

        ratioTarget(sb, "BinaryCrossentropy(from_logits) 10M >= 0.25 of the two-input scan (issue 18)",
                "BinaryBenchmark.scanLabelsAndPredictions", "BinaryBenchmark.binaryCrossentropyFromLogits", 0.25);
        ratioTarget(sb, "CategoricalCrossentropy(from_logits) 1M x 100 >= 0.25 of the scan (issue 18)",
                "CrossentropyBenchmark.scanLogits", "CrossentropyBenchmark.categoricalCrossentropyFromLogits", 0.25);
        ratioTarget(sb, "the same, BinaryCrossentropy on one thread (its shards one after the other)",
                "BinaryBenchmark.scanLabelsAndPredictions", "ParallelBenchmark.binaryCrossentropyOneThread n=10000000",
                0.25);
        ratioTarget(sb, "the same, CategoricalCrossentropy on one thread", "CrossentropyBenchmark.scanLogits",
                "ParallelBenchmark.categoricalCrossentropyOneThread", 0.25);

        String auc = "ConfusionBenchmark.auc ";
        Measure a200 = get(auc + "n=10000000 numThresholds=200");
        Measure a2000 = get(auc + "n=10000000 numThresholds=2000");
        Measure small200 = get(auc + "n=1000000 numThresholds=200");
        Measure small2000 = get(auc + "n=1000000 numThresholds=2000");
        if (a200 != null && a2000 != null) {
            double r = a2000.millis() / a200.millis();
            sb.append(String.format(Locale.ROOT,
                    "| AUC: 2,000 thresholds cost < 1.5x 200 (10M samples) | %.2fx | %s |%n",
                    r, r < 1.5 ? "yes" : "no"));
        }
        if (a200 != null && small200 != null && a2000 != null && small2000 != null) {
            // linear: the time per sample at 10M is that at 1M (within noise), not growing with N
            double perSample1M = small200.millis() * 1e6 / 1e6;
            double perSample10M = a200.millis() * 1e6 / 1e7;
            double perSample1M2000 = small2000.millis() * 1e6 / 1e6;
            double perSample10M2000 = a2000.millis() * 1e6 / 1e7;
            boolean linear = perSample10M < 1.5 * perSample1M && perSample10M2000 < 1.5 * perSample1M2000;
            sb.append(String.format(Locale.ROOT, "| AUC update linear in N: ns per sample at 1M / 10M | %.2f / %.2f "
                    + "(200 thresholds), %.2f / %.2f (2,000) | %s |%n", perSample1M, perSample10M, perSample1M2000,
                    perSample10M2000, linear ? "yes" : "no"));
        }
        String alloc = "AllocationBenchmark.";
        for (String b : new String[] {"sparseCategoricalAccuracy", "sparseCategoricalAccuracyWeighted",
                "categoricalAccuracy", "binaryAccuracy"}) {
            Measure small = get(alloc + b + " rows=10000");
            Measure large = get(alloc + b + " rows=1000000");
            if (small == null || large == null) {
                continue;
            }
            boolean met = large.bytesPerOp() < 4096 && small.bytesPerOp() < 4096;
            sb.append(String.format(Locale.ROOT, "| no allocation proportional to N: %s, bytes per update at "
                    + "10k / 1M rows | %s / %s | %s |%n", b, bytes(small.bytesPerOp()), bytes(large.bytesPerOp()),
                    met ? "yes" : "no"));
        }
        for (String b : new String[] {"sparseCategoricalAccuracy100M", "auc100M"}) {
            Measure m = get("StreamingBenchmark." + b);
            if (m != null) {
                sb.append(String.format(Locale.ROOT, "| 100,000,000 samples through %s in a 256 MB heap | "
                        + "completed, %.2f ± %.2f s (%.0f M samples/s) | yes |%n", b.replace("100M", ""),
                        m.millis() / 1e3, m.error() * m.millis() / m.score() / 1e3, 1e8 / (m.millis() / 1e3) / 1e6));
            }
        }
        return sb.toString();
    }

    private void ratioTarget(StringBuilder sb, String target, String scan, String ours, double required) {
        Measure b = get(scan);
        Measure m = get(ours);
        if (b == null || m == null) {
            sb.append("| ").append(target).append(" | not run | |\n");
            return;
        }
        double r = b.millis() / m.millis();
        sb.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", target, r, r >= required ? "yes" : "no"));
    }

    /** The small-batch scenario ({@link SmallBatchBenchmark}): one evaluation pass, the frameworks alongside. */
    private String smallBatches() {
        String g = "SmallBatchBenchmark.";
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        for (String batch : new String[] {"32", "64", "256"}) {
            any |= get(g + "kerasAccuracy batch=" + batch) != null;
        }
        if (!any) {
            return "";
        }
        sb.append("\n| 60,000 x 10 in batches of | KerasEvaluation accuracy: ms | DL4J Evaluation: ms | Evaluation / "
                + "Keras | Keras accuracy + crossentropy + AUC: ms | Evaluation + ROCMultiClass: ms | "
                + "(Evaluation + ROCMultiClass) / Keras |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String batch : new String[] {"32", "64", "256"}) {
            Measure acc = get(g + "kerasAccuracy batch=" + batch);
            Measure eval = get(g + "dl4jEvaluation batch=" + batch);
            Measure three = get(g + "kerasAccuracyCrossentropyAuc batch=" + batch);
            Measure roc = get(g + "dl4jEvaluationAndRocMultiClass batch=" + batch);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", batch, time(acc),
                    time(eval), ratio(eval, acc), time(three), time(roc), ratio(roc, three)));
        }
        Measure tribuo = get(g + "tribuoLabelEvaluator");
        Measure adapter = get(g + "tribuoAdapterAccuracy");
        if (tribuo != null && adapter != null) {
            sb.append(String.format(Locale.ROOT, "%nThe same 60,000 predictions through Tribuo: LabelEvaluator %s ms, "
                    + "the Tribuo adapter's CategoricalAccuracy %s ms (%sx).%n", tribuo.time(), adapter.time(),
                    ratio(tribuo, adapter)));
        }
        return sb.toString();
    }

    /** The exp and log kernels ({@link ExpLogBenchmark}) with the vectoriser on and off. */
    private String kernels() {
        String g = "ExpLogBenchmark.";
        if (get(g + "exp") == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n| 1,024 float32 values in the cache | ns per value | ns per value, "
                + "vectoriser off (-XX:-UseSuperWord) | vectorised / off |\n|---|---:|---:|---:|\n");
        String[][] rows = {{"exp (ExpLog), arguments in [-30, 0]", "exp"}, {"Math.exp, the same", "mathExp"},
            {"log1p (ExpLog), arguments in [0, 1]", "log1p"}, {"Math.log1p, the same", "mathLog1p"},
            {"log (ExpLog), arguments in [e^-20, e^20]", "log"}, {"Math.log, the same", "mathLog"}};
        for (String[] row : rows) {
            Measure on = get(g + row[1]);
            Measure off = get(g + "VectoriserOff." + row[1]);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", row[0], perValue(on), perValue(off),
                    ratio(off, on)));
        }
        return sb.toString();
    }

    /** One batch on one thread against the same batch in one shard per core ({@link ParallelBenchmark}). */
    private String parallel() {
        String g = "ParallelBenchmark.";
        if (get(g + "binaryCrossentropyOneThread n=10000000") == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%n| one update, %d cores | one thread: ms | "
                + "one shard per core: ms | speed-up |%n|---|---:|---:|---:|%n", Runtime.getRuntime()
                        .availableProcessors()));
        String[][] rows = {{"BinaryCrossentropy(from_logits) 262,144", "binaryCrossentropy", " n=262144"},
            {"BinaryCrossentropy(from_logits) 1,048,576", "binaryCrossentropy", " n=1048576"},
            {"BinaryCrossentropy(from_logits) 10M", "binaryCrossentropy", " n=10000000"},
            {"CategoricalCrossentropy(from_logits) 1M x 100", "categoricalCrossentropy", ""},
            {"SparseCategoricalAccuracy 1M x 10", "sparseCategoricalAccuracy", ""}};
        for (String[] row : rows) {
            Measure one = get(g + row[1] + "OneThread" + row[2]);
            Measure all = get(g + row[1] + "AllCores" + row[2]);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", row[0], time(one), time(all),
                    ratio(one, all)));
        }
        return sb.toString();
    }

    private static String time(Measure m) {
        return m == null ? "not run" : m.time();
    }

    private static String perValue(Measure m) {
        return m == null ? "not run" : String.format(Locale.ROOT, "%.3f", m.score() / ExpLogBenchmark.N);
    }

    private static String ratio(Measure slower, Measure faster) {
        return slower == null || faster == null ? "" : String.format(Locale.ROOT, "%.1f",
                slower.millis() / faster.millis());
    }

    private void speedup(StringBuilder sb, String target, String baseline, String ours) {
        Measure b = get(baseline);
        Measure m = get(ours);
        if (b == null || m == null) {
            sb.append("| ").append(target).append(" | not run | |\n");
            return;
        }
        double r = b.millis() / m.millis();
        sb.append(String.format(Locale.ROOT, "| %s | %.1fx | %s |%n", target, r, r >= 10 ? "yes" : "no"));
    }

    private static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "";
        }
        return b < 10_000 ? String.format(Locale.ROOT, "%.0f", b)
                : String.format(Locale.ROOT, "%.1f MB", b / 1e6);
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s, %d CPUs, %s %s (%s), %s", cpuModel(), rt.availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                System.getProperty("os.arch"), ManagementFactory.getOperatingSystemMXBean().getName() + " "
                        + System.getProperty("os.version"));
    }

    private static String cpuModel() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the architecture says enough
        }
        return "CPU";
    }
}
