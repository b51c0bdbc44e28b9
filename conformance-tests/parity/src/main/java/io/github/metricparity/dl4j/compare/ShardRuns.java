package io.github.metricparity.dl4j.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One DL4J evaluation type run on the shards of a test set the ways a sharded evaluation can go, each from fresh
 * instances:
 * <ul>
 *   <li>{@link #onePass}: one instance fed every row of the shards, in order, as one batch (DL4J's evaluations
 *       add batches exactly, so this is also what {@code doEvaluation} gives over the shards as batches);</li>
 *   <li>{@link #merged}: one instance per shard, the others merged into the first shard's in shard order
 *       ({@code IEvaluation.merge}, as DL4J's Spark evaluation reduces its partitions' evaluations), or in reverse
 *       order when asked (Spark's reduce takes partition results in the order their tasks finish);</li>
 *   <li>{@link #intoEmpty()}: one instance per shard, all merged into a new, empty instance (a reduce that starts
 *       from an empty evaluation), with the first shard's instance before and after that merge.</li>
 * </ul>
 *
 * @param <T> the evaluation type
 */
final class ShardRuns<T extends IEvaluation<T>> {
    final T onePass;
    final T merged;
    private final Supplier<T> fresh;
    private final List<INDArray[]> shards;
    private IntoEmpty<T> intoEmpty;

    /**
     * The shards merged into a new, empty evaluation, twice from fresh evaluations: once as it is, and once with the
     * first shard's evaluation going on with one more batch (its own rows again) after the merge.
     *
     * @param total        the empty evaluation after merging every shard's into it
     * @param totalState   {@code total}'s state ({@code toJson()}) right after the merges
     * @param firstAfter   the first shard's own evaluation after that merge
     * @param firstBefore  the first shard's state before the merge
     * @param firstAlone   the first shard evaluated on its own and never merged
     * @param totalLater   the second run's merged evaluation, after its first shard evaluated one more batch
     * @param laterState   {@code totalLater}'s state then
     */
    record IntoEmpty<T>(T total, String totalState, T firstAfter, String firstBefore, T firstAlone, T totalLater,
            String laterState) {
        /** True when merging changed the first shard's own evaluation (its serialised state). */
        boolean firstChanged() {
            return !firstBefore.equals(((IEvaluation<?>) firstAfter).toJson());
        }

        /** True when the first shard's later batch changed the merged evaluation's serialised state. */
        boolean totalChangedLater() {
            return !totalState.equals(laterState);
        }
    }

    /**
     * @param fresh   a new, empty evaluation
     * @param shards  the shards: {labels, predictions} each
     * @param reverse merge the shards into the last one, last to first, instead of into the first in order
     */
    ShardRuns(Supplier<T> fresh, List<INDArray[]> shards, boolean reverse) {
        onePass = fresh.get();
        onePass.eval(stack(shards, 0), stack(shards, 1));
        List<T> each = evaluateEach(fresh, shards);
        merged = each.get(reverse ? each.size() - 1 : 0);
        for (int i = 1; i < each.size(); i++) {
            merged.merge(each.get(reverse ? each.size() - 1 - i : i));
        }
        this.fresh = fresh;
        this.shards = shards;
    }

    /** The shards' evaluations merged into a new, empty one (evaluated on first use). */
    IntoEmpty<T> intoEmpty() {
        if (intoEmpty == null) {
            List<T> again = evaluateEach(fresh, shards);
            String before = again.get(0).toJson();
            T total = mergedIntoEmpty(again);
            String totalState = total.toJson();
            T alone = fresh.get();
            alone.eval(shards.get(0)[0], shards.get(0)[1]);
            List<T> third = evaluateEach(fresh, shards);
            T later = mergedIntoEmpty(third);
            third.get(0).eval(shards.get(0)[0], shards.get(0)[1]);
            intoEmpty = new IntoEmpty<>(total, totalState, again.get(0), before, alone, later, later.toJson());
        }
        return intoEmpty;
    }

    private T mergedIntoEmpty(List<T> each) {
        T total = fresh.get();
        for (T t : each) {
            total.merge(t);
        }
        return total;
    }

    /** The rows of {@code labels} and {@code predictions} as {@code count} contiguous shards of equal size. */
    static List<INDArray[]> split(INDArray labels, INDArray predictions, int count) {
        int rows = (int) labels.size(0);
        if (rows % count != 0) {
            throw new IllegalArgumentException(rows + " rows do not split into " + count + " equal shards");
        }
        int size = rows / count;
        List<INDArray[]> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shards.add(new INDArray[] {rowsOf(labels, i * size, size), rowsOf(predictions, i * size, size)});
        }
        return shards;
    }

    private static INDArray stack(List<INDArray[]> shards, int which) {
        INDArray[] parts = new INDArray[shards.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = shards.get(i)[which];
        }
        return Nd4j.vstack(parts);
    }

    private static INDArray rowsOf(INDArray a, int from, int size) {
        return a.get(NDArrayIndex.interval(from, from + size), NDArrayIndex.all()).dup();
    }

    private static <T extends IEvaluation<T>> List<T> evaluateEach(Supplier<T> fresh, List<INDArray[]> shards) {
        List<T> out = new ArrayList<>();
        for (INDArray[] s : shards) {
            T t = fresh.get();
            t.eval(s[0], s[1]);
            out.add(t);
        }
        return out;
    }
}
