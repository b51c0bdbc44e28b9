package io.github.metricparity.dl4j;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Metric;
import java.util.List;

/**
 * Picks the ND4J fast path of a reference metric from its class and config, or none, and says from which batch size
 * on it is used.
 *
 * <h2>Where ND4J pays off</h2>
 * Crossing to a reference metric costs one bulk copy per array (memory-copy speed) and the reference's JIT-compiled
 * loops; an ND4J op costs a native call with OpenMP set-up, 0.1 to 0.5 ms each on a 2-core machine, and a fast path
 * needs several (finiteness, argmax or threshold, comparison, reductions). Measured on 2 cores
 * ({@code OMP_NUM_THREADS=1}; README, DL4J section): at 256 x 10 predictions the reference path is 8 to 12 times
 * faster, at 4096 x 100 they are even, from about a million elements on the argmax fast paths of
 * {@code CategoricalAccuracy} and {@code SparseCategoricalAccuracy} win (1.4 to 2.3 times faster at 8192 x 1000).
 * They are therefore used from {@value #DEFAULT_MIN_ELEMENTS} prediction elements on (system property
 * {@value #MIN_ELEMENTS_PROPERTY}). Fast paths for {@code BinaryAccuracy} and the crossentropies were measured too and
 * dropped: element-wise thresholds, clips, logs and log-sum-exps take several ND4J passes (over double copies for
 * the crossentropies) against the reference's single fused loop, and were slower at every size but one (up to 17
 * times at 256 x 10).
 */
final class FastPaths {
    /** The system property that sets {@link #minElements()}. */
    static final String MIN_ELEMENTS_PROPERTY = "metricparity.dl4j.fastPathMinElements";
    /** About where the accuracy fast paths start to beat the reference path (4096 x 256 predictions). */
    static final long DEFAULT_MIN_ELEMENTS = 1L << 20;

    private static final List<String> MEAN_STATE = List.of("total", "count");

    private FastPaths() {
    }

    /** The smallest number of prediction elements for which a fast path is used. */
    static long minElements() {
        return Long.getLong(MIN_ELEMENTS_PROPERTY, DEFAULT_MIN_ELEMENTS);
    }

    /** The fast path for this reference metric, or null. */
    static FastPath forMetric(Metric reference) {
        DType dtype = reference.dtype();
        if (dtype != DType.FLOAT32 && dtype != DType.FLOAT64) {
            return null;
        }
        // a fast path adds to total and count: only for metrics whose state is exactly that
        if (!List.copyOf(reference.snapshot().variables().keySet()).equals(MEAN_STATE)) {
            return null;
        }
        switch (reference.className()) {
            case "CategoricalAccuracy":
                return new AccuracyFastPaths.Categorical(dtype);
            case "SparseCategoricalAccuracy":
                return new AccuracyFastPaths.SparseCategorical(dtype);
            default:
                return null;
        }
    }
}
