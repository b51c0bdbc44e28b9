package io.github.metricparity.spark.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded synthetic evaluation data, so the example and the tests need no download: rows of {@value #FEATURES}
 * features, split into DataSets of a fixed number of rows (the last one shorter). Deterministic for a seed.
 */
public final class GeneratedData {
    /** Features per row. */
    public static final int FEATURES = 8;
    /** Classes of the multi-class data. */
    public static final int CLASSES = 4;

    private GeneratedData() {
    }

    /**
     * Four overlapping Gaussian blobs: class {@code c} shifts feature {@code c} by 1.5. Labels are class ids of
     * shape {@code [rows, 1]}, as a sparse categorical crossentropy output layer and Keras's sparse metrics take them.
     */
    public static List<DataSet> multiClass(long seed, int rows, int rowsPerDataSet) {
        Random r = new Random(seed);
        List<DataSet> out = new ArrayList<>();
        for (int start = 0; start < rows; start += rowsPerDataSet) {
            int n = Math.min(rowsPerDataSet, rows - start);
            float[][] x = new float[n][FEATURES];
            float[][] y = new float[n][1];
            for (int i = 0; i < n; i++) {
                int c = r.nextInt(CLASSES);
                y[i][0] = c;
                for (int j = 0; j < FEATURES; j++) {
                    x[i][j] = (float) (r.nextGaussian() + (j == c ? 1.5 : 0.0));
                }
            }
            out.add(new DataSet(Nd4j.create(x), Nd4j.create(y)));
        }
        return out;
    }

    /** Binary labels {@code [rows, 1]} from a noisy linear rule over the features. */
    public static List<DataSet> binary(long seed, int rows, int rowsPerDataSet) {
        Random r = new Random(seed);
        List<DataSet> out = new ArrayList<>();
        for (int start = 0; start < rows; start += rowsPerDataSet) {
            int n = Math.min(rowsPerDataSet, rows - start);
            float[][] x = new float[n][FEATURES];
            float[][] y = new float[n][1];
            for (int i = 0; i < n; i++) {
                double z = r.nextGaussian();
                for (int j = 0; j < FEATURES; j++) {
                    x[i][j] = (float) r.nextGaussian();
                    z += (j % 2 == 0 ? 1.0 : -0.5) * x[i][j];
                }
                y[i][0] = z > 0 ? 1 : 0;
            }
            out.add(new DataSet(Nd4j.create(x), Nd4j.create(y)));
        }
        return out;
    }

    /** The number of rows in these DataSets. */
    public static long rows(List<DataSet> data) {
        long n = 0;
        for (DataSet d : data) {
            n += d.numExamples();
        }
        return n;
    }
}
