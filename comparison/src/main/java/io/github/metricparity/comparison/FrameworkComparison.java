package io.github.metricparity.comparison;

import java.util.List;

/**
 * A framework adapter's contribution to the parity report, discovered with {@link java.util.ServiceLoader}: it
 * trains or loads its offline example models, computes the framework's own metrics and the Keras metrics of the
 * same intent on the SAME predictions, and says for every disagreement which rule causes it. Sharded evaluation
 * (the framework's own merge against one pass) belongs here too.
 */
public interface FrameworkComparison {

    /** Framework id, e.g. {@code "dl4j"} or {@code "tribuo"}. */
    String framework();

    /** Runs the comparisons; may take seconds (it trains small models), never downloads anything. */
    List<ComparisonRow> compare();
}
