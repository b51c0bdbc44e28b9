package io.github.metricparity.dl4j;

import io.github.metricparity.spi.Tensor;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conversions between ND4J arrays and the contract's {@link Tensor}.
 *
 * <h2>In place</h2>
 * A metric update reads a dense row-major {@code FLOAT} or {@code DOUBLE} array where ND4J keeps it: the tensor is a
 * view of the data buffer's direct NIO buffer ({@link #view}), and the reference metrics read it block by block
 * into arrays that stay in the cache. Such a view is valid only while the array is: {@link Nd4jMetric} keeps the
 * arrays reachable until its update returns.
 *
 * <h2>Copies</h2>
 * ND4J's CPU backend keeps array data off the Java heap, while a {@code Tensor} wraps a Java array, so crossing
 * from ND4J to a {@code Tensor} costs exactly one bulk copy of the array's elements when the array is dense
 * row-major (c order, element-wise stride 1: what network outputs and {@code DataSet}s hold): a bulk get from the
 * buffer's direct NIO view, at memory-copy speed ({@code DataBuffer.asFloat()} copies element by element and is 5 to
 * 15 times slower). Any other layout (a transposed or strided view) is first made dense with {@code dup('c')}, a
 * second copy. Float
 * arrays stay float (so float32 rounding is exactly Keras's), double arrays stay double; every other data type
 * (integers, half precision, booleans) is widened to double.
 *
 * <p>Stateless and thread-safe.
 */
public final class Nd4jTensors {
    private Nd4jTensors() {
    }

    /** The array's values and shape as a {@link Tensor} (rank 0 for a scalar), in one bulk copy; null stays null. */
    public static Tensor toTensor(INDArray array) {
        return toTensor(array, null);
    }

    /**
     * The array as a tensor that reads ND4J's memory in place when the array is dense row-major {@code FLOAT} or
     * {@code DOUBLE} (what network outputs and {@code DataSet}s hold), else {@link #toTensor(INDArray, CopyBuffer)}.
     * The view is valid while {@code array} is reachable and unchanged: the caller keeps it so
     * ({@link java.lang.ref.Reference#reachabilityFence}) until the tensor is no longer used.
     */
    static Tensor view(INDArray array, CopyBuffer buffer) {
        if (array == null || array.isEmpty() || !isDenseRowMajor(array)) {
            return toTensor(array, buffer);
        }
        int n = (int) array.length();
        // the NIO view starts at the data buffer's offset and runs to the end of the allocation behind it
        if (array.dataType() == DataType.FLOAT) {
            FloatBuffer data = array.data().asNioFloat();
            return Tensor.of(data.limit(data.position() + n), intShape(array));
        }
        if (array.dataType() == DataType.DOUBLE) {
            DoubleBuffer data = array.data().asNioDouble();
            return Tensor.of(data.limit(data.position() + n), intShape(array));
        }
        return toTensor(array, buffer);
    }

    /**
     * {@link #toTensor(INDArray)} copying into {@code buffer}'s reused array (a new array when null): the tensor is
     * valid until the buffer's next use.
     */
    static Tensor toTensor(INDArray array, CopyBuffer buffer) {
        if (array == null) {
            return null;
        }
        int[] shape = intShape(array);
        if (array.isEmpty()) {
            return array.dataType() == DataType.FLOAT ? Tensor.of(new float[0], shape) : Tensor.of(new double[0],
                    shape);
        }
        INDArray dense = isDenseRowMajor(array) ? array : array.dup('c');
        int n = (int) dense.length();
        if (dense.dataType() == DataType.FLOAT) {
            float[] out = buffer == null ? new float[n] : buffer.floats(n);
            // a bulk get from the direct buffer (memcpy speed); DataBuffer.asFloat() copies element by element
            dense.data().asNioFloat().get(out, 0, n);
            return Tensor.ofFloats(out, 0, shape);
        }
        if (dense.dataType() != DataType.DOUBLE) {
            dense = dense.castTo(DataType.DOUBLE);
        }
        double[] out = buffer == null ? new double[n] : buffer.doubles(n);
        dense.data().asNioDouble().get(out, 0, n);
        return Tensor.ofDoubles(out, 0, shape);
    }

    /**
     * A new ND4J array holding the tensor's values with its shape: {@code FLOAT} for float32 tensors, {@code DOUBLE}
     * otherwise. The values are copied (the tensor hands out no arrays) into ND4J's memory; null stays null.
     */
    public static INDArray toINDArray(Tensor tensor) {
        if (tensor == null) {
            return null;
        }
        long[] shape = new long[tensor.rank()];
        int[] s = tensor.shape();
        for (int i = 0; i < s.length; i++) {
            shape[i] = s[i];
        }
        if (tensor.size() == 0) {
            return Nd4j.create(tensor.isFloat32() ? DataType.FLOAT : DataType.DOUBLE, shape);
        }
        if (tensor.rank() == 0) {
            return tensor.isFloat32() ? Nd4j.scalar((float) tensor.get(0)) : Nd4j.scalar(tensor.get(0));
        }
        if (tensor.isFloat32()) {
            return Nd4j.create(tensor.toFloatArray(), shape, 'c');
        }
        return Nd4j.create(tensor.toDoubleArray(), shape, 'c');
    }

    /** The shape as ints, refusing dimensions beyond {@code Integer.MAX_VALUE} (a Tensor's limit). */
    public static int[] intShape(INDArray array) {
        long[] shape = array.shape();
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("array of shape " + java.util.Arrays.toString(shape)
                        + " is too large for a metric tensor (2^31-1 elements at most)");
            }
            out[i] = (int) shape[i];
        }
        return out;
    }

    /** True when the array's buffer holds exactly its elements in row-major order. */
    static boolean isDenseRowMajor(INDArray array) {
        return (array.rank() <= 1 || array.ordering() == 'c') && array.elementWiseStride() == 1
                && array.data().length() == array.length();
    }
}
