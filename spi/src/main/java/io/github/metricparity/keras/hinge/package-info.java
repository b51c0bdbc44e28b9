/**
 * Keras 3 {@code metrics/hinge_metrics.py}: Hinge, SquaredHinge, CategoricalHinge. Definitions in
 * {@link io.github.metricparity.keras.hinge.HingeMetrics}.
 */
package io.github.metricparity.keras.hinge;
