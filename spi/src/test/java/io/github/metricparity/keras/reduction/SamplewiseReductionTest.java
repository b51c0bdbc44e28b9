package io.github.metricparity.keras.reduction;

import static io.github.metricparity.keras.Tensors.col;
import static io.github.metricparity.keras.Tensors.cube;
import static io.github.metricparity.keras.Tensors.m;
import static io.github.metricparity.keras.Tensors.r;
import static io.github.metricparity.keras.Tensors.scalar;
import static io.github.metricparity.keras.Tensors.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metricparity.keras.reduction.SamplewiseReduction.Contribution;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import org.junit.jupiter.api.Test;

/** {@code reduction_metrics.py reduce_to_samplewise_values} followed by the Mean/Sum update. */
class SamplewiseReductionTest {
    private static final double EPS = 1e-12;

    private static Contribution mean(Tensor values, Tensor weight) {
        return SamplewiseReduction.reduce(values, weight, null, true, DType.FLOAT64);
    }

    private static Contribution sum(Tensor values, Tensor weight) {
        return SamplewiseReduction.reduce(values, weight, null, false, DType.FLOAT64);
    }

    private static void assertContribution(double total, double count, Contribution c) {
        assertEquals(total, c.total(), EPS, "total");
        assertEquals(count, c.count(), EPS, "count");
    }

    @Test
    void unweightedCountsTheBatch() {
        assertContribution(16, 4, mean(t(1, 3, 5, 7), null));
        assertContribution(5, 1, mean(scalar(5), null));
        // rank > 1: averaged per sample, count = first dimension
        assertContribution(2 + 6, 2, mean(m(r(1, 3), r(5, 7)), null));
        // Sum: per-sample sums
        assertEquals(4 + 12, sum(m(r(1, 3), r(5, 7)), null).total(), EPS);
        assertContribution(0, 0, mean(Tensor.zeros(0), null));
    }

    @Test
    void rank1WeightsOnRank1Values() {
        assertContribution(4, 2, mean(t(1, 3, 5, 7), t(1, 1, 0, 0)));
        assertContribution(-4, -2, mean(t(1, 3, 5, 7), t(-1, -1, 0, 0)));
        // (1,) broadcasts to every sample
        assertContribution(32, 8, mean(t(1, 3, 5, 7), t(2)));
    }

    @Test
    void scalarWeightCollapsesTheBatchToOneSample() {
        assertContribution(8, 2, mean(t(1, 3, 5, 7), scalar(2)));
        assertContribution(32, 2, sum(t(1, 3, 5, 7), scalar(2)));
        assertContribution(2.5 * 3, 3, mean(m(r(1, 2), r(3, 4)), scalar(3)));
    }

    @Test
    void columnWeightsExpandRank1Values() {
        // values (N,), weight (N,1): values expanded to (N,1)
        assertContribution(4, 2, mean(t(1, 3, 5, 7), col(1, 1, 0, 0)));
        // values (N,1), weight (N,): weight expanded
        assertContribution(4, 2, mean(col(1, 3, 5, 7), t(1, 1, 0, 0)));
    }

    @Test
    void rowWeightsOnMatrices() {
        // (N,) weight on (N,T): values averaged over T first
        assertContribution(2 * 1 + 6 * 3, 4, mean(m(r(1, 3), r(5, 7)), t(1, 3)));
        assertContribution(4 * 1 + 12 * 2, 3, sum(m(r(1, 3), r(5, 7)), t(1, 2)));
        // (N,1) weight on (N,T): broadcast, then the weight averaged back per sample
        assertContribution(2 * 1 + 6 * 3, 4, mean(m(r(1, 3), r(5, 7)), col(1, 3)));
    }

    @Test
    void elementWeightsOnMatrices() {
        // reduction_metrics_test MeanTest.test_weighted_nd: total = mean(1,3) + mean(5,0) = 4.5, count 1 + 0.5
        assertContribution(4.5, 1.5, mean(m(r(1, 3), r(5, 7)), m(r(1, 1), r(1, 0))));
        // SumTest.test_weighted_nd: 9; the Sum's weights are summed too
        assertContribution(9, 3, sum(m(r(1, 3), r(5, 7)), m(r(1, 1), r(1, 0))));
        // (1,T) broadcast: MeanTest.test_weighted_nd_broadcast, count = N * mean(w)
        assertContribution(3, 1, mean(m(r(1, 3), r(5, 7)), m(r(1, 0))));
        assertContribution(6, 2, sum(m(r(1, 3), r(5, 7)), m(r(1, 0))));
    }

    @Test
    void rank3ValuesWithRank2Weights() {
        Tensor v = cube(new double[][] {r(1, 2), r(3, 4)}, new double[][] {r(5, 6), r(7, 8)});
        // values averaged over the last axis to (2,2) [[1.5,3.5],[5.5,7.5]]; weight [[1,0],[0,1]]
        assertContribution(0.75 + 3.75, 1, mean(v, m(r(1, 0), r(0, 1))));
        assertContribution(3 + 15, 2, sum(v, m(r(1, 0), r(0, 1))));
    }

    @Test
    void maskAppliesOnlyWithAWeight() {
        Tensor values = t(0, 2, 4);
        Tensor mask = t(0, 1, 1);
        // no weight: the mask is ignored, every sample counts
        assertContribution(6, 3, SamplewiseReduction.reduce(values, null, mask, true, DType.FLOAT64));
        // a weight: masked samples get weight 0
        assertContribution(2 * 1.5 + 4 * 2, 3.5,
                SamplewiseReduction.reduce(values, t(0.5, 1.5, 2), mask, true, DType.FLOAT64));
        // a scalar weight times the mask becomes per-sample weights: the batch is not collapsed
        assertContribution(12, 4, SamplewiseReduction.reduce(values, scalar(2), mask, true, DType.FLOAT64));
        // (N,1) weights against an (N,) mask
        assertContribution(2 * 1.5 + 4 * 2, 3.5,
                SamplewiseReduction.reduce(values, col(0.5, 1.5, 2), mask, true, DType.FLOAT64));
    }

    @Test
    void valuesAndWeightsAreCastToTheDtype() {
        Contribution c = SamplewiseReduction.reduce(t(0.1, 0.2), null, null, true, DType.FLOAT32);
        assertEquals((double) (float) 0.1 + (double) (float) 0.2, c.total(), 0.0);
        Contribution i = SamplewiseReduction.reduce(t(1.5, 2.7, -1.5), t(1.9, 1.2, 1), null, true, DType.INT32);
        assertContribution(2, 3, i);
    }

    @Test
    void unbroadcastableWeightsAreRefused() {
        assertThrows(InvalidInputException.class, () -> mean(t(1, 3, 5, 7), t(1, 0, 1)));
        // more weight axes than value axes: broadcast_to cannot reduce rank
        assertThrows(InvalidInputException.class, () -> mean(t(1, 3, 5, 7), m(r(1, 0), r(1, 0), r(1, 0), r(1, 0))));
        assertThrows(InvalidInputException.class, () -> mean(scalar(1), t(1, 2)));
        assertThrows(InvalidInputException.class, () -> mean(m(r(1, 3), r(5, 7)), m(r(1, 0, 1))));
    }
}
