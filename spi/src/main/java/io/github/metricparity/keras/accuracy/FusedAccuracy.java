package io.github.metricparity.keras.accuracy;

import io.github.metricparity.keras.internal.Fused;
import io.github.metricparity.keras.reduction.SamplewiseReduction.Contribution;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.internal.TensorBuffers;

/**
 * Fused updates of the accuracy family for the shapes models give (see
 * {@link io.github.metricparity.keras.internal.AbstractMetric#fusedUpdate}): one pass over {@code y_pred} that checks
 * the
 * values, takes the argmax or the threshold, compares with the label and sums matches and weights, instead of the
 * generic path's checks, per-sample tensor and reduction. Each returns what the batch adds to {@code total} and
 * {@code count}, or null to decline (other shapes, or a value the generic path must see).
 *
 * <p>Values are read as float32 as the generic path reads them ({@code KerasShapes.rounded(..., float32)}); ties
 * in the argmax go to the first index; the sums run in sample order in double as {@code SamplewiseReduction} runs
 * them, and an integer count of matches equals their sum in double exactly.
 */
final class FusedAccuracy {
    private FusedAccuracy() {
    }

    /**
     * SparseCategoricalAccuracy with {@code y_pred (rows, C)}, {@code y_true (rows,)} or {@code (rows, 1)} and no
     * weight or {@code (rows,)}: labels must be class ids in {@code [0, C)}. Its contract expects scores on any
     * scale, so the check is finiteness only; any other check declines.
     */
    static Contribution sparseCategorical(Tensor yTrue, Tensor yPred, Fused.Weights w, Fused.Check check) {
        if (yPred.rank() != 2 || w == Fused.Weights.UNFIT || check != Fused.Check.FINITE) {
            return null;
        }
        int rows = yPred.dim(0);
        int classes = yPred.dim(1);
        boolean oneLabelPerRow = yTrue.rank() == 1 && yTrue.dim(0) == rows
                || yTrue.rank() == 2 && yTrue.dim(0) == rows && yTrue.dim(1) == 1;
        if (!oneLabelPerRow || classes == 0) {
            return null;
        }
        return sparseCategorical(TensorBuffers.floats(yTrue), TensorBuffers.doubles(yTrue), TensorBuffers.offset(yTrue),
                TensorBuffers.floats(yPred), TensorBuffers.doubles(yPred), TensorBuffers.offset(yPred), rows, classes,
                w);
    }

    /** The loop of {@link #sparseCategorical(Tensor, Tensor, Fused.Weights, Fused.Check)}, on the arrays. */
    private static Contribution sparseCategorical(float[] tf, double[] td, int to, float[] pf, double[] pd, int po,
            int rows, int classes, Fused.Weights w) {
        long matches = 0;
        double total = 0;
        double count = 0;
        for (int r = 0; r < rows; r++) {
            float label = Fused.input(tf, td, to + r);
            int id = (int) label;
            if (id != label || id < 0 || id >= classes) {
                return null; // the generic path refuses it with its message
            }
            int from = po + r * classes;
            int arg = pf != null ? Fused.argmax(pf, from, classes)
                    : Fused.argmax(pd, from, classes);
            if (arg < 0) {
                return null;
            }
            if (w == null) {
                matches += same(arg, id);
            } else {
                double wi = w.get(r);
                total += (arg == id ? 1.0 : 0.0) * wi;
                count += wi;
            }
        }
        if (w != null && w.nonFiniteFlags(rows) < 0) {
            return null;
        }
        return w == null ? new Contribution(matches, rows) : new Contribution(total, count);
    }

    /** 1 when two non-negative ints are equal, else 0, without a branch (a match is as unpredictable as a coin). */
    private static int same(int a, int b) {
        return ((a ^ b) - 1) >>> 31;
    }

    /**
     * CategoricalAccuracy with {@code y_true} and {@code y_pred} both {@code (rows, C)} and no weight or
     * {@code (rows,)}. Its contract expects scores on any scale, so the check is finiteness only; any other check
     * declines.
     */
    static Contribution categorical(Tensor yTrue, Tensor yPred, Fused.Weights w, Fused.Check check) {
        if (yPred.rank() != 2 || yTrue.rank() != 2 || w == Fused.Weights.UNFIT || check != Fused.Check.FINITE) {
            return null;
        }
        int rows = yPred.dim(0);
        int classes = yPred.dim(1);
        if (yTrue.dim(0) != rows || yTrue.dim(1) != classes || classes == 0) {
            return null;
        }
        return categorical(TensorBuffers.floats(yTrue), TensorBuffers.doubles(yTrue), TensorBuffers.offset(yTrue),
                TensorBuffers.floats(yPred), TensorBuffers.doubles(yPred), TensorBuffers.offset(yPred), rows, classes,
                w);
    }

    /** The loop of {@link #categorical(Tensor, Tensor, Fused.Weights, Fused.Check)}, on the arrays. */
    private static Contribution categorical(float[] tf, double[] td, int to, float[] pf, double[] pd, int po,
            int rows, int classes, Fused.Weights w) {
        long matches = 0;
        double total = 0;
        double count = 0;
        for (int r = 0; r < rows; r++) {
            int at = r * classes;
            int argTrue = tf != null ? Fused.argmax(tf, to + at, classes)
                    : Fused.argmax(td, to + at, classes);
            int argPred = pf != null ? Fused.argmax(pf, po + at, classes)
                    : Fused.argmax(pd, po + at, classes);
            if ((argTrue | argPred) < 0) {
                return null;
            }
            if (w == null) {
                matches += same(argTrue, argPred);
            } else {
                double wi = w.get(r);
                total += (argTrue == argPred ? 1.0 : 0.0) * wi;
                count += wi;
            }
        }
        if (w != null && w.nonFiniteFlags(rows) < 0) {
            return null;
        }
        return w == null ? new Contribution(matches, rows) : new Contribution(total, count);
    }

    /**
     * BinaryAccuracy with {@code y_true} and {@code y_pred} of one shape, {@code (N,)} or {@code (N, C)}, and no
     * weight or one per sample ({@code (N,)}): a match is {@code y_true == (y_pred > threshold)}; a sample of C
     * values is the mean of its matches.
     */
    static Contribution binary(Tensor yTrue, Tensor yPred, Fused.Weights w, Fused.Check check, double threshold) {
        int rank = yPred.rank();
        if (rank < 1 || rank > 2 || yTrue.rank() != rank || w == Fused.Weights.UNFIT) {
            return null;
        }
        int rows = yPred.dim(0);
        int width = rank == 2 ? yPred.dim(1) : 1;
        if (yTrue.dim(0) != rows || rank == 2 && yTrue.dim(1) != width || width == 0) {
            return null;
        }
        float[] tf = TensorBuffers.floats(yTrue);
        double[] td = TensorBuffers.doubles(yTrue);
        int to = TensorBuffers.offset(yTrue);
        float[] pf = TensorBuffers.floats(yPred);
        double[] pd = TensorBuffers.doubles(yPred);
        int po = TensorBuffers.offset(yPred);
        if (tf != null && pf != null && to == 0 && po == 0 && width == 1 && w == null) {
            Contribution c = binaryNonNegative(tf, pf, rows, check, threshold);
            if (c != null) {
                return c;
            }
        }
        boolean unit = check == Fused.Check.UNIT_INTERVAL;
        int flags = 0;
        int trueFlags = 0;
        long matches = 0;
        double total = 0;
        double count = 0;
        for (int r = 0; r < rows; r++) {
            int rowMatches = 0;
            for (int j = 0; j < width; j++) {
                int i = r * width + j;
                float t = Fused.input(tf, td, to + i);
                float p = Fused.input(pf, pd, po + i);
                trueFlags |= Fused.nonFinite(t);
                flags |= unit ? Fused.outsideUnit(p) : Fused.nonFinite(p);
                rowMatches += binaryMatch(t, p, threshold) ? 1 : 0;
            }
            if (width == 1) {
                // the mean of one 0/1 value is that value: an exact integer sum
                if (w == null) {
                    matches += rowMatches;
                } else {
                    double wi = w.get(r);
                    total += rowMatches * wi;
                    count += wi;
                }
            } else {
                double mean = rowMatches / (double) width;
                if (w == null) {
                    total += mean;
                } else {
                    double wi = w.get(r);
                    total += mean * wi;
                    count += wi;
                }
            }
        }
        if ((flags | trueFlags) < 0 || w != null && w.nonFiniteFlags(rows) < 0) {
            return null;
        }
        if (w != null) {
            return new Contribution(total, count);
        }
        return new Contribution(width == 1 ? matches : total, rows);
    }

    /**
     * {@link #binary} over {@code n} unweighted float32 samples when every label and prediction and the threshold
     * are non-negative and finite (predictions in [0, 1] under {@code UNIT_INTERVAL}); null when one is not, and
     * the general loop takes the batch. Such floats order like their bit patterns: {@code p > threshold} and
     * {@code y_true == 1.0 or 0.0} become int operations without branches. Tensors at offset 0 only: indexing two
     * arrays from two offsets costs C2 a third of the loop's speed (21 -> 14 ms on 10,000,000 samples).
     */
    private static Contribution binaryNonNegative(float[] tf, float[] pf, int n, Fused.Check check,
            double threshold) {
        int thresholdBits = Float.floatToRawIntBits((float) threshold);
        if (thresholdBits < 0 || thresholdBits >= 0x7f800000) {
            return null;
        }
        int limit = check == Fused.Check.UNIT_INTERVAL ? 0x3f800000 : 0x7f7fffff;
        int signs = 0;
        int largestLabel = 0;
        int largestPrediction = 0;
        long matches = 0;
        // int counts per chunk, and the range checks as running maxima (cmov) rather than subtractions OR-ed into
        // flags (27 -> 21 ms on 10,000,000 samples, benchmarks/README.md)
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            int chunkMatches = 0;
            for (int i = start; i < end; i++) {
                int t = Float.floatToRawIntBits(tf[i]);
                int p = Float.floatToRawIntBits(pf[i]);
                signs |= t | p;
                largestLabel = Math.max(largestLabel, t);
                largestPrediction = Math.max(largestPrediction, p);
                // the bits of 1.0f when p > threshold, of 0.0f otherwise: a label matches when it is exactly that
                int predicted = ((thresholdBits - p) >> 31) & 0x3f800000;
                chunkMatches += same(t, predicted);
            }
            matches += chunkMatches;
        }
        boolean fits = signs >= 0 && largestLabel <= 0x7f7fffff && largestPrediction <= limit;
        return fits ? new Contribution(matches, n) : null;
    }

    /**
     * Keras {@code binary_accuracy}'s rule for one element: {@code y_true == (y_pred > threshold)}, in float32 (a
     * label 0.9 never matches). The generic path applies it too.
     */
    static boolean binaryMatch(float label, float prediction, double threshold) {
        return label == (prediction > threshold ? 1.0f : 0.0f);
    }

    /** Samples counted in an int before adding to the long total (well below 2^31). */
    private static final int CHUNK = 1 << 20;
}
