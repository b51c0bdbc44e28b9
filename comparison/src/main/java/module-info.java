/**
 * How a framework's own metrics compare with the Keras metrics of the same intent on the same predictions: the rows
 * of the parity report ({@code ComparisonRow}), the rule behind each ({@code ComparisonRule}), the helper that picks
 * a row's text from its values ({@code ComparisonRows}) and the service a framework's comparison implements
 * ({@code FrameworkComparison}). Depends on the JDK only.
 */
module io.github.metricparity.comparison {
    exports io.github.metricparity.comparison;
}
