package io.github.metricparity.dl4j;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded test data as ND4J arrays: probabilities, labels, logits, weights. */
final class TestArrays {
    private final Random random;
    private final DataType type;

    TestArrays(long seed, DataType type) {
        this.random = new Random(seed);
        this.type = type;
    }

    /** Rows of a softmax, with some rows one-hot (exact 0 and 1) and some ties for the row maximum. */
    INDArray distributions(int n, int c) {
        double[] out = new double[n * c];
        for (int r = 0; r < n; r++) {
            int kind = random.nextInt(6);
            if (kind == 0) {
                out[r * c + random.nextInt(c)] = 1.0;
                continue;
            }
            if (kind == 1 && c > 1) {
                int a = random.nextInt(c);
                int b = (a + 1 + random.nextInt(c - 1)) % c;
                out[r * c + a] = 0.5;
                out[r * c + b] = 0.5;
                continue;
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                out[r * c + j] = Math.exp(2 * random.nextGaussian());
                sum += out[r * c + j];
            }
            for (int j = 0; j < c; j++) {
                out[r * c + j] /= sum;
            }
        }
        return array(out, n, c);
    }

    /** Independent probabilities in [0, 1], some exactly 0, 0.5 or 1. */
    INDArray probabilities(int n, int c) {
        double[] out = new double[n * c];
        for (int i = 0; i < out.length; i++) {
            int kind = random.nextInt(10);
            out[i] = kind == 0 ? 0.0 : kind == 1 ? 1.0 : kind == 2 ? 0.5 : random.nextDouble();
        }
        return array(out, n, c);
    }

    INDArray logits(int n, int c) {
        double[] out = new double[n * c];
        for (int i = 0; i < out.length; i++) {
            out[i] = 3 * random.nextGaussian();
        }
        return array(out, n, c);
    }

    /** Class ids in [0, c), shape (n,) or (n, 1). */
    INDArray classIds(int n, int c, boolean column) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextInt(c);
        }
        return column ? array(out, n, 1) : array(out, n);
    }

    INDArray oneHot(int n, int c) {
        double[] out = new double[n * c];
        for (int r = 0; r < n; r++) {
            out[r * c + random.nextInt(c)] = 1.0;
        }
        return array(out, n, c);
    }

    INDArray zeroOnes(int n, int c) {
        double[] out = new double[n * c];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextBoolean() ? 1.0 : 0.0;
        }
        return array(out, n, c);
    }

    /** Weights in [0, 2), some exactly 0. */
    INDArray weights(long... shape) {
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        double[] out = new double[(int) size];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextInt(8) == 0 ? 0.0 : 2 * random.nextDouble();
        }
        return Nd4j.create(out, shape, 'c').castTo(type);
    }

    INDArray array(double[] data, long... shape) {
        return Nd4j.create(data, shape, 'c').castTo(type);
    }
}
