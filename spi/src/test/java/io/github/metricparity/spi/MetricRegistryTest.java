package io.github.metricparity.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** keras.metrics.get for the reduction, accuracy and probabilistic families ({@code keras/src/metrics/__init__.py}). */
class MetricRegistryTest {
    private final MetricRegistry registry = MetricRegistry.load();

    /** Every identifier of ALL_OBJECTS_DICT for these classes: class name, to_snake_case(name), bce/BCE. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Mean, Mean", "mean, Mean",
            "Sum, Sum", "sum, Sum",
            "Accuracy, Accuracy", "accuracy, Accuracy",
            "BinaryAccuracy, BinaryAccuracy", "binary_accuracy, BinaryAccuracy",
            "CategoricalAccuracy, CategoricalAccuracy", "categorical_accuracy, CategoricalAccuracy",
            "SparseCategoricalAccuracy, SparseCategoricalAccuracy",
            "sparse_categorical_accuracy, SparseCategoricalAccuracy",
            "TopKCategoricalAccuracy, TopKCategoricalAccuracy", "top_k_categorical_accuracy, TopKCategoricalAccuracy",
            "SparseTopKCategoricalAccuracy, SparseTopKCategoricalAccuracy",
            "sparse_top_k_categorical_accuracy, SparseTopKCategoricalAccuracy",
            "BinaryCrossentropy, BinaryCrossentropy", "binary_crossentropy, BinaryCrossentropy",
            "bce, BinaryCrossentropy", "BCE, BinaryCrossentropy",
            "CategoricalCrossentropy, CategoricalCrossentropy", "categorical_crossentropy, CategoricalCrossentropy",
            "SparseCategoricalCrossentropy, SparseCategoricalCrossentropy",
            "sparse_categorical_crossentropy, SparseCategoricalCrossentropy",
            "KLDivergence, KLDivergence", "kl_divergence, KLDivergence",
            "Poisson, Poisson", "poisson, Poisson"})
    void getAcceptsEveryKerasIdentifier(String identifier, String className) {
        Metric m = registry.get(identifier);
        assertEquals(className, m.className());
        assertEquals(className, registry.resolve(identifier).className());
        // metrics.get creates the class with no arguments: the Keras default name, not the identifier
        assertEquals(defaultName(className), m.name());
        assertEquals(0.0, m.resultValue());
    }

    private static String defaultName(String cls) {
        switch (cls) {
            case "KLDivergence":
                return "kl_divergence";
            case "TopKCategoricalAccuracy":
                return "top_k_categorical_accuracy";
            case "SparseTopKCategoricalAccuracy":
                return "sparse_top_k_categorical_accuracy";
            default:
                return cls.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void identifiersListedByInfo() {
        assertEquals(List.of("BinaryCrossentropy", "binary_crossentropy", "bce", "BCE"),
                registry.resolve("bce").identifiers());
        assertEquals(List.of("KLDivergence", "kl_divergence"), registry.resolve("KLDivergence").identifiers());
        assertEquals(List.of("TopKCategoricalAccuracy", "top_k_categorical_accuracy"),
                registry.resolve("TopKCategoricalAccuracy").identifiers());
        assertEquals("accuracy_metrics", registry.resolve("Accuracy").family());
        assertEquals("probabilistic_metrics", registry.resolve("poisson").family());
        assertEquals("reduction_metrics", registry.resolve("sum").family());
    }

    /** Anything else: ValueError("Could not interpret metric identifier: ...") (metrics/__init__.py:209-211). */
    @ParameterizedTest
    @ValueSource(strings = {"acc", "ACC", "crossentropy", "ce", "kld", "KLD", "kullback_leibler_divergence",
            "binaryaccuracy", "Binary_Accuracy", "BINARY_ACCURACY", "topk_categorical_accuracy", "k_l_divergence",
            "sparse_categorical_crossentropy ", "", "Metric2"})
    void unknownIdentifiersAreRefusedWithKerasMessage(String identifier) {
        UnknownMetricException e = assertThrows(UnknownMetricException.class, () -> registry.get(identifier));
        assertTrue(e.getMessage().startsWith("Could not interpret metric identifier: " + identifier + " (")
                || e.getMessage().startsWith("Could not interpret metric identifier: " + identifier + ". Valid"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Valid identifiers: "), e.getMessage());
        assertThrows(UnknownMetricException.class, () -> registry.create(identifier, Map.of()));
    }

    /** A misspelt identifier gets the nearest ones; a compile-only string says where it works. */
    @Test
    void unknownIdentifiersTeach() {
        UnknownMetricException typo = assertThrows(UnknownMetricException.class, () -> registry.get("acuracy"));
        assertTrue(typo.getMessage().startsWith("Could not interpret metric identifier: acuracy (did you mean "
                + "'accuracy'?). Valid identifiers: Accuracy, accuracy, AUC"), typo.getMessage());
        assertTrue(typo.getMessage().contains("mean_squared_error"), typo.getMessage());
        UnknownMetricException cased = assertThrows(UnknownMetricException.class,
                () -> registry.get("binaryaccuracy"));
        assertTrue(cased.getMessage().contains("did you mean 'BinaryAccuracy'?"), cased.getMessage());
        UnknownMetricException acc = assertThrows(UnknownMetricException.class, () -> registry.get("acc"));
        assertTrue(acc.getMessage().contains("'acc' names a metric only in compile(metrics=[...])"),
                acc.getMessage());
    }

    /** MeanMetricWrapper needs fn: by string alone Keras raises TypeError. */
    @ParameterizedTest
    @ValueSource(strings = {"MeanMetricWrapper", "mean_metric_wrapper"})
    void requiredArgumentsRefusedByString(String identifier) {
        MetricInfo info = registry.resolve(identifier);
        assertFalse(info.stringCreatable());
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> registry.get(identifier));
        assertTrue(e.getMessage().contains("MeanMetricWrapper"), e.getMessage());
        assertTrue(e.getMessage().contains("required"), e.getMessage());
        // with its argument it can be created
        Metric m = registry.create(identifier, Map.of("fn", "binary_accuracy", "threshold", 0.7));
        assertEquals("MeanMetricWrapper", m.className());
        assertEquals("mean_metric_wrapper", m.name());
    }

    @Test
    void everyOtherClassOfTheseFamiliesIsStringCreatable() {
        for (MetricInfo info : registry.metrics()) {
            if (List.of("reduction_metrics", "accuracy_metrics", "probabilistic_metrics").contains(info.family())) {
                assertEquals(!info.className().equals("MeanMetricWrapper"), info.stringCreatable(), info.className());
            }
        }
    }

    @Test
    void createAppliesTheConfigAndKerasDefaults() {
        Metric m = registry.create("sparse_top_k_categorical_accuracy", Map.of("k", 2));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "sparse_top_k_categorical_accuracy");
        expected.put("dtype", "float32");
        expected.put("k", 2);
        assertEquals(expected, m.config(), "from_sorted_ids is written only when true");
        assertEquals(Boolean.TRUE, registry.create("SparseTopKCategoricalAccuracy",
                Map.of("from_sorted_ids", true)).config().get("from_sorted_ids"));

        Map<String, Object> scce = registry.get("sparse_categorical_crossentropy").config();
        assertEquals(List.of("name", "dtype", "from_logits", "ignore_class", "axis"), List.copyOf(scce.keySet()));
        assertEquals(null, scce.get("ignore_class"));
        assertEquals(-1, scce.get("axis"));
        assertEquals(List.of("name", "dtype", "from_logits", "label_smoothing"),
                List.copyOf(registry.get("bce").config().keySet()));
        assertEquals(List.of("name", "dtype", "from_logits", "label_smoothing", "axis"),
                List.copyOf(registry.get("CategoricalCrossentropy").config().keySet()));
        assertEquals(List.of("name", "dtype", "threshold"),
                List.copyOf(registry.get("BinaryAccuracy").config().keySet()));
        assertEquals(List.of("name", "dtype", "k"),
                List.copyOf(registry.get("TopKCategoricalAccuracy").config().keySet()));
        for (String plain : List.of("Mean", "Sum", "Accuracy", "CategoricalAccuracy", "SparseCategoricalAccuracy",
                "KLDivergence", "Poisson")) {
            assertEquals(List.of("name", "dtype"), List.copyOf(registry.get(plain).config().keySet()), plain);
        }
    }

    @Test
    void configRoundTripsThroughCreate() {
        for (MetricInfo info : registry.metrics()) {
            if (!info.stringCreatable()) {
                continue;
            }
            Metric m = registry.get(info.className());
            Metric again = registry.create(info.className(), m.config());
            assertEquals(m.config(), again.config(), info.className());
        }
        Metric named = registry.create("BinaryCrossentropy", Map.of("name", "bce", "label_smoothing", 0.2));
        assertEquals("bce", named.name());
        assertEquals(named.config(), registry.create("BinaryCrossentropy", named.config()).config());
    }

    @Test
    void emptyNameTakesTheDefault() {
        assertEquals("binary_accuracy", registry.create("BinaryAccuracy", Map.of("name", "")).name());
    }

    /** compile(metrics=[string]) renames the metric to the string (compile_utils.py:76-84). */
    @Test
    void compileNamesTheMetricAfterTheString() {
        int[] yTrue = {4, 1};
        int[] yPred = {4, 3};
        assertEquals("bce", registry.compile("bce", yTrue, yPred).name());
        assertEquals("BinaryCrossentropy", registry.compile("bce", yTrue, yPred).className());
        assertEquals("acc", registry.compile("acc", yTrue, yPred).name());
        assertEquals("SparseCategoricalAccuracy", registry.compile("acc", yTrue, yPred).className());
        assertEquals("Accuracy", registry.compile("Accuracy", yTrue, yPred).name());
        assertEquals("SparseCategoricalAccuracy", registry.compile("Accuracy", yTrue, yPred).className(),
                "Keras 3 lower-cases the string, so even 'Accuracy' is resolved from the shapes");
        UnknownMetricException ce = assertThrows(UnknownMetricException.class,
                () -> registry.compile("crossentropy", yTrue, yPred));
        assertTrue(ce.getMessage().startsWith("Could not interpret metric identifier: crossentropy ('crossentropy' "
                + "names a metric only in compile"), ce.getMessage());
        assertThrows(InvalidConfigException.class, () -> registry.compile("MeanMetricWrapper", yTrue, yPred));
        assertInstanceOf(ValuesMetric.class, registry.compile("mean", yTrue, yPred));
    }

    @Test
    void compileUnderOtherRuleSets() {
        Metric ce = registry.compile("ce", new int[] {8, 1}, new int[] {8, 1}, null, CompileRules.TF_KERAS_2);
        assertEquals("BinaryCrossentropy", ce.className());
        assertEquals("ce", ce.name());
        Metric acc = registry.compile("acc", new int[] {8, 10}, new int[] {8, 10}, "binary_crossentropy",
                CompileRules.KERAS_2_LOSS_BASED);
        assertEquals("BinaryAccuracy", acc.className());
        Metric kld = registry.compile("kld", new int[] {8, 3}, new int[] {8, 3}, null, CompileRules.TF_KERAS_2);
        assertEquals("KLDivergence", kld.className());
        assertEquals("kld", kld.name());
        assertThrows(UnknownMetricException.class,
                () -> registry.compile("kld", new int[] {8, 3}, new int[] {8, 3}, null, CompileRules.KERAS_3));
    }
}
