/** Keras metrics as Tribuo evaluators. */
package io.github.metricparity.tribuo;
