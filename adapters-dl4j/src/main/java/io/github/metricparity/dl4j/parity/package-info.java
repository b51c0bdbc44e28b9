/**
 * DL4J's own evaluations against Keras's metrics on your data ({@link io.github.metricparity.dl4j.parity.Dl4jParity}),
 * the catalog of metric pairs ({@link io.github.metricparity.dl4j.parity.Dl4jPairs}) and the rules that explain each
 * difference ({@link io.github.metricparity.dl4j.parity.Dl4jRules}).
 */
package io.github.metricparity.dl4j.parity;
