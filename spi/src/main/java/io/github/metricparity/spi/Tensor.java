package io.github.metricparity.spi;

import io.github.metricparity.spi.internal.TensorBuffers;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A dense, immutable, row-major view of numbers with a shape: how arrays cross module borders without framework
 * types.
 *
 * <p>A tensor wraps a {@code float[]} or a {@code double[]} without copying (an offset lets it start inside a larger
 * buffer, as ND4J buffers often do), or a {@link FloatBuffer} or {@link DoubleBuffer}, also without copying: a
 * direct buffer over memory outside the Java heap (ND4J's, for one) is read in place. Integer inputs (class ids) are
 * accepted through {@link #ofInts} and copied.
 * A rank-0 tensor (shape {@code []}) is a scalar. Element access is by flat row-major index.
 *
 * <p>Tensors never change after creation, and never hand out their arrays (read them with {@link #get},
 * {@link #toDoubleArray} or {@link #toFloatArray}); the arrays and buffers handed to the factories must not be
 * modified while the tensor is in use. Instances are safe to share between threads once published.
 */
public final class Tensor {
    private static final int[] SCALAR_SHAPE = new int[0];

    static {
        // the reference metrics' hot loops read the arrays through this module's unexported accessor
        TensorBuffers.register(new TensorBuffers.Access() {
            @Override
            public float[] floats(Tensor t) {
                return t.floatView != null ? t.copiedFloats() : t.floats;
            }

            @Override
            public double[] doubles(Tensor t) {
                return t.doubleView != null ? t.copiedDoubles() : t.doubles;
            }

            @Override
            public FloatBuffer floatView(Tensor t) {
                return t.floatView;
            }

            @Override
            public DoubleBuffer doubleView(Tensor t) {
                return t.doubleView;
            }

            @Override
            public int offset(Tensor t) {
                return t.offset;
            }
        });
    }

    private final int[] shape;
    private final float[] floats;
    private final double[] doubles;
    private final int offset;
    private final int size;
    // a buffer the tensor reads in place (element 0 at index 0), instead of an array
    private final FloatBuffer floatView;
    private final DoubleBuffer doubleView;
    // the buffer's values as an array, made for the first loop that needs one (see TensorBuffers)
    private volatile float[] floatCopy;
    private volatile double[] doubleCopy;

    private Tensor(int[] shape, float[] floats, double[] doubles, int offset) {
        this(shape, floats, doubles, offset, null, null);
    }

    private Tensor(int[] shape, float[] floats, double[] doubles, int offset, FloatBuffer floatView,
            DoubleBuffer doubleView) {
        this.shape = shape;
        this.floats = floats;
        this.doubles = doubles;
        this.offset = offset;
        this.floatView = floatView;
        this.doubleView = doubleView;
        this.size = sizeOf(shape);
        int length = floats != null ? floats.length : doubles != null ? doubles.length
                : floatView != null ? floatView.capacity() : doubleView.capacity();
        int available = length - offset;
        if (offset < 0 || available < size) {
            throw new IllegalArgumentException("Tensor: shape " + shapeString(shape) + " needs " + size
                    + " elements from offset " + offset + ", but the buffer holds " + Math.max(0, available));
        }
    }

    /**
     * Wraps {@code data} (no copy) with the given shape, which must account for every element; an empty shape is a
     * scalar. Use {@link #ofFloats} to view part of a larger buffer.
     */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(checkedShape(shape, data.length), data, null, 0);
    }

    /** Wraps {@code data} (no copy) with the given shape, which must account for every element. */
    public static Tensor of(double[] data, int... shape) {
        return new Tensor(checkedShape(shape, data.length), null, data, 0);
    }

    /** Wraps {@code data} starting at {@code offset} (no copy), as ND4J views and sub-buffers need. */
    public static Tensor ofFloats(float[] data, int offset, int... shape) {
        return new Tensor(shape.clone(), data, null, offset);
    }

    /** Wraps {@code data} starting at {@code offset} (no copy). */
    public static Tensor ofDoubles(double[] data, int offset, int... shape) {
        return new Tensor(shape.clone(), null, data, offset);
    }

    /**
     * Wraps the remaining elements of {@code data} (from its position to its limit) without copying, with the given
     * shape, which must account for every one of them. A direct buffer is read in place, where it is; the tensor
     * keeps its own view, so moving the buffer's position later changes nothing.
     */
    public static Tensor of(FloatBuffer data, int... shape) {
        FloatBuffer view = data.slice();
        return new Tensor(checkedShape(shape, view.capacity()), null, null, 0, view, null);
    }

    /** {@link #of(FloatBuffer, int...)} for doubles. */
    public static Tensor of(DoubleBuffer data, int... shape) {
        DoubleBuffer view = data.slice();
        return new Tensor(checkedShape(shape, view.capacity()), null, null, 0, null, view);
    }

    /** Copies integer data (class ids, counts) into a double tensor. */
    public static Tensor ofInts(int[] data, int... shape) {
        double[] copy = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            copy[i] = data[i];
        }
        return of(copy, shape);
    }

    /** A rank-0 tensor. */
    public static Tensor scalar(double value) {
        return new Tensor(SCALAR_SHAPE, null, new double[] {value}, 0);
    }

    /** A rank-1 tensor holding {@code values} (no copy). */
    public static Tensor vector(double... values) {
        return new Tensor(new int[] {values.length}, null, values, 0);
    }

    /** A tensor of zeros with the given shape, backed by doubles. */
    public static Tensor zeros(int... shape) {
        return new Tensor(shape.clone(), null, new double[sizeOf(shape)], 0);
    }

    private static int[] checkedShape(int[] shape, int length) {
        if (sizeOf(shape) != length) {
            throw new IllegalArgumentException("Tensor: shape " + shapeString(shape) + " holds " + sizeOf(shape)
                    + " elements, but the data has " + length);
        }
        return shape.clone();
    }

    static int sizeOf(int[] shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Tensor: negative dimension in shape " + shapeString(shape));
            }
            size *= d;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Tensor: shape " + shapeString(shape)
                        + " has more than 2^31-1 elements");
            }
        }
        return (int) size;
    }

    /** Number of dimensions; 0 for a scalar. */
    public int rank() {
        return shape.length;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of dimension {@code axis}; negative axes count from the end as in Python. */
    public int dim(int axis) {
        return shape[normalizeAxis(axis)];
    }

    /** Turns a possibly negative axis into an index in {@code [0, rank)}, or throws. */
    public int normalizeAxis(int axis) {
        int a = axis < 0 ? axis + shape.length : axis;
        if (a < 0 || a >= shape.length) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for a tensor of shape "
                    + shapeString());
        }
        return a;
    }

    /** Total number of elements. */
    public int size() {
        return size;
    }

    /** The element at flat row-major index {@code i}, widened to double. */
    public double get(int i) {
        if (floats != null) {
            return floats[offset + i];
        }
        if (doubles != null) {
            return doubles[offset + i];
        }
        checkIndex(i);
        return floatView != null ? floatView.get(i) : doubleView.get(i);
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " out of a tensor of shape " + shapeString());
        }
    }

    /** True when the data is float32: a {@code float[]} or a {@link FloatBuffer}. */
    public boolean isFloat32() {
        return floats != null || floatView != null;
    }

    /** All elements as a new float array (each value rounded to float32 when the tensor holds doubles). */
    public float[] toFloatArray() {
        float[] out = new float[size];
        if (floats != null) {
            System.arraycopy(floats, offset, out, 0, size);
        } else if (floatView != null) {
            floatView.get(0, out, 0, size);
        } else {
            for (int i = 0; i < size; i++) {
                out[i] = (float) get(i);
            }
        }
        return out;
    }

    private float[] copiedFloats() {
        float[] copy = floatCopy;
        if (copy == null) {
            copy = toFloatArray();
            floatCopy = copy;
        }
        return copy;
    }

    private double[] copiedDoubles() {
        double[] copy = doubleCopy;
        if (copy == null) {
            copy = new double[size];
            doubleView.get(0, copy, 0, size);
            doubleCopy = copy;
        }
        return copy;
    }

    /** The single value of a tensor with exactly one element (a scalar, or shape (1,), (1,1), ...). */
    public double item() {
        if (size != 1) {
            throw new IllegalStateException("item() needs exactly one element; this tensor has shape " + shapeString());
        }
        return get(0);
    }

    /** The same data seen with another shape of the same size (no copy). */
    public Tensor reshape(int... newShape) {
        if (sizeOf(newShape) != size) {
            throw new IllegalArgumentException("cannot reshape a tensor of shape " + shapeString() + " to "
                    + shapeString(newShape));
        }
        return new Tensor(newShape.clone(), floats, doubles, offset, floatView, doubleView);
    }

    /** All elements as a new double array. */
    public double[] toDoubleArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** The shape in Python tuple notation, e.g. {@code (2, 3)}, {@code (4,)} or {@code ()}. */
    public String shapeString() {
        return shapeString(shape);
    }

    /** Python tuple notation for a shape. */
    public static String shapeString(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** Same shape and same values (compared as doubles); float and double storage compare equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tensor)) {
            return false;
        }
        Tensor t = (Tensor) o;
        if (!Arrays.equals(shape, t.shape)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (Double.compare(get(i), t.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(shape);
        for (int i = 0; i < size; i++) {
            h = 31 * h + Double.hashCode(get(i));
        }
        return h;
    }

    /** Nested-list notation like numpy, e.g. {@code [[1.0, 2.0], [3.0, 4.0]]}. */
    @Override
    public String toString() {
        if (shape.length == 0) {
            return Double.toString(get(0));
        }
        StringBuilder sb = new StringBuilder();
        appendNested(sb, 0, 0);
        return sb.toString();
    }

    private int appendNested(StringBuilder sb, int axis, int index) {
        sb.append('[');
        for (int i = 0; i < shape[axis]; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (axis == shape.length - 1) {
                sb.append(get(index++));
            } else {
                index = appendNested(sb, axis + 1, index);
            }
        }
        sb.append(']');
        return index;
    }
}
