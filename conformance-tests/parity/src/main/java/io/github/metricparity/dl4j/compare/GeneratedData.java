package io.github.metricparity.dl4j.compare;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The generated data sets of the parity report's DL4J models, from fixed seeds ({@link Random}, so the same rows on
 * every JVM and independent of ND4J's random generator).
 */
final class GeneratedData {
    /** Rows of each generated test set: four shards of {@value #SHARD_ROWS}. */
    static final int TEST_ROWS = 200;
    static final int SHARD_ROWS = 50;

    private GeneratedData() {
    }

    /**
     * Two overlapping Gaussian blobs in 2-D, class 1 around (1, 0.5) and class 0 around (-1, -0.5), unit variance:
     * about one row in ten lies on the other class's side, so precision, recall and AUC are not all 1.
     *
     * @param rows how many rows, classes alternating
     * @param seed the generator's seed
     * @return features {@code [rows, 2]}, labels {@code [rows, 1]} of 0/1, float32
     */
    static DataSet blobs(int rows, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[rows][2];
        double[][] y = new double[rows][1];
        for (int i = 0; i < rows; i++) {
            int label = i % 2;
            double sign = label == 1 ? 1 : -1;
            x[i][0] = sign * 1.0 + r.nextGaussian();
            x[i][1] = sign * 0.5 + r.nextGaussian();
            y[i][0] = label;
        }
        return new DataSet(Nd4j.createFromArray(x).castTo(DataType.FLOAT),
                Nd4j.createFromArray(y).castTo(DataType.FLOAT));
    }

    /**
     * Three regression targets of three inputs drawn uniformly from [-1, 1], on different scales and with different
     * means (about 0, 10 and -4), plus Gaussian noise.
     *
     * <pre>
     * y0 = 0.5 x0 + x1^2 - 1/3      + N(0, 0.1)
     * y1 = 10 + 2 x0 - x2           + N(0, 0.3)
     * y2 = -4 + 3 sin(2 x1) x2      + N(0, 0.2)
     * </pre>
     *
     * @param rows how many rows
     * @param seed the generator's seed
     * @return features {@code [rows, 3]}, labels {@code [rows, 3]}, float64
     */
    static DataSet regression(int rows, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[rows][3];
        double[][] y = new double[rows][3];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = 2 * r.nextDouble() - 1;
            }
            y[i][0] = 0.5 * x[i][0] + x[i][1] * x[i][1] - 1.0 / 3 + 0.1 * r.nextGaussian();
            y[i][1] = 10 + 2 * x[i][0] - x[i][2] + 0.3 * r.nextGaussian();
            y[i][2] = -4 + 3 * Math.sin(2 * x[i][1]) * x[i][2] + 0.2 * r.nextGaussian();
        }
        return new DataSet(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
    }
}
