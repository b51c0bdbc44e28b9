package io.github.metricparity.keras.confusion;

import static io.github.metricparity.keras.confusion.T.close;
import static io.github.metricparity.keras.confusion.T.metric;
import static io.github.metricparity.keras.confusion.T.v;

import io.github.metricparity.spi.Metric;
import org.junit.jupiter.api.Test;

/** Every example in the docstrings of {@code keras/src/metrics/confusion_metrics.py}. */
class DocstringExamplesTest {

    @Test
    void falsePositives() {
        Metric m = metric("FalsePositives");
        m.update(v(0, 1, 0, 0), v(0, 0, 1, 1));
        close(2.0, m);
        m.reset();
        m.update(v(0, 1, 0, 0), v(0, 0, 1, 1), v(0, 0, 1, 0));
        close(1.0, m);
    }

    @Test
    void falseNegatives() {
        Metric m = metric("FalseNegatives");
        m.update(v(0, 1, 1, 1), v(0, 1, 0, 0));
        close(2.0, m);
        m.reset();
        m.update(v(0, 1, 1, 1), v(0, 1, 0, 0), v(0, 0, 1, 0));
        close(1.0, m);
    }

    @Test
    void trueNegatives() {
        Metric m = metric("TrueNegatives");
        m.update(v(0, 1, 0, 0), v(1, 1, 0, 0));
        close(2.0, m);
        m.reset();
        m.update(v(0, 1, 0, 0), v(1, 1, 0, 0), v(0, 0, 1, 0));
        close(1.0, m);
    }

    @Test
    void truePositives() {
        Metric m = metric("TruePositives");
        m.update(v(0, 1, 1, 1), v(1, 0, 1, 1));
        close(2.0, m);
        m.reset();
        m.update(v(0, 1, 1, 1), v(1, 0, 1, 1), v(0, 0, 1, 0));
        close(1.0, m);
    }

    @Test
    void precision() {
        Metric m = metric("Precision");
        m.update(v(0, 1, 1, 1), v(1, 0, 1, 1));
        close(0.6666667, m);
        m.reset();
        m.update(v(0, 1, 1, 1), v(1, 0, 1, 1), v(0, 0, 1, 0));
        close(1.0, m);

        Metric top2 = metric("Precision", "top_k", 2);
        top2.update(v(0, 0, 1, 1), v(1, 1, 1, 1));
        close(0.0, top2);

        Metric top4 = metric("Precision", "top_k", 4);
        top4.update(v(0, 0, 1, 1), v(1, 1, 1, 1));
        close(0.5, top4);
    }

    @Test
    void recall() {
        Metric m = metric("Recall");
        m.update(v(0, 1, 1, 1), v(1, 0, 1, 1));
        close(0.6666667, m);
        m.reset();
        m.update(v(0, 1, 1, 1), v(1, 0, 1, 1), v(0, 0, 1, 0));
        close(1.0, m);
    }

    @Test
    void sensitivityAtSpecificity() {
        Metric m = metric("SensitivityAtSpecificity", "specificity", 0.5);
        m.update(v(0, 0, 0, 1, 1), v(0, 0.3, 0.8, 0.3, 0.8));
        close(0.5, m);
        m.reset();
        m.update(v(0, 0, 0, 1, 1), v(0, 0.3, 0.8, 0.3, 0.8), v(1, 1, 2, 2, 1));
        close(0.333333, m, 1e-6);
    }

    @Test
    void specificityAtSensitivity() {
        Metric m = metric("SpecificityAtSensitivity", "sensitivity", 0.5);
        m.update(v(0, 0, 0, 1, 1), v(0, 0.3, 0.8, 0.3, 0.8));
        close(0.66666667, m);
        m.reset();
        m.update(v(0, 0, 0, 1, 1), v(0, 0.3, 0.8, 0.3, 0.8), v(1, 1, 2, 2, 2));
        close(0.5, m);
    }

    @Test
    void precisionAtRecall() {
        Metric m = metric("PrecisionAtRecall", "recall", 0.5);
        m.update(v(0, 0, 0, 1, 1), v(0, 0.3, 0.8, 0.3, 0.8));
        close(0.5, m);
        m.reset();
        m.update(v(0, 0, 0, 1, 1), v(0, 0.3, 0.8, 0.3, 0.8), v(2, 2, 2, 1, 1));
        close(0.33333333, m);
    }

    @Test
    void recallAtPrecision() {
        Metric m = metric("RecallAtPrecision", "precision", 0.8);
        m.update(v(0, 0, 1, 1), v(0, 0.5, 0.3, 0.9));
        close(0.5, m);
        m.reset();
        m.update(v(0, 0, 1, 1), v(0, 0.5, 0.3, 0.9), v(1, 0, 0, 1));
        close(1.0, m);
    }

    @Test
    void auc() {
        Metric m = metric("AUC", "num_thresholds", 3);
        m.update(v(0, 0, 1, 1), v(0, 0.5, 0.3, 0.9));
        close(0.75, m);
        m.reset();
        m.update(v(0, 0, 1, 1), v(0, 0.5, 0.3, 0.9), v(1, 0, 0, 1));
        close(1.0, m);
    }
}
