package io.github.metricparity.keras.confusion;

import static io.github.metricparity.keras.confusion.T.m;
import static io.github.metricparity.keras.confusion.T.metric;
import static io.github.metricparity.keras.confusion.T.r;
import static io.github.metricparity.keras.confusion.T.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging, snapshots, results before any update, and refused updates. */
class StateTest {
    private static final Tensor Y1 = m(r(0, 1, 1), r(1, 0, 1), r(0, 0, 1), r(1, 1, 0));
    private static final Tensor P1 = m(r(0.1, 0.8, 0.6), r(0.7, 0.2, 0.9), r(0.5, 0.3, 0.4), r(0.95, 0.05, 0.5));
    private static final Tensor W1 = v(1, 2, 0.5, 3);
    private static final Tensor Y2 = m(r(1, 0, 0), r(0, 1, 1), r(1, 1, 1));
    private static final Tensor P2 = m(r(0.3, 0.6, 0.2), r(0.0, 1.0, 0.75), r(0.45, 0.55, 0.25));
    private static final Tensor W2 = v(2, 1, 1);

    private static final List<Object[]> METRICS = List.of(
            new Object[] {"TruePositives", new Object[] {}},
            new Object[] {"FalsePositives", new Object[] {"thresholds", List.of(0.0, 0.5, 1.0)}},
            new Object[] {"TrueNegatives", new Object[] {"thresholds", List.of(0.3, 0.6)}},
            new Object[] {"FalseNegatives", new Object[] {"thresholds", 0.25}},
            new Object[] {"Precision", new Object[] {"top_k", 2}},
            new Object[] {"Recall", new Object[] {"class_id", 2, "thresholds", List.of(0.2, 0.5)}},
            new Object[] {"SensitivityAtSpecificity", new Object[] {"specificity", 0.5}},
            new Object[] {"SpecificityAtSensitivity", new Object[] {"sensitivity", 0.6, "class_id", 0}},
            new Object[] {"PrecisionAtRecall", new Object[] {"recall", 0.5, "num_thresholds", 7}},
            new Object[] {"RecallAtPrecision", new Object[] {"precision", 0.6}},
            new Object[] {"AUC", new Object[] {}},
            new Object[] {"AUC", new Object[] {"curve", "PR", "thresholds", List.of(0.3, 0.6, 0.1)}},
            new Object[] {"AUC", new Object[] {"multi_label", true, "num_thresholds", 11}},
            new Object[] {"AUC", new Object[] {"multi_label", true, "num_labels", 3, "label_weights",
                    List.of(1.0, 2.0, 0.5)}});

    private static Metric make(Object[] c) {
        return metric((String) c[0], (Object[]) c[1]);
    }

    private static void assertSameResult(Metric expected, Metric actual) {
        assertArrayEquals(expected.result().toDoubleArray(), actual.result().toDoubleArray(), 1e-9,
                expected.toString());
    }

    @Test
    void mergeOfTwoShardsEqualsOnePass() {
        for (Object[] c : METRICS) {
            Metric single = make(c);
            single.update(Y1, P1, W1);
            single.update(Y2, P2, W2);
            Metric a = make(c);
            a.update(Y1, P1, W1);
            Metric b = make(c);
            b.update(Y2, P2, W2);
            a.merge(b);
            assertSameResult(single, a);

            // an instance that saw nothing merges too, both ways (lazy multi-label variables included)
            Metric empty = make(c);
            empty.merge(a);
            assertSameResult(single, empty);
            a.merge(make(c));
            assertSameResult(single, a);
        }
    }

    @Test
    void snapshotRestoreAndMapRoundTrip() {
        for (Object[] c : METRICS) {
            Metric x = make(c);
            x.update(Y1, P1, W1);
            MetricState s = x.snapshot();
            Metric y = make(c);
            y.restore(MetricState.fromMap(s.toMap()));
            assertSameResult(x, y);
            x.update(Y2, P2);
            x.restore(s);
            assertSameResult(y, x);
        }
    }

    @Test
    void columnWeightsMerge() {
        Metric single = metric("AUC", "num_thresholds", 9);
        single.update(Y1, P1, W1);
        single.update(Y2, P2, m(r(2, 1, 1)));
        Metric a = metric("AUC", "num_thresholds", 9);
        a.update(Y1, P1, W1);
        Metric b = metric("AUC", "num_thresholds", 9);
        b.update(Y2, P2, m(r(2, 1, 1)));
        a.merge(b);
        assertSameResult(single, a);
    }

    @Test
    void mergeRefusesAnotherConfig() {
        Metric a = metric("AUC", "num_thresholds", 10);
        assertThrows(MetricException.class, () -> a.merge(metric("AUC", "num_thresholds", 11)));
        Metric p = metric("Precision", "thresholds", List.of(0.5, 0.7));
        assertThrows(MetricException.class, () -> p.merge(metric("Precision")));
        Metric ml = metric("AUC", "multi_label", true);
        ml.update(Y1, P1);
        Metric other = metric("AUC", "multi_label", true);
        other.update(m(r(1, 0), r(0, 1)), m(r(0.2, 0.7), r(0.4, 0.1)));
        assertThrows(MetricException.class, () -> ml.merge(other), "(T, 3) and (T, 2) variables");
    }

    @Test
    void resultsBeforeAnyUpdate() {
        for (Object[] c : METRICS) {
            Metric x = make(c);
            if (c[0].equals("AUC") && x.config().get("multi_label").equals(true)
                    && x.config().get("num_labels") == null) {
                assertThrows(MetricException.class, x::result, "lazy multi-label AUC is not built yet");
                assertTrue(x.snapshot().variables().isEmpty());
                continue;
            }
            for (double d : x.result().toDoubleArray()) {
                assertEquals(0.0, d, x.toString());
            }
        }
        assertEquals(3, metric("TruePositives", "thresholds", List.of(0.1, 0.2, 0.3)).result().size());
        assertEquals(List.of(0), List.of(metric("Precision", "thresholds", List.of()).result().size()));
    }

    private static void refusedUpdate(Metric x, Tensor yTrue, Tensor yPred, Tensor w) {
        refusedUpdate(x, Y1, P1, yTrue, yPred, w);
    }

    private static void refusedUpdate(Metric x, Tensor goodTrue, Tensor goodPred, Tensor yTrue, Tensor yPred,
            Tensor w) {
        x.update(goodTrue, goodPred);
        MetricState before = x.snapshot();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> x.update(yTrue, yPred, w),
                x.toString());
        assertTrue(e.getMessage().startsWith(x.className()), e.getMessage());
        assertEquals(before, x.snapshot(), "a refused update leaves the state unchanged: " + x);
    }

    @Test
    void refusedUpdatesLeaveTheStateUnchanged() {
        for (Object[] c : METRICS) {
            refusedUpdate(make(c), v(1, 0, 1), v(0.2, 0.4), null);
            refusedUpdate(make(c), Y2, P2, m(r(1, 2), r(3, 4)));
            refusedUpdate(make(c), Y2, m(r(0.3, Double.NaN, 0.2), r(0, 1, 0.75), r(0.45, 0.55, 0.25)), null);
        }
        refusedUpdate(metric("Precision", "class_id", 3), m(r(0, 1, 0, 1)), m(r(0.2, 0.3, 0.1, 0.9)), Y2, P2, null);
        refusedUpdate(metric("Recall", "class_id", 0), v(1, 0, 1), v(0.2, 0.4, 0.9), null);
        refusedUpdate(metric("Precision", "top_k", 4), m(r(0, 1, 0, 1)), m(r(0.2, 0.3, 0.1, 0.9)), Y2, P2, null);
        refusedUpdate(metric("AUC", "multi_label", true), v(1, 0, 1), v(0.2, 0.4, 0.9), null);
        refusedUpdate(metric("AUC", "multi_label", true), m(r(1, 0), r(0, 1)), m(r(0.2, 0.7), r(0.4, 0.1)), null);
        refusedUpdate(metric("AUC", "label_weights", List.of(1.0, 2.0)), m(r(1, 0)), m(r(0.3, 0.2)), Y2, P2, null);
        refusedUpdate(metric("Precision", "class_id", 1), Y2, P2, Y2);
        refusedUpdate(metric("Precision"), Tensor.scalar(1), Tensor.scalar(0.7), null);
    }

    @Test
    void lazyMultiLabelBuildsOnFirstUpdateAndAcceptedShapes() {
        Metric x = metric("AUC", "multi_label", true, "num_thresholds", 3);
        assertNull(x.snapshot().variable("true_positives"));
        x.update(Y1, P1);
        assertArrayEquals(new int[] {3, 3}, x.snapshot().variable("true_positives").shape());
        // a scalar y works on the bucketed path (Keras reshapes to -1), rank-1 labels against (N, 1) predictions
        Metric tp = metric("TruePositives", "thresholds", List.of(0.0, 0.5, 1.0));
        tp.update(Tensor.scalar(1), Tensor.scalar(0.7));
        assertArrayEquals(new double[] {1, 1, 0}, tp.result().toDoubleArray());
        Metric p = metric("Precision", "class_id", -1);
        p.update(v(1, 0), Tensor.of(new double[] {0.8, 0.9}, 2, 1));
        assertEquals(0.5, p.resultValue(), 1e-7, "class_id=-1 indexes the last class, as Python does");
    }
}
