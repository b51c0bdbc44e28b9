package io.github.metricparity.benchmarks;

import java.util.SplittableRandom;

/**
 * Seeded benchmark inputs, as a model would give them: float32 arrays, probabilities that sum to 1 per row, class
 * ids stored as floats (what Keras receives), predictions right about 70% of the time so that branches on "match"
 * cannot be predicted.
 */
final class Data {
    static final long SEED = 20240607L;

    private Data() {
    }

    /** {@code rows} class ids in {@code [0, classes)}. */
    static float[] classIds(int rows, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] ids = new float[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = r.nextInt(classes);
        }
        return ids;
    }

    /** Per-row probability distributions (rows, classes) whose argmax is the label with probability ~0.7. */
    static float[] probabilities(float[] labels, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = labels.length;
        float[] p = new float[rows * classes];
        for (int i = 0; i < rows; i++) {
            int base = i * classes;
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                double v = r.nextDouble();
                p[base + j] = (float) v;
                sum += v;
            }
            if (r.nextDouble() < 0.7) {
                p[base + (int) labels[i]] += 1.0f; // make the true class the clear winner
                sum += 1.0;
            }
            for (int j = 0; j < classes; j++) {
                p[base + j] = (float) (p[base + j] / sum);
            }
        }
        return p;
    }

    /** Logits (rows, classes): the log of {@link #probabilities}, shifted by a random constant per row. */
    static float[] logits(float[] labels, int classes, long seed) {
        float[] p = probabilities(labels, classes, seed);
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int i = 0; i < labels.length; i++) {
            float shift = (float) (r.nextDouble() * 4 - 2);
            for (int j = 0; j < classes; j++) {
                p[i * classes + j] = (float) Math.log(p[i * classes + j]) + shift;
            }
        }
        return p;
    }

    /** One-hot rows (rows, classes) of the labels. */
    static float[] oneHot(float[] labels, int classes) {
        float[] out = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            out[i * classes + (int) labels[i]] = 1.0f;
        }
        return out;
    }

    /** Binary scores in [0, 1] for 0/1 labels: the right side of 0.5 about 70% of the time. */
    static float[] binaryProbabilities(float[] labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[labels.length];
        for (int i = 0; i < p.length; i++) {
            double u = r.nextDouble();
            p[i] = (float) (labels[i] == 1.0f ? Math.sqrt(u) * 0.85 + 0.1 * u : 1 - Math.sqrt(u) * 0.85 - 0.1 * u);
        }
        return p;
    }

    /** Logits of {@link #binaryProbabilities}. */
    static float[] binaryLogits(float[] labels, long seed) {
        float[] p = binaryProbabilities(labels, seed);
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(Math.max(p[i], 1e-6), 1 - 1e-6);
            p[i] = (float) Math.log(q / (1 - q));
        }
        return p;
    }

    /** Positive weights in [0.5, 1.5). */
    static float[] weights(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (0.5 + r.nextDouble());
        }
        return w;
    }

    /**
     * Segmentation masks (images, height, width) of class ids: one class per 16x16 tile, as masks are blocky; the
     * prediction agrees with the truth for ~80% of the pixels.
     */
    static float[][] segmentation(int images, int height, int width, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] truth = new float[images * height * width];
        float[] pred = new float[truth.length];
        int tilesX = (width + 15) / 16;
        int tilesY = (height + 15) / 16;
        for (int img = 0; img < images; img++) {
            int[] tile = new int[tilesX * tilesY];
            for (int t = 0; t < tile.length; t++) {
                tile[t] = r.nextInt(classes);
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = (img * height + y) * width + x;
                    truth[i] = tile[(y / 16) * tilesX + x / 16];
                    pred[i] = r.nextDouble() < 0.8 ? truth[i] : r.nextInt(classes);
                }
            }
        }
        return new float[][] {truth, pred};
    }
}
