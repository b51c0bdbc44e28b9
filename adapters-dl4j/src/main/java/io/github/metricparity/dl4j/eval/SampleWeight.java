package io.github.metricparity.dl4j.eval;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Keras {@code sample_weight} of one example, carried beside its labels as DL4J record metadata
 * ({@code DataSet.setExampleMetaData}). DL4J's {@code doEvaluation} hands a batch's metadata to every evaluation,
 * so a {@link KerasEvaluation} reads the weights of its weighted metrics from there, with no other change to
 * how a network is evaluated:
 * <pre>{@code
 * DataSetIterator test = SampleWeight.iterator(testData, weights, 32);  // weights: [N] or [N, timeSteps]
 * network.doEvaluation(test, keras);        // keras's weighted metrics get the weights, the others do not
 * }</pre>
 * One value per example, or one per time step. Immutable.
 */
public final class SampleWeight implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] values;

    private SampleWeight(double[] values) {
        this.values = values;
    }

    /** One weight for the example. */
    public static SampleWeight of(double weight) {
        return new SampleWeight(new double[] {weight});
    }

    /** One weight per time step of the example. */
    public static SampleWeight perStep(double... weights) {
        return new SampleWeight(weights.clone());
    }

    /** The weights, one per example, read from a batch's record metadata; null when it carries none. */
    static INDArray fromMetadata(List<? extends Serializable> metadata) {
        if (metadata == null || metadata.isEmpty() || !(metadata.get(0) instanceof SampleWeight)) {
            return null;
        }
        int width = ((SampleWeight) metadata.get(0)).values.length;
        double[] flat = new double[metadata.size() * width];
        for (int i = 0; i < metadata.size(); i++) {
            Object o = metadata.get(i);
            if (!(o instanceof SampleWeight) || ((SampleWeight) o).values.length != width) {
                throw new IllegalArgumentException("record metadata of example " + i + " is " + o + ": every "
                        + "example of a batch with sample weights needs a SampleWeight of " + width + " value(s)");
            }
            System.arraycopy(((SampleWeight) o).values, 0, flat, i * width, width);
        }
        INDArray w = Nd4j.createFromArray(flat);
        return width == 1 ? w : w.reshape(metadata.size(), width);
    }

    /** A copy of the data set with these sample weights ({@code [N]} or {@code [N, timeSteps]}) as its metadata. */
    public static DataSet attach(DataSet data, INDArray weights) {
        long n = data.numExamples();
        if (weights.rank() < 1 || weights.rank() > 2 || weights.size(0) != n) {
            throw new IllegalArgumentException("sample weights of shape " + Arrays.toString(weights.shape())
                    + " for " + n + " examples: give [" + n + "] or [" + n + ", timeSteps]");
        }
        double[][] rows = weights.castTo(DataType.DOUBLE).reshape(n, weights.length() / Math.max(n, 1))
                .toDoubleMatrix();
        List<SampleWeight> meta = new ArrayList<>(rows.length);
        for (double[] r : rows) {
            meta.add(new SampleWeight(r));
        }
        DataSet copy = data.copy();
        copy.setExampleMetaData(meta);
        return copy;
    }

    /**
     * The data set in batches of {@code batchSize} (as Keras's {@code evaluate(x, y, sample_weight=w,
     * batch_size=...)} splits it), each carrying its examples' sample weights.
     */
    public static DataSetIterator iterator(DataSet data, INDArray weights, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        DataSet weighted = attach(data, weights);
        List<DataSet> batches = new ArrayList<>();
        int n = weighted.numExamples();
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            DataSet b = (DataSet) weighted.getRange(from, to);
            b.setExampleMetaData(weighted.getExampleMetaData().subList(from, to));
            batches.add(b);
        }
        return new Batches(batches, batchSize);
    }

    /** The weight values. */
    public double[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return "SampleWeight" + Arrays.toString(values);
    }

    /** A fixed list of batches. */
    private static final class Batches implements DataSetIterator {
        private static final long serialVersionUID = 1L;
        private final List<DataSet> batches;
        private final int batchSize;
        private int next;
        private DataSetPreProcessor preProcessor;

        Batches(List<DataSet> batches, int batchSize) {
            this.batches = batches;
            this.batchSize = batchSize;
        }

        @Override
        public DataSet next(int num) {
            return next();
        }

        @Override
        public int inputColumns() {
            return batches.isEmpty() ? 0 : (int) batches.get(0).getFeatures().size(1);
        }

        @Override
        public int totalOutcomes() {
            return batches.isEmpty() ? 0 : (int) batches.get(0).getLabels().size(1);
        }

        @Override
        public boolean resetSupported() {
            return true;
        }

        @Override
        public boolean asyncSupported() {
            return false;
        }

        @Override
        public void reset() {
            next = 0;
        }

        @Override
        public int batch() {
            return batchSize;
        }

        @Override
        public void setPreProcessor(DataSetPreProcessor preProcessor) {
            this.preProcessor = preProcessor;
        }

        @Override
        public DataSetPreProcessor getPreProcessor() {
            return preProcessor;
        }

        @Override
        public List<String> getLabels() {
            return null;
        }

        @Override
        public boolean hasNext() {
            return next < batches.size();
        }

        @Override
        public DataSet next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            DataSet d = batches.get(next++);
            if (preProcessor != null) {
                d = d.copy();
                preProcessor.preProcess(d);
            }
            return d;
        }
    }
}
