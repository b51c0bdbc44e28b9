package io.github.metricparity.conformance.run;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenStep;
import io.github.metricparity.conformance.golden.Tolerance;
import io.github.metricparity.keras.ReferenceProvider;
import io.github.metricparity.spi.CompileRules;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.conformance.tck.NotExpressibleException;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.UnknownMetricException;
import io.github.metricparity.spi.ValuesMetric;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs golden cases through a {@link ConformanceDriver}, with the rules of {@code golden-format.md}.
 *
 * <ul>
 *   <li>The case's {@code metric} is resolved to a Keras class name first: a {@code keras.metrics.get} identifier
 *       ({@code "mse"}, {@code "sparse_categorical_accuracy"}), or one of the compile() strings
 *       {@code "accuracy"}/{@code "acc"}, which Keras 3 resolves from the shapes of the first batch
 *       ({@link CompileRules#KERAS_3}). The exact class name {@code "Accuracy"} stays the Accuracy class.</li>
 *   <li>Error kinds are strict. A case with {@code "expect_error": "config"} passes only when creating the metric
 *       throws {@link InvalidConfigException}, or {@link UnknownMetricException} when the case names an identifier
 *       Keras 3 does not know either and has no config (the case is about the identifier, as
 *       {@code "logcosh"} is): a typo in a case about a config, or an adapter that does not know a Keras metric,
 *       fails. A refused update ({@code expect_error} on an update step) passes only on
 *       {@link InvalidInputException}, with the state what it was (checked with snapshots where the adapter
 *       offers them, and by the following result step); a refused result only on a {@link MetricException}.</li>
 *   <li>{@link NotExpressibleException} from the adapter makes the case SKIPPED with its message.</li>
 *   <li>A {@link CaseDriver} runs the whole case at once; its recorded outcomes are replayed through these same
 *       rules.</li>
 * </ul>
 */
public final class GoldenRunner {
    private static final MetricRegistry NAMES = MetricRegistry.of(new ReferenceProvider());

    private GoldenRunner() {
    }

    /** Runs one case through one adapter. */
    public static CaseResult run(GoldenCase c, ConformanceDriver driver) {
        return new Execution(c, driver).run();
    }

    /** The Keras class a case's metric string stands for ({@code "bce"} is BinaryCrossentropy). */
    public static String resolvedClassName(GoldenCase c) {
        return (String) resolve(c)[0];
    }

    /**
     * The class name and config a case's metric string stands for.
     *
     * @return a two-element array: class name (String) and config (Map)
     */
    static Object[] resolve(GoldenCase c) {
        Map<String, Object> config = new LinkedHashMap<>(c.config());
        String metric = c.metric();
        String lower = metric.toLowerCase(Locale.ROOT);
        if (!metric.equals("Accuracy") && (lower.equals("accuracy") || lower.equals("acc"))) {
            GoldenStep first = c.firstUpdate();
            String cls = "Accuracy";
            if (first != null && first.yTrue() != null) {
                cls = CompileRules.KERAS_3.resolve(metric, first.yTrue().shape(), first.yPred().shape(), null)
                        .identifier();
            }
            config.putIfAbsent("name", metric);
            return new Object[] {cls, config};
        }
        try {
            return new Object[] {NAMES.resolve(metric).className(), config};
        } catch (UnknownMetricException e) {
            return new Object[] {metric, config};
        }
    }

    /**
     * True when a config case is about the metric identifier itself: Keras 3 does not know it ("Could not interpret
     * metric identifier") and the case gives no config that it could be about instead.
     */
    static boolean expectsUnknownIdentifier(GoldenCase c) {
        return c.configError() && c.config().isEmpty() && !kerasKnows(c.metric());
    }

    private static boolean kerasKnows(String metric) {
        String lower = metric.toLowerCase(Locale.ROOT);
        if (lower.equals("accuracy") || lower.equals("acc")) {
            return true;
        }
        try {
            NAMES.resolve(metric);
            return true;
        } catch (UnknownMetricException e) {
            return false;
        }
    }

    private static final class Execution {
        private final GoldenCase c;
        private final ConformanceDriver driver;
        private double maxAbsError;

        Execution(GoldenCase c, ConformanceDriver driver) {
            this.c = c;
            this.driver = driver;
        }

        @SuppressWarnings("unchecked")
        CaseResult run() {
            Object[] resolved;
            try {
                resolved = resolve(c);
            } catch (MetricException e) {
                // "accuracy" resolved from the shapes of a first update that has none (scalars): a failed case,
                // not a crashed run
                return failed(-1, null, null, "resolving " + c.metric() + " failed: " + e.getMessage());
            }
            Metric metric;
            try {
                metric = open((String) resolved[0], (Map<String, Object>) resolved[1]);
            } catch (NotExpressibleException e) {
                return skipped(e.getMessage());
            } catch (MetricException e) {
                if (c.configError()) {
                    return refusedConfig(e);
                }
                return failed(-1, null, null, "creating " + c.metric() + " " + c.config() + " failed: "
                        + e.getMessage());
            } catch (RuntimeException e) {
                // a case-level driver's own failures (a crashed or hung process) say what happened themselves
                return failed(-1, null, null, driver instanceof CaseDriver ? e.getMessage()
                        : "creating " + c.metric() + " threw " + e);
            }
            if (c.configError()) {
                return failed(-1, "the config to be refused", "a metric was created", null);
            }
            for (int i = 0; i < c.steps().size(); i++) {
                GoldenStep step = c.steps().get(i);
                CaseResult stop;
                try {
                    stop = apply(metric, step, i);
                } catch (NotExpressibleException e) {
                    return skipped("step " + i + ": " + e.getMessage());
                }
                if (stop != null) {
                    return stop;
                }
            }
            return passed();
        }

        /** A config case whose metric could not be created: passes only for the refusal the case is about. */
        private CaseResult refusedConfig(MetricException e) {
            if (e instanceof InvalidConfigException) {
                return passed();
            }
            if (e instanceof UnknownMetricException) {
                if (expectsUnknownIdentifier(c)) {
                    return passed();
                }
                return failed(-1, "an InvalidConfigException (the config refused)", "UnknownMetricException",
                        (kerasKnows(c.metric()) ? "the adapter does not know the Keras metric " + c.metric()
                                : c.metric() + " is not a Keras 3 identifier, and a case about an unknown "
                                        + "identifier has no config")
                                + ": " + e.getMessage());
            }
            return failed(-1, "an InvalidConfigException (the config refused)", e.getClass().getSimpleName(),
                    e.getMessage());
        }

        /**
         * The metric handle: opened through the driver, or for a {@link CaseDriver} the whole case run at once and
         * replayed, so that the step rules below judge both kinds alike.
         */
        private Metric open(String className, Map<String, Object> config) {
            if (driver instanceof CaseDriver) {
                return ((CaseDriver) driver).runCase(c, className, config);
            }
            return driver.open(className, config);
        }

        /** Applies one step; returns a result to stop with, or null to go on. */
        private CaseResult apply(Metric metric, GoldenStep step, int i) {
            switch (step.op()) {
                case RESET:
                    metric.reset();
                    return null;
                case UPDATE:
                    return step.expectError() ? refusedUpdate(metric, step, i) : update(metric, step, i);
                default:
                    return step.expectError() ? refusedResult(metric, i) : result(metric, step, i);
            }
        }

        private CaseResult update(Metric metric, GoldenStep step, int i) {
            try {
                feed(metric, step);
                return null;
            } catch (NotExpressibleException e) {
                throw e;
            } catch (RuntimeException e) {
                return failed(i, "the update to be accepted", "refused", e.getMessage() == null
                        ? e.toString() : e.getMessage());
            }
        }

        private CaseResult refusedUpdate(Metric metric, GoldenStep step, int i) {
            MetricState before = snapshotOrNull(metric);
            try {
                feed(metric, step);
            } catch (NotExpressibleException e) {
                throw e;
            } catch (InvalidInputException e) {
                MetricState after = snapshotOrNull(metric);
                if (before != null && after != null && !before.equals(after)) {
                    return failed(i, "the state unchanged by a refused update", "a changed state", e.getMessage());
                }
                return null;
            } catch (RuntimeException e) {
                return failed(i, "an InvalidInputException", e.toString(), "refused with the wrong exception type");
            }
            return failed(i, "the update to be refused", "accepted", null);
        }

        private static void feed(Metric metric, GoldenStep step) {
            if (step.isValuesUpdate()) {
                if (!(metric instanceof ValuesMetric)) {
                    throw new NotExpressibleException("this adapter has no entry point for update_state(values, "
                            + "sample_weight)");
                }
                ((ValuesMetric) metric).updateValues(step.values(), step.sampleWeight());
            } else {
                metric.update(step.yTrue(), step.yPred(), step.sampleWeight());
            }
        }

        private CaseResult refusedResult(Metric metric, int i) {
            try {
                Tensor r = metric.result();
                return failed(i, "result() to be refused", r.toString(), null);
            } catch (NotExpressibleException e) {
                throw e;
            } catch (MetricException e) {
                return null;
            } catch (RuntimeException e) {
                return failed(i, "a MetricException", e.toString(), "result() refused with an unclear exception");
            }
        }

        private CaseResult result(Metric metric, GoldenStep step, int i) {
            Tensor actual;
            try {
                actual = metric.result();
            } catch (NotExpressibleException e) {
                throw e;
            } catch (RuntimeException e) {
                return failed(i, step.expected().toString(), "an exception", e.toString());
            }
            Tensor expected = step.expected();
            if (!comparableShapes(expected, actual)) {
                return failed(i, shaped(expected), shaped(actual), "shapes differ");
            }
            Tolerance tol = c.tolerance();
            boolean ok = true;
            for (int k = 0; k < expected.size(); k++) {
                double e = expected.get(k);
                double a = actual.get(k);
                if (!tol.accepts(e, a)) {
                    ok = false;
                }
                if (Double.isFinite(e) && Double.isFinite(a)) {
                    maxAbsError = Math.max(maxAbsError, Math.abs(a - e));
                }
            }
            return ok ? null : failed(i, expected.toString(), actual.toString(), null);
        }

        private static boolean comparableShapes(Tensor expected, Tensor actual) {
            if (expected.size() != actual.size()) {
                return false;
            }
            if (expected.size() == 1) {
                return true;
            }
            return java.util.Arrays.equals(expected.shape(), actual.shape());
        }

        private static String shaped(Tensor t) {
            return t + " of shape " + t.shapeString();
        }

        private static MetricState snapshotOrNull(Metric metric) {
            try {
                return metric.snapshot();
            } catch (RuntimeException e) {
                return null;
            }
        }

        private CaseResult passed() {
            return new CaseResult(driver.adapterId(), c, CaseResult.Status.PASSED, -1, null, null, maxAbsError, null);
        }

        private CaseResult skipped(String why) {
            return new CaseResult(driver.adapterId(), c, CaseResult.Status.SKIPPED, -1, null, null, maxAbsError, why);
        }

        private CaseResult failed(int step, String expected, String actual, String why) {
            return new CaseResult(driver.adapterId(), c, CaseResult.Status.FAILED, step, expected, actual, maxAbsError,
                    why);
        }
    }
}
