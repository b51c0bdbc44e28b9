package io.github.metricparity.keras.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.metricparity.keras.internal.Catalog;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Param;
import io.github.metricparity.keras.internal.StateVariable;
import io.github.metricparity.spi.Checkpoint;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link MetricSpec#parseConfig} and the factories of every catalog class with JSON-like config maps
 * (keys mostly the class's own, values of any JSON type, nested): the outcome is a metric or a
 * {@link MetricException} (in practice {@link io.github.metricparity.spi.InvalidConfigException}), never another
 * exception. A created metric's {@code config()} must create the same metric again, and its state must survive a
 * checkpoint round trip: that is what restoring a checkpoint relies on.
 */
class ConfigFuzzTest {
    private static final List<MetricSpec> DEFINITIONS = Catalog.all();
    private static final String[] WORDS = {"float32", "float64", "int", "int32", "float16", "micro", "macro",
        "weighted", "ROC", "PR", "PRGAIN", "roc", "interpolation", "minoring", "majoring", "binary_accuracy",
        "mean_squared_error", "accuracy", "function", "", "None"};

    /**
     * A lower state limit than the default (2^26 values), so that configs near it cost milliseconds, not seconds:
     * the refusal path is the same.
     */
    @BeforeAll
    static void smallStateLimit() {
        System.setProperty(StateVariable.MAX_VALUES_PROPERTY, "100000");
    }

    @AfterAll
    static void defaultStateLimit() {
        System.clearProperty(StateVariable.MAX_VALUES_PROPERTY);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void parseConfig(FuzzedDataProvider data) {
        MetricSpec d = DEFINITIONS.get(data.consumeInt(0, DEFINITIONS.size() - 1));
        List<String> keys = new ArrayList<>(List.of("name", "dtype"));
        for (Param p : d.params()) {
            keys.add(p.key());
        }
        Map<String, Object> cfg = new LinkedHashMap<>();
        int entries = data.consumeInt(0, 6);
        for (int i = 0; i < entries; i++) {
            String key = data.consumeBoolean() ? keys.get(data.consumeInt(0, keys.size() - 1))
                    : data.consumeString(12);
            cfg.put(key, value(data, 0));
        }
        Metric m;
        try {
            m = d.create(cfg);
        } catch (MetricException e) {
            return;
        }
        Map<String, Object> config = m.config();
        Metric again = d.create(config);
        if (!config.equals(again.config())) {
            throw new AssertionError(d.className() + ": config() " + config + " recreates " + again.config());
        }
        MetricState state = m.snapshot();
        MetricState back = Checkpoint.fromJson(Checkpoint.toJson(state));
        if (!state.equals(back)) {
            throw new AssertionError(d.className() + ": checkpoint round trip of " + state + " gives " + back);
        }
        // as Checkpoint.resume does: the state's config also holds what get_config() leaves out (CosineSimilarity's
        // axis), so the metric is created from it, not from config()
        Metric resumed = d.create(back.config());
        resumed.restore(back);
        if (!resumed.snapshot().equals(state)) {
            throw new AssertionError(d.className() + ": resumed " + resumed.snapshot() + " from " + state);
        }
    }

    /** A JSON value: null, boolean, integer, double (special values included), string, list or object. */
    static Object value(FuzzedDataProvider data, int depth) {
        switch (data.consumeInt(0, depth < 3 ? 8 : 6)) {
            case 0:
                return null;
            case 1:
                return data.consumeBoolean();
            case 2:
                return data.consumeInt(-3, 300);
            case 3:
                return data.consumeInt();
            case 4:
                return data.consumeBoolean() ? data.consumeRegularDouble(-2, 2) : data.consumeDouble();
            case 5:
                return WORDS[data.consumeInt(0, WORDS.length - 1)];
            case 6:
                return data.consumeString(8);
            case 7: {
                List<Object> list = new ArrayList<>();
                for (int n = data.consumeInt(0, 4); n > 0; n--) {
                    list.add(value(data, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = data.consumeInt(0, 3); n > 0; n--) {
                    map.put(data.consumeBoolean() ? "config" : data.consumeString(6), value(data, depth + 1));
                }
                return map;
            }
        }
    }
}
