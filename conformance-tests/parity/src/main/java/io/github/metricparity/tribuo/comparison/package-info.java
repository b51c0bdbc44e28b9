/**
 * The Tribuo part of the parity report: {@link io.github.metricparity.tribuo.comparison.TribuoComparison} trains
 * small Tribuo models on offline data, evaluates their predictions with Tribuo's own {@code LabelEvaluation},
 * {@code MultiLabelEvaluation} and {@code RegressionEvaluation} and with the Keras metric of the same intent, and
 * names the rule behind every disagreement, sharded evaluation included. Registered with
 * {@link java.util.ServiceLoader} as an {@link io.github.metricparity.comparison.FrameworkComparison}.
 */
package io.github.metricparity.tribuo.comparison;
