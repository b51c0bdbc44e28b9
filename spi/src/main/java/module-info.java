/**
 * The metricparity contract ({@code io.github.metricparity.spi}) and the reference Keras 3 semantics
 * ({@code io.github.metricparity.keras} and its family packages). Depends on the JDK only.
 */
@SuppressWarnings("module") // the kit is not part of this build's module graph
module io.github.metricparity.spi {
    exports io.github.metricparity.spi;
    exports io.github.metricparity.keras;
    exports io.github.metricparity.keras.reduction;
    exports io.github.metricparity.keras.accuracy;
    exports io.github.metricparity.keras.probabilistic;
    exports io.github.metricparity.keras.confusion;
    exports io.github.metricparity.keras.iou;
    exports io.github.metricparity.keras.fscore;
    exports io.github.metricparity.keras.regression;
    exports io.github.metricparity.keras.hinge;
    exports io.github.metricparity.keras.correlation;
    // the JSON codec of checkpoints also reads golden files in the conformance kit; not API
    exports io.github.metricparity.spi.internal.json to io.github.metricparity.conformance.kit;

    uses io.github.metricparity.spi.MetricProvider;
    uses io.github.metricparity.spi.DiagnosticSink;

    provides io.github.metricparity.spi.MetricProvider with io.github.metricparity.keras.ReferenceProvider;
}
