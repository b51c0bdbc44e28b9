package io.github.metricparity.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a provider says about one metric it offers.
 *
 * @param className        the Keras 3 class name
 * @param identifiers      every string Keras 3 {@code keras.metrics.get} accepts for it (class name, snake_case name,
 *                         extra aliases such as {@code "mse"}), class name first
 * @param stringCreatable  false when the Keras constructor has required arguments, so that naming the metric by a
 *                         string alone fails in Keras ({@code IoU}, {@code PrecisionAtRecall}, ...)
 * @param family           the Keras source file the metric lives in, e.g. {@code "accuracy_metrics"}
 */
public record MetricInfo(String className, List<String> identifiers, boolean stringCreatable, String family) {
    public MetricInfo {
        Objects.requireNonNull(className, "className");
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(family, "family");
    }
}
