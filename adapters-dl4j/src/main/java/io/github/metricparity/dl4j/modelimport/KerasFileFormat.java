package io.github.metricparity.dl4j.modelimport;

/** The kind of Keras model file a {@link KerasModelFile} was read from. */
public enum KerasFileFormat {
    /**
     * Keras 3's native format ({@code model.save("m.keras")}): a zip of {@code config.json} (the model, with its
     * {@code compile_config}), {@code metadata.json} and {@code model.weights.h5}.
     */
    KERAS_ZIP,
    /** Keras 3's legacy {@code .h5} ({@code model.save("m.h5")}): HDF5 with {@code keras_version} 3.x. */
    KERAS3_H5,
    /** Keras 2 / tf.keras {@code .h5}: HDF5 with {@code keras_version} 1.x or 2.x. */
    KERAS2_H5
}
