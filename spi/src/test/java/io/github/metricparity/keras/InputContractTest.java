package io.github.metricparity.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.InputContract.RankRule;
import io.github.metricparity.keras.InputContract.Weights;
import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every definition declares its input contract, and the contract follows the config as Keras's code does. */
class InputContractTest {

    private static InputContract contract(String cls, Map<String, ?> config) {
        return KerasCatalog.byClassName(cls).inputContract(config);
    }

    @Test
    void everyStringCreatableClassHasAContract() {
        for (MetricDefinition d : KerasCatalog.all()) {
            if (d.stringCreatable()) {
                assertNotNull(d.inputContract(Map.of()), d.className());
                assertEquals(d.inputContract(Map.of()), KerasCatalog.inputContract(d.create(Map.of())),
                        d.className());
            }
        }
    }

    @Test
    void alternativesPairOneHotRowsWithClassIds() {
        for (MetricDefinition d : KerasCatalog.all()) {
            if (!d.stringCreatable()) {
                continue;
            }
            InputContract c = d.inputContract(Map.of());
            if (c.alternative() == null) {
                continue;
            }
            InputContract other = contract(c.alternative(), Map.of());
            assertEquals(d.className(), other.alternative(), d.className() + " and " + c.alternative());
            assertEquals(Set.of(Labels.CLASS_IDS, Labels.ONE_HOT), Set.of(c.labels(), other.labels()),
                    d.className());
        }
        assertEquals("CategoricalAccuracy", contract("SparseCategoricalAccuracy", Map.of()).alternative());
    }

    @Test
    void theConfigDecides() {
        assertEquals(Predictions.PROBABILITIES, contract("BinaryAccuracy", Map.of()).predictions());
        assertEquals(Predictions.SCORES, contract("BinaryAccuracy", Map.of("threshold", 0.0)).predictions());
        assertEquals(Predictions.LOGITS,
                contract("BinaryCrossentropy", Map.of("from_logits", true)).predictions());
        assertEquals(Predictions.DISTRIBUTION, contract("CategoricalCrossentropy", Map.of()).predictions());
        assertEquals(Predictions.SORTED_CLASS_IDS,
                contract("SparseTopKCategoricalAccuracy", Map.of("from_sorted_ids", true)).predictions());
        InputContract precision = contract("Precision", Map.of());
        assertEquals(List.of(Labels.BINARY, Predictions.PROBABILITIES, RankRule.ELEMENTS, Weights.BROADCAST),
                List.of(precision.labels(), precision.predictions(), precision.rankRule(), precision.weights()));
        InputContract topK = contract("Precision", Map.of("top_k", 2));
        assertEquals(List.of(Predictions.SCORES, RankRule.ROWS), List.of(topK.predictions(), topK.rankRule()));
        assertEquals(RankRule.ROWS, contract("Recall", Map.of("class_id", 1)).rankRule());
        InputContract iou = contract("IoU", Map.of("num_classes", 3, "target_class_ids", List.of(0)));
        assertEquals(List.of(Labels.CLASS_IDS, Predictions.CLASS_IDS), List.of(iou.labels(), iou.predictions()));
        InputContract dense = contract("MeanIoU", Map.of("num_classes", 3, "sparse_y_true", false,
                "sparse_y_pred", false));
        assertEquals(List.of(Labels.ONE_HOT, Predictions.SCORES), List.of(dense.labels(), dense.predictions()));
        assertEquals(Labels.ONE_HOT, contract("OneHotMeanIoU", Map.of("num_classes", 3)).labels());
        assertEquals(Weights.BROADCAST, contract("R2Score", Map.of()).weights());
        assertEquals(Weights.PER_SAMPLE, contract("MeanSquaredError", Map.of()).weights());
        assertEquals(Labels.NONE, contract("Mean", Map.of()).labels());
    }

    @Test
    void aWrapperHasTheContractOfItsFunction() {
        assertEquals(contract("SparseCategoricalAccuracy", Map.of()),
                contract("MeanMetricWrapper", Map.of("fn", "sparse_categorical_accuracy")));
        assertEquals(contract("BinaryAccuracy", Map.of("threshold", 0.0)),
                contract("MeanMetricWrapper", Map.of("fn", "binary_accuracy", "threshold", 0.0)));
    }

    @Test
    void lossesAndErrorsAreLowerIsBetter() {
        Set<String> lower = new TreeSet<>();
        for (MetricDefinition d : KerasCatalog.all()) {
            if (d.lowerIsBetter()) {
                lower.add(d.className());
            }
        }
        assertEquals(new TreeSet<>(List.of("BinaryCrossentropy", "CategoricalCrossentropy",
                "SparseCategoricalCrossentropy", "KLDivergence", "Poisson", "Hinge", "SquaredHinge", "CategoricalHinge",
                "MeanSquaredError", "MeanAbsoluteError", "MeanAbsolutePercentageError", "MeanSquaredLogarithmicError",
                "RootMeanSquaredError", "LogCoshError", "FalsePositives", "FalseNegatives")), lower);
        assertFalse(KerasCatalog.byClassName("R2Score").lowerIsBetter());
    }

    /** Issue 14: a threshold chosen for logits is no mistake, and the warning named that very fix. */
    @Test
    void binaryAccuracyOnLogitsWithThresholdZeroDoesNotWarn() {
        List<Diagnostic> seen = new ArrayList<>();
        Consumer<Diagnostic> listener = seen::add;
        Diagnostics.addListener(listener);
        try {
            Metric logits = KerasCatalog.byClassName("BinaryAccuracy").create(Map.of("threshold", 0.0));
            logits.update(Tensor.of(new float[] {1, 0, 1}, 3), Tensor.of(new float[] {2.5f, -1f, -0.5f}, 3));
            assertTrue(seen.isEmpty(), seen::toString);
            assertEquals(2.0 / 3, logits.result().item(), 1e-7);
            Metric defaults = KerasCatalog.byClassName("BinaryAccuracy").create(Map.of());
            defaults.update(Tensor.of(new float[] {1, 0, 1}, 3), Tensor.of(new float[] {2.5f, -1f, -0.5f}, 3));
            assertEquals(1, seen.size(), seen::toString);
            assertTrue(seen.get(0).fix().contains("threshold=0.0"), seen.get(0)::message);
        } finally {
            Diagnostics.removeListener(listener);
        }
    }
}
