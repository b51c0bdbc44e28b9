/**
 * Keras layers that DL4J 1.0.0-M2.1 lacks or computes otherwise than Keras, as SameDiff layers for the Keras import
 * (GRU, AveragePooling1D). Public only because DL4J creates and serialises layers by reflection; they are made by
 * {@link io.github.metricparity.dl4j.modelimport.KerasModelFile#importModel()}, not by applications.
 */
package io.github.metricparity.dl4j.modelimport.layers;
