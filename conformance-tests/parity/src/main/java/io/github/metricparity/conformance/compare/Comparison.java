package io.github.metricparity.conformance.compare;

import io.github.metricparity.comparison.FrameworkValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * One {@code parity compare} invocation: the files and options, checked and read when it runs.
 *
 * @param data            a data file (.csv, .jsonl, .npz), or null when {@code npy} is given
 * @param npy             {@code y_true}, {@code y_pred} and {@code sample_weight} (may be null) {@code .npy} files,
 *                        or null
 * @param metrics         compile() metric strings
 * @param weightedMetrics compile() weighted_metrics strings
 * @param loss            the compile() loss string, or null
 * @param model           a Keras model file giving the metrics instead, or null
 * @param kerasValues     Keras's recorded values, or null
 * @param epoch           the epoch of a history, or null for the last
 * @param kerasPrefix     the prefix of the recorded keys, or null to choose
 * @param frameworkValues the framework's values, or null
 * @param batchSize       rows per batch
 * @param tolerance       tolerance against recorded values
 */
public record Comparison(Path data, Path[] npy, List<String> metrics, List<String> weightedMetrics, String loss,
        Path model, Path kerasValues, Integer epoch, String kerasPrefix, Path frameworkValues, int batchSize,
        double tolerance) {

    /**
     * Reads the inputs and runs.
     *
     * @param total    told the input's size in bytes before reading
     * @param progress told the bytes read after each batch
     */
    public CompareResult run(LongConsumer total, LongConsumer progress) {
        return run(data, npy, metrics(metrics, weightedMetrics, loss, model), recorded(kerasValues, epoch), kerasPrefix,
                framework(frameworkValues), batchSize, tolerance, progress, total);
    }

    /** The examples of one data file, by its extension: {@code .csv}, {@code .jsonl}/{@code .ndjson}, {@code .npz}. */
    static ExampleSource open(Path data) {
        return open(data, "");
    }

    /**
     * One output's examples of a data file; {@code prefix} is {@code <output>/} for a model with several outputs
     * (each output's arrays, columns or keys carry it), else empty.
     */
    static ExampleSource open(Path data, String prefix) {
        String name = data.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvExamples(data, prefix);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return new JsonLinesExamples(data, prefix);
        }
        if (name.endsWith(".npz")) {
            return NpyExamples.ofNpz(data, prefix);
        }
        if (name.endsWith(".npy")) {
            throw CompareException.in(data, "one .npy file holds one array: give --y-true and --y-pred (and "
                    + "--sample-weight) as .npy files, or all of them in one .npz");
        }
        throw CompareException.in(data, "unknown data format: give a .csv, .jsonl or .npz file");
    }

    private static CompareResult run(Path data, Path[] npy, CompileMetrics compile, RecordedValues recorded,
            String recordedPrefix, FrameworkValues framework, int batchSize, double tolerance, LongConsumer progress,
            java.util.function.LongConsumer total) {
        List<ExampleSource> sources = new ArrayList<>();
        try {
            List<String> outputs = compile.outputNames();
            if (outputs.size() == 1) {
                sources.add(data != null ? open(data) : NpyExamples.ofFiles(npy[0], npy[1], npy[2]));
            } else if (data == null) {
                throw new CompareException("--y-true/--y-pred: the model has " + outputs.size() + " outputs " + outputs
                        + ": give --data FILE.npz with the arrays '<output>/y_true', '<output>/y_pred' of each ("
                        + "np.savez(f, **{\"" + outputs.get(0) + "/y_true\": y, ...})), or a .csv or .jsonl file");
            } else {
                for (String output : outputs) {
                    sources.add(open(data, output + "/"));
                }
            }
            long bytes = 0;
            for (ExampleSource s : sources) {
                bytes += s.totalBytes();
            }
            total.accept(bytes);
            String prefix = recordedPrefix != null ? recordedPrefix : defaultPrefix(recorded);
            return new CompareRun(compile, recorded, prefix, framework, batchSize, tolerance).run(sources, progress);
        } finally {
            sources.forEach(ExampleSource::close);
        }
    }

    /** {@code val_} for a history or CSVLogger file that has validation keys, else none. */
    static String defaultPrefix(RecordedValues recorded) {
        if (recorded == null || recorded.format().equals("evaluate")) {
            return "";
        }
        return recorded.values().keySet().stream().anyMatch(k -> k.startsWith("val_")) ? "val_" : "";
    }

    /** The metrics of compile strings, or of a model file. */
    static CompileMetrics metrics(List<String> metrics, List<String> weighted, String loss, Path model) {
        if (model != null) {
            if (!metrics.isEmpty() || !weighted.isEmpty()) {
                throw new CompareException("give the metrics either with --model or with --metrics/"
                        + "--weighted-metrics, not both");
            }
            return CompileMetrics.ofModel(model);
        }
        if (metrics.isEmpty() && weighted.isEmpty()) {
            throw new CompareException("no metric: give --metrics accuracy,auc,... (compile strings) or --model "
                    + "FILE.keras|.h5");
        }
        return CompileMetrics.ofStrings(metrics, weighted, loss);
    }

    /** Reads {@code --keras-values}. */
    static RecordedValues recorded(Path file, Integer epoch) {
        return file == null ? null : RecordedValues.read(file, epoch);
    }

    /** Reads {@code --framework-values}. */
    static FrameworkValues framework(Path file) {
        return file == null ? null : FrameworkValuesFile.read(file);
    }
}
