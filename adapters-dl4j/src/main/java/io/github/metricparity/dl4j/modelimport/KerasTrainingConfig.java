package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.nd4j.shade.jackson.core.type.TypeReference;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * The compile() arguments a Keras model saved as {@code .h5} carries in its {@code training_config} attribute: the
 * loss, the metrics and the weighted metrics, plus the file's {@code keras_version}.
 *
 * <p>Both layouts are read: Keras 2 / tf.keras ({@code {"loss": ..., "metrics": [...], "weighted_metrics": ...,
 * "optimizer_config": ...}}, whose metrics may be strings or already resolved serialised objects such as
 * {@code MeanMetricWrapper(fn="categorical_accuracy")}) and Keras 3 (the {@code compile_config}:
 * {@code {"optimizer": ..., "loss": ..., "metrics": [...], ...}}, possibly wrapped as
 * {@code {"compile_config": {...}}}, whose objects carry {@code module} and {@code registered_name} and whose
 * {@code dtype} may be a {@code DTypePolicy} object). Per-output metrics (a dict by output name, or a list of
 * lists) are kept per output. Immutable.
 */
public final class KerasTrainingConfig {
    /** The key under which {@link #metricsByOutput()} holds metrics that apply to every output. */
    public static final String ALL_OUTPUTS = "";

    private final CompileEntry loss;
    private final Map<String, List<CompileEntry>> metrics;
    private final Map<String, List<CompileEntry>> weightedMetrics;
    private final String kerasVersion;

    private KerasTrainingConfig(CompileEntry loss, Map<String, List<CompileEntry>> metrics,
            Map<String, List<CompileEntry>> weightedMetrics, String kerasVersion) {
        this.loss = loss;
        this.metrics = metrics;
        this.weightedMetrics = weightedMetrics;
        this.kerasVersion = kerasVersion;
    }

    /**
     * Reads the training config of a Keras {@code .h5} model file.
     *
     * @throws IOException if the file cannot be read, or holds no {@code training_config} (a model saved without
     *                     compile(), or with {@code include_optimizer=False})
     */
    public static KerasTrainingConfig read(Path h5) throws IOException {
        if (!Files.isReadable(h5)) {
            throw new IOException("cannot read Keras model file " + h5);
        }
        String json;
        String version = null;
        // HDF5 is not thread-safe: the archive's native objects are released in this thread, under DL4J's HDF5 lock,
        // when the scope closes, not later by JavaCPP's garbage-collection thread in the middle of other HDF5 calls
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (PointerScope scope = new PointerScope(); Hdf5Archive archive = new Hdf5Archive(h5.toString())) {
                if (!archive.hasAttribute("training_config")) {
                    throw new IOException(h5 + " has no training_config attribute: the model was saved without "
                            + "compile() (or with include_optimizer=False), so it records no loss or metrics");
                }
                json = archive.readAttributeAsJson("training_config");
                if (archive.hasAttribute("keras_version")) {
                    version = clean(archive.readAttributeAsString("keras_version"));
                }
            } catch (UnsupportedKerasConfigurationException e) {
                throw new IOException("cannot read the training_config of " + h5 + ": " + e.getMessage(), e);
            }
        }
        return parse(clean(json), version);
    }

    /**
     * Parses a {@code training_config} (or Keras 3 {@code compile_config}) JSON string.
     *
     * @param kerasVersion the {@code keras_version} attribute, or null
     * @throws IOException if the JSON is malformed or has no loss and no metrics
     */
    public static KerasTrainingConfig parse(String json, String kerasVersion) throws IOException {
        Map<String, Object> root = new ObjectMapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        Object wrapped = root.get("compile_config");
        if (wrapped instanceof Map) {
            root = asMap(wrapped);
        }
        if (!root.containsKey("loss") && !root.containsKey("metrics")) {
            throw new IOException("not a Keras training config (no 'loss' and no 'metrics'): " + json);
        }
        Object rawLoss = root.get("loss");
        // a dict or list of losses is one per output: no single loss to report
        CompileEntry loss = rawLoss instanceof String || isSerialisedObject(rawLoss) ? single(rawLoss) : null;
        return new KerasTrainingConfig(loss, perOutput(root.get("metrics")), perOutput(root.get("weighted_metrics")),
                kerasVersion);
    }

    /** The compile() loss of a single-output model, or null (none, or one per output). */
    public CompileEntry loss() {
        return loss;
    }

    /** The metrics of a single-output model (those given for every output). */
    public List<CompileEntry> metrics() {
        return metrics.getOrDefault(ALL_OUTPUTS, List.of());
    }

    /** The weighted metrics of a single-output model. */
    public List<CompileEntry> weightedMetrics() {
        return weightedMetrics.getOrDefault(ALL_OUTPUTS, List.of());
    }

    /**
     * Metrics per output: {@link #ALL_OUTPUTS} for a flat list, the output name for a dict, {@code "0"}, {@code "1"},
     * ... for a list of lists.
     */
    public Map<String, List<CompileEntry>> metricsByOutput() {
        return metrics;
    }

    /** The file's {@code keras_version} ({@code "2.4.0"}, {@code "3.3.3"}), or null. */
    public String kerasVersion() {
        return kerasVersion;
    }

    private static Map<String, List<CompileEntry>> perOutput(Object raw) throws IOException {
        Map<String, List<CompileEntry>> out = new LinkedHashMap<>();
        if (raw == null) {
            return Collections.unmodifiableMap(out);
        }
        if (raw instanceof Map && !isSerialisedObject(raw)) {
            for (Map.Entry<String, Object> e : asMap(raw).entrySet()) {
                out.put(e.getKey(), entries(e.getValue()));
            }
        } else if (raw instanceof List && !((List<?>) raw).isEmpty() && ((List<?>) raw).stream()
                .allMatch(x -> x == null || x instanceof List)) {
            List<?> lists = (List<?>) raw;
            for (int i = 0; i < lists.size(); i++) {
                out.put(String.valueOf(i), entries(lists.get(i)));
            }
        } else {
            out.put(ALL_OUTPUTS, entries(raw));
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<CompileEntry> entries(Object raw) throws IOException {
        List<CompileEntry> out = new ArrayList<>();
        if (raw instanceof List) {
            for (Object x : (List<?>) raw) {
                if (x != null) {
                    out.add(single(x));
                }
            }
        } else if (raw != null) {
            out.add(single(raw));
        }
        return List.copyOf(out);
    }

    /** One string or serialised object; null stays null. */
    private static CompileEntry single(Object raw) throws IOException {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String) {
            return CompileEntry.identifier((String) raw);
        }
        if (isSerialisedObject(raw)) {
            Map<String, Object> m = asMap(raw);
            Object config = m.get("config");
            if (config instanceof String) {
                // Keras 3 serialises a plain function as {"class_name": "function", "config": "name"}
                return CompileEntry.identifier((String) config);
            }
            return CompileEntry.object((String) m.get("class_name"), normalised(config == null ? Map.of()
                    : asMap(config)));
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
            Object policyConfig = asMap(dtype).get("config");
            Object name = policyConfig instanceof Map ? ((Map<?, ?>) policyConfig).get("name") : null;
            out.put("dtype", name);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** Attribute strings come padded with NULs. */
    private static String clean(String s) {
        return s == null ? null : s.replace("\u0000", "").trim();
    }

    @Override
    public String toString() {
        return "KerasTrainingConfig{loss=" + loss + ", metrics=" + metrics + ", weighted_metrics=" + weightedMetrics
                + ", keras_version=" + kerasVersion + "}";
    }
}
