package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.InvalidConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One Keras constructor argument: its key, type, default, the checks Keras applies to it, and whether and how it
 * appears in {@code get_config()}. Values are normalised on parsing: numbers become {@code Double} or
 * {@code Integer}, lists become immutable lists of those.
 */
public final class Param {

    /** The JSON shapes a parameter accepts. */
    public enum Kind {
        FLOAT("a number"),
        INT("an integer"),
        BOOL("a boolean"),
        STRING("a string"),
        /** A number or a list of numbers (confusion-matrix {@code thresholds}); normalised to a list. */
        FLOAT_OR_FLOAT_LIST("a number or a list of numbers"),
        FLOAT_LIST("a list of numbers"),
        /** An integer or a list of integers; normalised to a list. */
        INT_OR_INT_LIST("an integer or a list of integers"),
        /** A list of integers only ({@code target_class_ids}: Keras calls {@code max()} on it, so a bare int fails). */
        INT_LIST("a list of integers"),
        /**
         * An integer or a list of integers (a Python int or tuple of axes, as {@code axis} of the correlation
         * metrics); an integer stays an {@code Integer}, so {@code get_config()} writes it back as given.
         */
        INT_OR_INT_TUPLE("an integer or a list of integers"),
        /**
         * A Python {@code float}: a JSON number written with a fraction or exponent. An integral JSON number is a
         * Python {@code int}, which arguments checked with {@code isinstance(x, float)} refuse (FBetaScore
         * {@code beta}, {@code threshold}).
         */
        PY_FLOAT("a float (a number with a decimal point, e.g. 1.0)"),
        /** Anything JSON can hold; the metric interprets it ({@code fn} of MeanMetricWrapper). */
        ANY("any value");

        private final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** When a parameter is written by {@code get_config()}. */
    public enum InConfig {
        ALWAYS,
        NEVER,
        /** Only when true ({@code from_sorted_ids} of SparseTopKCategoricalAccuracy). */
        WHEN_TRUE,
        /** Only when given explicitly ({@code thresholds} of AUC). */
        WHEN_GIVEN
    }

    private final String key;
    private final Kind kind;
    private final Object defaultValue;
    private final boolean nullable;
    private final boolean required;
    private final InConfig inConfig;
    private final List<Predicate<Object>> checks;
    private final List<String> checkMessages;

    private Param(String key, Kind kind, Object defaultValue, boolean nullable, boolean required, InConfig inConfig,
            List<Predicate<Object>> checks, List<String> checkMessages) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.nullable = nullable;
        this.required = required;
        this.inConfig = inConfig;
        this.checks = checks;
        this.checkMessages = checkMessages;
    }

    /** A float argument with a default. */
    public static Param floatParam(String key, double defaultValue) {
        return of(key, Kind.FLOAT, defaultValue);
    }

    /** An integer argument with a default. */
    public static Param intParam(String key, int defaultValue) {
        return of(key, Kind.INT, defaultValue);
    }

    /** A boolean argument with a default. */
    public static Param boolParam(String key, boolean defaultValue) {
        return of(key, Kind.BOOL, defaultValue);
    }

    /** A string argument with a default (may be null if {@link #nullable()} is called). */
    public static Param stringParam(String key, String defaultValue) {
        return of(key, Kind.STRING, defaultValue);
    }

    /** An argument of the given kind with a default value (null allowed only for nullable params). */
    public static Param of(String key, Kind kind, Object defaultValue) {
        return new Param(key, kind, defaultValue, defaultValue == null, false, InConfig.ALWAYS, List.of(), List.of());
    }

    /** An argument without default that the caller must give (Keras raises TypeError when it is missing). */
    public static Param required(String key, Kind kind) {
        return new Param(key, kind, null, false, true, InConfig.ALWAYS, List.of(), List.of());
    }

    /** The same parameter, also accepting null (Python {@code None}). */
    public Param nullable() {
        return new Param(key, kind, defaultValue, true, required, inConfig, checks, checkMessages);
    }

    /** The same parameter with another {@code get_config()} policy. */
    public Param inConfig(InConfig policy) {
        return new Param(key, kind, defaultValue, nullable, required, policy, checks, checkMessages);
    }

    /**
     * The same parameter with one more check on non-null parsed values; {@code message} completes "'key' ...",
     * e.g. "must be in [0, 1]".
     */
    public Param check(Predicate<Object> valid, String message) {
        List<Predicate<Object>> c = new ArrayList<>(checks);
        List<String> m = new ArrayList<>(checkMessages);
        c.add(valid);
        m.add(message);
        return new Param(key, kind, defaultValue, nullable, required, inConfig, List.copyOf(c), List.copyOf(m));
    }

    /** The same parameter, restricted to the given string values. */
    public Param oneOf(String... allowed) {
        List<String> values = List.of(allowed);
        return check(v -> values.contains(v), "must be one of " + values);
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    public boolean isRequired() {
        return required;
    }

    public InConfig inConfigPolicy() {
        return inConfig;
    }

    /**
     * Parses and checks a raw config value.
     *
     * @throws InvalidConfigException naming the metric and the key
     */
    Object parse(String metric, Object raw) {
        if (raw == null) {
            if (!nullable) {
                throw new InvalidConfigException(metric + ": config '" + key + "' must be " + kind.description
                        + ", got null");
            }
            return null;
        }
        Object value = normalise(metric, raw);
        for (int i = 0; i < checks.size(); i++) {
            if (!checks.get(i).test(value)) {
                throw new InvalidConfigException(metric + ": config '" + key + "' " + checkMessages.get(i)
                        + ", got " + describe(raw));
            }
        }
        return value;
    }

    private Object normalise(String metric, Object raw) {
        switch (kind) {
            case FLOAT:
                return asDouble(metric, raw);
            case INT:
                return asInt(metric, raw);
            case BOOL:
                if (raw instanceof Boolean) {
                    return raw;
                }
                throw wrongType(metric, raw);
            case STRING:
                if (raw instanceof String) {
                    return raw;
                }
                throw wrongType(metric, raw);
            case FLOAT_OR_FLOAT_LIST:
                if (raw instanceof List) {
                    return listOf(metric, (List<?>) raw, this::asDouble);
                }
                return List.of(asDouble(metric, raw));
            case FLOAT_LIST:
                if (raw instanceof List) {
                    return listOf(metric, (List<?>) raw, this::asDouble);
                }
                throw wrongType(metric, raw);
            case INT_OR_INT_LIST:
                if (raw instanceof List) {
                    return listOf(metric, (List<?>) raw, this::asInt);
                }
                return List.of(asInt(metric, raw));
            case INT_OR_INT_TUPLE:
                if (raw instanceof List) {
                    return listOf(metric, (List<?>) raw, this::asInt);
                }
                return asInt(metric, raw);
            case INT_LIST:
                if (raw instanceof List) {
                    return listOf(metric, (List<?>) raw, this::asInt);
                }
                throw wrongType(metric, raw);
            case PY_FLOAT:
                if (raw instanceof Double || raw instanceof Float || raw instanceof java.math.BigDecimal) {
                    return ((Number) raw).doubleValue();
                }
                throw wrongType(metric, raw);
            default:
                return raw;
        }
    }

    private interface ElementParser<T> {
        T parse(String metric, Object raw);
    }

    private <T> List<T> listOf(String metric, List<?> raw, ElementParser<T> element) {
        List<T> out = new ArrayList<>(raw.size());
        for (Object o : raw) {
            if (o == null) {
                throw new InvalidConfigException(metric + ": config '" + key + "' must not contain null, got "
                        + describe(raw));
            }
            out.add(element.parse(metric, o));
        }
        return Collections.unmodifiableList(out);
    }

    private Double asDouble(String metric, Object raw) {
        if (raw instanceof Number && !(raw instanceof Boolean)) {
            return ((Number) raw).doubleValue();
        }
        throw wrongType(metric, raw);
    }

    private Integer asInt(String metric, Object raw) {
        if (raw instanceof Number) {
            double d = ((Number) raw).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw wrongType(metric, raw);
    }

    private InvalidConfigException wrongType(String metric, Object raw) {
        return new InvalidConfigException(metric + ": config '" + key + "' must be " + kind.description + ", got "
                + describe(raw));
    }

    static String describe(Object raw) {
        if (raw instanceof String) {
            return "\"" + raw + "\" (string)";
        }
        if (raw == null) {
            return "null";
        }
        String type = raw instanceof Boolean ? "boolean"
                : raw instanceof Number ? "number"
                : raw instanceof List ? "list"
                : raw instanceof Map ? "object" : raw.getClass().getSimpleName();
        return raw + " (" + type + ")";
    }

    @Override
    public String toString() {
        return key + "=" + Objects.toString(defaultValue);
    }

    /** Convenience for checks: a parsed FLOAT or INT value as double. */
    public static double num(Object v) {
        return ((Number) v).doubleValue();
    }

    /** Convenience: a predicate over numbers. */
    public static Predicate<Object> number(Function<Double, Boolean> test) {
        return v -> test.apply(num(v));
    }
}
