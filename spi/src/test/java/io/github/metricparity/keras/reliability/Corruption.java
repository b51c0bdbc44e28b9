package io.github.metricparity.keras.reliability;

import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Ways to turn a valid batch into one every metric must refuse. */
public enum Corruption {
    NAN_IN_Y_TRUE,
    INFINITY_IN_Y_TRUE,
    NAN_IN_Y_PRED,
    INFINITY_IN_Y_PRED,
    NAN_IN_WEIGHT,
    INFINITY_IN_WEIGHT,
    /** {@code y_true} and {@code y_pred} with different batch sizes (both >= 2, so they cannot broadcast). */
    ROWS_MISMATCH,
    /** A weight per sample, plus one. */
    WEIGHT_LENGTH_MISMATCH,
    /** A sparse label equal to the number of classes. */
    LABEL_TOO_LARGE,
    LABEL_NEGATIVE,
    LABEL_FRACTIONAL;

    /** The corruptions that apply to a feed's batches. */
    public static List<Corruption> applicable(MetricInputs.Feed feed, boolean valuesMetric) {
        List<Corruption> out = new ArrayList<>();
        for (Corruption c : values()) {
            boolean needsYTrue = c == NAN_IN_Y_TRUE || c == INFINITY_IN_Y_TRUE || c == ROWS_MISMATCH;
            boolean needsLabels = c == LABEL_TOO_LARGE || c == LABEL_NEGATIVE || c == LABEL_FRACTIONAL;
            if ((needsYTrue && valuesMetric) || (needsLabels && feed.sparseClasses() == 0)) {
                continue;
            }
            out.add(c);
        }
        return out;
    }

    /** One applicable corruption, at random. */
    public static Corruption random(Random r, MetricInputs.Feed feed) {
        boolean valuesMetric = feed.batch(new Random(0), 1, false).yTrue() == null;
        List<Corruption> options = applicable(feed, valuesMetric);
        return options.get(r.nextInt(options.size()));
    }

    /** A batch of 2 to 5 samples from {@code feed}, corrupted this way. */
    public Batch apply(Random r, MetricInputs.Feed feed) {
        int rows = 2 + r.nextInt(4);
        boolean weighted = this == NAN_IN_WEIGHT || this == INFINITY_IN_WEIGHT || this == WEIGHT_LENGTH_MISMATCH
                || r.nextBoolean();
        Batch b = feed.batch(r, rows, weighted);
        double inf = r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        switch (this) {
            case NAN_IN_Y_TRUE:
                return b.with(set(r, b.yTrue(), Double.NaN), b.yPred());
            case INFINITY_IN_Y_TRUE:
                return b.with(set(r, b.yTrue(), inf), b.yPred());
            case NAN_IN_Y_PRED:
                return b.with(b.yTrue(), set(r, b.yPred(), Double.NaN));
            case INFINITY_IN_Y_PRED:
                return b.with(b.yTrue(), set(r, b.yPred(), inf));
            case NAN_IN_WEIGHT:
                return b.withWeight(set(r, b.weight(), Double.NaN));
            case INFINITY_IN_WEIGHT:
                return b.withWeight(set(r, b.weight(), inf));
            case ROWS_MISMATCH:
                return b.with(b.yTrue(), feed.batch(r, rows + 1, false).yPred());
            case WEIGHT_LENGTH_MISMATCH:
                return b.withWeight(Gen.weights(r, rows + 1));
            case LABEL_TOO_LARGE:
                return b.with(set(r, b.yTrue(), feed.sparseClasses()), b.yPred());
            case LABEL_NEGATIVE:
                return b.with(set(r, b.yTrue(), -1), b.yPred());
            default:
                return b.with(set(r, b.yTrue(), 0.5), b.yPred());
        }
    }

    /** A copy of {@code t} with one random element replaced. */
    static Tensor set(Random r, Tensor t, double value) {
        double[] d = t.toDoubleArray();
        d[r.nextInt(d.length)] = value;
        return Tensor.of(d, t.shape());
    }
}
