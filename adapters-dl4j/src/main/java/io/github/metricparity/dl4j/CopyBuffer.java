package io.github.metricparity.dl4j;

/**
 * A Java array that ND4J data is copied into, kept from one batch to the next so that crossing to a reference
 * metric costs the copy only: a new array per batch would also be zeroed by the JVM and collected (measured on
 * 1,000,000 x 10 float32 {@code CategoricalAccuracy} batches: 80 MB allocated per update, see
 * {@code benchmarks/README.md}). It grows to the largest batch seen and is dropped by {@link #release}; its contents
 * are meaningful only during the update that filled it.
 *
 * <p>Not thread-safe: owned by one metric instance, which is itself confined to one thread.
 */
final class CopyBuffer {
    private float[] floats = new float[0];
    private double[] doubles = new double[0];

    /** An array of at least {@code n} floats (its contents undefined). */
    float[] floats(int n) {
        if (floats.length < n) {
            floats = new float[n];
        }
        return floats;
    }

    /** An array of at least {@code n} doubles (its contents undefined). */
    double[] doubles(int n) {
        if (doubles.length < n) {
            doubles = new double[n];
        }
        return doubles;
    }

    /** Lets the arrays be collected (a metric's {@code reset}: the next batches may be smaller). */
    void release() {
        floats = new float[0];
        doubles = new double[0];
    }
}
