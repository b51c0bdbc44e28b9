package io.github.metricparity.dl4j.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Iris data as DL4J ships it: the {@code iris.dat} resource of deeplearning4j-core (150 rows of 4 features and
 * a class id 0-2). Read from the class path, because DL4J's own {@code IrisDataSetIterator} downloads its copy to
 * {@code ~/.deeplearning4j} first, which fails offline.
 */
public final class IrisData {
    public static final int FEATURES = 4;
    public static final int CLASSES = 3;

    private IrisData() {
    }

    /** All 150 rows in file order: features {@code [150, 4]}, one-hot labels {@code [150, 3]}, float32. */
    public static DataSet load() {
        try (InputStream in = IrisData.class.getClassLoader().getResourceAsStream("iris.dat")) {
            if (in == null) {
                throw new IllegalStateException("iris.dat not on the class path (it ships in "
                        + "org.deeplearning4j:deeplearning4j-core)");
            }
            List<double[]> features = new ArrayList<>();
            List<double[]> labels = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.trim().split(",");
                double[] x = new double[FEATURES];
                for (int j = 0; j < FEATURES; j++) {
                    x[j] = Double.parseDouble(fields[j]);
                }
                double[] y = new double[CLASSES];
                y[Integer.parseInt(fields[FEATURES].trim())] = 1.0;
                features.add(x);
                labels.add(y);
            }
            return new DataSet(Nd4j.createFromArray(features.toArray(new double[0][])).castTo(DataType.FLOAT),
                    Nd4j.createFromArray(labels.toArray(new double[0][])).castTo(DataType.FLOAT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read iris.dat", e);
        }
    }
}
