package io.github.metricparity.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tribuo.provenance.DataProvenance;

/**
 * The test data of a merged {@link KerasTribuoEvaluation}: the provenances of the shards whose evaluations were merged,
 * in merge order. Shards with equal provenance are not repeated.
 *
 * <p>Immutable. The {@code Map} constructor is OLCUT's deserialization constructor.
 */
public final class ShardedDataProvenance implements DataProvenance {
    private static final long serialVersionUID = 1L;
    private static final String SHARDS = "shards";

    private final StringProvenance className;
    private final ListProvenance<DataProvenance> shards;

    ShardedDataProvenance(List<DataProvenance> shards) {
        this.className = new StringProvenance(CLASS_NAME, ShardedDataProvenance.class.getName());
        this.shards = new ListProvenance<>(List.copyOf(shards));
    }

    /**
     * Deserialization constructor.
     *
     * @param map the provenances, by key
     */
    @SuppressWarnings("unchecked")
    public ShardedDataProvenance(Map<String, Provenance> map) {
        String host = ShardedDataProvenance.class.getSimpleName();
        this.className = ObjectProvenance.checkAndExtractProvenance(map, CLASS_NAME, StringProvenance.class, host);
        this.shards = ObjectProvenance.checkAndExtractProvenance(map, SHARDS, ListProvenance.class, host);
    }

    /** The provenances of {@code a} then {@code b}, flattening earlier merges and skipping repeats. */
    static DataProvenance combine(DataProvenance a, DataProvenance b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        List<DataProvenance> all = new ArrayList<>();
        for (DataProvenance p : List.of(a, b)) {
            List<DataProvenance> parts = p instanceof ShardedDataProvenance
                    ? ((ShardedDataProvenance) p).getShards() : List.of(p);
            for (DataProvenance part : parts) {
                if (!all.contains(part)) {
                    all.add(part);
                }
            }
        }
        return all.size() == 1 ? all.get(0) : new ShardedDataProvenance(all);
    }

    /** The shard provenances, in merge order. */
    public List<DataProvenance> getShards() {
        return shards.getList();
    }

    @Override
    public String getClassName() {
        return className.getValue();
    }

    @Override
    public Iterator<Pair<String, Provenance>> iterator() {
        List<Pair<String, Provenance>> list = new ArrayList<>();
        list.add(new Pair<>(CLASS_NAME, className));
        list.add(new Pair<>(SHARDS, shards));
        return list.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShardedDataProvenance && className.equals(((ShardedDataProvenance) o).className)
                && shards.equals(((ShardedDataProvenance) o).shards);
    }

    @Override
    public int hashCode() {
        return shards.hashCode();
    }

    @Override
    public String toString() {
        return generateString("ShardedData");
    }
}
