package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A Keras model file, read as untrusted input: the one entry point for the three formats Keras writes.
 * <pre>{@code
 * KerasModelFile file = KerasModelFile.read(Path.of("model.keras"));   // or a Keras 3 / Keras 2 .h5
 * KerasModelEvaluation eval = file.evaluation();        // compile() loss and metrics, resolved as Keras does
 * Dl4jKerasModel model = file.importModel();            // a MultiLayerNetwork or ComputationGraph
 * Map<String, Double> logs = eval.evaluate(model, inputs, labels, sampleWeight);  // = Keras evaluate() dict
 * }</pre>
 * <ul>
 * <li>{@link KerasFileFormat#KERAS_ZIP}: Keras 3's {@code .keras} zip. Its entries are checked (names inside the
 *     archive, sizes within {@link KerasFileLimits}); the weights are unpacked into a temporary directory, read, and
 *     the directory is deleted before {@code read} returns.</li>
 * <li>{@link KerasFileFormat#KERAS3_H5}: the {@code .h5} Keras 3 writes.</li>
 * <li>{@link KerasFileFormat#KERAS2_H5}: a Keras 2 / tf.keras {@code .h5}; its weights are left to
 *     deeplearning4j-modelimport, which reads that format itself.</li>
 * </ul>
 * Anything else is refused with a {@link KerasModelFileException} that names the file and the formats accepted.
 * The HDF5 natives (bytedeco {@code hdf5} for the platform) are the application's dependency, as DL4J's own import
 * needs them. Immutable once read.
 */
public final class KerasModelFile {
    private final Path path;
    private final KerasFileFormat format;
    private final String kerasVersion;
    private final Map<String, Object> modelConfig;
    private final KerasTrainingConfig trainingConfig;
    private final Map<String, List<LayerWeight>> weights;
    private final KerasFileLimits limits;

    private KerasModelFile(Path path, KerasFileFormat format, String kerasVersion, Map<String, Object> modelConfig,
            KerasTrainingConfig trainingConfig, Map<String, List<LayerWeight>> weights, KerasFileLimits limits) {
        this.path = path;
        this.format = format;
        this.kerasVersion = kerasVersion;
        this.modelConfig = modelConfig;
        this.trainingConfig = trainingConfig;
        this.weights = weights;
        this.limits = limits;
    }

    /** Reads a model file with the {@link KerasFileLimits#DEFAULT default limits}. */
    public static KerasModelFile read(Path file) throws KerasModelFileException {
        return read(file, KerasFileLimits.DEFAULT);
    }

    /**
     * Reads a model file: its format, model config, compile config and (Keras 3 formats) weights.
     *
     * @throws KerasModelFileException if the file cannot be read, is none of the accepted formats, or its content
     *                                 is refused (each message names the file and the reason)
     */
    public static KerasModelFile read(Path file, KerasFileLimits limits) throws KerasModelFileException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limits, "limits");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new KerasModelFileException(file, "no readable file there");
        }
        byte[] head;
        try {
            head = Hdf5File.head(file, 8);
        } catch (IOException e) {
            throw new KerasModelFileException(file, "cannot read it: " + e.getMessage(), e);
        }
        if (KerasZip.hasSignature(head)) {
            return readZip(file, limits);
        }
        if (Hdf5File.hasSignature(head)) {
            return readH5(file, limits);
        }
        throw new KerasModelFileException(file, "neither a zip nor an HDF5 file; expected "
                + KerasModelFileException.ACCEPTED);
    }

    private static KerasModelFile readZip(Path file, KerasFileLimits limits) throws KerasModelFileException {
        Map<String, Object> root;
        String version;
        Map<String, List<LayerWeight>> weights;
        try (KerasZip zip = KerasZip.open(file, limits)) {
            if (!zip.has(KerasZip.CONFIG)) {
                throw new KerasModelFileException(file, "a zip without " + KerasZip.CONFIG + ", so not a Keras 3 "
                        + ".keras model; expected " + KerasModelFileException.ACCEPTED);
            }
            root = parse(file, zip.text(KerasZip.CONFIG, limits.maxConfigBytes()), KerasZip.CONFIG);
            version = zip.has(KerasZip.METADATA) ? stringOrNull(parse(file, zip.text(KerasZip.METADATA,
                    limits.maxConfigBytes()), KerasZip.METADATA).get("keras_version")) : null;
            if (!zip.has(KerasZip.WEIGHTS)) {
                throw new KerasModelFileException(file, "the zip has no " + KerasZip.WEIGHTS + " (Keras writes "
                        + "sharded or .npz weights only for other stores; save with model.save(\"m.keras\"))");
            }
            Path dir = null;
            try {
                dir = Files.createTempDirectory("metricparity-keras-");
                Path h5 = dir.resolve("model.weights.h5");
                zip.copy(KerasZip.WEIGHTS, h5, limits.maxWeightBytes());
                try (Hdf5File weightsFile = Hdf5File.open(h5, file)) {
                    weights = Keras3Weights.fromZipLayout(weightsFile, new Hdf5File.Budget(limits));
                }
            } catch (IOException e) {
                throw e instanceof KerasModelFileException ? (KerasModelFileException) e
                        : new KerasModelFileException(file, "cannot unpack the weights: " + e.getMessage(), e);
            } finally {
                deleteTree(dir);
            }
        }
        return new KerasModelFile(file, KerasFileFormat.KERAS_ZIP, version, root, trainingConfig(file, root,
                version), weights, limits);
    }

    private static KerasModelFile readH5(Path file, KerasFileLimits limits) throws KerasModelFileException {
        try (Hdf5File h5 = Hdf5File.open(file, file)) {
            if (!h5.hasAttribute("model_config", "/")) {
                throw new KerasModelFileException(file, "an HDF5 file without a model_config attribute: a weights-only "
                        + "file (save_weights) or not a Keras model; expected " + KerasModelFileException.ACCEPTED);
            }
            String version = h5.hasAttribute("keras_version", "/")
                    ? h5.stringAttribute("keras_version", 256, "/") : null;
            Map<String, Object> root = parse(file, h5.stringAttribute("model_config", limits.maxConfigBytes(), "/"),
                    "model_config");
            KerasTrainingConfig training = null;
            if (h5.hasAttribute("training_config", "/")) {
                String json = h5.stringAttribute("training_config", limits.maxConfigBytes(), "/");
                training = trainingConfig(file, parse(file, json, "training_config"), version);
            }
            boolean keras3 = version != null && version.trim().startsWith("3");
            Map<String, List<LayerWeight>> weights = keras3
                    ? Keras3Weights.fromH5Layout(h5, new Hdf5File.Budget(limits)) : Map.of();
            return new KerasModelFile(file, keras3 ? KerasFileFormat.KERAS3_H5 : KerasFileFormat.KERAS2_H5, version,
                    root, training, weights, limits);
        }
    }

    private static Map<String, Object> parse(Path file, String json, String what) throws KerasModelFileException {
        try {
            return JsonTrees.parseObject(json, what);
        } catch (IOException e) {
            throw new KerasModelFileException(file, e.getMessage(), e);
        }
    }

    private static KerasTrainingConfig trainingConfig(Path file, Map<String, Object> root, String version)
            throws KerasModelFileException {
        Object compile = root.containsKey("compile_config") ? root.get("compile_config") : root;
        if (compile != null && !(compile instanceof Map)) {
            throw new KerasModelFileException(file, "its compile_config is not a JSON object");
        }
        if (compile == null || (!JsonTrees.asMap(compile).containsKey("loss")
                && !JsonTrees.asMap(compile).containsKey("metrics"))) {
            return null; // saved without compile()
        }
        try {
            return KerasTrainingConfig.fromMap(JsonTrees.asMap(compile), version);
        } catch (IOException e) {
            throw new KerasModelFileException(file, "cannot read its compile config: " + e.getMessage(), e);
        }
    }

    private static String stringOrNull(Object o) {
        return o instanceof String ? (String) o : null;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is reclaimed by the OS
        }
    }

    /** The file read. */
    public Path path() {
        return path;
    }

    public KerasFileFormat format() {
        return format;
    }

    /** The {@code keras_version} the file records ({@code "3.16.0"}), or null. */
    public String kerasVersion() {
        return kerasVersion;
    }

    /** The compile() config, or null for a model saved without compile(). */
    public KerasTrainingConfig trainingConfig() {
        return trainingConfig;
    }

    /** The model config as JSON objects ({@code class_name}, {@code config}, ...), unmodifiable. */
    public Map<String, Object> modelConfig() {
        return Collections.unmodifiableMap(modelConfig);
    }

    /** The limits the file was read under (they also bound the import). */
    public KerasFileLimits limits() {
        return limits;
    }

    /** The model's class: {@code "Sequential"}, {@code "Functional"} (or Keras 2's {@code "Model"}). */
    public String modelClass() {
        return stringOrNull(modelConfig.get("class_name"));
    }

    /**
     * The model's output names, in order: a functional model's {@code output_layers}; a Sequential model's one
     * output is named after its last layer.
     */
    public List<String> outputNames() throws KerasModelFileException {
        return ModelGraph.of(this).outputNames();
    }

    /**
     * How the compile config applies to this model's outputs, as Keras 3's {@code CompileMetrics} and
     * {@code CompileLoss} resolve it: every metric with the key {@code evaluate(return_dict=True)} reports it under.
     *
     * @throws KerasModelFileException if the model was not compiled, or Keras would refuse the config for it
     */
    public CompilePlan compilePlan() throws KerasModelFileException {
        if (trainingConfig == null) {
            throw new KerasModelFileException(path, "the model was saved without compile(): it records no loss or "
                    + "metrics");
        }
        return CompilePlan.of(this);
    }

    /** A fresh evaluation of the compile() loss and metrics, which reproduces Keras's {@code evaluate()}. */
    public KerasModelEvaluation evaluation() throws KerasModelFileException {
        return new KerasModelEvaluation(compilePlan(), this);
    }

    /**
     * The penalty of the model's weight regularizers (L1, L2, L1L2), which Keras adds to every batch's
     * {@code loss} in {@code evaluate()}; 0 for a model without one.
     *
     * @throws KerasModelFileException for a regularizer whose penalty is not reproduced (an activity regularizer,
     *                                 another class, or any regularizer of a Keras 2 file)
     */
    public double regularizationPenalty() throws KerasModelFileException {
        return Regularization.penalty(this);
    }

    /**
     * The model as a DL4J network with its weights: Keras 3 files are translated to the Keras 2 form that
     * deeplearning4j-modelimport reads, Keras 2 files go to it as they are.
     *
     * @throws KerasModelFileException if a layer cannot be imported (the message names the layer and the file)
     */
    public Dl4jKerasModel importModel() throws KerasModelFileException {
        return Dl4jImport.of(this);
    }

    /** The Keras 3 weights by layer name, in the order the file lists them (empty for Keras 2 files). */
    Map<String, List<LayerWeight>> weights() {
        return weights;
    }

    /**
     * One weight array of a layer: its name where the file records it ({@code .h5}: {@code "kernel"}), or null
     * ({@code .keras} numbers them in the layer's order), and its values.
     */
    record LayerWeight(String name, Hdf5File.Array array) {
    }

    @Override
    public String toString() {
        return "KerasModelFile{" + path + ", " + format + ", keras_version=" + kerasVersion + "}";
    }
}
