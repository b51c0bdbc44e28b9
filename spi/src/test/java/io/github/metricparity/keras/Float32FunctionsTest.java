package io.github.metricparity.keras;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.reduction.MeanMetricWrapper;
import io.github.metricparity.spi.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The functions computed in float32 with the vectorised exp and log ({@code ExpLog}) against the same formulas in
 * double with {@code Math.exp}/{@code Math.log} (how they were computed before): on realistic batches every
 * per-sample value must agree within the golden files' default tolerance ({@code |a - e| <= 1e-6 + 1e-6 |e|}),
 * so that no result moves by more than what the goldens allow.
 */
class Float32FunctionsTest {
    private static final double EPS = (float) 1e-7;
    private static final double HI = (float) (1 - EPS);
    private static final int ROWS = 4000;

    @Test
    void binaryCrossentropy() {
        for (boolean logits : new boolean[] {true, false}) {
            for (double smoothing : new double[] {0, 0.1}) {
                DoubleBinaryOperator element = (t, x) -> {
                    double y = t * (1 - smoothing) + 0.5 * smoothing;
                    if (logits) {
                        return Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
                    }
                    double p = Math.min(Math.max(x, EPS), HI);
                    return -(y * Math.log(p) + (1 - y) * Math.log((float) (1 - p)));
                };
                for (int c : new int[] {1, 5}) {
                    Data d = new Data(c, logits);
                    assertAgrees("BinaryCrossentropy", Map.of("from_logits", logits, "label_smoothing", smoothing),
                            d.binaryLabels(), d.predictions, c, rows -> meanRows(element, d.binaryLabels(),
                                    d.predictions, c));
                }
            }
        }
    }

    @Test
    void categoricalCrossentropy() {
        for (boolean logits : new boolean[] {true, false}) {
            for (double smoothing : new double[] {0, 0.1}) {
                int c = 10;
                Data d = new Data(c, logits);
                float[] labels = d.oneHot();
                assertAgrees("CategoricalCrossentropy", Map.of("from_logits", logits, "label_smoothing", smoothing),
                        labels, d.predictions, c, rows -> {
                            double[] out = new double[ROWS];
                            for (int r = 0; r < ROWS; r++) {
                                double max = Double.NEGATIVE_INFINITY;
                                double sum = 0;
                                for (int j = 0; j < c; j++) {
                                    max = Math.max(max, d.predictions[r * c + j]);
                                    sum += d.predictions[r * c + j];
                                }
                                double sumExp = 0;
                                for (int j = 0; j < c; j++) {
                                    sumExp += Math.exp(d.predictions[r * c + j] - max);
                                }
                                for (int j = 0; j < c; j++) {
                                    double y = labels[r * c + j] * (1 - smoothing) + smoothing / c;
                                    double x = d.predictions[r * c + j];
                                    out[r] -= y * (logits ? x - max - Math.log(sumExp)
                                            : Math.log(Math.min(Math.max(x / sum, EPS), HI)));
                                }
                            }
                            return out;
                        });
            }
        }
    }

    @Test
    void sparseCategoricalCrossentropy() {
        for (boolean logits : new boolean[] {true, false}) {
            int c = 10;
            Data d = new Data(c, logits);
            assertAgrees("SparseCategoricalCrossentropy", Map.of("from_logits", logits), d.ids, d.predictions, 0,
                    rows -> {
                        double[] out = new double[ROWS];
                        for (int r = 0; r < ROWS; r++) {
                            double[] z = new double[c];
                            double max = Double.NEGATIVE_INFINITY;
                            for (int j = 0; j < c; j++) {
                                double x = d.predictions[r * c + j];
                                z[j] = logits ? x : Math.log(Math.min(Math.max(x, EPS), HI));
                                max = Math.max(max, z[j]);
                            }
                            double sumExp = 0;
                            for (int j = 0; j < c; j++) {
                                sumExp += Math.exp(z[j] - max);
                            }
                            out[r] = max + Math.log(sumExp) - z[(int) d.ids[r]];
                        }
                        return out;
                    });
        }
    }

    @Test
    void klDivergencePoissonLogCoshAndMeanSquaredLogarithmicError() {
        int c = 6;
        Data d = new Data(c, false);
        float[] truth = new Data(c, false).predictions;
        assertAgrees("KLDivergence", Map.of(), truth, d.predictions, c, rows -> sumRows((t, p) -> {
            double y = Math.min(Math.max(t, EPS), 1);
            return y * Math.log(y / Math.min(Math.max(p, EPS), 1));
        }, truth, d.predictions, c));
        assertAgrees("Poisson", Map.of(), truth, d.predictions, c,
                rows -> meanRows((t, p) -> p - t * Math.log(p + EPS), truth, d.predictions, c));
        assertAgrees("MeanSquaredLogarithmicError", Map.of(), truth, d.predictions, c, rows -> meanRows((t, p) -> {
            double diff = Math.log(Math.max(p, EPS) + 1) - Math.log(Math.max(t, EPS) + 1);
            return diff * diff;
        }, truth, d.predictions, c));
        Data spread = new Data(c, true);
        float[] targets = new Data(c, true).predictions;
        assertAgrees("LogCoshError", Map.of(), targets, spread.predictions, c, rows -> meanRows((t, p) -> {
            double x = p - t;
            return x + Math.max(-2 * x, 0) + Math.log1p(Math.exp(-Math.abs(2 * x))) - Math.log(2);
        }, targets, spread.predictions, c));
    }

    /** A batch: ROWS rows of c classes of logits (spread over [-15, 15]) or probabilities (some near 0 and 1). */
    private static final class Data {
        final int c;
        final float[] predictions;
        final float[] ids;

        Data(int c, boolean logits) {
            this.c = c;
            SplittableRandom r = new SplittableRandom(c * 7L + (logits ? 1 : 0));
            predictions = new float[ROWS * c];
            ids = new float[ROWS];
            for (int i = 0; i < ROWS; i++) {
                ids[i] = r.nextInt(c);
                double sum = 0;
                for (int j = 0; j < c; j++) {
                    double u = r.nextDouble();
                    double v = logits ? (u - 0.5) * 30 : r.nextInt(20) == 0 ? u * 1e-6 : u;
                    predictions[i * c + j] = (float) v;
                    sum += v;
                }
                if (!logits && c > 1) {
                    for (int j = 0; j < c; j++) {
                        predictions[i * c + j] = (float) (predictions[i * c + j] / sum);
                    }
                }
            }
        }

        float[] oneHot() {
            float[] out = new float[ROWS * c];
            for (int i = 0; i < ROWS; i++) {
                out[i * c + (int) ids[i]] = 1;
            }
            return out;
        }

        float[] binaryLabels() {
            float[] y = new float[ROWS * c];
            for (int i = 0; i < y.length; i++) {
                y[i] = i % 7 == 0 ? 0.25f : (ids[i / c] + i) % 2;
            }
            return y;
        }
    }

    private interface Reference {
        double[] values(int rows);
    }

    private static double[] meanRows(DoubleBinaryOperator f, float[] t, float[] p, int c) {
        double[] out = sumRows(f, t, p, c);
        for (int i = 0; i < out.length; i++) {
            out[i] /= c;
        }
        return out;
    }

    private static double[] sumRows(DoubleBinaryOperator f, float[] t, float[] p, int c) {
        double[] out = new double[ROWS];
        for (int i = 0; i < ROWS * c; i++) {
            out[i / c] += f.applyAsDouble(t[i], p[i]);
        }
        return out;
    }

    /** Labels of {@code labelWidth} per row (0: one class id per row). */
    private static void assertAgrees(String id, Map<String, ?> config, float[] labels, float[] predictions,
            int labelWidth, Reference reference) {
        int c = predictions.length / ROWS;
        MeanMetricWrapper metric = (MeanMetricWrapper) MetricTesting.REGISTRY.create(id, config);
        Tensor yTrue = labelWidth == 0 ? Tensor.of(labels, ROWS) : Tensor.of(labels, ROWS, c);
        double[] actual = metric.sampleFunction().apply(yTrue, Tensor.of(predictions, ROWS, c)).toDoubleArray();
        double[] expected = reference.values(ROWS);
        double worst = 0;
        for (int r = 0; r < ROWS; r++) {
            double allowed = 1e-6 + 1e-6 * Math.abs(expected[r]);
            worst = Math.max(worst, Math.abs(actual[r] - expected[r]) / allowed);
        }
        assertTrue(worst <= 1, id + config + ": a per-sample value is off by " + worst + " times the tolerance");
    }
}
