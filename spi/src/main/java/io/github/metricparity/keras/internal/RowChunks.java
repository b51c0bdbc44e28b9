package io.github.metricparity.keras.internal;

import io.github.metricparity.keras.reduction.SamplewiseReduction.Contribution;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.internal.TensorBuffers;
import java.util.function.BiFunction;

/**
 * Unweighted fused updates that count (the accuracy family) over runs of rows: tensors that read a buffer in place
 * are staged a chunk at a time into arrays ({@link Blocks#read}, a copy that stays in the cache), array tensors are
 * cut into views without copying, and a batch of more than {@link Shards#MIN_ELEMENTS} values is spread over the
 * cores ({@link Shards}). The array kernel runs on each run of rows and the counts add up: counts are integers, so
 * the sum is exactly the kernel's result on the whole batch. An instance keeps the calling thread's staging arrays:
 * confine it to its metric's thread.
 */
public final class RowChunks {
    /** Values staged per chunk and tensor: the two arrays stay in the second-level cache. */
    private static final int CHUNK = 1 << 14;

    private Staging own;

    /**
     * True when this is the way to run an unweighted counting kernel: one of the tensors reads a buffer in place, or
     * the batch is large enough to spread over the cores; both have rows along their first axis.
     */
    public static boolean applies(Tensor yTrue, Tensor yPred, Fused.Weights w) {
        if (w != null || yTrue.rank() < 1 || yPred.rank() < 1 || yTrue.dim(0) != yPred.dim(0) || yPred.dim(0) == 0) {
            return false;
        }
        return isView(yTrue) || isView(yPred) || (long) yPred.size() >= Shards.MIN_ELEMENTS;
    }

    private static boolean isView(Tensor t) {
        return TensorBuffers.floatView(t) != null || TensorBuffers.doubleView(t) != null;
    }

    /** The staging arrays of one thread. */
    private static final class Staging {
        float[] labels = new float[0];
        float[] predictions = new float[0];
    }

    /**
     * The sum of {@code kernel}'s contributions over runs of rows (tensors of the inputs' shapes, the first axis
     * cut), or null when it declines one.
     *
     * @param atOffsetZero the kernel is fastest on arrays that start at index 0: array tensors are staged too
     */
    public Contribution apply(Tensor yTrue, Tensor yPred, boolean atOffsetZero,
            BiFunction<Tensor, Tensor, Contribution> kernel) {
        if (own == null) {
            own = new Staging();
        }
        int rows = yPred.dim(0);
        int predWidth = yPred.size() / rows;
        return Shards.sum(rows, predWidth, own, Staging::new, (s, first, count) -> run(s, yTrue, yPred, first,
                count, atOffsetZero, kernel));
    }

    private static Contribution run(Staging s, Tensor yTrue, Tensor yPred, int from, int rows,
            boolean atOffsetZero, BiFunction<Tensor, Tensor, Contribution> kernel) {
        int all = yPred.dim(0);
        int trueWidth = yTrue.size() / all;
        int predWidth = yPred.size() / all;
        if (!isView(yTrue) && !isView(yPred) && !atOffsetZero) {
            return kernel.apply(rowsOf(yTrue, from, rows), rowsOf(yPred, from, rows));
        }
        int perChunk = Math.max(1, CHUNK / Math.max(1, Math.max(trueWidth, predWidth)));
        if (s.labels.length < perChunk * trueWidth || s.predictions.length < perChunk * predWidth) {
            s.labels = new float[Math.max(CHUNK, perChunk * trueWidth)];
            s.predictions = new float[Math.max(CHUNK, perChunk * predWidth)];
        }
        int[] trueShape = yTrue.shape();
        int[] predShape = yPred.shape();
        double total = 0;
        double count = 0;
        for (int first = from; first < from + rows; first += perChunk) {
            int n = Math.min(perChunk, from + rows - first);
            Blocks.read(yTrue, first * trueWidth, s.labels, n * trueWidth);
            Blocks.read(yPred, first * predWidth, s.predictions, n * predWidth);
            trueShape[0] = n;
            predShape[0] = n;
            Contribution c = kernel.apply(Tensor.ofFloats(s.labels, 0, trueShape),
                    Tensor.ofFloats(s.predictions, 0, predShape));
            if (c == null) {
                return null;
            }
            total += c.total();
            count += c.count();
        }
        return new Contribution(total, count);
    }

    /** Rows {@code [first, first + rows)} of an array tensor, a view of the same array. */
    private static Tensor rowsOf(Tensor t, int first, int rows) {
        int width = t.size() / t.dim(0);
        int[] shape = t.shape();
        shape[0] = rows;
        int offset = TensorBuffers.offset(t) + first * width;
        float[] f = TensorBuffers.floats(t);
        return f != null ? Tensor.ofFloats(f, offset, shape)
                : Tensor.ofDoubles(TensorBuffers.doubles(t), offset, shape);
    }
}
