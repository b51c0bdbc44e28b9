package io.github.metricparity.dl4j.compare;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Keras side of {@link ShardRuns}: the same shards through {@link KerasSide} (that is, {@code KerasEvaluation}s)
 * the same ways, one pass, merged into the first (or last) shard's evaluation, and merged into a new, empty one.
 */
final class KerasShardRuns {
    final KerasSide onePass;
    final KerasSide merged;
    final KerasSide intoEmpty;
    final KerasSide firstAfter;
    /** The first shard's KerasEvaluation states before it was merged into an empty one. */
    final String firstBefore;
    /** Merged into an empty one again, after which the first shard's KerasEvaluation evaluated one more batch. */
    final KerasSide totalLater;

    /**
     * @param metrics the Keras metrics
     * @param shards  the shards: {labels, predictions} each
     * @param reverse merge into the last shard's evaluation, last to first
     */
    KerasShardRuns(List<KerasMetric> metrics, List<INDArray[]> shards, boolean reverse) {
        onePass = new KerasSide(metrics);
        for (INDArray[] s : shards) {
            onePass.eval(s[0], s[1]);
        }
        List<KerasSide> each = evaluateEach(metrics, shards);
        merged = each.get(reverse ? each.size() - 1 : 0);
        for (int i = 1; i < each.size(); i++) {
            merged.merge(each.get(reverse ? each.size() - 1 - i : i));
        }
        List<KerasSide> again = evaluateEach(metrics, shards);
        firstBefore = again.get(0).toJson();
        intoEmpty = again.get(0).newInstance();
        for (KerasSide s : again) {
            intoEmpty.merge(s);
        }
        firstAfter = again.get(0);
        List<KerasSide> third = evaluateEach(metrics, shards);
        totalLater = third.get(0).newInstance();
        for (KerasSide s : third) {
            totalLater.merge(s);
        }
        third.get(0).eval(shards.get(0)[0], shards.get(0)[1]);
    }

    private static List<KerasSide> evaluateEach(List<KerasMetric> metrics, List<INDArray[]> shards) {
        List<KerasSide> out = new ArrayList<>();
        for (INDArray[] s : shards) {
            out.add(KerasSide.of(metrics, s[0], s[1]));
        }
        return out;
    }
}
