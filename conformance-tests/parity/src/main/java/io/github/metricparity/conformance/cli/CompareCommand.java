package io.github.metricparity.conformance.cli;

import io.github.metricparity.conformance.cli.ParityCli.UsageException;
import io.github.metricparity.conformance.compare.CompareRenderers;
import io.github.metricparity.conformance.compare.CompareResult;
import io.github.metricparity.conformance.compare.Comparison;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parity compare}: your targets and predictions through the Keras metrics your model was compiled with,
 * against the values Keras recorded and your framework's own metrics; exit code 1 when a disagreement beyond
 * tolerance has no known cause.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Your predictions and labels through the Keras metrics of your model: the JVM's value of "
                + "each, Keras's recorded value, your framework's value, a verdict and an explanation.",
            "Data: --data FILE.csv (columns y_true|y_true_0.., y_pred|y_pred_0.., [sample_weight]), FILE.jsonl "
                + "({\"y_true\": .., \"y_pred\": .., [\"sample_weight\": w]} per line) or FILE.npz (arrays y_true, "
                + "y_pred, [sample_weight]); or --y-true/--y-pred/--sample-weight FILE.npy.",
            "Exit code 1 when a disagreement beyond tolerance has no known cause (a CI gate), 2 for a bad file or "
                + "option."})
final class CompareCommand implements Callable<Integer> {
    /** Inputs at least this large get a progress bar on the console (when --progress is auto). */
    static final long PROGRESS_BYTES = 32L << 20;

    @ParentCommand
    ParityCli parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DataFiles data;

    static final class DataFiles {
        @Option(names = "--data", paramLabel = "FILE", required = true,
                description = "targets and predictions: .csv, .jsonl or .npz (several outputs: each output's "
                        + "arrays, columns or keys prefixed '<output>/', e.g. cls/y_true)")
        Path file;

        @ArgGroup(exclusive = false)
        NpyFiles npy;
    }

    static final class NpyFiles {
        @Option(names = "--y-true", paramLabel = "FILE.npy", required = true, description = "targets, shape (N, ...)")
        Path yTrue;

        @Option(names = "--y-pred", paramLabel = "FILE.npy", required = true, description = "predictions, (N, ...)")
        Path yPred;

        @Option(names = "--sample-weight", paramLabel = "FILE.npy", description = "weights, shape (N,)")
        Path weights;
    }

    @Option(names = "--metrics", paramLabel = "LIST", split = ",", description = "compile() metric strings, e.g. "
            + "accuracy,AUC,mse (no sample weights, as Keras's metrics=...)")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--weighted-metrics", paramLabel = "LIST", split = ",", description = "compile() "
            + "weighted_metrics: they get the sample weights")
    List<String> weightedMetrics = new ArrayList<>();

    @Option(names = "--loss", paramLabel = "ID", description = "the compile() loss, e.g. binary_crossentropy: adds "
            + "the 'loss' row")
    String loss;

    @Option(names = "--model", paramLabel = "FILE", description = "a Keras model file (.keras or .h5): its compile() "
            + "losses, metrics and weighted metrics for every output, under evaluate()'s keys")
    Path model;

    @Option(names = "--keras-values", paramLabel = "FILE", description = "values Keras recorded: evaluate("
            + "return_dict=True) or History.history as JSON, or a CSVLogger file")
    Path kerasValues;

    @Option(names = "--epoch", paramLabel = "N", description = "the epoch of a history to compare (0-based; default: "
            + "the last)")
    Integer epoch;

    @Option(names = "--keras-prefix", paramLabel = "PREFIX", description = "the prefix of the recorded keys "
            + "(default: val_ for a history with validation values, else none)")
    String kerasPrefix;

    @Option(names = "--framework-values", paramLabel = "FILE", description = "your framework's own values "
            + "({\"framework\": \"dl4j\"|\"tribuo\", \"values\": {...}}, as Dl4jParity and TribuoParity write it)")
    Path frameworkValues;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "rows per batch, as "
            + "evaluate(batch_size=N) (default: ${DEFAULT-VALUE}); matters for per-batch means such as "
            + "PearsonCorrelation")
    int batchSize;

    @Option(names = "--tolerance", paramLabel = "X", defaultValue = "1e-5", description = "absolute and relative "
            + "tolerance against recorded values (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--out", paramLabel = "DIR", description = "where compare.html and compare.json go (default: "
            + "parity-compare/ beside parity.jar)")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", description = "any of ${COMPLETION-CANDIDATES} "
            + "(default: all)")
    List<Formats.Format> formats = List.of(Formats.Format.values());

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto", description = "a progress bar on "
            + "stderr: auto (inputs of 32 MB or more), always, never")
    Progress progress;

    enum Progress {
        auto, always, never
    }

    @Override
    public Integer call() {
        if (batchSize < 1 || batchSize > 1 << 16) {
            throw new UsageException("--batch-size takes 1 to 65536, got " + batchSize);
        }
        if (!(tolerance >= 0)) {
            throw new UsageException("--tolerance takes a number >= 0, got " + tolerance);
        }
        PrintStream out = parent.out();
        Comparison comparison = new Comparison(data.file, data.npy == null ? null
                : new Path[] {data.npy.yTrue, data.npy.yPred, data.npy.weights}, metrics, weightedMetrics, loss,
                model, kerasValues, epoch, kerasPrefix, frameworkValues, batchSize, tolerance);
        CompareResult result;
        ProgressBar[] bar = new ProgressBar[1];
        try {
            result = comparison.run(total -> {
                if (progress == Progress.always || (progress == Progress.auto && total >= PROGRESS_BYTES)) {
                    bar[0] = new ProgressBarBuilder().setTaskName("reading").setInitialMax(Math.max(1, total))
                            .setUnit(" MB", 1 << 20).showSpeed()
                            .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
                }
            }, read -> {
                if (bar[0] != null) {
                    bar[0].stepTo(read);
                }
            });
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        if (formats.contains(Formats.Format.console)) {
            CompareRenderers.console(result, out);
        }
        Path target = dir != null ? dir : Formats.besideTheJar("parity-compare");
        try {
            if (formats.contains(Formats.Format.html)) {
                Files.createDirectories(target);
                Files.writeString(target.resolve("compare.html"), CompareRenderers.html(result));
                out.println("wrote " + target.resolve("compare.html"));
            }
            if (formats.contains(Formats.Format.json)) {
                Files.createDirectories(target);
                Files.writeString(target.resolve("compare.json"), CompareRenderers.json(result));
                out.println("wrote " + target.resolve("compare.json"));
            }
        } catch (IOException e) {
            throw new UsageException("cannot write to " + target + ": " + e.getMessage());
        }
        return result.anyUnexplained() ? 1 : 0;
    }
}
