package io.github.metricparity.spi;

import java.util.Locale;

/**
 * The Keras {@code dtype} of a metric: the precision its per-sample values are computed in and the type of its
 * state. Keras computes in {@code float32} by default; results that depend on float32 rounding (the crossentropy
 * clip at {@code 1 - 1e-7}, a prediction equal to a threshold) are reproduced by rounding inputs and constants
 * through {@link #round(double)}. State is always accumulated in double precision here (see {@link Metric}).
 */
public enum DType {
    FLOAT32("float32"),
    FLOAT64("float64"),
    /** Integer state as the IoU family uses by default: weights are truncated toward zero. */
    INT32("int32"),
    INT64("int64");

    private final String kerasName;

    DType(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The Keras spelling, e.g. {@code "float32"}. */
    public String kerasName() {
        return kerasName;
    }

    /** True for the integer dtypes. */
    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /**
     * Rounds a value as a cast to this dtype would: to the nearest float32 for {@code FLOAT32}, toward zero for the
     * integer types, unchanged for {@code FLOAT64}.
     */
    public double round(double value) {
        switch (this) {
            case FLOAT32:
                return (float) value;
            case INT32:
            case INT64:
                return value < 0 ? Math.ceil(value) : Math.floor(value);
            default:
                return value;
        }
    }

    /**
     * Parses a Keras dtype string. {@code "int"} means the platform integer Keras uses for the IoU family
     * ({@code int64} on TensorFlow). Half precision is refused: this implementation does not emulate it.
     */
    public static DType parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "float32":
            case "float":
                return FLOAT32;
            case "float64":
            case "double":
                return FLOAT64;
            case "int32":
                return INT32;
            case "int64":
            case "int":
                return INT64;
            default:
                throw new IllegalArgumentException("unsupported dtype '" + name
                        + "' (supported: float32, float64, int32, int64, int)");
        }
    }
}
