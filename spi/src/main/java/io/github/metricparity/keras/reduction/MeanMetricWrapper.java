package io.github.metricparity.keras.reduction;

import io.github.metricparity.keras.InputContract.Labels;
import io.github.metricparity.keras.InputContract.Predictions;
import io.github.metricparity.keras.internal.Catalog;
import io.github.metricparity.keras.internal.Contracts;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Param;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Keras {@code MeanMetricWrapper}: a per-sample function accumulated with {@link Mean}'s rules
 * ({@code metrics/reduction_metrics.py}). Every accuracy, crossentropy, regression, hinge and correlation metric is
 * one of these; subclasses give the function through {@link #sampleValues}.
 *
 * <p>Created by name, {@code MeanMetricWrapper} takes {@code fn}: the name of a Keras metric function
 * ({@code "binary_accuracy"}, {@code "mean_squared_error"}, ...; or its Keras-serialised form
 * {@code {"class_name": "function", "config": "binary_accuracy"}}) and that function's keyword arguments, e.g.
 * {@code {"fn": "binary_accuracy", "threshold": 0.7}}. A Java function is wrapped with {@link #of}.
 */
public abstract class MeanMetricWrapper extends MeanBase {
    public static final MetricSpec DEFINITION = MetricSpec.builder("MeanMetricWrapper", "reduction_metrics")
            .defaultName("mean_metric_wrapper")
            .params(Param.required("fn", Param.Kind.ANY))
            .openKeys()
            .semantics(MeanMetricWrapper::wrappedConfig)
            // a Java function (of) takes any values
            .contract(Contracts.rows(Labels.FREE_VALUES, Predictions.VALUES))
            .factory(MeanMetricWrapper::fromConfig)
            .build();

    protected MeanMetricWrapper(MetricConfig config) {
        super(config);
    }

    /** Per-element values of one batch, and optionally their keras mask. */
    public record SampleValues(Tensor values, Tensor mask) {
        public static SampleValues of(Tensor values) {
            return new SampleValues(values, null);
        }
    }

    /** The per-sample function of this metric, applied to one batch. */
    protected abstract SampleValues sampleValues(Tensor yTrue, Tensor yPred);

    /** This metric's per-sample function (with its config applied), usable on its own. */
    public final SampleFunction sampleFunction() {
        return (t, p) -> sampleValues(t, p).values();
    }

    @Override
    protected void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        SampleValues v = sampleValues(yTrue, yPred);
        accumulate(v.values(), sampleWeight, v.mask());
    }

    /**
     * Wraps a Java function. Its config names the function as {@code fn}; creating a metric back from that config
     * works only for the names of Keras metric functions.
     */
    public static MeanMetricWrapper of(String fnName, SampleFunction fn) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("fn", fnName);
        return new FunctionWrapper(DEFINITION.parseConfig(raw), (t, p) -> SampleValues.of(fn.apply(t, p)));
    }

    /** The definition of the Keras function that config {@code fn} names. */
    private static MetricSpec wrapped(MetricConfig config) {
        String fnName = functionName(config.get("fn"));
        MetricSpec wrapped = Catalog.byFunctionName(fnName);
        if (wrapped == null) {
            throw new InvalidConfigException("MeanMetricWrapper: config 'fn' names no Keras metric function: "
                    + fnName + " (a Java function is wrapped with MeanMetricWrapper.of)");
        }
        return wrapped;
    }

    /** The config of the wrapped Keras function; the wrapper's own for a Java function ({@link #of}). */
    private static MetricConfig wrappedConfig(MetricConfig config) {
        if (Catalog.byFunctionName(functionName(config.get("fn"))) == null) {
            return config;
        }
        MetricSpec wrapped = wrapped(config);
        return wrapped.parseConfig(kwargs(config));
    }

    /** The wrapped function's keyword arguments, in the wrapper's dtype. */
    private static Map<String, Object> kwargs(MetricConfig config) {
        Map<String, Object> kwargs = new LinkedHashMap<>(config.extraKeys());
        kwargs.put("dtype", config.dtype().kerasName());
        return kwargs;
    }

    private static Metric fromConfig(MetricConfig config) {
        String fnName = functionName(config.get("fn"));
        Metric delegate = wrapped(config).create(kwargs(config));
        if (!(delegate instanceof MeanMetricWrapper)) {
            throw new InvalidConfigException("MeanMetricWrapper: '" + fnName + "' is not a per-sample function");
        }
        // keep the function's keras mask (SparseCategoricalCrossentropy's ignore_class): Keras applies the mask
        // attached to fn's values however the function is wrapped (reduction_metrics.py reduce_to_samplewise_values)
        MeanMetricWrapper function = (MeanMetricWrapper) delegate;
        return new FunctionWrapper(config, function::sampleValues);
    }

    private static String functionName(Object fn) {
        if (fn instanceof String) {
            return (String) fn;
        }
        if (fn instanceof Map && ((Map<?, ?>) fn).get("config") instanceof String) {
            return (String) ((Map<?, ?>) fn).get("config");
        }
        throw new InvalidConfigException("MeanMetricWrapper: config 'fn' must be a function name or a serialised "
                + "Keras function object, got " + fn);
    }

    /** MeanMetricWrapper over an explicit function. */
    private static final class FunctionWrapper extends MeanMetricWrapper {
        private final BiFunction<Tensor, Tensor, SampleValues> fn;

        FunctionWrapper(MetricConfig config, BiFunction<Tensor, Tensor, SampleValues> fn) {
            super(config);
            this.fn = fn;
        }

        @Override
        protected SampleValues sampleValues(Tensor yTrue, Tensor yPred) {
            return fn.apply(yTrue, yPred);
        }
    }
}
