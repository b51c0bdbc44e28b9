package io.github.metricparity.dl4j.modelimport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.H5Object;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.hdf5.global.hdf5;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * Writes small Keras {@code .h5} model files the way Keras 2's {@code model.save("m.h5")} lays them out (root
 * attributes {@code keras_version}, {@code backend}, {@code model_config}, {@code training_config}; weights under
 * {@code model_weights/<layer>/<layer>/kernel:0}), with the HDF5 library that deeplearning4j-modelimport uses. No
 * Python, no download: tests create their models.
 */
final class KerasH5Writer {
    private KerasH5Writer() {
    }

    /** A Sequential model of one Dense layer ({@code inputs -> units}, the given activation) with its weights. */
    @SuppressWarnings("try") // the pointer scope is opened for its close, which releases what the call opened
    static void writeDenseModel(Path file, int inputs, int units, String activation, float[] kernel, float[] bias,
            String trainingConfigJson) {
        String modelConfig = String.format(Locale.ROOT, "{\"class_name\": \"Sequential\", \"config\": {\"name\": "
                + "\"sequential\", \"layers\": [{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", "
                + "\"trainable\": true, \"batch_input_shape\": [null, %d], \"dtype\": \"float32\", \"units\": %d, "
                + "\"activation\": \"%s\", \"use_bias\": true, \"kernel_initializer\": {\"class_name\": "
                + "\"GlorotUniform\", \"config\": {\"seed\": null}}, \"bias_initializer\": {\"class_name\": "
                + "\"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, \"bias_regularizer\": null, "
                + "\"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null}}]}}",
                inputs, units, activation);
        // HDF5 is not thread-safe: every native object is released in this thread, under DL4J's HDF5 lock, when the
        // scope closes, never later by JavaCPP's garbage-collection thread
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (PointerScope scope = Hdf5File.releasing()) {
                H5File h5 = new H5File(file.toString(), hdf5.H5F_ACC_TRUNC);
                try {
                    writeString(h5, "keras_version", "2.4.0");
                    writeString(h5, "backend", "tensorflow");
                    writeString(h5, "model_config", modelConfig);
                    if (trainingConfigJson != null) {
                        writeString(h5, "training_config", trainingConfigJson);
                    }
                    Group weights = h5.createGroup("model_weights");
                    writeStrings(weights, "layer_names", List.of("dense"));
                    writeString(weights, "backend", "tensorflow");
                    writeString(weights, "keras_version", "2.4.0");
                    Group layer = weights.createGroup("dense");
                    writeStrings(layer, "weight_names", List.of("dense/kernel:0", "dense/bias:0"));
                    Group params = layer.createGroup("dense");
                    writeFloats(params, "kernel:0", kernel, inputs, units);
                    writeFloats(params, "bias:0", bias, units);
                    params.close();
                    layer.close();
                    weights.close();
                } finally {
                    h5.close();
                }
            }
        }
    }

    /** A scalar fixed-length string attribute, as h5py writes Python bytes. */
    private static void writeString(H5Object target, String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StrType type = new StrType(PredType.C_S1(), bytes.length);
        DataSpace scalar = new DataSpace(hdf5.H5S_SCALAR);
        Attribute a = target.createAttribute(name, type, scalar);
        a.write(type, new BytePointer(bytes));
        a.close();
        scalar.close();
        type.close();
    }

    /** A 1-d attribute of fixed-length strings (as Keras writes layer_names and weight_names). */
    private static void writeStrings(H5Object target, String name, List<String> values) {
        int width = values.stream().mapToInt(String::length).max().orElse(1);
        byte[] bytes = new byte[width * values.size()];
        for (int i = 0; i < values.size(); i++) {
            byte[] v = values.get(i).getBytes(StandardCharsets.UTF_8);
            System.arraycopy(v, 0, bytes, i * width, v.length);
        }
        StrType type = new StrType(PredType.C_S1(), width);
        DataSpace space = new DataSpace(1, new long[] {values.size()});
        Attribute a = target.createAttribute(name, type, space);
        a.write(type, new BytePointer(bytes));
        a.close();
        space.close();
        type.close();
    }

    private static void writeFloats(Group group, String name, float[] data, long... shape) {
        DataSpace space = new DataSpace(shape.length, shape);
        DataSet ds = group.createDataSet(name, PredType.NATIVE_FLOAT(), space);
        ds.write(new FloatPointer(data), PredType.NATIVE_FLOAT());
        ds.close();
        space.close();
    }
}
