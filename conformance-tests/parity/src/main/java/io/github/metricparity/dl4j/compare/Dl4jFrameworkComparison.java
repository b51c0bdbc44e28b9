package io.github.metricparity.dl4j.compare;

import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.FrameworkComparison;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The DL4J part of the parity report ({@link java.util.ServiceLoader} service, framework id {@code dl4j}): DL4J's
 * own evaluations against the Keras metrics of the same intent, on the same predictions, with the rule behind every
 * disagreement.
 *
 * <p>{@link #compare()} returns
 * <ul>
 *   <li>one small fixed case per rule ({@link Dl4jDifferences});</li>
 *   <li>the offline example models trained from fixed seeds ({@link ExampleModels}: the Iris classifier of
 *       {@code IrisExample}, a one-sigmoid binary classifier and a three-output regression network) with
 *       {@code Evaluation}, {@code ROCMultiClass}, {@code EvaluationBinary}, {@code ROC} (exact and thresholded),
 *       {@code RegressionEvaluation} and the networks' loss scores against Keras on their test outputs
 *       ({@link IrisComparison}, {@link BinaryComparison}, {@link RegressionComparison});</li>
 *   <li>sharded evaluation: DL4J's own {@code IEvaluation.merge} against one pass and against merged
 *       {@code KerasEvaluation}s ({@link MergeComparison}).</li>
 * </ul>
 * A few seconds in all. The networks are tiny, so ND4J's ops run with one OpenMP thread while the comparison runs
 * (the thread count is restored afterwards): starting a thread team per op costs more than these ops, and many
 * times more on shared cores.
 */
public final class Dl4jFrameworkComparison implements FrameworkComparison {

    @Override
    public String framework() {
        return Dl4jDifferences.FRAMEWORK;
    }

    @Override
    public List<ComparisonRow> compare() {
        return run().rows();
    }

    /**
     * The rows and the example models' test outputs they were computed from.
     *
     * @param rows       every row, in report order
     * @param iris       the Iris classifier's test outputs
     * @param binary     the binary classifier's
     * @param regression the regression network's
     */
    record Run(List<ComparisonRow> rows, ExampleModels.Outputs iris, ExampleModels.Outputs binary,
            ExampleModels.Outputs regression) {
    }

    /** Trains the example models and computes every row. */
    static Run run() {
        Nd4j.getBackend(); // loads the native library before NativeOpsHolder is touched
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int threads = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(1);
        try {
            List<ComparisonRow> rows = new ArrayList<>(Dl4jDifferences.all());
            ExampleModels.Outputs iris = ExampleModels.iris();
            ExampleModels.Outputs binary = ExampleModels.binary();
            ExampleModels.Outputs regression = ExampleModels.regression();
            IrisComparison.addRows(iris, rows);
            BinaryComparison.addRows(binary, rows);
            RegressionComparison.addRows(regression, rows);
            MergeComparison.addRows(iris, binary, regression, rows);
            return new Run(Collections.unmodifiableList(rows), iris, binary, regression);
        } finally {
            ops.setOmpNumThreads(threads);
        }
    }
}
