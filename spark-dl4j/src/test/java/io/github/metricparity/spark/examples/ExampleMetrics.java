package io.github.metricparity.spark.examples;

import io.github.metricparity.dl4j.eval.KerasEvaluation;
import java.util.Map;

/** The Keras metrics the example and the tests evaluate, one set per network. */
public final class ExampleMetrics {
    private ExampleMetrics() {
    }

    /** For the {@link GeneratedData#CLASSES}-class softmax and its class-id labels. */
    public static KerasEvaluation classification() {
        return KerasEvaluation.builder()
                .metric("SparseCategoricalAccuracy")
                .metric("SparseTopKCategoricalAccuracy", Map.of("k", 2))
                .metric("SparseCategoricalCrossentropy")
                .metric("MeanIoU", Map.of("num_classes", GeneratedData.CLASSES, "sparse_y_pred", false))
                .build();
    }

    /**
     * For the one-unit sigmoid and its 0/1 labels; {@code "accuracy"} is a compile() string, resolved on each
     * executor from its first batch (to BinaryAccuracy).
     */
    public static KerasEvaluation binary() {
        return KerasEvaluation.builder()
                .compile("accuracy")
                .metric("BinaryCrossentropy")
                .metric("AUC")
                .metric("AUC", Map.of("curve", "PR", "name", "pr_auc"))
                .build();
    }
}
