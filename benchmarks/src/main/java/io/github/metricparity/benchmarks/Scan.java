package io.github.metricparity.benchmarks;

/**
 * The plain scan: the cheapest loop that reads every element of a float array, an OR of the bit patterns. The JIT
 * vectorises it, so on large arrays it runs at the memory bandwidth of the machine: the bound a metric update that
 * reads the same array cannot beat. (A float sum is slower: its order is fixed, so it is not vectorised.)
 */
final class Scan {
    private Scan() {
    }

    static int scan(float[] a) {
        int x = 0;
        for (float v : a) {
            x |= Float.floatToRawIntBits(v);
        }
        return x;
    }
}
