package io.github.metricparity.keras.confusion;

import static io.github.metricparity.keras.confusion.T.close;
import static io.github.metricparity.keras.confusion.T.closeVec;
import static io.github.metricparity.keras.confusion.T.columns;
import static io.github.metricparity.keras.confusion.T.m;
import static io.github.metricparity.keras.confusion.T.metric;
import static io.github.metricparity.keras.confusion.T.oneHot;
import static io.github.metricparity.keras.confusion.T.r;
import static io.github.metricparity.keras.confusion.T.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cases of {@code keras/src/metrics/confusion_metrics_test.py}, ported. */
class KerasUnitTestsTest {
    private static final Tensor CM_TRUE = m(r(0, 1, 0, 1, 0), r(0, 0, 1, 1, 1), r(1, 1, 1, 1, 0), r(0, 0, 0, 0, 1));
    private static final Tensor CM_PRED = m(r(0, 0, 1, 1, 0), r(1, 1, 1, 1, 1), r(0, 1, 0, 1, 0), r(1, 1, 1, 1, 1));
    private static final Tensor TH_PRED = m(r(0.9, 0.2, 0.8, 0.1), r(0.2, 0.9, 0.7, 0.6), r(0.1, 0.2, 0.4, 0.3),
            r(0, 1, 0.7, 0.3));
    private static final Tensor TH_TRUE = m(r(0, 1, 1, 0), r(1, 0, 0, 0), r(0, 0, 0, 0), r(1, 1, 1, 1));
    private static final List<Double> TH = List.of(0.15, 0.5, 0.85);

    private static Metric counted(String cls, Tensor yTrue, Tensor yPred, Tensor w, Object... kv) {
        Metric x = metric(cls, kv);
        x.update(yTrue, yPred, w);
        return x;
    }

    @Test
    void conditionCountsUnweightedAndWeighted() {
        Tensor rowW = v(1.0, 1.5, 2.0, 2.5);
        close(7.0, counted("FalsePositives", CM_TRUE, CM_PRED, null));
        close(14.0, counted("FalsePositives", CM_TRUE, CM_PRED, rowW));
        close(3.0, counted("FalseNegatives", CM_TRUE, CM_PRED, null));
        close(5.0, counted("FalseNegatives", CM_TRUE, CM_PRED, rowW));
        close(3.0, counted("TrueNegatives", CM_TRUE, CM_PRED, null));
        close(4.0, counted("TrueNegatives", CM_TRUE, CM_PRED, rowW));
        close(7.0, counted("TruePositives", CM_TRUE, CM_PRED, null));
        close(12.0, counted("TruePositives", CM_TRUE, CM_PRED, rowW));
    }

    @Test
    void conditionCountsWithThresholds() {
        closeVec(r(7, 4, 2), counted("FalsePositives", TH_TRUE, TH_PRED, null, "thresholds", TH), 1e-6);
        closeVec(r(125, 42, 12), counted("FalsePositives", TH_TRUE, TH_PRED,
                m(r(1, 2, 3, 5), r(7, 11, 13, 17), r(19, 23, 29, 31), r(5, 15, 10, 0)), "thresholds", TH), 1e-6);
        closeVec(r(1, 4, 6), counted("FalseNegatives", TH_TRUE, TH_PRED, null, "thresholds", TH), 1e-6);
        closeVec(r(4, 16, 23), counted("FalseNegatives", TH_TRUE, TH_PRED, m(r(3), r(5), r(7), r(4)),
                "thresholds", TH), 1e-6);
        closeVec(r(2, 5, 7), counted("TrueNegatives", TH_TRUE, TH_PRED, null, "thresholds", TH), 1e-6);
        closeVec(r(5, 15, 23), counted("TrueNegatives", TH_TRUE, TH_PRED, m(r(0, 2, 3, 5)), "thresholds", TH),
                1e-6);
        closeVec(r(6, 3, 1), counted("TruePositives", TH_TRUE, TH_PRED, null, "thresholds", TH), 1e-6);
        closeVec(r(222, 111, 37), counted("TruePositives", TH_TRUE, TH_PRED, Tensor.scalar(37), "thresholds", TH),
                1e-6);
    }

    @Test
    void precisionCases() {
        close(0.5, counted("Precision", v(0, 1, 1, 0), v(1, 0, 1, 0), null));
        Random rnd = new Random(1);
        double[] inputs = new double[100];
        double[] flipped = new double[100];
        for (int i = 0; i < 100; i++) {
            inputs[i] = rnd.nextInt(2);
            flipped[i] = 1 - inputs[i];
        }
        close(0.0, counted("Precision", Tensor.of(flipped, 100, 1), Tensor.of(inputs, 100, 1), null,
                "thresholds", List.of(0.5)));
        close(7.0 / 10.0, counted("Precision", m(r(0, 1, 1, 0), r(1, 0, 0, 1)), m(r(1, 0, 1, 0), r(1, 0, 1, 0)),
                m(r(1, 2, 3, 4), r(4, 3, 2, 1))));
        close(0.0, counted("Precision", v(0, 0, 0, 0), v(0, 0, 0, 0), null));
        closeVec(r(0.5, 0.0), counted("Precision", v(0, 1, 1, 0), v(1, 0, 0.6, 0), null,
                "thresholds", List.of(0.5, 0.7)), 1e-6);
        closeVec(r(3.0 / 7.0, 0.0), counted("Precision", m(r(0, 1), r(1, 0)), m(r(1, 0), r(0.6, 0)),
                m(r(4, 0), r(3, 1)), "thresholds", List.of(0.5, 1.0)), 1e-6);
        Metric multi = metric("Precision", "thresholds", List.of(0.5, 1.0));
        for (int i = 0; i < 2; i++) {
            multi.update(m(r(0, 1), r(1, 0)), m(r(1, 0), r(0.6, 0)), m(r(4, 0), r(3, 1)));
        }
        closeVec(r(6.0 / 14.0, 0.0), multi, 1e-6);
        close(1.0 / 3.0, counted("Precision", v(0, 1, 1, 0, 0), v(0.2, 0.1, 0.5, 0, 0.2), null, "top_k", 3));
        Metric weightedTopK = metric("Precision", "top_k", 3);
        weightedTopK.update(m(r(0, 1, 1, 0, 1)), m(r(0.2, 0.1, 0.4, 0, 0.2)), m(r(1, 4, 2, 3, 5)));
        weightedTopK.update(v(1, 0, 1, 1, 1), v(0.2, 0.6, 0.4, 0.2, 0.2), Tensor.scalar(3));
        close(13.0 / 17.0, weightedTopK);
        Metric classId1d = metric("Precision", "class_id", 2);
        MetricException e = assertThrows(InvalidInputException.class,
                () -> classId1d.update(v(0, 1, 1, 0, 0), v(0.2, 0.1, 0.6, 0, 0.2)));
        assertTrue(e.getMessage().contains("When class_id is provided, y_pred must be a 2D array"), e.getMessage());
        Metric classId = counted("Precision", m(r(0, 0, 1), r(1, 0, 0), r(0, 1, 0), r(1, 0, 0), r(0, 0, 1)),
                m(r(0.1, 0.2, 0.7), r(0.5, 0.3, 0.2), r(0.2, 0.6, 0.2), r(0.7, 0.2, 0.1), r(0.1, 0.1, 0.8)), null,
                "class_id", 1);
        close(1.0, classId);
        assertEquals(1.0, classId.snapshot().variable("true_positives").get(0));
        assertEquals(0.0, classId.snapshot().variable("false_positives").get(0));
        Metric both = counted("Precision", v(0, 1, 1, 0, 1), v(0.2, 0.8, 0.6, 0, 0.2), null, "thresholds", 0.7,
                "top_k", 2);
        close(1.0, both);
        assertEquals(1.0, both.snapshot().variable("true_positives").get(0));
        assertEquals(0.0, both.snapshot().variable("false_positives").get(0));
    }

    @Test
    void recallCases() {
        close(0.5, counted("Recall", v(0, 1, 1, 0), v(1, 0, 1, 0), null));
        close(0.4, counted("Recall", m(r(0, 1, 1, 0), r(1, 0, 0, 1)), m(r(1, 0, 1, 0), r(0, 1, 0, 1)),
                m(r(1, 2, 3, 4), r(4, 3, 2, 1))));
        close(0.0, counted("Recall", v(0, 0, 0, 0), v(0, 0, 0, 0), null));
        closeVec(r(0.5, 0.0), counted("Recall", v(0, 1, 1, 0), v(1, 0, 0.6, 0), null,
                "thresholds", List.of(0.5, 0.7)), 1e-6);
        closeVec(r(3.0 / 7.0, 0.0), counted("Recall", m(r(0, 1), r(1, 0)), m(r(1, 0), r(0.6, 0)),
                m(r(1, 4), r(3, 2)), "thresholds", List.of(0.5, 1.0)), 1e-3);
        close(0.5, counted("Recall", v(0, 1, 1, 0, 0), v(0.2, 0.1, 0.5, 0, 0.2), null, "top_k", 3));
        Metric weightedTopK = metric("Recall", "top_k", 3);
        weightedTopK.update(m(r(0, 1, 1, 0, 1)), m(r(0.2, 0.1, 0.4, 0, 0.2)), m(r(1, 4, 2, 3, 5)));
        weightedTopK.update(v(1, 0, 1, 1, 1), v(0.2, 0.6, 0.4, 0.2, 0.2), Tensor.scalar(3));
        close(13.0 / 23.0, weightedTopK);
        Metric classId = counted("Recall", m(r(0, 0, 1), r(1, 0, 0), r(0, 1, 0), r(1, 0, 0), r(0, 0, 1)),
                m(r(0.1, 0.2, 0.7), r(0.5, 0.3, 0.2), r(0.2, 0.6, 0.2), r(0.7, 0.2, 0.1), r(0.1, 0.1, 0.8)), null,
                "class_id", 1);
        close(1.0, classId);
        Metric both = counted("Recall", v(1, 1, 1, 0, 1), v(0.2, 0.8, 0.6, 0, 0.2), null, "thresholds", 0.7,
                "top_k", 2);
        close(0.25, both);
        assertEquals(3.0, both.snapshot().variable("false_negatives").get(0));
    }

    private static final double[] LOW_PRED = {0.0, 0.1, 0.2, 0.3, 0.4, 0.01, 0.02, 0.25, 0.26, 0.26};
    private static final double[] LOW_LABEL = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};

    @Test
    void sensitivityAtSpecificityCases() {
        close(0.8, counted("SensitivityAtSpecificity", v(LOW_LABEL),
                v(0.0, 0.1, 0.2, 0.3, 0.4, 0.1, 0.45, 0.5, 0.8, 0.9), null, "specificity", 0.8));
        close(0.6, counted("SensitivityAtSpecificity", v(LOW_LABEL), v(LOW_PRED), null, "specificity", 0.4));
        close(0.675, counted("SensitivityAtSpecificity", v(LOW_LABEL), v(LOW_PRED), v(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                "specificity", 0.4));
        close(0.6, counted("SpecificityAtSensitivity", oneHot(3, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2),
                columns(3, LOW_PRED), null, "sensitivity", 0.4, "class_id", 2));
    }

    @Test
    void specificityAtSensitivityCases() {
        close(0.2, counted("SpecificityAtSensitivity", v(LOW_LABEL), v(LOW_PRED), null, "sensitivity", 1.0));
        close(0.6, counted("SpecificityAtSensitivity", v(LOW_LABEL), v(LOW_PRED), null, "sensitivity", 0.4));
        close(0.4, counted("SpecificityAtSensitivity", v(LOW_LABEL), v(LOW_PRED), v(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                "sensitivity", 0.4));
    }

    private static final double[] PR_PRED = {0.0, 0.1, 0.2, 0.5, 0.6, 0.2, 0.5, 0.6, 0.8, 0.9};

    @Test
    void precisionAtRecallCases() {
        close(2.0 / 3, counted("PrecisionAtRecall", v(LOW_LABEL), v(PR_PRED), null, "recall", 0.8));
        close(0.75, counted("PrecisionAtRecall", v(LOW_LABEL), v(PR_PRED), null, "recall", 0.6));
        close(0.75, counted("PrecisionAtRecall", oneHot(3, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2), columns(3, PR_PRED), null,
                "recall", 0.6, "class_id", 2));
        close(0.7, counted("PrecisionAtRecall", v(LOW_LABEL), v(PR_PRED), v(2, 1, 2, 1, 2, 1, 2, 2, 1, 2),
                "recall", 7.0 / 8));
    }

    private static final double[] RP_PRED = {0.05, 0.1, 0.2, 0.3, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.9, 0.95};
    private static final double[] RP_LABEL = {0, 1, 0, 0, 0, 1, 1, 0, 1, 1, 0, 1};

    @Test
    void recallAtPrecisionCases() {
        close(0.5, counted("RecallAtPrecision", v(RP_LABEL), v(RP_PRED), null, "precision", 0.75));
        close(5.0 / 6, counted("RecallAtPrecision", v(RP_LABEL), v(RP_PRED), null, "precision", 2.0 / 3));
        close(5.0 / 6, counted("RecallAtPrecision", oneHot(3, 0, 2, 0, 0, 0, 2, 2, 0, 2, 2, 0, 2),
                columns(3, RP_PRED), null, "precision", 2.0 / 3, "class_id", 2));
        close(0.6, counted("RecallAtPrecision", v(0, 1, 0, 0, 0, 1, 1), v(0.1, 0.2, 0.3, 0.5, 0.6, 0.9, 0.9),
                v(1, 2, 1, 2, 1, 2, 1), "precision", 0.75));
        close(0.0, counted("RecallAtPrecision", v(1, 1, 0, 0), v(0.1, 0.2, 0.3, 0.9), null, "precision", 2.0 / 3));
    }

    @Test
    void allCorrectGivesOne() {
        Random rnd = new Random(7);
        double[] inputs = new double[100];
        for (int i = 0; i < 100; i++) {
            inputs[i] = rnd.nextInt(2);
        }
        Tensor x = Tensor.of(inputs, 100, 1);
        for (String[] c : new String[][] {{"SensitivityAtSpecificity", "specificity"},
                {"SpecificityAtSensitivity", "sensitivity"}, {"PrecisionAtRecall", "recall"},
                {"RecallAtPrecision", "precision"}}) {
            close(1.0, counted(c[0], x, x, null, c[1], 0.7));
        }
        close(1.0, counted("AUC", v(0, 0, 1, 1), v(0, 0, 1, 1), null));
    }

    private static final Tensor A_PRED = v(0, 0.5, 0.3, 0.9);
    private static final Tensor A_TRUE = v(0, 0, 1, 1);
    private static final Tensor A_W = v(1, 2, 3, 4);

    private static Tensor logits(Tensor p) {
        double[] out = new double[p.size()];
        for (int i = 0; i < out.length; i++) {
            float q = (float) p.get(i);
            out[i] = (float) -Math.log(1.0 / (q + 1e-12) - 1.0);
        }
        return Tensor.of(out, p.shape());
    }

    @Test
    void aucCases() {
        close(0.75, counted("AUC", A_TRUE, A_PRED, null, "num_thresholds", 3), 1e-3);
        close(0.75, counted("AUC", A_TRUE, logits(A_PRED), null, "num_thresholds", 3, "from_logits", true), 1e-3);
        close(0.75, counted("AUC", A_TRUE, A_PRED, null, "num_thresholds", 2, "thresholds", List.of(0.5)), 1e-3);
        close(0.7855, counted("AUC", A_TRUE, A_PRED, A_W, "num_thresholds", 3), 1e-3);
        close(1.0, counted("AUC", A_TRUE, A_PRED, A_W, "num_thresholds", 3, "summation_method", "majoring"), 1e-3);
        close(0.571, counted("AUC", A_TRUE, A_PRED, A_W, "num_thresholds", 3, "summation_method", "minoring"), 1e-3);
        close(1.0, counted("AUC", A_TRUE, A_PRED, A_W, "num_thresholds", 3, "curve", "PR",
                "summation_method", "majoring"), 1e-3);
        close(0.7 * 0.429, counted("AUC", A_TRUE, A_PRED, A_W, "num_thresholds", 3, "curve", "PR",
                "summation_method", "minoring"), 1e-3);
        close(2.416 / 7 + 4.0 / 7, counted("AUC", A_TRUE, A_PRED, A_W, "num_thresholds", 3, "curve", "PR"), 1e-3);
        close(0.0, counted("AUC", A_TRUE, A_PRED, v(-1, -2, -3, -4), "num_thresholds", 3, "curve", "PR"), 1e-3);
        close(1.0, counted("AUC", A_TRUE, A_PRED, A_W, "num_thresholds", 3, "curve", "PRGAIN",
                "summation_method", "majoring"), 1e-3);
        close(0.0, counted("AUC", A_TRUE, A_PRED, A_W, "num_thresholds", 3, "curve", "PRGAIN",
                "summation_method", "minoring"), 1e-3);
        close(0.5, counted("AUC", A_TRUE, A_PRED, A_W, "num_thresholds", 3, "curve", "PRGAIN"), 1e-3);
        close(0.666666 * 0.333333 + 0.333333 * 0.833333, counted("AUC", v(0, 0, 0, 1, 0, 1, 0, 1, 1, 1),
                v(0.1, 0.2, 0.3, 0.3, 0.4, 0.4, 0.6, 0.6, 0.8, 0.9), null, "num_thresholds", 3, "curve", "PRGAIN"),
                1e-3);
    }

    @Test
    void aucExtraDims() {
        double[] z = {-10, 10, -10, 10, -10, 10, -12, 12, -12, 12, -12, 12};
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = (float) (1.0 / (1.0 + Math.exp(z[i]))); // expit(-z)
        }
        Metric auc = metric("AUC");
        auc.update(Tensor.of(new double[] {1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1}, 2, 2, 3), Tensor.of(p, 2, 2, 3));
        assertEquals(0.5, auc.resultValue(), 1e-7);
    }

    private static final Tensor M_PRED = T.mT(r(0, 0.5, 0.3, 0.9), r(0.1, 0.2, 0.3, 0.4));
    private static final Tensor M_GOOD = T.mT(r(0, 0, 1, 1), r(0, 0, 1, 1));
    private static final Tensor M_BAD = T.mT(r(0, 0, 1, 1), r(1, 1, 0, 0));

    @Test
    void multiLabelAucCases() {
        close(1.0, counted("AUC", M_GOOD, M_GOOD, null, "multi_label", true), 0);
        close(1.0, counted("AUC", M_GOOD, M_GOOD, null, "multi_label", false), 0);
        close((0.875 + 1.0) / 2, counted("AUC", M_GOOD, M_PRED, null, "num_thresholds", 5, "multi_label", true),
                1e-3);
        close((0.875 + 1.0) / 2, counted("AUC", M_GOOD, logits(M_PRED), null, "num_thresholds", 5,
                "multi_label", true, "from_logits", true), 1e-3);
        close(1.0 - 0.3333 * (1.0 - 0.2857) / 2.0, counted("AUC", M_GOOD, M_PRED, A_W, "num_thresholds", 5), 1e-3);
        close(1.0 - 0.3333 * (1.0 - 0.2727) / 2.0, counted("AUC", M_GOOD, M_PRED,
                m(r(0, 1), r(2, 3), r(4, 5), r(6, 7)), "num_thresholds", 5), 1e-3);
        close((0.875 * 0.75 + 1.0 * 0.25), counted("AUC", M_GOOD, M_PRED, null, "num_thresholds", 5,
                "multi_label", true, "label_weights", List.of(0.75, 0.25)), 1e-3);
        close(1.0 - (1.0 - 0.375) * 0.375 / 2.0, counted("AUC", M_GOOD, M_PRED, null, "num_thresholds", 5,
                "label_weights", List.of(0.75, 0.25)), 1e-2);
        close(1.0 - 3.0 / 32.0, counted("AUC", M_GOOD, M_PRED, null, "num_thresholds", 5), 1e-3);
        close(1.0 - 3.0 / 32.0, counted("AUC", M_GOOD, logits(M_PRED), null, "num_thresholds", 5,
                "from_logits", true), 1e-3);
        close((0.75 + 0.5) / 2, counted("AUC", M_GOOD, M_PRED, null, "num_thresholds", 2, "thresholds",
                List.of(0.5), "multi_label", true), 1e-3);
        close(1.0 - 0.5 * 0.43 * 0.67, counted("AUC", M_GOOD, M_PRED, A_W, "num_thresholds", 5,
                "multi_label", true), 1e-1);
        Metric pr = metric("AUC", "num_thresholds", 5, "curve", "PR", "multi_label", true);
        pr.update(M_GOOD, M_PRED);
        close((0.91667 + 1.0) / 2, pr, 1e-1);
        pr.update(M_BAD, M_PRED);
        close((0.91667 + 0.5) / 2, pr, 1e-1);
        close((0.939 + 1.0) / 2, counted("AUC", M_GOOD, M_PRED, A_W, "num_thresholds", 5, "curve", "PR",
                "multi_label", true), 1e-1);
    }

    @Test
    void multiLabelResetKeepsShape() {
        Metric auc = metric("AUC", "num_thresholds", 5, "multi_label", true);
        auc.update(M_GOOD, M_PRED);
        auc.reset();
        Tensor tp = auc.snapshot().variable("true_positives");
        assertEquals(List.of(5, 2), List.of(tp.shape()[0], tp.shape()[1]));
        for (int i = 0; i < tp.size(); i++) {
            assertEquals(0.0, tp.get(i));
        }
        assertEquals(0.0, auc.resultValue());
    }
}
