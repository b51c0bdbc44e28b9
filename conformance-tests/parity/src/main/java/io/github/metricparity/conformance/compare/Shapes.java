package io.github.metricparity.conformance.compare;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Shape arithmetic with overflow checks: declared shapes come from untrusted files. */
final class Shapes {
    /** The most values one row may hold (a row is buffered whole; 1M doubles = 8 MB per row and batch slot). */
    static final int MAX_ROW_VALUES = 1 << 20;

    private Shapes() {
    }

    /** The number of values of a shape, or -1 when it overflows a long. */
    static long product(long[] shape, int from) {
        long n = 1;
        for (int i = from; i < shape.length; i++) {
            try {
                n = Math.multiplyExact(n, shape[i]);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return n;
    }

    static int size(int[] row) {
        int n = 1;
        for (int d : row) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** {@code [rows, ...row]}. */
    static int[] batch(int rows, int[] row) {
        int[] s = new int[row.length + 1];
        s[0] = rows;
        System.arraycopy(row, 0, s, 1, row.length);
        return s;
    }

    /**
     * The row shapes of y_true and y_pred as Keras's loss sees them: ranks one apart with a trailing 1 are made equal
     * ({@code squeeze_or_expand_to_same_rank} in keras/src/losses/loss.py, which {@code LossFunctionWrapper.call}
     * applies, so a Dense(1) output of shape (N, 1) against targets of shape (N,) is a valid loss input; the metrics
     * get no such help).
     *
     * @return {@code {yTrueRow, yPredRow}}
     */
    static int[][] sameRankForLoss(int[] yTrueRow, int[] yPredRow) {
        if (yTrueRow.length == yPredRow.length + 1 && yTrueRow[yTrueRow.length - 1] == 1) {
            return yPredRow.length == 0 ? new int[][] {yTrueRow, {1}}
                    : new int[][] {Arrays.copyOf(yTrueRow, yTrueRow.length - 1), yPredRow};
        }
        if (yPredRow.length == yTrueRow.length + 1 && yPredRow[yPredRow.length - 1] == 1) {
            return yTrueRow.length == 0 ? new int[][] {{1}, yPredRow}
                    : new int[][] {yTrueRow, Arrays.copyOf(yPredRow, yPredRow.length - 1)};
        }
        return new int[][] {yTrueRow, yPredRow};
    }

    /** A row shape in Python notation, e.g. {@code (N, 3)} for the row shape {@code [3]}. */
    static String withN(int[] row) {
        return Arrays.stream(row).mapToObj(String::valueOf)
                .collect(Collectors.joining(", ", "(N" + (row.length > 0 ? ", " : ","), ")"));
    }
}
