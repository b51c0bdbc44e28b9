package io.github.metricparity.dl4j.modelimport;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.spi.CompileRules;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Keras metrics a Keras model was compiled with, for the same model imported into DL4J with
 * deeplearning4j-modelimport:
 * <pre>{@code
 * MultiLayerNetwork net = KerasModelImport.importKerasSequentialModelAndWeights("model.h5", false);
 * KerasEvaluation keras = KerasModelMetrics.forModel(Path.of("model.h5"));   // e.g. "accuracy", AUC(...)
 * net.doEvaluation(testData, keras);
 * }</pre>
 * String metrics are resolved as Keras's {@code compile()} resolves them: {@code "accuracy"} becomes Binary,
 * Categorical or SparseCategorical accuracy from the shapes of the first batch under the chosen
 * {@link CompileRules} (Keras 3 by default; {@link #rulesFor} suggests the set of the Keras that saved the file),
 * and every metric is named as Keras names it. Serialised metric objects are created with their saved config.
 * Weighted metrics are added too (named {@code weighted_<name>} when the name is taken, as Keras does), although a
 * DL4J evaluation gives them only the label mask as weights. The loss is used where the rule set reads it; it is
 * not itself added as a metric. Stateless.
 */
public final class KerasModelMetrics {
    private KerasModelMetrics() {
    }

    /** The model's compile() metrics under Keras 3's rules. */
    public static KerasEvaluation forModel(Path h5) throws IOException {
        return forModel(h5, CompileRules.KERAS_3);
    }

    /** The model's compile() metrics under a Keras version's rules. */
    public static KerasEvaluation forModel(Path h5, CompileRules rules) throws IOException {
        return builder(KerasTrainingConfig.read(h5), rules).build();
    }

    /**
     * A {@link KerasEvaluation} builder holding the metrics of a training config, to set the array layout or add
     * metrics before building.
     *
     * @throws io.github.metricparity.spi.MetricException if a metric is unknown or its config refused
     */
    public static KerasEvaluation.Builder builder(KerasTrainingConfig config, CompileRules rules) {
        KerasEvaluation.Builder b = KerasEvaluation.builder().rules(rules);
        if (config.loss() != null) {
            b.loss(config.loss().lossName());
        }
        Set<String> names = new HashSet<>();
        add(b, config.metrics(), names, false);
        add(b, config.weightedMetrics(), names, true);
        return b;
    }

    private static void add(KerasEvaluation.Builder b, List<CompileEntry> entries, Set<String> names,
            boolean weighted) {
        MetricRegistry registry = MetricRegistry.of(new Dl4jMetricProvider());
        for (CompileEntry e : entries) {
            if (e.isIdentifier()) {
                String name = uniqueName(e.identifier(), names, weighted);
                b.compileAs(e.identifier(), name);
                continue;
            }
            Metric m = registry.create(e.className(), e.config());
            String name = uniqueName(m.name(), names, weighted);
            if (!name.equals(m.name())) {
                Map<String, Object> renamed = new LinkedHashMap<>(e.config());
                renamed.put("name", name);
                m = registry.create(e.className(), renamed);
            }
            b.metric(m);
        }
    }

    /** Keras's compile_utils: a weighted metric whose name is taken becomes {@code weighted_<name>}. */
    private static String uniqueName(String name, Set<String> taken, boolean weighted) {
        String n = weighted && taken.contains(name) ? "weighted_" + name : name;
        taken.add(n);
        return n;
    }

    /**
     * The compile() rule set of the Keras that wrote a file, from its {@code keras_version}: Keras 3 for 3.x (and
     * when unknown); tf.keras 2 for the {@code -tf} versions and 2.4 and later (which only tf.keras released);
     * the loss-based rules of multi-backend Keras for 2.0 to 2.3 and 1.x.
     */
    public static CompileRules rulesFor(String kerasVersion) {
        if (kerasVersion == null || kerasVersion.isBlank()) {
            return CompileRules.KERAS_3;
        }
        String v = kerasVersion.trim();
        if (v.endsWith("-tf")) {
            return CompileRules.TF_KERAS_2;
        }
        String[] parts = v.split("[.-]");
        int major = number(parts, 0);
        int minor = number(parts, 1);
        if (major >= 3) {
            return CompileRules.KERAS_3;
        }
        if (major == 2 && minor >= 4) {
            return CompileRules.TF_KERAS_2;
        }
        return CompileRules.KERAS_2_LOSS_BASED;
    }

    private static int number(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
