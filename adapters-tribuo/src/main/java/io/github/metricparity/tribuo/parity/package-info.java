/**
 * Tribuo's own evaluations against Keras's metrics on your data
 * ({@link io.github.metricparity.tribuo.parity.TribuoParity}), the catalog of metric pairs
 * ({@link io.github.metricparity.tribuo.parity.TribuoPairs}) and the rules that explain each difference
 * ({@link io.github.metricparity.tribuo.parity.TribuoRules}).
 */
package io.github.metricparity.tribuo.parity;
