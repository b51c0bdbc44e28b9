package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A Keras model file that cannot be read, or whose content is refused: the message names the file, what is wrong
 * with it and, where there is one, the fix. Checked, as any I/O failure.
 */
public final class KerasModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The three kinds of Keras model file this adapter reads, for messages. */
    static final String ACCEPTED = "a Keras 3 .keras zip (config.json + model.weights.h5), a Keras 3 .h5 or a Keras 2"
            + " .h5 (HDF5 with a model_config attribute)";

    private final transient Path file;

    KerasModelFileException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    KerasModelFileException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file the problem is in. */
    public Path file() {
        return file;
    }
}
