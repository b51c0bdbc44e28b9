package io.github.metricparity.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.spi.MetricRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The adapter's tests run on the module path (the adapter has a module-info, so Surefire puts it and its
 * dependencies there): this test fails if they ever fall back to the class path, and checks what only the module
 * system does: module names, the provider registered by {@code provides}, Tribuo as automatic modules.
 */
class ModulePathTest {

    @Test
    void theAdapterIsTheNamedModuleItsReadmeDocuments() {
        Module adapter = KerasLabelEvaluator.class.getModule();
        assertTrue(adapter.isNamed(), "the tests ran on the class path");
        assertEquals("io.github.metricparity.tribuo", adapter.getName());
        assertEquals("io.github.metricparity.spi", MetricRegistry.class.getModule().getName());
        assertEquals("org.tribuo.core", Model.class.getModule().getName());
        assertEquals("org.tribuo.classification.core", Label.class.getModule().getName());
    }

    @Test
    void theProviderIsFoundThroughTheModuleDeclarationAndEvaluates() {
        MetricRegistry tribuo = MetricRegistry.load(TribuoMetricProvider.ID);
        assertEquals(TribuoMetricProvider.class, tribuo.provider().getClass());
        // two of three argmax predictions right ("b" and "a"), through Tribuo's own Prediction and model types
        KerasTribuoEvaluation<Label> e = new KerasLabelEvaluator("sparse_categorical_accuracy").evaluate(
                Fixtures.model(Fixtures.abc(), true), List.of(
                        Fixtures.labelPrediction("c", 1f, "b", true, 0.1, 0.6, 0.3),
                        Fixtures.labelPrediction("b", 1f, "b", true, 0.05, 0.95, 0),
                        Fixtures.labelPrediction("a", 1f, "a", true, 0.5, 0.25, 0.25)),
                new SimpleDataSourceProvenance("three", new LabelFactory()));
        assertEquals(2.0 / 3.0, e.get("sparse_categorical_accuracy"), 1e-7);
    }
}
