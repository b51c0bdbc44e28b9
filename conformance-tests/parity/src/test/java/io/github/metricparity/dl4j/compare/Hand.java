package io.github.metricparity.dl4j.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Metrics computed by hand in plain double arithmetic from the same outputs the comparison used, each written
 * from its definition (and, where the rule under test needs it, from DL4J's or Keras's documented algorithm), so
 * the tests check the rows' values without going through DL4J or the Keras metrics.
 */
final class Hand {
    private static final double KERAS_EPSILON = 1e-7;

    private Hand() {
    }

    /** Index of the first maximum of a row. */
    static int argmax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }

    /** {@code [actual][predicted]} counts of argmax predictions against one-hot labels. */
    static int[][] confusion(double[][] labels, double[][] predictions) {
        int c = labels[0].length;
        int[][] m = new int[c][c];
        for (int i = 0; i < labels.length; i++) {
            m[argmax(labels[i])][argmax(predictions[i])]++;
        }
        return m;
    }

    static double precision(int[][] confusion, int k) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[k];
        }
        return (double) confusion[k][k] / predicted;
    }

    static double recall(int[][] confusion, int k) {
        int actual = 0;
        for (int v : confusion[k]) {
            actual += v;
        }
        return (double) confusion[k][k] / actual;
    }

    static double f1(double p, double r) {
        return 2 * p * r / (p + r);
    }

    /** Column {@code k} of a matrix. */
    static double[] column(double[][] m, int k) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][k];
        }
        return out;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    static double[] slice(double[] v, int from, int to) {
        double[] out = new double[to - from];
        System.arraycopy(v, from, out, 0, out.length);
        return out;
    }

    /**
     * The exact ROC AUC of the Mann-Whitney statistic: the fraction of (positive, negative) pairs whose positive
     * scores higher, a tie counting one half.
     */
    static double mannWhitney(double[] labels, double[] scores) {
        double credit = 0;
        long pairs = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 1) {
                continue;
            }
            for (int j = 0; j < labels.length; j++) {
                if (labels[j] != 0) {
                    continue;
                }
                pairs++;
                credit += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }
        return credit / pairs;
    }

    /**
     * The AUC of DL4J's exact ROC as its algorithm goes: rows in arrival order, sorted by descending score with a
     * stable sort (so among equal scores earlier rows come first), one ROC point per row. A (positive, negative)
     * pair then counts as ranked right when the positive comes first in that order.
     */
    static double arrivalOrderAuc(double[] labels, double[] scores) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(scores[b], scores[a])); // List.sort is stable
        long positivesSeen = 0;
        long right = 0;
        long positives = 0;
        for (int i : order) {
            if (labels[i] == 1) {
                positivesSeen++;
                positives++;
            } else {
                right += positivesSeen;
            }
        }
        long negatives = labels.length - positives;
        return (double) right / (positives * negatives);
    }

    /**
     * A thresholded ROC AUC: true and false positive rates at the given thresholds (a score counts as positive
     * when {@code strict ? s > t : s >= t}), integrated with trapezoids over the false positive rate.
     */
    static double thresholdedAuc(double[] labels, double[] scores, double[] thresholds, boolean strict) {
        int n = thresholds.length;
        double[] tpr = new double[n];
        double[] fpr = new double[n];
        double positives = 0;
        for (double l : labels) {
            positives += l;
        }
        double negatives = labels.length - positives;
        for (int t = 0; t < n; t++) {
            double tp = 0;
            double fp = 0;
            for (int i = 0; i < labels.length; i++) {
                boolean positive = strict ? scores[i] > thresholds[t] : scores[i] >= thresholds[t];
                if (positive) {
                    tp += labels[i];
                    fp += 1 - labels[i];
                }
            }
            tpr[t] = tp / positives;
            fpr[t] = fp / negatives;
        }
        double area = 0;
        for (int t = 0; t + 1 < n; t++) {
            area += Math.abs(fpr[t] - fpr[t + 1]) * (tpr[t] + tpr[t + 1]) / 2;
        }
        return area;
    }

    /** Keras AUC's thresholds: {@code i/(n-1)}, with 0 and 1 moved outward by 1e-7. */
    static double[] kerasThresholds(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (double) i / (n - 1);
        }
        t[0] = -KERAS_EPSILON;
        t[n - 1] = 1 + KERAS_EPSILON;
        return t;
    }

    /** DL4J's {@code new ROC(steps)} thresholds: {@code i/steps}, i = 0..steps. */
    static double[] dl4jThresholds(int steps) {
        double[] t = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            t[i] = (double) i / steps;
        }
        return t;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sumSquaredError(double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - p[i]) * (y[i] - p[i]);
        }
        return s;
    }

    static double meanAbsoluteError(double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += Math.abs(y[i] - p[i]);
        }
        return s / y.length;
    }

    /** Total sum of squares around the mean. */
    static double sumOfSquares(double[] y) {
        double m = mean(y);
        double s = 0;
        for (double v : y) {
            s += (v - m) * (v - m);
        }
        return s;
    }

    static double rSquared(double[] y, double[] p) {
        return 1 - sumSquaredError(y, p) / sumOfSquares(y);
    }

    static double pearson(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
