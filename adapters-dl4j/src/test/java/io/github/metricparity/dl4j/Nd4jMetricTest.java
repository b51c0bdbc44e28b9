package io.github.metricparity.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The dl4j provider's metrics: discovery, Keras docstring values, and the batches that go to the reference. */
class Nd4jMetricTest {
    private final Dl4jMetricProvider provider = new Dl4jMetricProvider();

    private static INDArray arr(double[][] rows) {
        return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
    }

    @Test
    void isDiscoveredAndOffersTheWholeCatalog() {
        MetricRegistry dl4j = MetricRegistry.load("dl4j");
        assertEquals(KerasCatalog.classNames().size(), dl4j.metrics().size());
        Metric acc = dl4j.compile("accuracy", new int[] {4, 1}, new int[] {4, 3});
        assertInstanceOf(Nd4jMetric.class, acc);
        assertEquals("SparseCategoricalAccuracy", acc.className());
        assertEquals("accuracy", acc.name());
    }

    @Test
    void docstringExamplesOnNd4jArrays() {
        // keras.metrics.SparseCategoricalAccuracy docstring: weighted result 0.3
        Nd4jMetric sca = provider.create("SparseCategoricalAccuracy", Map.of());
        sca.update(arr(new double[][] {{2}, {1}}), arr(new double[][] {{0.1, 0.6, 0.3}, {0.05, 0.95, 0}}),
                Nd4j.createFromArray(0.7f, 0.3f));
        assertEquals(0.3, sca.resultValue(), 1e-6);

        // keras.metrics.BinaryCrossentropy docstring: 0.81492424
        Nd4jMetric bce = provider.create("BinaryCrossentropy", Map.of());
        bce.update(arr(new double[][] {{0, 1}, {0, 0}}), arr(new double[][] {{0.6, 0.4}, {0.4, 0.6}}));
        assertEquals(0.81492424, bce.resultValue(), 1e-6);

        // keras.metrics.CategoricalCrossentropy docstring: 1.1769392
        Nd4jMetric cce = provider.create("CategoricalCrossentropy", Map.of());
        cce.update(arr(new double[][] {{0, 1, 0}, {0, 0, 1}}), arr(new double[][] {{0.05, 0.95, 0}, {0.1, 0.8, 0.1}}));
        assertEquals(1.1769392, cce.resultValue(), 1e-6);
    }

    @Test
    void arraysReadInPlaceOrCopiedGiveTheReferenceState() {
        // dense arrays are views of ND4J's memory, a transposed or sliced one is copied first: the same states
        for (String id : List.of("CategoricalAccuracy", "CategoricalCrossentropy", "SparseCategoricalAccuracy")) {
            Nd4jMetric adapter = new Nd4jMetric(KerasCatalog.byClassName(id).create(Map.of()));
            Metric reference = KerasCatalog.byClassName(id).create(Map.of());
            TestArrays data = new TestArrays(7, DataType.FLOAT);
            boolean sparse = id.startsWith("Sparse");
            INDArray dense = sparse ? data.classIds(12, 4, false) : data.oneHot(12, 4);
            INDArray predictions = data.distributions(12, 4);
            INDArray transposed = predictions.transpose().dup('c').transpose(); // f-order view of the same values
            INDArray rows = Nd4j.vstack(predictions, predictions).get(NDArrayIndex.interval(0, 12),
                    NDArrayIndex.all()); // a view into a larger buffer
            for (INDArray yPred : List.of(predictions, transposed, rows)) {
                adapter.update(dense, yPred, null);
                reference.update(Nd4jTensors.toTensor(dense), Nd4jTensors.toTensor(yPred), null);
                assertEquals(reference.snapshot(), adapter.snapshot(), id);
            }
            // rank 3 and a scalar weight: the reference's rules
            INDArray yTrue3 = sparse ? dense.reshape(3, 4) : dense.reshape(3, 4, 4);
            adapter.update(yTrue3, predictions.reshape(3, 4, 4), Nd4j.scalar(2.0f));
            reference.update(Nd4jTensors.toTensor(yTrue3), Nd4jTensors.toTensor(predictions.reshape(3, 4, 4)),
                    Tensor.scalar(2.0));
            assertEquals(reference.snapshot(), adapter.snapshot(), id + " rank 3");
        }
    }

    @Test
    void reusedCopyArraysGiveEachBatchItsOwnValues() {
        // the instance keeps its copy arrays between batches: a smaller batch after a larger one, float then
        // double, must see only its own elements (not the tail of the previous batch)
        for (String id : List.of("BinaryCrossentropy", "MeanIoU", "AUC")) {
            Map<String, Object> config = id.equals("MeanIoU") ? Map.of("num_classes", 3) : Map.of();
            Nd4jMetric adapter = provider.create(id, config);
            Metric reference = KerasCatalog.byClassName(id).create(config);
            TestArrays data = new TestArrays(11, DataType.FLOAT);
            for (int[] batch : new int[][] {{40, 0}, {7, 1}, {23, 0}, {1, 1}}) {
                int n = batch[0];
                DataType type = batch[1] == 0 ? DataType.FLOAT : DataType.DOUBLE;
                INDArray yTrue = id.equals("MeanIoU") ? data.classIds(n, 3, false).castTo(type)
                        : data.zeroOnes(n, 1).castTo(type);
                INDArray yPred = id.equals("MeanIoU") ? data.classIds(n, 3, false).castTo(type)
                        : data.probabilities(n, 1).castTo(type);
                INDArray weight = data.weights(n).castTo(type);
                adapter.update(yTrue, yPred, weight);
                reference.update(Nd4jTensors.toTensor(yTrue), Nd4jTensors.toTensor(yPred),
                        Nd4jTensors.toTensor(weight));
                assertEquals(reference.snapshot(), adapter.snapshot(), id + " after a batch of " + n);
            }
            adapter.reset();
            reference.reset();
            assertEquals(reference.snapshot(), adapter.snapshot(), id + " after reset");
        }
    }

    @Test
    void refusedBatchesLeaveTheStateUnchanged() {
        Nd4jMetric sca = new Nd4jMetric(KerasCatalog.byClassName("SparseCategoricalAccuracy").create(Map.of()));
        sca.update(arr(new double[][] {{1}, {0}}), arr(new double[][] {{0.2, 0.8}, {0.6, 0.4}}));
        MetricState before = sca.snapshot();
        InvalidInputException outOfRange = assertThrows(InvalidInputException.class,
                () -> sca.update(arr(new double[][] {{2}}), arr(new double[][] {{0.2, 0.8}})));
        assertTrue(outOfRange.getMessage().contains("SparseCategoricalAccuracy"), outOfRange.getMessage());
        assertThrows(InvalidInputException.class,
                () -> sca.update(arr(new double[][] {{0.5}}), arr(new double[][] {{0.2, 0.8}})));
        assertThrows(InvalidInputException.class,
                () -> sca.update(arr(new double[][] {{1}}), arr(new double[][] {{Double.NaN, 0.8}})));
        assertThrows(InvalidInputException.class, () -> sca.update(null, arr(new double[][] {{0.2, 0.8}})));
        assertEquals(before, sca.snapshot());
        assertEquals(1.0, sca.resultValue());
    }

    @Test
    void logitsGivenAsProbabilitiesAreDiagnosedByTheReference() {
        List<Diagnostic> seen = new CopyOnWriteArrayList<>();
        Consumer<Diagnostic> listener = seen::add;
        Diagnostics.addListener(listener);
        try {
            Nd4jMetric acc = provider.create("BinaryAccuracy", Map.of());
            INDArray labels = arr(new double[][] {{1}, {0}});
            INDArray logits = arr(new double[][] {{2.5}, {-1.0}});
            acc.update(labels, logits);
            acc.update(labels, logits);
            assertEquals(1, seen.size(), "the reference diagnosed the logits, once");
            Nd4jMetric cce = provider.create("CategoricalCrossentropy", Map.of());
            cce.update(arr(new double[][] {{0, 1}}), arr(new double[][] {{0.3, 0.3}})); // a row summing to 0.6
            assertEquals(2, seen.size(), "rows not summing to 1 are diagnosed");
        } finally {
            Diagnostics.removeListener(listener);
        }
    }

    @Test
    void strictModeRefusesEveryBatchOfLogits() {
        Diagnostics.setStrict(true);
        try {
            Nd4jMetric acc = provider.create("BinaryAccuracy", Map.of());
            INDArray labels = arr(new double[][] {{1}, {0}});
            INDArray logits = arr(new double[][] {{2.5}, {-1.0}});
            assertThrows(InvalidInputException.class, () -> acc.update(labels, logits));
            assertThrows(InvalidInputException.class, () -> acc.update(labels, logits));
            assertEquals(0.0, acc.snapshot().variable("count").item());
        } finally {
            Diagnostics.setStrict(false);
        }
    }

    @Test
    void valuesMetricsTakeNd4jValues() {
        Nd4jValuesMetric mean = (Nd4jValuesMetric) provider.create("Mean", Map.of());
        mean.updateValues(Nd4j.createFromArray(1f, 3f, 5f, 7f), Nd4j.scalar(2f));
        mean.updateValues(Nd4j.createFromArray(10f), null);
        assertEquals(6.0, mean.resultValue(), 1e-9);
    }

    @Test
    void tensorsCrossWithOneCopyAndKeepTheirLayout() {
        INDArray m = Nd4j.createFromArray(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}).reshape(3, 4);
        Tensor rows = Nd4jTensors.toTensor(m.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
                org.nd4j.linalg.indexing.NDArrayIndex.all()));
        assertArrayEquals(new int[] {2, 4}, rows.shape());
        assertTrue(rows.isFloat32());
        assertEquals(5.0, rows.get(0));
        Tensor transposed = Nd4jTensors.toTensor(m.transpose());
        assertArrayEquals(new double[] {1, 5, 9, 2, 6, 10, 3, 7, 11, 4, 8, 12}, transposed.toDoubleArray());
        Tensor ints = Nd4jTensors.toTensor(Nd4j.createFromArray(new int[][] {{1, 2}}));
        assertArrayEquals(new double[] {1, 2}, ints.toDoubleArray());
        assertEquals(0, Nd4jTensors.toTensor(Nd4j.scalar(3.0)).rank());
        INDArray doubles = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor lastRows = Nd4jTensors.toTensor(doubles.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
                org.nd4j.linalg.indexing.NDArrayIndex.all()));
        assertFalse(lastRows.isFloat32());
        assertArrayEquals(new double[] {3, 4, 5, 6}, lastRows.toDoubleArray());
        INDArray back = Nd4jTensors.toINDArray(Tensor.ofDoubles(new double[] {9, 1, 2, 3}, 1, 3));
        assertArrayEquals(new long[] {3}, back.shape());
        assertEquals(DataType.DOUBLE, back.dataType());
        assertEquals(3.0, back.getDouble(2));
    }
}
