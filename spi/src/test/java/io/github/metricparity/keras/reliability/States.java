package io.github.metricparity.keras.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.Objects;
import java.util.function.Supplier;

/** Compares metric states bit-for-bit and, when they differ, says where (states can be large: AUC holds 4 x 200). */
final class States {
    private States() {
    }

    /** The first difference between two states, or null when they are equal. */
    static String difference(MetricState expected, MetricState actual) {
        if (expected.equals(actual)) {
            return null;
        }
        if (!expected.className().equals(actual.className()) || !expected.config().equals(actual.config())) {
            return "metric " + expected.className() + expected.config() + " vs " + actual.className()
                    + actual.config();
        }
        if (!expected.variables().keySet().equals(actual.variables().keySet())) {
            return "variables " + expected.variables().keySet() + " vs " + actual.variables().keySet();
        }
        for (String name : expected.variables().keySet()) {
            Tensor a = expected.variable(name);
            Tensor b = actual.variable(name);
            if (!Objects.equals(a, b)) {
                if (!java.util.Arrays.equals(a.shape(), b.shape())) {
                    return "variable '" + name + "' has shape " + a.shapeString() + " vs " + b.shapeString();
                }
                for (int i = 0; i < a.size(); i++) {
                    if (Double.compare(a.get(i), b.get(i)) != 0) {
                        return "variable '" + name + "' differs at flat index " + i + ": " + a.get(i) + " vs "
                                + b.get(i);
                    }
                }
            }
        }
        return "states differ";
    }

    /** Fails with the first difference when the states are not bit-for-bit equal. */
    static void assertSame(MetricState expected, MetricState actual, Supplier<String> context) {
        String d = difference(expected, actual);
        if (d != null) {
            fail(context.get() + ": " + d);
        }
    }
}
