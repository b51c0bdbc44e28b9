package io.github.metricparity.dl4j.modelimport;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.modelimport.KerasTrainingConfig.PerOutput;
import io.github.metricparity.dl4j.modelimport.KerasTrainingConfig.Structure;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A model's compile() config applied to its outputs exactly as Keras 3 applies it
 * ({@code keras/src/trainers/compile_utils.py}): which metrics, weighted metrics and losses belong to which output,
 * and the key {@code evaluate(return_dict=True)} reports each under. Immutable.
 *
 * <ul>
 * <li>Metrics ({@code CompileMetrics._build_metrics_set}): a single-output model takes every metric given
 *     (flattened; a dict's values in key order); with several outputs, a list with one entry per output or a dict by
 *     output name is per output, anything else is refused as Keras refuses it.</li>
 * <li>Names ({@code CompileMetrics.result}): {@code <output>_<name>} with several outputs; a metric whose key is
 *     taken becomes {@code <key>_1}, {@code <key>_2}, ...; a weighted metric whose key is taken becomes
 *     {@code [<output>_]weighted_<name>} (then numbered). A metric's name is the string it was given as
 *     ({@code "AUC"} stays {@code AUC}) or a serialised metric's {@code name}.</li>
 * <li>Losses ({@code CompileLoss.build}): one loss applies to every output; a dict must name every output; with
 *     more than one loss, each is also reported unweighted as {@code <output>_loss}; {@code loss} is the sum of the
 *     losses times their {@code loss_weights}.</li>
 * </ul>
 */
public final class CompilePlan {
    /** One compile metric: its evaluate() key, its output, what it was given as, and whether it is weighted. */
    public record PlannedMetric(String key, int output, String outputName, CompileEntry entry, String name,
            boolean weighted) {
    }

    /** One loss: its output, the loss, its weight (null: 1), and its evaluate() key (null when the only loss). */
    public record PlannedLoss(int output, String outputName, CompileEntry loss, Double weight, String key) {
    }

    private final List<String> outputNames;
    private final List<PlannedMetric> metrics;
    private final List<PlannedLoss> losses;

    private CompilePlan(List<String> outputNames, List<PlannedMetric> metrics, List<PlannedLoss> losses) {
        this.outputNames = List.copyOf(outputNames);
        this.metrics = List.copyOf(metrics);
        this.losses = List.copyOf(losses);
    }

    static CompilePlan of(KerasModelFile file) throws KerasModelFileException {
        ModelGraph graph = ModelGraph.of(file);
        try {
            return of(file.trainingConfig(), graph.outputNames(), !graph.isSequential());
        } catch (IllegalArgumentException | MetricException e) {
            throw new KerasModelFileException(file.path(), "its compile config does not fit the model as Keras would"
                    + " read it: " + e.getMessage(), e);
        }
    }

    /**
     * The plan of a compile config for a model with one output, as Keras applies it to a Sequential model (keys
     * without an output prefix): e.g. for compile() strings given without a model file.
     *
     * @throws IllegalArgumentException where Keras's compile() would refuse the config
     */
    public static CompilePlan forOneOutput(KerasTrainingConfig config) {
        return of(config, List.of("output"), false);
    }

    /**
     * The plan for a compile config and a model's outputs.
     *
     * @param namedOutputs false for a Sequential model (Keras gives it no output names)
     * @throws IllegalArgumentException where Keras's compile() would refuse the config for these outputs
     */
    static CompilePlan of(KerasTrainingConfig config, List<String> outputNames, boolean namedOutputs) {
        int n = outputNames.size();
        List<List<CompileEntry>> plain = perOutput(config.metricsPerOutput(), outputNames, "metrics");
        List<List<CompileEntry>> weighted = perOutput(config.weightedMetricsPerOutput(), outputNames,
                "weighted_metrics");
        List<PlannedMetric> metrics = new ArrayList<>();
        Map<String, Integer> counters = new HashMap<>();
        MetricRegistry registry = MetricRegistry.of(new Dl4jMetricProvider());
        for (int pass = 0; pass < 2; pass++) {
            boolean isWeighted = pass == 1;
            List<List<CompileEntry>> lists = isWeighted ? weighted : plain;
            for (int o = 0; o < n; o++) {
                String prefix = n > 1 ? outputNames.get(o) + "_" : "";
                for (CompileEntry e : lists.get(o)) {
                    String name = metricName(e, registry);
                    String key = uniqueKey(prefix, name, isWeighted, counters);
                    metrics.add(new PlannedMetric(key, o, n > 1 ? outputNames.get(o) : null, e, name, isWeighted));
                }
            }
        }
        return new CompilePlan(outputNames, metrics, losses(config, outputNames, namedOutputs));
    }

    /** {@code CompileMetrics.result()}'s naming, one metric at a time, in its order. */
    private static String uniqueKey(String prefix, String name, boolean weighted, Map<String, Integer> counters) {
        String key = prefix + name;
        if (!counters.containsKey(key)) {
            counters.put(key, 1);
            return key;
        }
        if (weighted) {
            key = prefix + "weighted_" + name;
            if (!counters.containsKey(key)) {
                counters.put(key, 1);
                return key;
            }
        }
        int index = counters.get(key);
        counters.put(key, index + 1);
        return key + "_" + index;
    }

    /** Keras names a metric after the string it was given, or a serialised metric after its own name. */
    private static String metricName(CompileEntry e, MetricRegistry registry) {
        if (e.isIdentifier()) {
            return e.identifier();
        }
        Object name = e.config().get("name");
        return name instanceof String ? (String) name : registry.create(e.className(), e.config()).name();
    }

    private static List<List<CompileEntry>> perOutput(PerOutput<List<CompileEntry>> spec, List<String> outputNames,
            String argument) {
        int n = outputNames.size();
        List<List<CompileEntry>> out = new ArrayList<>(Collections.nCopies(n, List.of()));
        boolean empty = spec.byKey().values().stream().allMatch(List::isEmpty) && spec.structure() != Structure.ALL
                || spec.structure() == Structure.NONE
                || (spec.structure() == Structure.ALL && spec.byKey().get(KerasTrainingConfig.ALL_OUTPUTS).isEmpty());
        if (empty) {
            return out;
        }
        if (n == 1) {
            // tree.flatten: every metric, a dict's values in sorted key order
            Map<String, List<CompileEntry>> ordered = spec.structure() == Structure.BY_NAME
                    ? new TreeMap<>(spec.byKey()) : spec.byKey();
            List<CompileEntry> all = new ArrayList<>();
            ordered.values().forEach(all::addAll);
            out.set(0, all);
            return out;
        }
        switch (spec.structure()) {
            case ALL: {
                List<CompileEntry> list = spec.byKey().get(KerasTrainingConfig.ALL_OUTPUTS);
                if (list.size() == n) {
                    for (int i = 0; i < n; i++) {
                        out.set(i, List.of(list.get(i)));
                    }
                    return out;
                }
                break;
            }
            case BY_POSITION:
                if (spec.byKey().size() == n) {
                    for (int i = 0; i < n; i++) {
                        out.set(i, spec.byKey().get(String.valueOf(i)));
                    }
                    return out;
                }
                break;
            case BY_NAME:
                if (spec.byKey().size() <= n && outputNames.containsAll(spec.byKey().keySet())) {
                    for (int i = 0; i < n; i++) {
                        out.set(i, spec.byKey().getOrDefault(outputNames.get(i), List.of()));
                    }
                    return out;
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("Invalid `" + argument + "`: with " + n + " outputs " + outputNames
                + " it should be a dict by output name or a list with one entry per output; got " + spec.byKey());
    }

    private static List<PlannedLoss> losses(KerasTrainingConfig config, List<String> outputNames,
            boolean namedOutputs) {
        PerOutput<CompileEntry> spec = config.losses();
        PerOutput<Double> weights = config.lossWeights();
        int n = outputNames.size();
        List<CompileEntry> perOutput = new ArrayList<>(Collections.nCopies(n, null));
        switch (spec.structure()) {
            case NONE:
                return List.of();
            case ALL:
                for (int i = 0; i < n; i++) {
                    perOutput.set(i, spec.byKey().get(KerasTrainingConfig.ALL_OUTPUTS));
                }
                break;
            case BY_NAME:
                if (!new LinkedHashSet<>(outputNames).equals(spec.byKey().keySet()) && (n > 1 || namedOutputs)) {
                    throw new IllegalArgumentException("Expected keys " + outputNames + " in loss dict, but found "
                            + "loss.keys()=" + spec.byKey().keySet());
                }
                if (n == 1 && !namedOutputs) {
                    perOutput.set(0, spec.byKey().values().iterator().next());
                } else {
                    for (int i = 0; i < n; i++) {
                        perOutput.set(i, spec.byKey().get(outputNames.get(i)));
                    }
                }
                break;
            case BY_POSITION:
                if (spec.byKey().size() != n) {
                    throw new IllegalArgumentException("a list of " + spec.byKey().size() + " losses for " + n
                            + " outputs " + outputNames);
                }
                for (int i = 0; i < n; i++) {
                    perOutput.set(i, spec.byKey().get(String.valueOf(i)));
                }
                break;
            default:
                throw new IllegalStateException(spec.structure().name());
        }
        List<Double> w = lossWeights(weights, spec, outputNames);
        List<PlannedLoss> out = new ArrayList<>();
        int count = (int) perOutput.stream().filter(x -> x != null).count();
        for (int i = 0; i < n; i++) {
            if (perOutput.get(i) != null) {
                String key = count > 1 ? outputNames.get(i) + "_loss" : null;
                out.add(new PlannedLoss(i, outputNames.get(i), perOutput.get(i), w.get(i), key));
            }
        }
        return out;
    }

    /** One weight per output (null: none), matched as CompileLoss matches them to the losses. */
    private static List<Double> lossWeights(PerOutput<Double> weights, PerOutput<CompileEntry> losses,
            List<String> outputNames) {
        int n = outputNames.size();
        List<Double> out = new ArrayList<>(Collections.nCopies(n, null));
        switch (weights.structure()) {
            case NONE:
                return out;
            case ALL:
                if (losses.structure() != Structure.ALL && n > 1) {
                    throw new IllegalArgumentException("`loss_weights` must match the number of losses, got one "
                            + "weight for " + losses.byKey().size() + " losses");
                }
                Collections.fill(out, weights.byKey().get(KerasTrainingConfig.ALL_OUTPUTS));
                return out;
            case BY_NAME:
                for (int i = 0; i < n; i++) {
                    out.set(i, weights.byKey().get(outputNames.get(i)));
                }
                return out;
            case BY_POSITION:
                if (weights.byKey().size() != n) {
                    throw new IllegalArgumentException("`loss_weights` must match the number of losses, got "
                            + weights.byKey().size() + " weights for " + n + " outputs");
                }
                for (int i = 0; i < n; i++) {
                    out.set(i, weights.byKey().get(String.valueOf(i)));
                }
                return out;
            default:
                throw new IllegalStateException(weights.structure().name());
        }
    }

    /** The model's output names, in order. */
    public List<String> outputNames() {
        return outputNames;
    }

    /** Every compile metric, in the order {@code CompileMetrics} builds them (metrics, then weighted metrics). */
    public List<PlannedMetric> metrics() {
        return metrics;
    }

    /** The losses, by output order. */
    public List<PlannedLoss> losses() {
        return losses;
    }

    /** Every key {@code evaluate(return_dict=True)} reports, sorted as Keras sorts them. */
    public Set<String> keys() {
        Set<String> keys = new java.util.TreeSet<>();
        if (!losses.isEmpty()) {
            keys.add("loss");
        }
        for (PlannedLoss l : losses) {
            if (l.key() != null) {
                keys.add(l.key());
            }
        }
        for (PlannedMetric m : metrics) {
            keys.add(m.key());
        }
        return keys;
    }
}
