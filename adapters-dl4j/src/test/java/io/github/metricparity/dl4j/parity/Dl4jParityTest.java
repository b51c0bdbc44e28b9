package io.github.metricparity.dl4j.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRule;
import io.github.metricparity.comparison.ParityAssertionError;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Dl4jParityTest {
    static INDArray array(double[][] rows) {
        return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
    }

    static final INDArray LABELS = array(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
    static final INDArray OUTPUTS = array(new double[][] {{0.7, 0.2, 0.1}, {0.3, 0.4, 0.3}, {0.2, 0.5, 0.3},
        {0.5, 0.3, 0.2}, {0.1, 0.8, 0.1}});

    @Test
    void everyEvaluationMetricGetsItsKerasCounterpartAndRule() {
        Dl4jParityResult r = Dl4jParity.compare(LABELS, OUTPUTS, new Evaluation(), new RegressionEvaluation());
        ComparisonRow accuracy = r.rows().get(0);
        assertEquals("Evaluation.accuracy()", accuracy.frameworkMetric());
        assertEquals("CategoricalAccuracy()", accuracy.kerasMetric());
        assertEquals(0.8, accuracy.kerasValue(), 1e-7);
        assertTrue(accuracy.agrees());
        assertTrue(r.rows().stream().anyMatch(x -> x.frameworkMetric().equals("RegressionEvaluation.rSquared(2)")));
        assertTrue(r.rows().stream().noneMatch(x -> x.cause().equals(ComparisonRule.UNEXPLAINED)), r.table());
        r.assertExplained();
    }

    @Test
    void anEvaluationOfOtherDataFailsTheAssertionWithTheTable() {
        Evaluation elsewhere = new Evaluation();
        elsewhere.eval(LABELS, LABELS); // perfect predictions, not the network's
        Dl4jParityResult r = Dl4jParity.compare(LABELS, OUTPUTS, elsewhere);
        ParityAssertionError e = assertThrows(ParityAssertionError.class, r::assertExplained);
        assertTrue(e.getMessage().contains("Evaluation.accuracy()"), e.getMessage());
        assertTrue(e.getMessage().contains("[unexplained]"), e.getMessage());
    }

    @Test
    void exactRocIsExplainedAgainstBucketedAuc() {
        INDArray labels = array(new double[][] {{1}, {0}, {1}, {0}, {1}, {0}});
        INDArray scores = array(new double[][] {{0.501}, {0.502}, {0.503}, {0.5035}, {0.9}, {0.1}});
        Dl4jParityResult r = Dl4jParity.compare(labels, scores, new ROC());
        ComparisonRow auc = r.rows().get(0);
        assertEquals("ROC(thresholdSteps=0).calculateAUC()", auc.frameworkMetric());
        assertEquals("exact vs bucketed AUC", auc.cause());
    }

    @Test
    void kerasRecordedValuesAreAssertedWithTheTable() {
        KerasEvaluation keras = KerasEvaluation.compile("accuracy");
        keras.eval(LABELS, OUTPUTS);
        assertEquals(1, Dl4jParity.assertReproduces(Map.of("accuracy", 0.8, "loss", 0.5), keras).size());
        ParityAssertionError e = assertThrows(ParityAssertionError.class,
                () -> Dl4jParity.assertReproduces(Map.of("accuracy", 0.84), keras));
        assertTrue(e.getMessage().contains("DIFFERS") && e.getMessage().contains("0.840000"), e.getMessage());
        assertThrows(ParityAssertionError.class, () -> Dl4jParity.assertReproduces(Map.of("auc", 0.9), keras));
    }
}
