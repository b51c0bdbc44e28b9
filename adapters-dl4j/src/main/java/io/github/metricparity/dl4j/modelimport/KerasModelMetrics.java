package io.github.metricparity.dl4j.modelimport;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.spi.CompileRules;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Keras metrics a Keras model was compiled with, for the same model imported into DL4J:
 * <pre>{@code
 * KerasModelFile file = KerasModelFile.read(Path.of("model.keras"));      // .keras, Keras 3 .h5 or Keras 2 .h5
 * MultiLayerNetwork net = (MultiLayerNetwork) file.importModel().network();
 * KerasEvaluation keras = KerasModelMetrics.forModel(Path.of("model.keras")); // e.g. "accuracy", AUC(...)
 * net.doEvaluation(testData, keras);
 * }</pre>
 * The metrics and weighted metrics are those of {@link KerasModelFile#compilePlan()}, named as Keras names them
 * ({@code weighted_<name>} for a weighted metric whose name is taken); compile() strings such as
 * {@code "accuracy"} are resolved from the shapes of the first batch under the chosen {@link CompileRules} (Keras 3
 * by default; {@link #rulesFor} suggests the set of the Keras that saved the file). Weighted metrics get the sample
 * weights ({@link io.github.metricparity.dl4j.eval.SampleWeight}), the others do not. The loss is used where the
 * rule set reads it; {@link KerasModelFile#evaluation()} also reproduces the loss. Stateless.
 */
public final class KerasModelMetrics {
    private KerasModelMetrics() {
    }

    /** The compile() metrics of a single-output model under Keras 3's rules. */
    public static KerasEvaluation forModel(Path file) throws IOException {
        return forModel(file, CompileRules.KERAS_3);
    }

    /**
     * The compile() metrics of a single-output model under a Keras version's rules.
     *
     * @throws KerasModelFileException if the file cannot be read, records no compile config, or the model has
     *                                 several outputs (use {@link KerasModelFile#evaluation()} and its
     *                                 {@code forOutput(i)})
     */
    public static KerasEvaluation forModel(Path file, CompileRules rules) throws IOException {
        KerasModelFile model = KerasModelFile.read(file);
        CompilePlan plan = model.compilePlan();
        if (plan.outputNames().size() != 1) {
            throw new KerasModelFileException(file, "the model has " + plan.outputNames().size() + " outputs "
                    + plan.outputNames()
                    + ": take each output's metrics from KerasModelFile.evaluation().forOutput(i)");
        }
        return builder(model.trainingConfig(), rules).build();
    }

    /**
     * A {@link KerasEvaluation} builder holding the metrics of a single-output model's training config, to set the
     * array layout or add metrics before building.
     *
     * @throws io.github.metricparity.spi.MetricException if a metric is unknown or its config refused
     */
    public static KerasEvaluation.Builder builder(KerasTrainingConfig config, CompileRules rules) {
        KerasEvaluation.Builder b = KerasEvaluation.builder().rules(rules);
        if (config.loss() != null) {
            b.loss(config.loss().lossName());
        }
        MetricRegistry registry = MetricRegistry.of(new Dl4jMetricProvider());
        for (CompilePlan.PlannedMetric m : CompilePlan.forOneOutput(config).metrics()) {
            add(b, m, registry);
        }
        return b;
    }

    /** Adds one planned compile metric: a compile() string resolved at the first batch, or a serialised metric. */
    static void add(KerasEvaluation.Builder b, CompilePlan.PlannedMetric m, MetricRegistry registry) {
        CompileEntry e = m.entry();
        if (e.isIdentifier()) {
            if (m.weighted()) {
                b.weightedCompileAs(e.identifier(), m.key());
            } else {
                b.compileAs(e.identifier(), m.key());
            }
            return;
        }
        Metric metric = registry.create(e.className(), e.config());
        if (m.weighted()) {
            b.weightedMetric(metric, m.key());
        } else {
            b.metricAs(metric, m.key());
        }
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
