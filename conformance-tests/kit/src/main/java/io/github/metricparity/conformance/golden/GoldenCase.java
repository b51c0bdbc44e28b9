package io.github.metricparity.conformance.golden;

import java.util.List;
import java.util.Map;

/**
 * One golden case: a metric, its Keras config, the steps applied to one instance, and how close results must be.
 *
 * @param id          unique id, e.g. {@code sparse_categorical_accuracy.doc.weighted}
 * @param metric      a Keras class name or a compile()/metrics.get string alias
 * @param config      Keras constructor keywords (JSON values)
 * @param steps       in order
 * @param tolerance   the case's tolerance, or the default
 * @param origin      {@code docstring}, {@code unit_test}, {@code keras_run}, {@code policy} (the bundled cases),
 *                    {@code derived} or free text (may be null)
 * @param source      where the expected values come from (the case's, else the file's; may be null)
 * @param configError the case expects creating the metric to be refused ({@code "expect_error": "config"})
 * @param file        the file the case was read from
 */
public record GoldenCase(String id, String metric, Map<String, Object> config, List<GoldenStep> steps,
        Tolerance tolerance, String origin, String source, boolean configError, String file) {
    public GoldenCase {
        config = config == null ? Map.of() : config;
        steps = List.copyOf(steps);
    }

    /** The first update step, or null. */
    public GoldenStep firstUpdate() {
        for (GoldenStep s : steps) {
            if (s.op() == GoldenStep.Op.UPDATE) {
                return s;
            }
        }
        return null;
    }
}
