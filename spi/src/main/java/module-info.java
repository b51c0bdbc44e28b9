/**
 * The metricparity contract ({@code io.github.metricparity.spi}) and the reference Keras 3 metrics, created through
 * their catalog ({@code io.github.metricparity.keras}). Depends on the JDK only.
 *
 * <p>Only those two packages are API. The metric implementations (the family packages under
 * {@code io.github.metricparity.keras}) and their building blocks ({@code io.github.metricparity.keras.internal},
 * {@code io.github.metricparity.spi.internal}) are not exported, so they can change without breaking users; the
 * exported API is listed in {@code spi/src/test/resources/exported-api.txt} and checked by {@code ExportedApiTest}.
 */
@SuppressWarnings("module") // the kit is not part of this build's module graph
module io.github.metricparity.spi {
    exports io.github.metricparity.spi;
    exports io.github.metricparity.keras;
    // the JSON codec of checkpoints also reads golden files in the conformance kit; not API
    exports io.github.metricparity.spi.internal.json to io.github.metricparity.conformance.kit;

    uses io.github.metricparity.spi.MetricProvider;
    uses io.github.metricparity.spi.DiagnosticSink;

    provides io.github.metricparity.spi.MetricProvider with io.github.metricparity.keras.ReferenceProvider;
}
