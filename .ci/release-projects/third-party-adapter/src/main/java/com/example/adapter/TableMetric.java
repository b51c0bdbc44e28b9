package com.example.adapter;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.Tensor;
import java.util.Map;

/**
 * The "framework" of this example hands its metrics tables: one row of labels and one row of predictions per
 * example, and optionally one weight per example. The adapter turns each table into a batch and feeds a Keras
 * metric of the spi; it depends on the spi only.
 */
public final class TableMetric {
    private final Metric metric;

    /** A Keras metric by class name or {@code keras.metrics.get} identifier, with Keras constructor keywords. */
    public TableMetric(String identifier, Map<String, ?> config) {
        this.metric = MetricRegistry.load().create(identifier, config);
    }

    /** One table: labels and predictions with one row per example; weights one per example, or null. */
    public void add(double[][] labels, double[][] predictions, double[] weights) {
        metric.update(batch(labels), batch(predictions), weights == null ? null : Tensor.vector(weights));
    }

    private static Tensor batch(double[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has "
                        + width);
            }
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return Tensor.of(flat, rows.length, width);
    }

    /** The Keras result. */
    public double value() {
        return metric.resultValue();
    }

    /** The wrapped metric, for the conformance driver. */
    public Metric metric() {
        return metric;
    }
}
