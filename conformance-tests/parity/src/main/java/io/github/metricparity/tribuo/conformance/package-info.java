/**
 * The Tribuo adapter's conformance driver (adapter id {@code tribuo}): golden cases run through the Tribuo
 * evaluators, with Tribuo predictions built from the golden arrays. Registered with
 * {@link java.util.ServiceLoader} as an {@link io.github.metricparity.conformance.tck.ConformanceDriver}.
 */
package io.github.metricparity.tribuo.conformance;
