/**
 * Keras metrics as a DL4J {@code IEvaluation}: {@link io.github.metricparity.dl4j.eval.KerasEvaluation} goes wherever
 * DL4J evaluates ({@code doEvaluation}, {@code evaluate}, {@code EvaluativeListener}, Spark), honours DL4J's label
 * masks and time-series layout ({@link io.github.metricparity.dl4j.eval.ArrayLayout}), merges, resets and survives
 * DL4J's JSON and Java serialisation. Values are read by name or with a
 * {@link io.github.metricparity.dl4j.eval.KerasMetricKey}.
 */
package io.github.metricparity.dl4j.eval;
