package io.github.metricparity.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * compile() resolution of "accuracy"/"acc" (and "crossentropy"/"ce") under the three rule sets: Keras 3
 * ({@code trainers/compile_utils.py get_metric}), tf.keras 2 ({@code MetricsContainer._get_metric_object}) and the
 * loss-based Keras 2 / graph-mode rule ({@code training_utils_v1.get_metric_function}).
 */
class CompileRulesTest {

    private static int[] shape(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        String[] parts = t.split("x");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }

    private static String resolve(CompileRules rules, String id, String yTrue, String yPred, String loss) {
        return rules.resolve(id, shape(yTrue), shape(yPred), loss.isEmpty() ? null : loss).identifier();
    }

    /** The table in CompileRules's Javadoc, row by row, for the three rule sets. */
    @ParameterizedTest(name = "{0}: y_true {1}, y_pred {2}, loss {3}")
    @CsvSource({
            // Dense(1) logits, (N,1) 0/1, binary_crossentropy(from_logits)
            "dense1_logits, 32x1, 32x1, binary_crossentropy, BinaryAccuracy, BinaryAccuracy, BinaryAccuracy",
            // Dense(2) softmax, (N,2) one-hot, binary_crossentropy
            "dense2_softmax_bce, 32x2, 32x2, binary_crossentropy, CategoricalAccuracy, CategoricalAccuracy, "
                    + "BinaryAccuracy",
            // Dense(3) sigmoid, (N,3) multi-hot, binary_crossentropy
            "dense3_sigmoid_multihot, 32x3, 32x3, BinaryCrossentropy, CategoricalAccuracy, CategoricalAccuracy, "
                    + "BinaryAccuracy",
            // Dense(10) softmax, (N,) ids, sparse_categorical_crossentropy
            "dense10_sparse_rank1, 32, 32x10, sparse_categorical_crossentropy, SparseCategoricalAccuracy, "
                    + "SparseCategoricalAccuracy, SparseCategoricalAccuracy",
            // Dense(10) softmax, (N,1) ids, sparse_categorical_crossentropy
            "dense10_sparse_column, 32x1, 32x10, SparseCategoricalCrossentropy, SparseCategoricalAccuracy, "
                    + "SparseCategoricalAccuracy, SparseCategoricalAccuracy",
            // Dense(10) softmax, (N,10) one-hot with a sparse loss (a mislabelled loss)
            "dense10_onehot_sparse_loss, 32x10, 32x10, sparse_categorical_crossentropy, CategoricalAccuracy, "
                    + "CategoricalAccuracy, SparseCategoricalAccuracy"})
    void javadocTable(String row, String yTrue, String yPred, String loss, String keras3, String tfKeras2,
            String keras2Loss) {
        for (String id : new String[] {"accuracy", "acc"}) {
            assertEquals(keras3, resolve(CompileRules.KERAS_3, id, yTrue, yPred, loss), row + " keras3 " + id);
            assertEquals(tfKeras2, resolve(CompileRules.TF_KERAS_2, id, yTrue, yPred, loss), row + " tf_keras2 " + id);
            assertEquals(keras2Loss, resolve(CompileRules.KERAS_2_LOSS_BASED, id, yTrue, yPred, loss),
                    row + " keras2_loss " + id);
        }
    }

    @Test
    void keras3ReadsShapesOnly() {
        CompileRules k3 = CompileRules.KERAS_3;
        // the loss is never consulted
        assertEquals("CategoricalAccuracy", resolve(k3, "accuracy", "4x3", "4x3", "binary_crossentropy"));
        assertEquals("CategoricalAccuracy", resolve(k3, "accuracy", "4x3", "4x3", "sparse_categorical_crossentropy"));
        // (N,1) predictions are binary whatever the targets
        assertEquals("BinaryAccuracy", resolve(k3, "accuracy", "4", "4x1", ""));
        assertEquals("BinaryAccuracy", resolve(k3, "accuracy", "4x5", "4x1", ""));
        // rank(y_true) < rank(y_pred)
        assertEquals("SparseCategoricalAccuracy", resolve(k3, "accuracy", "4x7", "4x7x5", ""));
        // rank-1 y_true and y_pred with N > 1: argmax over the batch (the trap)
        assertEquals("CategoricalAccuracy", resolve(k3, "accuracy", "4", "4", ""));
        assertEquals("BinaryAccuracy", resolve(k3, "accuracy", "1", "1", ""));
        // str(identifier).lower()
        for (String id : new String[] {"ACC", "Acc", "Accuracy", "ACCURACY"}) {
            assertEquals("BinaryAccuracy", resolve(k3, id, "4x1", "4x1", ""), id);
        }
        // crossentropy / ce are not special for metrics in Keras 3: passed to metrics.get unchanged
        assertEquals("crossentropy", resolve(k3, "crossentropy", "4x1", "4x1", "binary_crossentropy"));
        assertEquals("ce", resolve(k3, "ce", "4x1", "4x1", ""));
        // other strings go to metrics.get, and every metric is named after its string
        assertEquals("mse", resolve(k3, "mse", "4x1", "4x1", ""));
        assertEquals(new CompileRules.Resolution("SparseCategoricalAccuracy", "acc"),
                k3.resolve("acc", new int[] {4}, new int[] {4, 3}, null));
        assertEquals(new CompileRules.Resolution("bce", "bce"), k3.resolve("bce", new int[] {4}, new int[] {4}, null));
    }

    @Test
    void tfKeras2AlsoResolvesCrossentropy() {
        CompileRules tf2 = CompileRules.TF_KERAS_2;
        assertEquals("BinaryCrossentropy", resolve(tf2, "crossentropy", "4x1", "4x1", ""));
        assertEquals("SparseCategoricalCrossentropy", resolve(tf2, "ce", "4", "4x3", ""));
        assertEquals("CategoricalCrossentropy", resolve(tf2, "ce", "4x3", "4x3", "sparse_categorical_crossentropy"));
        // str(metric).lower() since tf.keras 2.6 (keras/engine/compile_utils.py)
        assertEquals("BinaryAccuracy", resolve(tf2, "ACC", "4x1", "4x1", ""));
        assertEquals("CategoricalCrossentropy", resolve(tf2, "CE", "4x3", "4x3", ""));
        assertEquals(new CompileRules.Resolution("SparseCategoricalCrossentropy", "CrossEntropy"),
                tf2.resolve("CrossEntropy", new int[] {4, 1}, new int[] {4, 3}, null));
        // tf.keras 2 aliases
        assertEquals("KLDivergence", resolve(tf2, "kld", "4x3", "4x3", ""));
        assertEquals("KLDivergence", resolve(tf2, "kullback_leibler_divergence", "4x3", "4x3", ""));
        assertEquals(new CompileRules.Resolution("KLDivergence", "KLD"),
                tf2.resolve("KLD", new int[] {4, 3}, new int[] {4, 3}, null));
        assertEquals("LogCoshError", resolve(tf2, "logcosh", "4x3", "4x3", ""));
        assertEquals("CosineSimilarity", resolve(tf2, "cosine_proximity", "4x3", "4x3", ""));
    }

    @Test
    void keras2LossBasedIsCaseSensitiveAndLossDriven() {
        CompileRules k2 = CompileRules.KERAS_2_LOSS_BASED;
        assertEquals("BinaryAccuracy", resolve(k2, "acc", "4x5", "4x5", "bce"));
        assertEquals("BinaryAccuracy", resolve(k2, "acc", "4x5", "4x1", "mse"));
        assertEquals("SparseCategoricalAccuracy", resolve(k2, "accuracy", "4x5", "4x5",
                "sparse_categorical_crossentropy"));
        assertEquals("CategoricalAccuracy", resolve(k2, "accuracy", "4", "4x5", ""),
                "without a sparse loss, rank-1 targets still give CategoricalAccuracy");
        assertEquals("BinaryCrossentropy", resolve(k2, "ce", "4x5", "4x5", "BinaryCrossentropy"));
        assertEquals("SparseCategoricalCrossentropy", resolve(k2, "crossentropy", "4", "4x5",
                "SparseCategoricalCrossentropy"));
        assertEquals("CategoricalCrossentropy", resolve(k2, "crossentropy", "4x5", "4x5", ""));
        // metric in ['accuracy', 'acc']: "ACC" is not special and goes to metrics.get unchanged
        assertEquals("ACC", resolve(k2, "ACC", "4x1", "4x1", ""));
        assertEquals("Accuracy", resolve(k2, "Accuracy", "4x1", "4x1", ""));
    }

    @Test
    void shapesAreNeededForTheShapeRules() {
        for (CompileRules r : CompileRules.values()) {
            assertThrows(InvalidInputException.class, () -> r.resolve("acc", new int[0], new int[] {3}, null));
            assertThrows(InvalidInputException.class, () -> r.resolve("accuracy", new int[] {3}, null, null));
            // a plain identifier needs no shapes
            assertEquals("binary_accuracy", r.resolve("binary_accuracy", null, null, null).identifier());
        }
    }

    @Test
    void ruleSetsByIdRoundTrip() {
        for (CompileRules r : CompileRules.values()) {
            assertEquals(r, CompileRules.byId(r.id()));
        }
        assertEquals(CompileRules.KERAS_3, CompileRules.byId("keras3"));
        assertThrows(IllegalArgumentException.class, () -> CompileRules.byId("keras4"));
    }
}
