package io.github.metricparity.spi;

import io.github.metricparity.spi.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Checkpoints: a metric's class, config and state as a JSON document, so an evaluation killed midway resumes with
 * nothing lost.
 *
 * <pre>{@code
 * Checkpoint.save(metric, file);                            // after some batches; atomic, fsync'ed
 * Metric resumed = Checkpoint.resume(file, MetricRegistry.load());  // a new process, later
 * resumed.update(...);                                       // continues exactly where the first one stopped
 * }</pre>
 *
 * <h2>Format (version {@value MetricState#FORMAT_VERSION})</h2>
 * The document is {@link MetricState#toMap()} written as JSON:
 * <pre>{@code
 * {
 *   "format": 1,
 *   "class_name": "SparseCategoricalAccuracy",
 *   "config": {"name": "sparse_categorical_accuracy", "dtype": "float32"},
 *   "variables": {
 *     "total": {"shape": [], "values": [3.0]},
 *     "count": {"shape": [], "values": [4.0]}
 *   }
 * }
 * }</pre>
 * {@code config} is the Keras {@code get_config()} of the metric; each variable holds its shape and its values in
 * row-major order. Doubles are written with {@link Double#toString(double)}, which reads back to the same bits, so a
 * restored state equals the saved one exactly; a non-finite value is written as the bare token {@code NaN},
 * {@code Infinity} or {@code -Infinity} (as Python's {@code json} module does). Readers refuse any other departure
 * from RFC 8259 and any other format version, and ignore unknown top-level fields; a change that readers must
 * understand gets a new version.
 *
 * <p>Stateless; safe to use from any thread (concurrent saves to the same file leave one complete document).
 */
public final class Checkpoint {
    private Checkpoint() {
    }

    /** The JSON document of a state. */
    public static String toJson(MetricState state) {
        try {
            return Json.write(state.toMap());
        } catch (IllegalArgumentException e) {
            throw new MetricException("checkpoint of " + state.className() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON document written by {@link #toJson}.
     *
     * @throws MetricException naming the line and column of a syntax error, or the field that does not fit the
     *                         format
     */
    public static MetricState fromJson(String json) {
        return fromJson(json, "checkpoint");
    }

    @SuppressWarnings("unchecked")
    private static MetricState fromJson(String json, String where) {
        Object tree;
        try {
            tree = Json.parse(json);
        } catch (Json.SyntaxException e) {
            throw new MetricException(where + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!(tree instanceof Map)) {
            throw new MetricException(where + ": the document must be a JSON object with 'format', 'class_name', "
                    + "'config' and 'variables'");
        }
        Map<String, Object> map = (Map<String, Object>) tree;
        Object format = map.get("format");
        if (!(format instanceof Integer) || (Integer) format != MetricState.FORMAT_VERSION) {
            throw new MetricException(where + ": field 'format' must be the integer " + MetricState.FORMAT_VERSION
                    + " (this reader's version), got " + format);
        }
        try {
            return MetricState.fromMap(map);
        } catch (MetricException e) {
            throw new MetricException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the metric's current state to {@code file}, replacing it atomically: the document goes to a temporary
     * file in the same directory, is forced to disk, then moved over {@code file}, so a process killed while saving
     * leaves the previous checkpoint intact.
     */
    public static void save(Metric metric, Path file) throws IOException {
        save(metric.snapshot(), file);
    }

    /** Writes a state to {@code file} atomically; see {@link #save(Metric, Path)}. */
    public static void save(MetricState state, Path file) throws IOException {
        byte[] bytes = toJson(state).getBytes(StandardCharsets.UTF_8);
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = Files.createTempFile(dir, absolute.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a checkpoint file.
     *
     * @throws MetricException naming the file and the problem when the document is malformed
     */
    public static MetricState load(Path file) throws IOException {
        String json = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return fromJson(json, "checkpoint " + file);
    }

    /**
     * Recreates the checkpointed metric: created from its class name and config by {@code registry}, then given the
     * saved state.
     *
     * @throws MetricException when the file is malformed, or the registry cannot create the metric or take the state
     */
    public static Metric resume(Path file, MetricRegistry registry) throws IOException {
        return resume(load(file), registry);
    }

    /** Recreates a metric from a state: created from its class and config by {@code registry}, then restored. */
    public static Metric resume(MetricState state, MetricRegistry registry) {
        Metric metric = registry.create(state.className(), state.config());
        metric.restore(state);
        return metric;
    }
}
