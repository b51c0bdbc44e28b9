package io.github.metricparity.keras.internal;

import io.github.metricparity.keras.reduction.SamplewiseReduction.Contribution;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.internal.TensorBuffers;
import java.util.function.BiFunction;

/**
 * Unweighted fused updates that count (the accuracy family) over tensors that read a buffer in place: the rows are
 * staged a chunk at a time into arrays the metric keeps ({@link Blocks#read}, a copy that stays in the cache), the
 * array kernel runs on each chunk, and the counts add up. Counts are integers, so the sum is exactly the kernel's
 * result on the whole batch, without a copy of the batch. An instance is confined to its metric's thread.
 */
public final class RowChunks {
    /** Values staged per chunk and tensor: the two arrays stay in the second-level cache. */
    private static final int CHUNK = 1 << 14;

    private float[] labels;
    private float[] predictions;

    /**
     * True when this is the way to run an unweighted counting kernel: one of the tensors reads a buffer in place,
     * and both have rows along their first axis.
     */
    public static boolean applies(Tensor yTrue, Tensor yPred, Fused.Weights w) {
        boolean view = TensorBuffers.floatView(yTrue) != null || TensorBuffers.doubleView(yTrue) != null
                || TensorBuffers.floatView(yPred) != null || TensorBuffers.doubleView(yPred) != null;
        return view && w == null && yTrue.rank() >= 1 && yPred.rank() >= 1 && yTrue.dim(0) == yPred.dim(0)
                && yPred.dim(0) > 0;
    }

    /**
     * The sum of {@code kernel}'s contributions over chunks of rows (tensors of the inputs' shapes, the first axis
     * cut), or null when it declines one.
     */
    public Contribution apply(Tensor yTrue, Tensor yPred, BiFunction<Tensor, Tensor, Contribution> kernel) {
        int rows = yPred.dim(0);
        int trueWidth = yTrue.size() / rows;
        int predWidth = yPred.size() / rows;
        int perChunk = Math.max(1, CHUNK / Math.max(1, Math.max(trueWidth, predWidth)));
        if (labels == null || labels.length < perChunk * trueWidth || predictions.length < perChunk * predWidth) {
            labels = new float[Math.max(CHUNK, perChunk * trueWidth)];
            predictions = new float[Math.max(CHUNK, perChunk * predWidth)];
        }
        int[] trueShape = yTrue.shape();
        int[] predShape = yPred.shape();
        double total = 0;
        double count = 0;
        for (int first = 0; first < rows; first += perChunk) {
            int n = Math.min(perChunk, rows - first);
            Blocks.read(yTrue, first * trueWidth, labels, n * trueWidth);
            Blocks.read(yPred, first * predWidth, predictions, n * predWidth);
            trueShape[0] = n;
            predShape[0] = n;
            Contribution c = kernel.apply(Tensor.ofFloats(labels, 0, trueShape), Tensor.ofFloats(predictions, 0,
                    predShape));
            if (c == null) {
                return null;
            }
            total += c.total();
            count += c.count();
        }
        return new Contribution(total, count);
    }
}
