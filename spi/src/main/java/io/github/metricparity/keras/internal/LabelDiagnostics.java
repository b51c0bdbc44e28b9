package io.github.metricparity.keras.internal;

import io.github.metricparity.keras.InputContract;
import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.spi.CompileRules;
import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.Tensor;

/**
 * Labels in the other encoding than the metric's input contract names: one-hot rows given to a metric taking class
 * ids, or class ids given to one taking one-hot rows. Keras refuses some of these shapes with an error that does
 * not say why, and silently computes others (class ids to CategoricalAccuracy give the accuracy of argmax over one
 * column; one-hot labels with as many rows as classes broadcast against a Sparse metric's predicted ids). Such a
 * refusal gets the fix appended, and such a result a warning, once per metric instance; the result is Keras's.
 */
final class LabelDiagnostics {
    private final InputContract contract;
    private boolean warned;

    LabelDiagnostics(InputContract contract) {
        this.contract = contract;
    }

    /** What is wrong with the labels' shape for the contract, or null. */
    String mismatch(AbstractMetric metric, Tensor yTrue, Tensor yPred) {
        // only y_pred holding per-class scores on its last axis tells how many classes there are
        boolean scores = contract.predictions() != Predictions.CLASS_IDS
                && contract.predictions() != Predictions.SORTED_CLASS_IDS
                && contract.predictions() != Predictions.VALUES;
        if (!scores || yPred.rank() < 1 || yPred.dim(-1) < 2 || yTrue.rank() < 1) {
            return null;
        }
        int classes = yPred.dim(-1);
        boolean oneHotShape = yTrue.rank() == yPred.rank() && yTrue.dim(-1) == classes;
        boolean idShape = yTrue.rank() == yPred.rank() - 1 || yTrue.rank() == yPred.rank() && yTrue.dim(-1) == 1;
        if (contract.labels() == Labels.CLASS_IDS && oneHotShape) {
            return "of shape " + yTrue.shapeString() + " looks like one-hot rows over " + classes + " classes (y_pred "
                    + yPred.shapeString() + "), but " + metric.className() + " takes one class id per sample";
        }
        if (contract.labels() == Labels.ONE_HOT && idShape) {
            return "of shape " + yTrue.shapeString() + " holds one value per sample (class ids?), but "
                    + metric.className() + " takes one-hot rows over the " + classes + " classes of y_pred "
                    + yPred.shapeString();
        }
        return null;
    }

    /** The fix for a {@link #mismatch}: the catalog class taking the labels as given. */
    String fix(Tensor yTrue, Tensor yPred) {
        if (contract.alternative() == null) {
            return contract.labels() == Labels.CLASS_IDS ? "give class ids, e.g. the argmax of each one-hot row"
                    : "give one-hot rows";
        }
        String fix = "use " + contract.alternative();
        String compiled = CompileRules.KERAS_3.resolve("accuracy", yTrue.shape(), yPred.shape(), null).identifier();
        if (compiled.equals(contract.alternative())) {
            fix += " (or compile(metrics=['accuracy']), which picks it from the shapes)";
        }
        return fix;
    }

    /** Warns once per instance about labels Keras accepted in the other encoding. */
    void warn(AbstractMetric metric, String mismatch, Tensor yTrue, Tensor yPred) {
        if (warned) {
            return;
        }
        String name = metric.name().equals(metric.parsedConfig().definition().defaultName()) ? null : metric.name();
        // in strict mode this throws inside the update's transaction, which rolls the update back
        Diagnostics.warn(new Diagnostic(metric.className(), name, "y_true", mismatch
                + "; Keras computes it anyway, which is rarely what was meant", fix(yTrue, yPred)));
        warned = true;
    }
}
