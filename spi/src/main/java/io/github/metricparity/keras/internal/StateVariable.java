package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import java.util.Arrays;

/**
 * One named state variable of a metric (Keras {@code add_variable}), held in double precision. A lazy variable has
 * no shape until {@link #build} (Keras builds some variables on the first update). Created through
 * {@link AbstractMetric#addVariable} and {@link AbstractMetric#addLazyVariable}.
 */
public final class StateVariable {
    /**
     * System property: the most values one metric's state may hold (default {@value #DEFAULT_MAX_VALUES}, 512 MiB
     * of doubles, plus as much again for the rollback copy). A config or a first batch that would need more is
     * refused instead of exhausting the heap (e.g. AUC with {@code num_thresholds=2000000000}).
     */
    public static final String MAX_VALUES_PROPERTY = "metricparity.maxStateValues";
    public static final long DEFAULT_MAX_VALUES = 1L << 26;

    private final String name;
    private final boolean lazy;
    private int[] shape;
    private double[] data;

    // rollback copy, kept between updates to avoid allocating on every update
    private int[] savedShape;
    private double[] saved;
    private boolean savedBuilt;

    StateVariable(String name, int[] shape) {
        this.name = name;
        this.lazy = shape == null;
        if (shape != null) {
            this.shape = shape.clone();
            this.data = new double[sizeOf(shape)];
        }
    }

    public String name() {
        return name;
    }

    public boolean isLazy() {
        return lazy;
    }

    public boolean isBuilt() {
        return data != null;
    }

    /** The shape; fails if the variable is not built. */
    public int[] shape() {
        requireBuilt();
        return shape.clone();
    }

    /** The live values (row-major). Write only inside an update, a merge or a restore. */
    public double[] data() {
        requireBuilt();
        return data;
    }

    /** Scalar value of a shape-() variable. */
    public double get() {
        return data()[0];
    }

    /** Adds to a scalar variable. */
    public void add(double delta) {
        data()[0] += delta;
    }

    /** Builds a lazy variable with zeros of the given shape; a no-op if already built with that shape. */
    public void build(int... newShape) {
        if (data != null) {
            if (!Arrays.equals(shape, newShape)) {
                throw new IllegalStateException("state variable '" + name + "' already has shape "
                        + Tensor.shapeString(shape) + ", cannot rebuild as " + Tensor.shapeString(newShape));
            }
            return;
        }
        long n = count(newShape);
        if (n > maxValues()) {
            throw new InvalidInputException("state variable '" + name + "' of shape " + Tensor.shapeString(newShape)
                    + " would hold " + n + " values, more than the limit of " + maxValues() + " ("
                    + MAX_VALUES_PROPERTY + ")");
        }
        shape = newShape.clone();
        data = new double[sizeOf(newShape)];
    }

    /** The limit of {@link #MAX_VALUES_PROPERTY}, read each time so that it can be changed at run time. */
    static long maxValues() {
        return Long.getLong(MAX_VALUES_PROPERTY, DEFAULT_MAX_VALUES);
    }

    /** The number of values of a shape, without int overflow; {@code Long.MAX_VALUE} for a negative dimension. */
    static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                return Long.MAX_VALUE;
            }
            n = Math.min(n * d, Long.MAX_VALUE / Integer.MAX_VALUE);
        }
        return n;
    }

    /** Keras {@code reset_state}: zeros; a built lazy variable stays built with its shape. */
    void zero() {
        if (data != null) {
            Arrays.fill(data, 0.0);
        }
    }

    /** Back to the not-built state of a lazy variable (a restored state that lacks it). */
    void unbuild() {
        if (lazy) {
            shape = null;
            data = null;
        } else {
            Arrays.fill(data, 0.0);
        }
    }

    void save() {
        savedBuilt = data != null;
        if (!savedBuilt) {
            return;
        }
        if (saved == null || saved.length != data.length) {
            saved = new double[data.length];
        }
        System.arraycopy(data, 0, saved, 0, data.length);
        savedShape = shape;
    }

    void rollback() {
        if (!savedBuilt) {
            shape = null;
            data = null;
            return;
        }
        if (data == null || data.length != saved.length) {
            data = new double[saved.length];
        }
        System.arraycopy(saved, 0, data, 0, saved.length);
        shape = savedShape;
    }

    Tensor toTensor() {
        return Tensor.of(data.clone(), shape.clone());
    }

    void set(Tensor value) {
        int[] s = value.shape();
        if (data == null || !Arrays.equals(shape, s)) {
            shape = s;
            data = new double[value.size()];
        }
        for (int i = 0; i < data.length; i++) {
            data[i] = value.get(i);
        }
    }

    private void requireBuilt() {
        if (data == null) {
            throw new IllegalStateException("state variable '" + name + "' is not built yet");
        }
    }

    private static int sizeOf(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
