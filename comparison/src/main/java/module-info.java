/**
 * How a framework's own metrics compare with the Keras metrics of the same intent on the same predictions: the rows
 * of the parity report ({@code ComparisonRow}), the rule behind each ({@code ComparisonRule}), the helper that picks
 * a row's text from its values ({@code ComparisonRows}) and the service a framework's comparison implements
 * ({@code FrameworkComparison}); the pairs of a framework's parity catalog ({@code MetricPair},
 * {@code KerasCounterpart}), their Keras values on users' data ({@code CounterpartValues}, with the reference metrics
 * of {@code metricparity-spi}), and the assertions users' tests call ({@code ParityAssertions}). Depends on the JDK
 * and spi only.
 */
module io.github.metricparity.comparison {
    requires transitive io.github.metricparity.spi;

    exports io.github.metricparity.comparison;
}
