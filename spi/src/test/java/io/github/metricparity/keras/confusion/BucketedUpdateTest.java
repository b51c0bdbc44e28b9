package io.github.metricparity.keras.confusion;

import static io.github.metricparity.keras.confusion.T.metric;
import static io.github.metricparity.keras.confusion.T.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bucketed O(N + T) update against a brute-force strict comparison of every prediction with every threshold
 * (Keras's unoptimised path, {@code metrics_utils.py:496-604}).
 */
class BucketedUpdateTest {

    /** Brute force: weights of label/pred-above per threshold, comparisons in float32. */
    private static double[][] bruteForce(double[] thresholds, boolean clip, double[] p, double[] labels,
            double[] w, int lanes) {
        int t = thresholds.length;
        double[][] out = new double[4][t * lanes]; // tp, fp, tn, fn
        for (int j = 0; j < t; j++) {
            float th = (float) thresholds[j];
            for (int i = 0; i < p.length; i++) {
                float q = (float) p[i];
                if (clip) {
                    q = Math.max(0f, Math.min(1f, q));
                }
                boolean pos = q > th;
                boolean label = (float) labels[i] != 0f;
                double wi = w == null ? 1.0 : (float) w[i];
                int k = j * lanes + (i % lanes);
                out[label ? (pos ? 0 : 3) : (pos ? 1 : 2)][k] += wi;
            }
        }
        return out;
    }

    private static double[][] bucketed(ConfusionMatrixUpdate u, int t, int lanes, Tensor yTrue, Tensor yPred,
            Tensor w) {
        double[][] out = new double[4][t * lanes];
        u.apply(yTrue, yPred, w, out[0], out[1], out[2], out[3]);
        return out;
    }

    private static double[] even(int t) {
        double[] th = new double[t];
        for (int i = 0; i < t; i++) {
            th[i] = (double) i / (t - 1);
        }
        return th;
    }

    /** Random predictions, many exactly on a threshold, a few at 0 and 1, and a few outside [0, 1]. */
    private static double[] predictions(Random rnd, int n, double[] thresholds) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(10);
            if (kind < 4) {
                p[i] = (float) thresholds[rnd.nextInt(thresholds.length)];
            } else if (kind == 4) {
                p[i] = rnd.nextBoolean() ? 0.0 : 1.0;
            } else if (kind == 5) {
                p[i] = rnd.nextBoolean() ? -0.5 * rnd.nextDouble() : 1 + 0.5 * rnd.nextDouble();
            } else {
                p[i] = (float) rnd.nextDouble();
            }
        }
        return p;
    }

    private static void assertClose(double[][] expected, double[][] actual, String what) {
        for (int c = 0; c < 4; c++) {
            for (int k = 0; k < expected[c].length; k++) {
                assertEquals(expected[c][k], actual[c][k], 1e-9 * (1 + Math.abs(expected[c][k])),
                        what + " condition " + c + " index " + k);
            }
        }
    }

    @Test
    void evenThresholdsWithDyadicSpacingEqualTheStrictComparison() {
        Random rnd = new Random(42);
        for (int t : new int[] {3, 5, 9, 17, 33, 257}) {
            double[] th = even(t);
            assertTrue(ConfusionMatrixUpdate.isEvenlyDistributed(th));
            ConfusionMatrixUpdate u = new ConfusionMatrixUpdate(DType.FLOAT32, th, true, null, null, false, null,
                    false);
            for (int trial = 0; trial < 20; trial++) {
                int n = 1 + rnd.nextInt(200);
                double[] p = predictions(rnd, n, th);
                double[] labels = new double[n];
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(3) - 0.5; // -0.5, 0.5, 1.5 are positives
                    w[i] = rnd.nextGaussian();
                }
                assertClose(bruteForce(th, true, p, labels, w, 1),
                        bucketed(u, t, 1, Tensor.of(labels, n), Tensor.of(p, n), Tensor.of(w, n)), "T=" + t);
            }
        }
    }

    @Test
    void aucEpsilonEndsCountZeroAndOneAsKerasDoes() {
        Random rnd = new Random(5);
        for (int t : new int[] {3, 5, 129}) {
            double[] th = even(t);
            th[0] = -1e-7;
            th[t - 1] = 1 + 1e-7;
            ConfusionMatrixUpdate u = new ConfusionMatrixUpdate(DType.FLOAT32, th, true, null, null, false, null,
                    false);
            int n = 300;
            double[] p = predictions(rnd, n, even(t));
            double[] labels = new double[n];
            for (int i = 0; i < n; i++) {
                labels[i] = rnd.nextInt(2);
            }
            assertClose(bruteForce(th, true, p, labels, null, 1),
                    bucketed(u, t, 1, Tensor.of(labels, n), Tensor.of(p, n), null), "AUC T=" + t);
        }
    }

    @Test
    void multiLabelBucketsPerColumn() {
        Random rnd = new Random(9);
        int t = 17;
        int lanes = 3;
        int rows = 50;
        double[] th = even(t);
        ConfusionMatrixUpdate u = new ConfusionMatrixUpdate(DType.FLOAT32, th, true, null, null, true, null, false);
        double[] p = predictions(rnd, rows * lanes, th);
        double[] labels = new double[rows * lanes];
        double[] w = new double[rows * lanes];
        double[] rowW = new double[rows];
        for (int r = 0; r < rows; r++) {
            rowW[r] = rnd.nextInt(5) - 1;
            for (int l = 0; l < lanes; l++) {
                labels[r * lanes + l] = rnd.nextInt(2);
                w[r * lanes + l] = rowW[r];
            }
        }
        // a rank-1 (N,) weight weights whole rows
        assertClose(bruteForce(th, true, p, labels, w, lanes), bucketed(u, t, lanes, Tensor.of(labels, rows, lanes),
                Tensor.of(p, rows, lanes), Tensor.of(rowW, rows)), "multi-label");
    }

    @Test
    void explicitUnevenThresholdsUseTheStrictComparisonWithoutClipping() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int t = rnd.nextInt(8);
            double[] th = new double[t];
            for (int j = 0; j < t; j++) {
                th[j] = rnd.nextInt(4) == 0 && j > 0 ? th[j - 1] : Math.round(rnd.nextDouble() * 20) / 20.0;
            }
            if (ConfusionMatrixUpdate.isEvenlyDistributed(th)) {
                continue;
            }
            ConfusionMatrixUpdate u = new ConfusionMatrixUpdate(DType.FLOAT32, th, false, null, null, false, null,
                    false);
            int n = 1 + rnd.nextInt(100);
            double[] grid = new double[21];
            for (int i = 0; i < 21; i++) {
                grid[i] = i / 20.0;
            }
            double[] p = predictions(rnd, n, grid);
            double[] labels = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                labels[i] = rnd.nextInt(2);
                w[i] = rnd.nextInt(7) - 2;
            }
            assertClose(bruteForce(th, false, p, labels, w, 1),
                    bucketed(u, t, 1, Tensor.of(labels, n), Tensor.of(p, n), Tensor.of(w, n)), "uneven");
        }
    }

    /**
     * With 101 thresholds {@code float32(0.15) * 100} rounds up to {@code 15.000001f}, so the bucketed path counts
     * 0.15 above the threshold 0.15 (Keras does the same); a strict comparison does not. Every disagreement
     * between the two must be such a float32 rounding of a prediction lying on a threshold.
     */
    @Test
    void float32BucketQuirkWith101Thresholds() {
        Metric even = metric("TruePositives", "thresholds", evenList(101));
        even.update(v(1), v(0.15));
        Tensor counts = even.result();
        assertEquals(1.0, counts.get(15), "0.15 counts above the threshold 0.15 on the bucketed path");
        assertEquals(0.0, counts.get(16));

        Metric strict = metric("TruePositives", "thresholds", List.of(0.15));
        strict.update(v(1), v(0.15));
        assertEquals(0.0, strict.resultValue(), "a single threshold takes the strict path: 0.15 > 0.15 is false");

        for (int t : new int[] {101, 200, 7}) {
            double[] th = even(t);
            ConfusionMatrixUpdate u = new ConfusionMatrixUpdate(DType.FLOAT32, th, true, null, null, false, null,
                    false);
            double[] p = new double[t];
            double[] labels = new double[t];
            for (int i = 0; i < t; i++) {
                p[i] = (float) th[i];
                labels[i] = 1;
            }
            double[][] b = bucketed(u, t, 1, Tensor.of(labels, t), Tensor.of(p, t), null);
            List<Integer> quirks = new ArrayList<>();
            for (int i = 0; i < t; i++) {
                double[][] one = bucketed(u, t, 1, v(1), v(p[i]), null);
                double[][] ref = bruteForce(th, true, new double[] {p[i]}, new double[] {1}, null, 1);
                if (!java.util.Arrays.equals(one[0], ref[0])) {
                    quirks.add(i);
                    // the float32 product p * (T-1) rounded up past the integer i, so ceil(...) - 1 = i
                    float product = (float) (p[i] * (float) (t - 1));
                    assertTrue(product > i, "T=" + t + " p=" + p[i] + " product " + product);
                    // and the difference is exactly the threshold the prediction lies on
                    for (int j = 0; j < t; j++) {
                        if (one[0][j] != ref[0][j]) {
                            assertEquals(i, j, "T=" + t + " p=" + p[i]);
                        }
                    }
                }
            }
            if (t == 101) {
                assertTrue(quirks.contains(15), quirks.toString());
            }
            assertEquals(t * 1.0, b[0][0] + b[3][0], 1e-9);
        }
    }

    @Test
    void evennessFollowsNumpyAllclose() {
        assertTrue(ConfusionMatrixUpdate.isEvenlyDistributed(new double[] {0, 0.5, 1}));
        assertTrue(ConfusionMatrixUpdate.isEvenlyDistributed(new double[] {0, 0.33333, 0.66667, 1}),
                "within rtol=1e-5 of 1/3 and 2/3");
        assertFalse(ConfusionMatrixUpdate.isEvenlyDistributed(new double[] {0, 0.3333, 0.6667, 1}));
        assertFalse(ConfusionMatrixUpdate.isEvenlyDistributed(new double[] {0, 1}));
        assertFalse(ConfusionMatrixUpdate.isEvenlyDistributed(new double[] {0.5, 0, 1}));
    }

    private static List<Double> evenList(int t) {
        List<Double> out = new ArrayList<>();
        for (double d : even(t)) {
            out.add(d);
        }
        return out;
    }

    @Test
    void precisionWithEvenThresholdListMatchesStrictExceptQuirk() {
        Metric p = metric("Precision", "thresholds", List.of(0.0, 0.5, 1.0));
        p.update(v(1, 0, 1, 0), v(0.5, 0.5, 1.0, 0.0));
        assertArrayEquals(new double[] {2.0 / 3, 1.0, 0.0}, p.result().toDoubleArray(), 1e-7);
    }
}
