package io.github.metricparity.conformance.compare;

import io.github.metricparity.dl4j.modelimport.CompileEntry;
import io.github.metricparity.dl4j.modelimport.KerasModelMetrics;
import io.github.metricparity.dl4j.modelimport.KerasTrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a model was compiled with: the loss, the metrics and the weighted metrics, from compile strings given on the
 * command line or from a Keras model file. The one seam to the model-file reader: {@code .h5} through the DL4J
 * adapter's {@link KerasTrainingConfig}, {@code .keras} by reading the zip's {@code config.json} whose
 * {@code compile_config} the same parser reads.
 *
 * @param loss            the loss, or null
 * @param metrics         the metrics (get no sample weight)
 * @param weightedMetrics the weighted metrics (get the sample weights)
 * @param kerasVersion    the Keras version that saved the file, or null
 * @param source          where it came from, for the report
 */
record CompileMetrics(CompileEntry loss, List<CompileEntry> metrics, List<CompileEntry> weightedMetrics,
        String kerasVersion, String source) {
    /** A {@code config.json} is a few kilobytes; more is no model config. */
    private static final int MAX_CONFIG_BYTES = 16 << 20;

    /** Compile strings, e.g. {@code accuracy}, {@code AUC}, and an optional loss string. */
    static CompileMetrics ofStrings(List<String> metrics, List<String> weighted, String loss) {
        List<CompileEntry> m = new ArrayList<>();
        metrics.forEach(s -> m.add(CompileEntry.identifier(s)));
        List<CompileEntry> w = new ArrayList<>();
        weighted.forEach(s -> w.add(CompileEntry.identifier(s)));
        return new CompileMetrics(loss == null ? null : CompileEntry.identifier(loss), m, w, null,
                "compile strings");
    }

    /** The compile config of a {@code .keras} or {@code .h5} file. */
    static CompileMetrics ofModel(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        KerasTrainingConfig config;
        try {
            if (name.endsWith(".keras")) {
                config = KerasTrainingConfig.parse(kerasConfig(file), null);
            } else if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
                config = KerasTrainingConfig.read(file);
            } else {
                throw CompareException.in(file, "not a Keras model file: give a .keras or .h5 file");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CompareException c) {
                throw c;
            }
            throw CompareException.in(file, "cannot read the compile config: " + e.getMessage());
        }
        if (config.metricsByOutput().size() > 1 || (config.metricsByOutput().size() == 1
                && !config.metricsByOutput().containsKey(KerasTrainingConfig.ALL_OUTPUTS))) {
            throw CompareException.in(file, "metrics per output " + config.metricsByOutput().keySet() + ": parity "
                    + "compare reads one output; give its metrics with --metrics");
        }
        return new CompileMetrics(config.loss(), config.metrics(), config.weightedMetrics(), config.kerasVersion(),
                file.toString());
    }

    /** The {@code compile_config} of a {@code .keras} zip, as JSON text. */
    private static String kerasConfig(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("config.json");
            if (entry == null) {
                throw CompareException.in(file, "no config.json in the archive: not a Keras 3 .keras file");
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
            }
            if (bytes.length > MAX_CONFIG_BYTES) {
                throw CompareException.in(file, "config.json larger than " + MAX_CONFIG_BYTES + " bytes");
            }
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(new String(bytes, StandardCharsets.UTF_8));
            com.fasterxml.jackson.databind.JsonNode compile = root.get("compile_config");
            if (compile == null || compile.isNull()) {
                throw CompareException.in(file, "the model was saved without compile(): no metrics recorded; give "
                        + "them with --metrics");
            }
            return compile.toString();
        }
    }

    /** The compile rules of the Keras version that saved the file (Keras 3 when unknown). */
    io.github.metricparity.spi.CompileRules rules() {
        return kerasVersion == null ? io.github.metricparity.spi.CompileRules.KERAS_3
                : KerasModelMetrics.rulesFor(kerasVersion);
    }
}
