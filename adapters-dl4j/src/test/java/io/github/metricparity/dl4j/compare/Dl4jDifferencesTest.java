package io.github.metricparity.dl4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.comparison.ComparisonRow;
import org.junit.jupiter.api.Test;

/**
 * Each documented difference between DL4J's own evaluations and Keras 3 (README, DL4J section), shown on its fixed
 * case: DL4J's value, the Keras value, and whether they agree.
 */
class Dl4jDifferencesTest {
    private static final double TOL = 1e-6;

    private static void assertRow(ComparisonRow row, double dl4j, double keras, boolean agree) {
        assertEquals(dl4j, row.frameworkValue(), TOL, row.frameworkMetric());
        assertEquals(keras, row.kerasValue(), TOL, row.kerasMetric());
        assertEquals(agree, row.agrees(), row.scenario());
        assertEquals(agree, row.cause().isEmpty(), "a cause names every disagreement");
    }

    @Test
    void bothThresholdStrictlyAtOneHalf() {
        assertRow(Dl4jDifferences.thresholdAtExactlyOneHalf(), 0.75, 0.75, true);
    }

    @Test
    void softBinaryLabelsCountAsCorrectInDl4jAndNeverMatchInKeras() {
        assertRow(Dl4jDifferences.softBinaryLabels(), 1.0, 0.0, false);
        ComparisonRow binary = Dl4jDifferences.softBinaryLabelsEvaluationBinary();
        assertTrue(Double.isNaN(binary.frameworkValue()), "EvaluationBinary counts soft labels nowhere");
        assertEquals(0.0, binary.kerasValue());
        assertFalse(binary.agrees());
    }

    @Test
    void dl4jDecisionThresholdOnTwoColumnsIsNotKerasAccuracy() {
        assertRow(Dl4jDifferences.binaryDecisionThresholdOnTwoColumns(), 0.75, 0.5, false);
    }

    @Test
    void exactRocDiffersFromKerasBucketedAuc() {
        assertRow(Dl4jDifferences.exactRocVersusBucketedAuc(), 2.0 / 3, 7.0 / 9, false);
    }

    @Test
    void rocMultiClassAveragesWhereKerasAucFlattens() {
        assertRow(Dl4jDifferences.rocMultiClassVersusFlattenedAuc(), 11.0 / 12, 8.0 / 9, false);
    }

    @Test
    void macroF1LeavesOutAnAbsentClassInDl4jOnly() {
        assertRow(Dl4jDifferences.macroF1WithAnAbsentClass(), 0.733333, 0.488889, false);
    }

    @Test
    void binaryF1IsOnlyThePositiveClassInDl4j() {
        assertRow(Dl4jDifferences.binaryF1IsThePositiveClass(), 2.0 / 3, 0.733333, false);
    }

    @Test
    void topNUsesTheSameTieRule() {
        assertRow(Dl4jDifferences.topNAccuracy(), 2.0 / 3, 2.0 / 3, true);
    }

    @Test
    void beforeAnyDataDl4jThrowsAndKerasReportsZero() {
        ComparisonRow row = Dl4jDifferences.noDataYet();
        assertTrue(Double.isNaN(row.frameworkValue()));
        assertEquals(0.0, row.kerasValue());
    }

    @Test
    void fractionalMasksAreIgnoredOrDroppedByDl4jAndWeighedByKeras() {
        assertRow(Dl4jDifferences.fractionalPerExampleMask(), 1.0 / 3, 0.4, false);
        assertRow(Dl4jDifferences.fractionalTimeStepMask(), 1.0, 0.8, false);
    }

    @Test
    void crossentropiesClipAtOtherEpsilons() {
        assertRow(Dl4jDifferences.categoricalCrossentropyClip(), 23.02585, 16.118095, false);
        assertRow(Dl4jDifferences.binaryCrossentropyClip(), 11.511568, 15.942385, false);
    }

    @Test
    void regressionErrorsAgreeWithoutMasksButRmseAndPearsonDoNot() {
        assertRow(Dl4jDifferences.meanSquaredError(), 0.208333, 0.208333, true);
        assertRow(Dl4jDifferences.rSquared(), 0.876190, 0.876190, true);
        assertRow(Dl4jDifferences.rootMeanSquaredError(), 0.439826, 0.456435, false);
        assertRow(Dl4jDifferences.pearsonCorrelation(), 0.979997, 0.965474, false);
    }
}
