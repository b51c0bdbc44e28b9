/**
 * The DL4J adapter's {@link io.github.metricparity.conformance.tck.ConformanceDriver} (id {@code dl4j}): golden cases
 * through
 * {@code IEvaluation.eval} with ND4J arrays, so {@code parity.jar check} checks this adapter.
 */
package io.github.metricparity.dl4j.conformance;
