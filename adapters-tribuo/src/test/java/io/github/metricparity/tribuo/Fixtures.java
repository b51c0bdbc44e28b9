package io.github.metricparity.tribuo;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** Small hand-made models and predictions for the evaluator tests. */
final class Fixtures {
    static final MetricRegistry REFERENCE = MetricRegistry.load("reference");

    private Fixtures() {
    }

    /** Labels "a", "b", "c" with ids 0, 1, 2. */
    static ImmutableOutputInfo<Label> abc() {
        Map<Label, Integer> m = new LinkedHashMap<>();
        m.put(new Label("a"), 0);
        m.put(new Label("b"), 1);
        m.put(new Label("c"), 2);
        return new LabelFactory().constructInfoForExternalModel(m);
    }

    /** A Mockito model: only its output domain and probability flag matter to an evaluator. */
    @SuppressWarnings("unchecked")
    static <T extends Output<T>> Model<T> model(ImmutableOutputInfo<T> info, boolean probabilities) {
        Model<T> model = mock(Model.class);
        when(model.getOutputIDInfo()).thenReturn(info);
        when(model.generatesProbabilities()).thenReturn(probabilities);
        when(model.getName()).thenReturn("mock");
        return model;
    }

    /** A prediction over "a", "b", "c" with these scores; the predicted label is the given one. */
    static Prediction<Label> labelPrediction(String truth, float weight, String predicted, boolean probabilities,
            double... scores) {
        String[] names = {"a", "b", "c"};
        Map<String, Label> map = new LinkedHashMap<>();
        for (int k = 0; k < scores.length; k++) {
            map.put(names[k], new Label(names[k], scores[k]));
        }
        return new Prediction<>(map.get(predicted), map, 0, new ArrayExample<>(new Label(truth), weight),
                probabilities);
    }

    /** A reference metric fed directly. */
    static double reference(String id, Map<String, ?> config, Tensor yTrue, Tensor yPred, Tensor w) {
        Metric m = REFERENCE.create(id, config);
        m.update(yTrue, yPred, w);
        return m.resultValue();
    }

    static List<KerasMetricSpec> specs(String... ids) {
        return java.util.Arrays.stream(ids).map(KerasMetricSpec::of).toList();
    }
}
