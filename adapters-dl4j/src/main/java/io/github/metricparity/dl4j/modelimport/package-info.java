/**
 * The compile() loss and metrics of Keras models imported with deeplearning4j-modelimport:
 * {@link io.github.metricparity.dl4j.modelimport.KerasTrainingConfig} reads them from an {@code .h5} file (Keras 2
 * and Keras 3 layouts), {@link io.github.metricparity.dl4j.modelimport.KerasModelMetrics} turns them into a
 * {@link io.github.metricparity.dl4j.eval.KerasEvaluation} resolved as Keras resolves them.
 */
package io.github.metricparity.dl4j.modelimport;
