package io.github.metricparity.keras.confusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for the confusion tests: tensors from literals, metrics from Keras configs. */
final class T {
    private T() {
    }

    static Tensor v(double... x) {
        return Tensor.vector(x.clone());
    }

    static Tensor m(double[]... rows) {
        int c = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * c];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return Tensor.of(flat, rows.length, c);
    }

    static double[] r(double... x) {
        return x;
    }

    /** Transpose of a matrix given by rows. */
    static Tensor mT(double[]... rows) {
        int c = rows[0].length;
        double[][] out = new double[c][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < c; j++) {
                out[j][i] = rows[i][j];
            }
        }
        return m(out);
    }

    static Metric metric(String className, Object... kv) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            cfg.put((String) kv[i], kv[i + 1]);
        }
        return KerasCatalog.byClassName(className).create(cfg);
    }

    static void close(double expected, Metric m, double tol) {
        assertEquals(expected, m.resultValue(), tol, m.toString());
    }

    static void close(double expected, Metric m) {
        close(expected, m, 1e-6);
    }

    static void closeVec(double[] expected, Metric m, double tol) {
        Tensor r = m.result();
        assertEquals(1, r.rank(), "vector result expected, got " + r);
        assertEquals(expected.length, r.size(), r.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], r.get(i), tol, "element " + i + " of " + r);
        }
    }

    /** One-hot rows of {@code classes} columns. */
    static Tensor oneHot(int classes, int... labels) {
        double[][] rows = new double[labels.length][classes];
        for (int i = 0; i < labels.length; i++) {
            rows[i][labels[i]] = 1;
        }
        return m(rows);
    }

    /** {@code k} columns each equal to {@code values} (numpy {@code transpose([values] * k)}). */
    static Tensor columns(int k, double... values) {
        double[][] rows = new double[values.length][k];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < k; j++) {
                rows[i][j] = values[i];
            }
        }
        return m(rows);
    }
}
