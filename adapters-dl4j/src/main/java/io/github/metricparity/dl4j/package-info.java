/** Keras metrics inside Deeplearning4j. */
package io.github.metricparity.dl4j;
