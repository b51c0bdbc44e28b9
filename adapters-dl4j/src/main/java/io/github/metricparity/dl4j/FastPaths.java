package io.github.metricparity.dl4j;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Metric;
import java.util.List;

/**
 * Picks the ND4J fast path of a reference metric from its class and config, or none, and says from which batch size
 * on it is used: by default never, since the reference metrics got fused loops.
 *
 * <h2>Where ND4J pays off</h2>
 * Crossing to a reference metric costs one bulk copy per array (memory-copy speed) and the reference's fused,
 * allocation-free loop (checks, argmax or threshold, sums in one pass); an ND4J op costs a native call with OpenMP
 * set-up, 0.1 to 0.5 ms each on a 2-core machine (far more when the cores are oversubscribed), and a fast path
 * needs several (finiteness, argmax or threshold, comparison, reductions). Measured on 2 cores
 * ({@code OMP_NUM_THREADS=1}, min of 30 to 300 updates; README, DL4J section) the reference path is faster at
 * every size up to 4096 x 256 (2 to 15 times), even at 8192 x 1000, and 3 times faster (SparseCategoricalAccuracy)
 * and 1.4 times faster (CategoricalAccuracy) at 1,000,000 x 10; with ND4J's default threads on a busy machine the
 * fast paths were up to 9 times slower. They are therefore off unless the system property
 * {@value #MIN_ELEMENTS_PROPERTY} sets the prediction size from which they are used (for a machine where ND4J's
 * threads pay off). Fast paths for {@code BinaryAccuracy} and the crossentropies were measured too and dropped:
 * element-wise thresholds, clips, logs and log-sum-exps take several ND4J passes (over double copies for the
 * crossentropies) against the reference's single fused loop.
 */
final class FastPaths {
    /** The system property that sets {@link #minElements()}. */
    static final String MIN_ELEMENTS_PROPERTY = "metricparity.dl4j.fastPathMinElements";
    /** No batch size: the reference path was never slower where measured (see above). */
    static final long DEFAULT_MIN_ELEMENTS = Long.MAX_VALUE;

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
