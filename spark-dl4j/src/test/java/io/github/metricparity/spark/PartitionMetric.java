package io.github.metricparity.spark;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * What a user of the engine-neutral path writes for Spark's {@code mapPartitions}: one contract {@link Metric} per
 * partition, updated batch by batch over the partition's rows ({@code [label..., prediction...]} as float arrays),
 * emitting its snapshot. The snapshots are then merged with {@code StateMerger}.
 */
final class PartitionMetric implements FlatMapFunction<Iterator<float[]>, MetricState> {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final Map<String, Object> config;
    private final int labelWidth;
    private final int predictionWidth;
    private final int batch;

    PartitionMetric(String className, Map<String, Object> config, int labelWidth, int predictionWidth, int batch) {
        this.className = className;
        this.config = config;
        this.labelWidth = labelWidth;
        this.predictionWidth = predictionWidth;
        this.batch = batch;
    }

    @Override
    public Iterator<MetricState> call(Iterator<float[]> rows) {
        Metric m = MetricRegistry.load().create(className, config);
        update(m, rows);
        return List.of(m.snapshot()).iterator();
    }

    /** Feeds rows to the metric in batches of {@code batch} rows. */
    void update(Metric m, Iterator<float[]> rows) {
        float[] labels = new float[batch * labelWidth];
        float[] predictions = new float[batch * predictionWidth];
        int n = 0;
        while (rows.hasNext()) {
            float[] row = rows.next();
            System.arraycopy(row, 0, labels, n * labelWidth, labelWidth);
            System.arraycopy(row, labelWidth, predictions, n * predictionWidth, predictionWidth);
            if (++n == batch) {
                flush(m, labels, predictions, n);
                n = 0;
            }
        }
        if (n > 0) {
            flush(m, labels, predictions, n);
        }
    }

    private void flush(Metric m, float[] labels, float[] predictions, int n) {
        m.update(Tensor.of(java.util.Arrays.copyOf(labels, n * labelWidth), n, labelWidth),
                Tensor.of(java.util.Arrays.copyOf(predictions, n * predictionWidth), n, predictionWidth));
    }
}
