package io.github.metricparity.dl4j.eval;

/**
 * How {@link KerasEvaluation} reads the arrays and the mask given to {@code eval(labels, predictions, mask)}.
 */
public enum ArrayLayout {
    /**
     * Deeplearning4j's conventions, as its own {@code Evaluation} reads them ({@code BaseEvaluation
     * .reshapeAndExtractNotMasked}): the class axis is {@code axis} (1 by default: {@code [minibatch, classes]},
     * time series {@code [minibatch, classes, timeSteps]}, images {@code [minibatch, channels, h, w]}); every other
     * axis becomes rows, so each time step or pixel is one example for the Keras metric. The mask is DL4J's: per
     * example ({@code [minibatch]} or {@code [minibatch, 1]}), per time step ({@code [minibatch, timeSteps]}), or per
     * output (the labels' shape). A zero removes the example (or time step) from the batch as DL4J does; any other
     * value weighs it as a Keras {@code sample_weight} (DL4J's masks are 0/1, where 1 is no weight at all). A
     * per-output
     * mask becomes the Keras {@code sample_weight} of the labels' shape.
     */
    DL4J,
    /**
     * Keras's conventions: the arrays go to the metric as they are (channels last, any rank); the third argument
     * of {@code eval} is the Keras mask, which every metric takes as its {@code sample_weight} (any shape that
     * broadcasts, zeros included), and the fourth, where given, the sample weights of the weighted metrics.
     */
    KERAS
}
