package io.github.metricparity.dl4j.compare;

import io.github.metricparity.spi.ComparisonRow;
import io.github.metricparity.spi.FrameworkComparison;
import java.util.List;

/**
 * The DL4J rows of the parity report ({@link java.util.ServiceLoader} service): DL4J's own evaluations against the
 * Keras metrics of the same intent on the same arrays ({@link Dl4jDifferences}). Offline, a fraction of a second.
 */
public final class Dl4jFrameworkComparison implements FrameworkComparison {

    @Override
    public String framework() {
        return Dl4jDifferences.FRAMEWORK;
    }

    @Override
    public List<ComparisonRow> compare() {
        return Dl4jDifferences.all();
    }
}
