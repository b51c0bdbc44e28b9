package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compile() arguments a Keras model file records: the loss (one, or one per output), the loss weights, the
 * metrics and the weighted metrics (each a list for every output, a dict by output name, or a list per output),
 * plus the file's {@code keras_version}.
 *
 * <p>Both layouts are read: Keras 2 / tf.keras ({@code training_config}: {@code {"loss": ..., "metrics": [...],
 * "weighted_metrics": ..., "optimizer_config": ...}}, whose metrics may be strings or already resolved serialised
 * objects such as {@code MeanMetricWrapper(fn="categorical_accuracy")}) and Keras 3 (the {@code compile_config}:
 * {@code {"optimizer": ..., "loss": ..., "metrics": [...], ...}}, possibly wrapped as {@code {"compile_config":
 * {...}}}, whose objects carry {@code module} and {@code registered_name} and whose {@code dtype} may be a
 * {@code DTypePolicy} object). How the entries are matched to a model's outputs is Keras's rule, applied by
 * {@link KerasModelFile#compilePlan()}. Immutable.
 */
public final class KerasTrainingConfig {
    /** The key under which {@link #metricsByOutput()} holds metrics given as one flat list (for every output). */
    public static final String ALL_OUTPUTS = "";

    /** How compile() was given an argument that may be per output. */
    public enum Structure {
        /** Not given (or null). */
        NONE,
        /** One value (or one flat list of metrics) for the model: key {@link #ALL_OUTPUTS}. */
        ALL,
        /** A dict by output name. */
        BY_NAME,
        /** A list with one element per output: keys {@code "0"}, {@code "1"}, ... */
        BY_POSITION
    }

    /**
     * One compile() argument, by output: {@link #structure()} says how it was given, {@link #byKey()} holds the
     * values ({@link #ALL_OUTPUTS}, output names, or positions as strings), in the order the file lists them; a loss
     * given as {@code None} for an output is a null value. Immutable.
     *
     * @param <T> the value type: a list of metrics, a loss, or a loss weight
     */
    public record PerOutput<T>(Structure structure, Map<String, T> byKey) {
        public PerOutput {
            byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
        }

        static <T> PerOutput<T> none() {
            return new PerOutput<>(Structure.NONE, Map.of());
        }
    }

    private final PerOutput<CompileEntry> losses;
    private final PerOutput<Double> lossWeights;
    private final PerOutput<List<CompileEntry>> metrics;
    private final PerOutput<List<CompileEntry>> weightedMetrics;
    private final String kerasVersion;

    private KerasTrainingConfig(PerOutput<CompileEntry> losses, PerOutput<Double> lossWeights,
            PerOutput<List<CompileEntry>> metrics, PerOutput<List<CompileEntry>> weightedMetrics,
            String kerasVersion) {
        this.losses = losses;
        this.lossWeights = lossWeights;
        this.metrics = metrics;
        this.weightedMetrics = weightedMetrics;
        this.kerasVersion = kerasVersion;
    }

    /**
     * Reads the compile config of a Keras model file (any format {@link KerasModelFile} reads).
     *
     * @throws KerasModelFileException if the file cannot be read, or records no compile() config (a model saved
     *                                 without compile(), or with {@code include_optimizer=False})
     */
    public static KerasTrainingConfig read(Path file) throws IOException {
        KerasModelFile model = KerasModelFile.read(file);
        if (model.trainingConfig() == null) {
            throw new KerasModelFileException(file, "it records no training/compile config: the model was saved "
                    + "without compile() (or with include_optimizer=False), so it records no loss or metrics");
        }
        return model.trainingConfig();
    }

    /**
     * Parses a {@code training_config} (or Keras 3 {@code compile_config}) JSON string.
     *
     * @param kerasVersion the {@code keras_version} attribute, or null
     * @throws IOException if the JSON is malformed or has no loss and no metrics
     */
    public static KerasTrainingConfig parse(String json, String kerasVersion) throws IOException {
        return fromMap(JsonTrees.parseObject(json, "training config"), kerasVersion);
    }

    /** The same from an already parsed JSON object. */
    static KerasTrainingConfig fromMap(Map<String, Object> root, String kerasVersion) throws IOException {
        Object wrapped = root.get("compile_config");
        if (wrapped instanceof Map) {
            root = JsonTrees.asMap(wrapped);
        }
        if (!root.containsKey("loss") && !root.containsKey("metrics")) {
            throw new IOException("not a Keras training config (no 'loss' and no 'metrics'), keys: " + root.keySet());
        }
        return new KerasTrainingConfig(losses(root.get("loss")), lossWeights(root.get("loss_weights")),
                metricLists(root.get("metrics"), "metrics"), metricLists(root.get("weighted_metrics"),
                "weighted_metrics"), kerasVersion);
    }

    /** The compile() loss when one loss was given for the model, or null (none, or one per output). */
    public CompileEntry loss() {
        return losses.structure() == Structure.ALL ? losses.byKey().get(ALL_OUTPUTS) : null;
    }

    /** The compile() loss(es), by output. */
    public PerOutput<CompileEntry> losses() {
        return losses;
    }

    /** The compile() {@code loss_weights}, by output. */
    public PerOutput<Double> lossWeights() {
        return lossWeights;
    }

    /** The metrics given as one flat list (those of a single-output model). */
    public List<CompileEntry> metrics() {
        return metrics.byKey().getOrDefault(ALL_OUTPUTS, List.of());
    }

    /** The weighted metrics given as one flat list. */
    public List<CompileEntry> weightedMetrics() {
        return weightedMetrics.byKey().getOrDefault(ALL_OUTPUTS, List.of());
    }

    /**
     * Metrics per key: {@link #ALL_OUTPUTS} for a flat list, the output name for a dict, {@code "0"}, {@code "1"},
     * ... for a list of lists.
     */
    public Map<String, List<CompileEntry>> metricsByOutput() {
        return metrics.byKey();
    }

    /** The compile() {@code metrics}, by output. */
    public PerOutput<List<CompileEntry>> metricsPerOutput() {
        return metrics;
    }

    /** The compile() {@code weighted_metrics}, by output. */
    public PerOutput<List<CompileEntry>> weightedMetricsPerOutput() {
        return weightedMetrics;
    }

    /** The file's {@code keras_version} ({@code "2.4.0"}, {@code "3.16.0"}), or null. */
    public String kerasVersion() {
        return kerasVersion;
    }

    private static PerOutput<CompileEntry> losses(Object raw) throws IOException {
        if (raw == null) {
            return PerOutput.none();
        }
        Map<String, CompileEntry> out = new LinkedHashMap<>();
        if (raw instanceof String || isSerialisedObject(raw)) {
            out.put(ALL_OUTPUTS, single(raw));
            return new PerOutput<>(Structure.ALL, out);
        }
        if (raw instanceof Map) {
            for (Map.Entry<String, Object> e : JsonTrees.asMap(raw).entrySet()) {
                out.put(e.getKey(), e.getValue() == null ? null : single(e.getValue()));
            }
            return new PerOutput<>(Structure.BY_NAME, out);
        }
        if (raw instanceof List) {
            List<?> list = (List<?>) raw;
            for (int i = 0; i < list.size(); i++) {
                out.put(String.valueOf(i), list.get(i) == null ? null : single(list.get(i)));
            }
            return new PerOutput<>(Structure.BY_POSITION, out);
        }
        throw new IOException("cannot read a compile() loss from " + raw + " (expected a string, a serialised Keras "
                + "loss, or a dict or list of them)");
    }

    private static PerOutput<Double> lossWeights(Object raw) throws IOException {
        if (raw == null) {
            return PerOutput.none();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (raw instanceof Number) {
            out.put(ALL_OUTPUTS, ((Number) raw).doubleValue());
            return new PerOutput<>(Structure.ALL, out);
        }
        if (raw instanceof Map) {
            for (Map.Entry<String, Object> e : JsonTrees.asMap(raw).entrySet()) {
                out.put(e.getKey(), number(e.getValue()));
            }
            return new PerOutput<>(Structure.BY_NAME, out);
        }
        if (raw instanceof List) {
            List<?> list = (List<?>) raw;
            for (int i = 0; i < list.size(); i++) {
                out.put(String.valueOf(i), number(list.get(i)));
            }
            return new PerOutput<>(Structure.BY_POSITION, out);
        }
        throw new IOException("cannot read compile() loss_weights from " + raw);
    }

    private static Double number(Object o) throws IOException {
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        throw new IOException("a compile() loss weight must be a number, got " + o);
    }

    private static PerOutput<List<CompileEntry>> metricLists(Object raw, String argument) throws IOException {
        Map<String, List<CompileEntry>> out = new LinkedHashMap<>();
        if (raw == null) {
            return PerOutput.none();
        }
        if (raw instanceof Map && !isSerialisedObject(raw)) {
            for (Map.Entry<String, Object> e : JsonTrees.asMap(raw).entrySet()) {
                out.put(e.getKey(), entries(e.getValue(), argument));
            }
            return new PerOutput<>(Structure.BY_NAME, out);
        }
        if (raw instanceof List && !((List<?>) raw).isEmpty()
                && ((List<?>) raw).stream().allMatch(x -> x == null || x instanceof List)) {
            List<?> lists = (List<?>) raw;
            for (int i = 0; i < lists.size(); i++) {
                out.put(String.valueOf(i), entries(lists.get(i), argument));
            }
            return new PerOutput<>(Structure.BY_POSITION, out);
        }
        out.put(ALL_OUTPUTS, entries(raw, argument));
        return new PerOutput<>(Structure.ALL, out);
    }

    private static List<CompileEntry> entries(Object raw, String argument) throws IOException {
        List<CompileEntry> out = new ArrayList<>();
        if (raw instanceof List) {
            for (Object x : (List<?>) raw) {
                if (x instanceof List || (x instanceof Map && !isSerialisedObject(x))) {
                    throw new IOException("compile() " + argument + " nest deeper than one list per output: " + raw);
                }
                if (x != null) {
                    out.add(single(x));
                }
            }
        } else if (raw != null) {
            out.add(single(raw));
        }
        return List.copyOf(out);
    }

    /** One string or serialised object. */
    private static CompileEntry single(Object raw) throws IOException {
        if (raw instanceof String) {
            return CompileEntry.identifier((String) raw);
        }
        if (isSerialisedObject(raw)) {
            Map<String, Object> m = JsonTrees.asMap(raw);
            Object config = m.get("config");
            if (config instanceof String) {
                // Keras 3 serialises a plain function as {"class_name": "function", "config": "name"}
                return CompileEntry.identifier((String) config);
            }
            if (config != null && !(config instanceof Map)) {
                throw new IOException("the config of serialised " + m.get("class_name") + " is not an object: "
                        + config);
            }
            return CompileEntry.object((String) m.get("class_name"), normalised(config == null ? Map.of()
                    : JsonTrees.asMap(config)));
        }
        throw new IOException("cannot read a compile() loss or metric from " + raw
                + " (expected a string or a serialised Keras object)");
    }

    private static boolean isSerialisedObject(Object raw) {
        return raw instanceof Map && ((Map<?, ?>) raw).get("class_name") instanceof String;
    }

    /** A Keras 3 {@code DTypePolicy} object as its name, which is what Keras 2 wrote and metrics accept. */
    private static Map<String, Object> normalised(Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>(config);
        Object dtype = out.get("dtype");
        if (isSerialisedObject(dtype)) {
            Object policyConfig = JsonTrees.asMap(dtype).get("config");
            Object name = policyConfig instanceof Map ? ((Map<?, ?>) policyConfig).get("name") : null;
            out.put("dtype", name);
        }
        return out;
    }

    @Override
    public String toString() {
        return "KerasTrainingConfig{loss=" + losses.byKey() + ", loss_weights=" + lossWeights.byKey() + ", metrics="
                + metrics.byKey() + ", weighted_metrics=" + weightedMetrics.byKey() + ", keras_version="
                + kerasVersion + "}";
    }
}
