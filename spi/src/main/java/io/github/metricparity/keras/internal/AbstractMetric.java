package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the reference metrics: config, named state variables, and the life-cycle rules every metric shares.
 *
 * <ul>
 *   <li>{@link #update} checks that inputs are present and finite, then runs {@link #updateState} as a transaction:
 *       if it throws, every state variable is restored, so a refused update changes nothing. Common shapes first
 *       get a chance at a {@link #fusedUpdate} that does the same in one allocation-free pass.</li>
 *   <li>{@link #snapshot}, {@link #restore} and {@link #merge} work on the variables declared with
 *       {@link #addVariable} / {@link #addLazyVariable}; merging adds them element-wise (every Keras metric state is
 *       additive), and refuses a state of another class or config.</li>
 *   <li>{@link #reset} zeroes every variable; a lazy variable that is built keeps its shape, as Keras
 *       {@code reset_state} does (R2Score, FBetaScore and AUC assign zeros and stay built).</li>
 * </ul>
 * Not thread-safe (see {@link Metric}).
 */
public abstract class AbstractMetric implements Metric {
    private final MetricConfig config;
    private final List<StateVariable> variables = new ArrayList<>();
    private final ProbabilityDiagnostics diagnostics;
    private final LabelDiagnostics labels;
    private long stateValues;

    protected AbstractMetric(MetricConfig config) {
        this.config = config;
        this.diagnostics = ProbabilityDiagnostics.of(config);
        this.labels = new LabelDiagnostics(config.definition().contract(config));
    }

    /**
     * Declares a state variable of fixed shape, initialised to zeros.
     *
     * @throws InvalidConfigException when the state would exceed {@link StateVariable#MAX_VALUES_PROPERTY}
     */
    protected final StateVariable addVariable(String name, int... shape) {
        long n = StateVariable.count(shape);
        requireStateFits("state variable '" + name + "' of shape " + Tensor.shapeString(shape), n);
        stateValues += n;
        StateVariable v = new StateVariable(name, shape);
        variables.add(v);
        return v;
    }

    /**
     * Refuses a config whose state would hold more than {@link StateVariable#MAX_VALUES_PROPERTY} values; call it
     * before allocating anything of that size (thresholds, buckets), so a huge config fails cleanly.
     *
     * @param what   what needs the values, for the message
     * @param values how many values it adds to the state
     */
    protected final void requireStateFits(String what, long values) {
        long limit = StateVariable.maxValues();
        if (values < 0 || values == Long.MAX_VALUE || values > limit || stateValues + values > limit) {
            throw new InvalidConfigException(label() + ": " + what + " needs " + (values < 0 || values == Long.MAX_VALUE
                    ? "a negative number of" : String.valueOf(values)) + " values; a metric's state may hold at most "
                    + limit + " (system property " + StateVariable.MAX_VALUES_PROPERTY + ")");
        }
    }

    /**
     * Checks the state after a restore or a merge (which write variables wholesale); throws a MetricException
     * naming the inconsistency, and the transaction restores the previous state. Metrics whose lazily built
     * variables must agree with the config override it.
     */
    protected void checkState() {
    }

    /** Declares a state variable whose shape is known only at the first update. */
    protected final StateVariable addLazyVariable(String name) {
        StateVariable v = new StateVariable(name, null);
        variables.add(v);
        return v;
    }

    /** The parsed config, typed (the Keras {@code get_config()} map is {@link #config()}). */
    protected final MetricConfig parsedConfig() {
        return config;
    }

    @Override
    public final String className() {
        return config.definition().className();
    }

    @Override
    public final String name() {
        return config.name();
    }

    @Override
    public final DType dtype() {
        return config.dtype();
    }

    @Override
    public Map<String, Object> config() {
        return config.toKerasConfig();
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Fused.Check check = fusedCheck();
        if (check != null && yTrue != null && yPred != null && fusedUpdate(yTrue, yPred, sampleWeight, check)) {
            return;
        }
        updateGeneric(yTrue, yPred, sampleWeight);
    }

    /**
     * What a {@link #fusedUpdate} must verify about {@code y_pred} for the diagnostics to have nothing to say, or
     * null while every batch must take the generic path (see {@link ProbabilityDiagnostics#fusedCheck}).
     */
    final Fused.Check fusedCheck() {
        return diagnostics.fusedCheck();
    }

    /** The update without the fused shortcut: checks, diagnostics, then {@link #updateState} as a transaction. */
    private void updateGeneric(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Inputs.requireFinite(this, "y_true", yTrue);
        double[] range = Inputs.finiteRange(this, "y_pred", yPred);
        if (sampleWeight != null) {
            Inputs.requireFinite(this, "sample_weight", sampleWeight);
        }
        diagnostics.check(this, yPred, range[0], range[1]);
        String mismatch = labels.mismatch(this, yTrue, yPred);
        try {
            transact(() -> {
                updateState(yTrue, yPred, sampleWeight);
                if (mismatch != null) {
                    labels.warn(this, mismatch, yTrue, yPred);
                }
            });
        } catch (InvalidInputException e) {
            throw asPassed(e, yTrue, yPred, sampleWeight, mismatch);
        }
    }

    /**
     * A refused update's message with the inputs' shapes as the caller passed them (the rules report them after
     * squeezing or argmax), and the fix when the labels are in the other encoding.
     */
    private InvalidInputException asPassed(InvalidInputException e, Tensor yTrue, Tensor yPred, Tensor sampleWeight,
            String mismatch) {
        String message = e.getMessage();
        StringBuilder out = new StringBuilder(message);
        if (mismatch != null) {
            String fix = labels.fix(yTrue, yPred);
            if (!message.contains(fix)) {
                out.append("; y_true ").append(mismatch).append("; fix: ").append(fix);
            }
        }
        out.append(" [as passed: y_true ").append(yTrue.shapeString()).append(", y_pred ")
                .append(yPred.shapeString());
        if (sampleWeight != null) {
            out.append(", sample_weight ").append(sampleWeight.shapeString());
        }
        InvalidInputException r = new InvalidInputException(out.append(']').toString());
        r.initCause(e);
        return r;
    }

    /**
     * A fused update for the common shapes of a metric: the checks of {@link #update} and {@link #updateState} in
     * one pass over the inputs, without allocating, the state changed only at the end. It declines (returns false,
     * having changed nothing) when the batch is not its specialisation, or when a value needs the generic path's
     * attention (not finite, a refused label, a {@code y_pred} value that {@code check} flags); the generic path
     * then accepts, refuses or warns as always. An override must be an obviously equivalent specialisation of
     * {@link #updateState}: the same state for every batch it takes. None by default.
     *
     * @param check what {@code y_pred} must satisfy for the probability diagnostics to have nothing to say
     */
    protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
        return false;
    }

    /**
     * Accumulates one batch. Inputs are non-null (weight may be null) and finite. May throw at any point: the
     * caller restores the state.
     */
    protected abstract void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight);

    /** Runs a state change; if it throws, restores every variable and rethrows with the metric named. */
    protected final void transact(Runnable change) {
        for (StateVariable v : variables) {
            v.save();
        }
        try {
            change.run();
        } catch (RuntimeException e) {
            for (StateVariable v : variables) {
                v.rollback();
            }
            throw named(e);
        }
    }

    private RuntimeException named(RuntimeException e) {
        String prefix = className() + ":";
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.startsWith(prefix) || message.startsWith(label() + ":")) {
            return e;
        }
        if (e instanceof InvalidInputException) {
            return new InvalidInputException(label() + ": " + message);
        }
        if (e instanceof MetricException) {
            return new MetricException(label() + ": " + message, e);
        }
        if (e instanceof IllegalArgumentException || e instanceof IndexOutOfBoundsException) {
            InvalidInputException wrapped = new InvalidInputException(label() + ": " + message);
            wrapped.initCause(e);
            return wrapped;
        }
        return e;
    }

    /** "ClassName" or "ClassName 'name'" when the name is not the default: used at the start of every message. */
    public final String label() {
        return config.name().equals(config.definition().defaultName())
                ? className() : className() + " '" + config.name() + "'";
    }

    @Override
    public final Tensor result() {
        return computeResult();
    }

    /** The result from the current state. */
    protected abstract Tensor computeResult();

    @Override
    public void reset() {
        for (StateVariable v : variables) {
            v.zero();
        }
    }

    @Override
    public final MetricState snapshot() {
        Map<String, Tensor> values = new LinkedHashMap<>();
        for (StateVariable v : variables) {
            if (v.isBuilt()) {
                values.put(v.name(), v.toTensor());
            }
        }
        return new MetricState(className(), config.toStateConfig(), values);
    }

    @Override
    public final void restore(MetricState state) {
        checkCompatible(state, "restore");
        transact(() -> {
            for (StateVariable v : variables) {
                Tensor t = state.variable(v.name());
                if (t == null) {
                    if (!v.isLazy()) {
                        throw new MetricException("cannot restore: the state has no variable '" + v.name() + "'");
                    }
                    v.unbuild();
                } else {
                    if (!v.isLazy()) {
                        requireShape(v, t, "restore");
                    }
                    v.set(t);
                }
            }
            checkState();
        });
    }

    @Override
    public final void merge(MetricState other) {
        checkCompatible(other, "merge");
        transact(() -> {
            mergeState(other);
            checkState();
        });
    }

    /** Adds another state's variables to this one's; override only if a variable is not additive. */
    protected void mergeState(MetricState other) {
        for (StateVariable v : variables) {
            Tensor t = other.variable(v.name());
            if (t == null) {
                if (!v.isLazy()) {
                    throw new MetricException("cannot merge: the other state has no variable '" + v.name() + "'");
                }
                continue;
            }
            if (!v.isBuilt()) {
                v.set(t);
                continue;
            }
            requireShape(v, t, "merge");
            double[] data = v.data();
            for (int i = 0; i < data.length; i++) {
                data[i] += t.get(i);
            }
        }
    }

    private void checkCompatible(MetricState state, String action) {
        if (!state.className().equals(className())) {
            throw new MetricException(label() + ": cannot " + action + " a state of " + state.className());
        }
        requireLazyVariablesTogether(state, action);
        MetricConfig theirs;
        try {
            theirs = config.definition().parseConfig(state.config());
        } catch (MetricException e) {
            throw new MetricException(label() + ": cannot " + action + " a state with an invalid config: "
                    + e.getMessage(), e);
        }
        if (!config.sameSemantics(theirs)) {
            throw new MetricException(label() + ": cannot " + action + " a state of another config: "
                    + state.config() + " vs " + config());
        }
    }

    /**
     * Keras builds a metric's lazy variables together (R2Score, F-scores, multi-label AUC): a state holding only some
     * of them is not one a metric can produce, and would fail later with an obscure error. (Their shapes are the
     * metric's to check: R2Score and the F-scores report an inconsistent state when used.)
     */
    private void requireLazyVariablesTogether(MetricState state, String action) {
        int present = 0;
        int lazy = 0;
        for (StateVariable v : variables) {
            if (v.isLazy()) {
                lazy++;
                present += state.variable(v.name()) != null ? 1 : 0;
            }
        }
        if (present != 0 && present != lazy) {
            throw new MetricException(label() + ": cannot " + action + " a state holding " + present + " of the "
                    + lazy + " variables built on the first update; they exist together or not at all");
        }
    }

    private void requireShape(StateVariable v, Tensor t, String action) {
        if (!Arrays.equals(v.shape(), t.shape())) {
            throw new MetricException("cannot " + action + ": variable '" + v.name() + "' has shape "
                    + Tensor.shapeString(v.shape()) + " here and " + t.shapeString() + " in the other state");
        }
    }

    @Override
    public String toString() {
        return className() + config();
    }
}
