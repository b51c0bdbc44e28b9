package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.DType;

/**
 * Keras's numeric constants in a metric's dtype. {@code backend.epsilon()} is {@code 1e-7}; in float32 it is
 * 1.00000001e-7 and {@code 1 - epsilon} is 0.99999988 (not 0.9999999), which is why a confidently wrong
 * probability costs 15.942 in Keras's binary crossentropy, not 16.118 ({@code backend/config.py}).
 */
public final class Numerics {
    /**
     * The dtype Keras's per-sample metric functions ({@code losses.py}, {@code accuracy_metrics.py}) compute in: the
     * dtype of their inputs, which is float32 for model outputs and for Python lists ({@code backend.floatx()}).
     * A metric's own {@code dtype} does not change it: Keras casts the function's values and the sample weights to
     * the metric dtype only afterwards ({@code reduction_metrics.py reduce_to_samplewise_values}), so
     * {@code BinaryCrossentropy(dtype="float64")} still clips at the float32 {@code 1 - 1e-7}.
     */
    public static final DType INPUT_DTYPE = DType.FLOAT32;

    /** {@code keras.backend.epsilon()}. */
    public static final double EPSILON = 1e-7;

    private Numerics() {
    }

    /** {@code epsilon} as the dtype holds it. */
    public static double epsilon(DType dtype) {
        return dtype.round(EPSILON);
    }

    /** {@code 1 - epsilon} computed in the dtype. */
    public static double oneMinusEpsilon(DType dtype) {
        return dtype.round(1.0 - epsilon(dtype));
    }

    /** {@code divide_no_nan}: 0 when the denominator is 0. */
    public static double divideNoNan(double num, double den) {
        return den == 0.0 ? 0.0 : num / den;
    }

    /** Clips to {@code [lo, hi]}. */
    public static double clip(double x, double lo, double hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }

    /** Numerically stable {@code log(1 + exp(x))}. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** Logistic sigmoid. */
    public static double sigmoid(double x) {
        return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
    }
}
