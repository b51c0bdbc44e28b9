/**
 * Keras model files in DL4J: {@link io.github.metricparity.dl4j.modelimport.KerasModelFile} reads a Keras 3
 * {@code .keras} zip, a Keras 3 {@code .h5} or a Keras 2 {@code .h5} as untrusted input, resolves its compile()
 * config as Keras 3 does ({@link io.github.metricparity.dl4j.modelimport.CompilePlan}), reproduces Keras's
 * {@code evaluate()} ({@link io.github.metricparity.dl4j.modelimport.KerasModelEvaluation}) and imports the model
 * into DL4J ({@link io.github.metricparity.dl4j.modelimport.Dl4jKerasModel}).
 * {@link io.github.metricparity.dl4j.modelimport.KerasModelMetrics} turns a single-output model's compile metrics
 * into a {@link io.github.metricparity.dl4j.eval.KerasEvaluation}.
 */
package io.github.metricparity.dl4j.modelimport;
