package io.github.metricparity.keras;

import static io.github.metricparity.keras.Tensors.col;
import static io.github.metricparity.keras.Tensors.m;
import static io.github.metricparity.keras.Tensors.r;
import static io.github.metricparity.keras.Tensors.scalar;
import static io.github.metricparity.keras.Tensors.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refused input and config of the core families throws InvalidInputException / InvalidConfigException whose
 * message names the metric and the argument, and a refused update leaves the state exactly as it was.
 */
class CoreFamiliesRefusalTest {
    private static final MetricRegistry KERAS = MetricRegistry.load();
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Map<String, Object> cfg(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Consumer<Metric> upd(Tensor yTrue, Tensor yPred, Tensor w) {
        return m -> m.update(yTrue, yPred, w);
    }

    private static Consumer<Metric> vals(Tensor values, Tensor w) {
        return m -> ((ValuesMetric) m).updateValues(values, w);
    }

    private static Arguments a(String metric, Map<String, Object> config, Consumer<Metric> good, String why,
            Consumer<Metric> bad, String argument) {
        return Arguments.of(metric + " " + why, metric, config, good, bad, argument);
    }

    static Stream<Arguments> refusedUpdates() {
        Tensor probs = m(r(0.1, 0.6, 0.3), r(0.05, 0.95, 0));
        Tensor onehot = m(r(0, 0, 1), r(0, 1, 0));
        Consumer<Metric> cat = upd(onehot, probs, null);
        Consumer<Metric> sparse = upd(t(2, 1), probs, null);
        Consumer<Metric> bin = upd(col(1, 0), col(0.8, 0.3), null);
        Consumer<Metric> values = vals(t(1, 3, 5, 7), null);
        return Stream.of(
                // non-finite values, in every argument
                a("Mean", cfg(), values, "NaN value", vals(t(1, NAN), null), "values"),
                a("Mean", cfg(), values, "infinite weight", vals(t(1, 2), t(1, INF)), "sample_weight"),
                a("Sum", cfg(), values, "NaN value", vals(t(NAN), null), "values"),
                a("Accuracy", cfg(), bin, "NaN y_true", upd(col(NAN, 0), col(1, 0), null), "y_true"),
                a("BinaryAccuracy", cfg(), bin, "NaN y_pred", upd(col(1, 0), col(NAN, 0.3), null), "y_pred"),
                a("BinaryAccuracy", cfg(), bin, "NaN weight", upd(col(1, 0), col(0.8, 0.3), t(1, NAN)),
                        "sample_weight"),
                a("CategoricalAccuracy", cfg(), cat, "infinite y_pred", upd(onehot, m(r(INF, 0, 0), r(0, 1, 0)), null),
                        "y_pred"),
                a("SparseCategoricalAccuracy", cfg(), sparse, "NaN label", upd(t(NAN, 1), probs, null), "y_true"),
                a("TopKCategoricalAccuracy", cfg(), cat, "NaN y_pred", upd(onehot, m(r(NAN, 0, 0), r(0, 1, 0)), null),
                        "y_pred"),
                a("SparseTopKCategoricalAccuracy", cfg(), sparse, "NaN weight", upd(t(2, 1), probs, t(NAN, 1)),
                        "sample_weight"),
                a("BinaryCrossentropy", cfg(), bin, "NaN y_pred", upd(col(1, 0), col(NAN, 0.3), null), "y_pred"),
                a("CategoricalCrossentropy", cfg(), cat, "infinite y_true", upd(m(r(0, 0, INF), r(0, 1, 0)), probs,
                        null),
                        "y_true"),
                a("SparseCategoricalCrossentropy", cfg(), sparse, "NaN y_pred",
                        upd(t(2, 1), m(r(0.1, NAN, 0.3), r(0.05, 0.95, 0)), null), "y_pred"),
                a("KLDivergence", cfg(), cat, "NaN y_true", upd(m(r(NAN, 0, 1), r(0, 1, 0)), probs, null), "y_true"),
                a("Poisson", cfg(), cat, "NaN weight", upd(onehot, probs, t(1, NAN)), "sample_weight"),
                // shapes Keras refuses
                a("Mean", cfg(), values, "weight shape", vals(t(1, 3, 5, 7), t(1, 0, 1)), "sample_weight"),
                a("Mean", cfg(), values, "weight rank", vals(t(1, 3), m(r(1, 0), r(1, 0))), "sample_weight"),
                a("Sum", cfg(), values, "weight shape", vals(m(r(1, 3), r(5, 7)), m(r(1, 0, 1))), "sample_weight"),
                a("Accuracy", cfg(), bin, "shape mismatch", upd(t(1, 0), t(1, 0, 1), null), "y_true and y_pred"),
                a("BinaryAccuracy", cfg(), bin, "shape mismatch", upd(t(1, 0), t(0.2, 0.3, 0.9), null),
                        "y_true and y_pred"),
                a("BinaryAccuracy", cfg(), bin, "weight shape", upd(col(1, 0), col(0.8, 0.3), t(1, 2, 3)),
                        "sample_weight"),
                a("CategoricalAccuracy", cfg(), cat, "batch mismatch",
                        upd(m(r(0, 1), r(1, 0)), m(r(0.2, 0.8), r(0.6, 0.4), r(0.1, 0.9)), null), "y_true and y_pred"),
                a("SparseCategoricalAccuracy", cfg(), sparse, "label out of range", upd(t(3, 1), probs, null),
                        "y_true"),
                a("SparseCategoricalAccuracy", cfg(), sparse, "fractional label", upd(t(0.5, 1), probs, null),
                        "y_true"),
                a("SparseCategoricalAccuracy", cfg(), sparse, "unreshapable matches",
                        upd(m(r(1)), m(r(0.1, 0.9), r(0.8, 0.2), r(0.3, 0.7)), null), "y_true"),
                a("TopKCategoricalAccuracy", cfg(), cat, "rank-1 predictions", upd(t(0, 1, 0), t(0.1, 0.8, 0.1), null),
                        "y_pred"),
                a("SparseTopKCategoricalAccuracy", cfg(), sparse, "label out of range", upd(t(-1, 1), probs, null),
                        "y_true"),
                a("SparseTopKCategoricalAccuracy", cfg(), sparse, "batch mismatch", upd(t(2, 1, 0), probs, null),
                        "y_true"),
                a("BinaryCrossentropy", cfg(), bin, "rank mismatch", upd(t(1, 0), col(0.8, 0.3), null),
                        "y_true and y_pred"),
                a("CategoricalCrossentropy", cfg(), cat, "shape mismatch", upd(m(r(0, 1), r(1, 0)), probs, null),
                        "y_true and y_pred"),
                a("CategoricalCrossentropy", cfg("axis", 2), null, "axis out of range", cat, "axis"),
                a("SparseCategoricalCrossentropy", cfg(), sparse, "label out of range", upd(t(3, 0), probs, null),
                        "y_true"),
                a("SparseCategoricalCrossentropy", cfg(), sparse, "negative label", upd(t(-1, 0), probs, null),
                        "y_true"),
                a("SparseCategoricalCrossentropy", cfg(), sparse, "label shape", upd(t(1, 2, 0), probs, null),
                        "y_true"),
                a("SparseCategoricalCrossentropy", cfg("axis", 0), null, "axis not last", sparse, "axis"),
                a("KLDivergence", cfg(), cat, "shape mismatch", upd(m(r(0, 1, 0)), m(r(0.6, 0.4)), null),
                        "y_true and y_pred"),
                a("KLDivergence", cfg(), cat, "scalars", upd(scalar(0.5), scalar(0.4), null), "y_true and y_pred"),
                a("Poisson", cfg(), cat, "negative rate", upd(onehot, m(r(0.1, -0.6, 0.3), r(0.05, 0.95, 0)), null),
                        "y_pred"),
                a("MeanMetricWrapper", cfg("fn", "sparse_categorical_crossentropy"), sparse, "label out of range",
                        upd(t(7, 1), probs, null), "y_true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedUpdates")
    void refusedUpdateNamesMetricAndArgumentAndChangesNothing(String name, String metric, Map<String, Object> config,
            Consumer<Metric> good, Consumer<Metric> bad, String argument) {
        Metric m = KERAS.create(metric, config);
        if (good != null) {
            good.accept(m);
        }
        MetricState before = m.snapshot();
        double result = m.resultValue();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> bad.accept(m));
        assertTrue(e.getMessage().startsWith(metric + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(argument), "names " + argument + ": " + e.getMessage());
        assertEquals(before, m.snapshot());
        assertEquals(result, m.resultValue(), 0.0);
        if (good != null) {
            // still usable
            good.accept(m);
        }
    }

    @Test
    void renamedMetricsAreNamedInMessages() {
        Metric m = KERAS.create("BinaryCrossentropy", cfg("name", "val_bce"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> m.update(t(1, 0), col(0.8, 0.3)));
        assertTrue(e.getMessage().startsWith("BinaryCrossentropy 'val_bce':"), e.getMessage());
    }

    @Test
    void valuesMetricsRefuseTheLabelSignature() {
        for (String cls : new String[] {"Mean", "Sum"}) {
            Metric m = KERAS.get(cls);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.update(t(1), t(1)));
            assertTrue(e.getMessage().startsWith(cls + ":") && e.getMessage().contains("values"), e.getMessage());
            assertEquals(0.0, m.resultValue());
        }
    }

    static Stream<Arguments> refusedConfigs() {
        return Stream.of(
                Arguments.of("Mean", cfg("axis", 0), "axis"),
                Arguments.of("Sum", cfg("dtype", "float8"), "dtype"),
                Arguments.of("Sum", cfg("dtype", 32), "dtype"),
                Arguments.of("Mean", cfg("name", 5), "name"),
                Arguments.of("MeanMetricWrapper", cfg(), "fn"),
                Arguments.of("MeanMetricWrapper", cfg("fn", "no_such_function"), "fn"),
                Arguments.of("MeanMetricWrapper", cfg("fn", 3), "fn"),
                Arguments.of("Accuracy", cfg("threshold", 0.5), "threshold"),
                Arguments.of("BinaryAccuracy", cfg("threshold", "high"), "threshold"),
                Arguments.of("BinaryAccuracy", cfg("threshold", true), "threshold"),
                Arguments.of("BinaryAccuracy", cfg("thresholds", 0.5), "thresholds"),
                Arguments.of("CategoricalAccuracy", cfg("k", 1), "k"),
                Arguments.of("TopKCategoricalAccuracy", cfg("k", "five"), "k"),
                Arguments.of("TopKCategoricalAccuracy", cfg("k", 1.5), "k"),
                Arguments.of("TopKCategoricalAccuracy", cfg("k", -1), "k"),
                Arguments.of("SparseTopKCategoricalAccuracy", cfg("from_sorted_ids", "yes"), "from_sorted_ids"),
                Arguments.of("SparseTopKCategoricalAccuracy", cfg("sorted", true), "sorted"),
                Arguments.of("BinaryCrossentropy", cfg("axis", -1), "axis"),
                Arguments.of("BinaryCrossentropy", cfg("from_logits", 1), "from_logits"),
                Arguments.of("BinaryCrossentropy", cfg("label_smoothing", "0.1"), "label_smoothing"),
                Arguments.of("CategoricalCrossentropy", cfg("axis", true), "axis"),
                Arguments.of("CategoricalCrossentropy", cfg("ignore_class", 0), "ignore_class"),
                Arguments.of("SparseCategoricalCrossentropy", cfg("ignore_class", "void"), "ignore_class"),
                Arguments.of("SparseCategoricalCrossentropy", cfg("ignore_class", 0.5), "ignore_class"),
                Arguments.of("SparseCategoricalCrossentropy", cfg("label_smoothing", 0.1), "label_smoothing"),
                Arguments.of("KLDivergence", cfg("from_logits", true), "from_logits"),
                Arguments.of("Poisson", cfg("log_input", true), "log_input"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusedConfigs")
    void refusedConfigNamesMetricAndKey(String metric, Map<String, Object> config, String key) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> KERAS.create(metric, config));
        assertTrue(e.getMessage().startsWith(metric + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(key), "names " + key + ": " + e.getMessage());
    }

    @Test
    void configsKerasAcceptsAreAccepted() {
        // documented as [0, 1] but never checked by Keras
        KERAS.create("BinaryCrossentropy", cfg("label_smoothing", 1.5));
        KERAS.create("CategoricalCrossentropy", cfg("label_smoothing", -0.1));
        // in_top_k with k=0 is never true
        Metric k0 = KERAS.create("TopKCategoricalAccuracy", cfg("k", 0));
        k0.update(m(r(0, 1)), m(r(0.2, 0.8)));
        assertEquals(0.0, k0.resultValue());
        KERAS.create("SparseCategoricalCrossentropy", cfg("ignore_class", -1));
        KERAS.create("SparseCategoricalCrossentropy", cfg("ignore_class", null));
        KERAS.create("BinaryAccuracy", cfg("threshold", 1));
        KERAS.create("KLDivergence", cfg("dtype", "int32", "name", "kld"));
    }
}
