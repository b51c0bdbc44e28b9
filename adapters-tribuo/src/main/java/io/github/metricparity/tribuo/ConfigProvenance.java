package io.github.metricparity.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a Keras config (JSON-compatible values) into OLCUT provenance objects. */
final class ConfigProvenance {
    /** How Keras's None is recorded. */
    static final String NONE = "None";

    private ConfigProvenance() {
    }

    static MapProvenance<Provenance> ofMap(Map<String, ?> config) {
        Map<String, Provenance> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : config.entrySet()) {
            out.put(e.getKey(), of(e.getKey(), e.getValue()));
        }
        return new MapProvenance<>(out);
    }

    static Provenance of(String key, Object value) {
        if (value == null) {
            return new StringProvenance(key, NONE);
        }
        if (value instanceof Boolean) {
            return new BooleanProvenance(key, (Boolean) value);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new IntProvenance(key, ((Number) value).intValue());
        }
        if (value instanceof Long) {
            return new LongProvenance(key, (Long) value);
        }
        if (value instanceof Number) {
            return new DoubleProvenance(key, ((Number) value).doubleValue());
        }
        if (value instanceof List) {
            List<Provenance> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                items.add(of(key, item));
            }
            return new ListProvenance<>(items);
        }
        if (value instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                m.put(String.valueOf(e.getKey()), e.getValue());
            }
            return ofMap(m);
        }
        return new StringProvenance(key, String.valueOf(value));
    }
}
