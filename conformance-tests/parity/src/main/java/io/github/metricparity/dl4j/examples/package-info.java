/**
 * Runnable examples (offline): {@link io.github.metricparity.dl4j.examples.IrisExample} trains on DL4J's Iris data
 * and compares DL4J's own evaluation with the Keras metrics on the same predictions.
 */
package io.github.metricparity.dl4j.examples;
