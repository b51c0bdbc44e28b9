/**
 * Keras-style training logs for DL4J: {@link io.github.metricparity.dl4j.listener.KerasProgressListener} prints
 * {@code Epoch 3/10 - loss: ... - accuracy: ... - val_accuracy: ...} and keeps the per-epoch values in a
 * {@link io.github.metricparity.dl4j.listener.KerasHistory}.
 */
package io.github.metricparity.dl4j.listener;
