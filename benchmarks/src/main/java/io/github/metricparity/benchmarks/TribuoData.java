package io.github.metricparity.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** Tribuo predictions holding the same numbers as the float arrays the other benchmarks use. */
final class TribuoData {
    private TribuoData() {
    }

    /**
     * One prediction per row: a score map over every class (probabilities or raw scores) and the argmax as the
     * predicted label, as Tribuo's classifiers make them. Examples (ground truth, weight 1) are shared per class.
     */
    static List<Prediction<Label>> scored(float[] labels, float[] scores, int classes, boolean probabilities) {
        List<Example<Label>> examples = examples(classes);
        // Tribuo's models name the scored labels with their domain's strings: one instance per class
        String[] names = new String[classes];
        for (int k = 0; k < classes; k++) {
            names[k] = FixedModel.name(k);
        }
        List<Prediction<Label>> out = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            Map<String, Label> map = new HashMap<>();
            Label best = null;
            for (int k = 0; k < classes; k++) {
                Label l = new Label(names[k], scores[i * classes + k]);
                map.put(l.getLabel(), l);
                if (best == null || l.getScore() > best.getScore()) {
                    best = l;
                }
            }
            out.add(new Prediction<>(best, map, 0, examples.get((int) labels[i]), probabilities));
        }
        return out;
    }

    /** Predictions that carry the predicted label only (no scores), e.g. per pixel of a segmentation. */
    static List<Prediction<Label>> hard(float[] labels, float[] predictedIds, int classes) {
        List<Example<Label>> examples = examples(classes);
        List<Label> predicted = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            predicted.add(new Label(FixedModel.name(k)));
        }
        List<Prediction<Label>> out = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            out.add(new Prediction<>(predicted.get((int) predictedIds[i]), 0, examples.get((int) labels[i])));
        }
        return out;
    }

    private static List<Example<Label>> examples(int classes) {
        List<Example<Label>> examples = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            examples.add(new ArrayExample<>(new Label(FixedModel.name(k))));
        }
        return examples;
    }
}
