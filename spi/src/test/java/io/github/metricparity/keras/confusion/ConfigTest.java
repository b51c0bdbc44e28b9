package io.github.metricparity.keras.confusion;

import static io.github.metricparity.keras.confusion.T.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** get_config keys and values, round trips, identifiers and the configs Keras refuses. */
class ConfigTest {

    private static Map<String, Object> cfg(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static final List<Object[]> CONFIGS = List.of(
            new Object[] {"TruePositives", cfg()},
            new Object[] {"FalsePositives", cfg("name", "my_fp", "thresholds", List.of(0.4, 0.9))},
            new Object[] {"TrueNegatives", cfg("thresholds", 0.3)},
            new Object[] {"FalseNegatives", cfg("thresholds", List.of(0.0, 0.5, 1.0), "dtype", "float64")},
            new Object[] {"Precision", cfg("name", "my_precision", "thresholds", List.of(0.4, 0.9), "top_k", 15,
                    "class_id", 12)},
            new Object[] {"Recall", cfg("name", "my_recall", "thresholds", List.of(0.4, 0.9), "top_k", 15,
                    "class_id", 12)},
            new Object[] {"SensitivityAtSpecificity", cfg("specificity", 0.4, "num_thresholds", 100, "class_id", 12,
                    "name", "sensitivity_at_specificity_1")},
            new Object[] {"SpecificityAtSensitivity", cfg("sensitivity", 0.4, "num_thresholds", 100)},
            new Object[] {"PrecisionAtRecall", cfg("recall", 0.4, "class_id", 12)},
            new Object[] {"RecallAtPrecision", cfg("precision", 0.4, "num_thresholds", 1)},
            new Object[] {"AUC", cfg()},
            new Object[] {"AUC", cfg("num_thresholds", 100, "curve", "PR", "summation_method", "majoring", "name",
                    "auc_1", "dtype", "float64", "multi_label", true, "num_labels", 2, "from_logits", true)},
            new Object[] {"AUC", cfg("num_thresholds", null, "curve", "pr", "summation_method", "Majoring",
                    "thresholds", List.of(0.5, 0.3))},
            new Object[] {"AUC", cfg("multi_label", true, "label_weights", List.of(0.75, 0.25))});

    @Test
    void roundTripGivesEqualConfig() {
        for (Object[] c : CONFIGS) {
            @SuppressWarnings("unchecked")
            Metric m = KerasCatalog.byClassName((String) c[0]).create((Map<String, Object>) c[1]);
            Metric again = KerasCatalog.byClassName((String) c[0]).create(m.config());
            assertEquals(m.config(), again.config(), c[0] + " " + c[1]);
            assertEquals(m.name(), again.name());
        }
    }

    @Test
    void kerasGetConfigKeys() {
        assertEquals(Set.of("name", "dtype", "thresholds"), metric("TruePositives").config().keySet());
        assertEquals(Arrays.asList("true_positives", "float32", null),
                new java.util.ArrayList<>(metric("TruePositives").config().values()));
        assertEquals(0.3, metric("FalseNegatives", "thresholds", 0.3).config().get("thresholds"),
                "thresholds echo the init value, not a list");
        assertEquals(Set.of("name", "dtype", "thresholds", "top_k", "class_id"), metric("Precision").config().keySet());
        assertEquals("recall", metric("Recall").name());
        assertEquals(Set.of("name", "dtype", "class_id", "num_thresholds", "specificity"),
                metric("SensitivityAtSpecificity", "specificity", 0.5).config().keySet());
        assertEquals(Set.of("name", "dtype", "class_id", "num_thresholds", "precision"),
                metric("RecallAtPrecision", "precision", 0.5).config().keySet());
        Map<String, Object> auc = metric("AUC").config();
        assertEquals(Set.of("name", "dtype", "num_thresholds", "curve", "summation_method", "multi_label",
                "num_labels", "label_weights", "from_logits"), auc.keySet());
        assertEquals("auc", auc.get("name"));
        assertEquals(200, auc.get("num_thresholds"));
        assertEquals("ROC", auc.get("curve"));
        assertEquals("interpolation", auc.get("summation_method"));
        assertFalse(auc.containsKey("thresholds"));
    }

    @Test
    void numberTypesDoNotMatter() {
        Metric a = metric("Precision", "thresholds", List.of(1, 0.5));
        Metric b = metric("Precision", "thresholds", List.of(1.0, 0.5));
        assertEquals(a.config(), b.config());
        a.merge(b);
        assertEquals(0.5, metric("TruePositives", "thresholds", 0.5f).config().get("thresholds"));
    }

    @Test
    void aucConfigFromExplicitThresholds() {
        Map<String, Object> c = metric("AUC", "num_thresholds", null, "curve", "pr", "summation_method", "Majoring",
                "thresholds", List.of(0.5, 0.3)).config();
        assertEquals(4, c.get("num_thresholds"), "num_thresholds becomes len(thresholds) + 2");
        assertEquals(List.of(0.3, 0.5), c.get("thresholds"), "sorted, without the end points");
        assertEquals("PR", c.get("curve"));
        assertEquals("majoring", c.get("summation_method"));
        assertEquals(5, metric("AUC", "num_thresholds", 2, "thresholds", List.of(0.1, 1.5, 0.7)).config()
                .get("num_thresholds"), "explicit AUC thresholds are not range-checked");
    }

    @Test
    void identifiers() {
        MetricRegistry registry = MetricRegistry.load();
        assertEquals("TruePositives", registry.get("true_positives").className());
        assertEquals("AUC", registry.get("auc").className());
        assertEquals("Precision", registry.get("precision").className());
        assertTrue(KerasCatalog.byClassName("AUC").identifiers().containsAll(List.of("AUC", "auc")));
        assertEquals(List.of("SensitivityAtSpecificity", "sensitivity_at_specificity"),
                KerasCatalog.byClassName("SensitivityAtSpecificity").identifiers());
        assertFalse(KerasCatalog.byClassName("RecallAtPrecision").stringCreatable(),
                "a required argument makes keras.metrics.get fail");
        assertTrue(KerasCatalog.byClassName("AUC").stringCreatable());
    }

    private static void refused(String cls, Object... kv) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> metric(cls, kv),
                cls + " " + Arrays.toString(kv));
        assertTrue(e.getMessage().startsWith(cls), e.getMessage());
    }

    @Test
    void refusedConfigs() {
        for (String cls : List.of("TruePositives", "FalsePositives", "TrueNegatives", "FalseNegatives", "Precision",
                "Recall")) {
            refused(cls, "thresholds", List.of(-1, 0.5, 2));
            refused(cls, "thresholds", Arrays.asList((Object) null));
            refused(cls, "thresholds", 1.5);
            refused(cls, "thresholds", "high");
            refused(cls, "thresholds", true);
            refused(cls, "nonsense", 1);
        }
        for (String[] c : new String[][] {{"SensitivityAtSpecificity", "specificity"},
                {"SpecificityAtSensitivity", "sensitivity"}, {"PrecisionAtRecall", "recall"},
                {"RecallAtPrecision", "precision"}}) {
            refused(c[0], c[1], -1);
            refused(c[0], c[1], 1.5);
            refused(c[0], c[1], 0.4, "num_thresholds", -1);
            refused(c[0], c[1], 0.4, "num_thresholds", 0);
            refused(c[0]);
        }
        refused("AUC", "num_thresholds", -1);
        refused("AUC", "num_thresholds", 1);
        refused("AUC", "num_thresholds", null);
        refused("AUC", "curve", "Invalid");
        refused("AUC", "curve", "Roc");
        refused("AUC", "summation_method", "Invalid");
        refused("AUC", "summation_method", "MINORING");
        refused("AUC", "num_labels", 3);
        refused("AUC", "thresholds", 0.5);
        refused("AUC", "multi_label", true, "num_labels", 2, "label_weights", List.of(1.0, 2.0, 3.0));
        // accepted by Keras
        metric("AUC", "num_thresholds", 1, "thresholds", List.of(0.5));
        metric("AUC", "curve", "prgain", "summation_method", "Minoring");
        metric("AUC", "num_labels", 0);
        metric("Precision", "thresholds", List.of());
        metric("SensitivityAtSpecificity", "specificity", 1, "num_thresholds", 1);
    }
}
