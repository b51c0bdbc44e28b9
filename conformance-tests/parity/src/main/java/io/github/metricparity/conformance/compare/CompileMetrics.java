package io.github.metricparity.conformance.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metricparity.dl4j.modelimport.CompilePlan;
import io.github.metricparity.dl4j.modelimport.KerasModelFile;
import io.github.metricparity.dl4j.modelimport.KerasModelFileException;
import io.github.metricparity.dl4j.modelimport.KerasModelMetrics;
import io.github.metricparity.dl4j.modelimport.KerasTrainingConfig;
import io.github.metricparity.spi.CompileRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model was compiled with, applied to its outputs as Keras 3 applies it: a {@link CompilePlan} (every loss and
 * metric with its output and its {@code evaluate(return_dict=True)} key), from compile strings given on the command
 * line or from a Keras model file. Model files are read by the DL4J adapter's {@link KerasModelFile}, the one reader
 * of compile configs ({@code .keras}, Keras 3 and Keras 2 {@code .h5}).
 *
 * @param plan         the losses and metrics by output, with their keys
 * @param rules        the compile rules of the Keras version that saved the file (Keras 3 for compile strings)
 * @param lossPenalty  the weight-regularization penalty Keras adds to {@code loss}, or null when not reproduced
 * @param lossNote     why the penalty is not reproduced, or null
 * @param source       where it came from, for the report
 */
record CompileMetrics(CompilePlan plan, CompileRules rules, Double lossPenalty, String lossNote, String source) {

    /** Compile strings, e.g. {@code accuracy}, {@code AUC}, and an optional loss string, for a one-output model. */
    static CompileMetrics ofStrings(List<String> metrics, List<String> weighted, String loss) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (loss != null) {
            config.put("loss", loss);
        }
        config.put("metrics", metrics);
        config.put("weighted_metrics", weighted);
        try {
            KerasTrainingConfig parsed = KerasTrainingConfig.parse(new ObjectMapper().writeValueAsString(config),
                    null);
            return new CompileMetrics(CompilePlan.forOneOutput(parsed), CompileRules.KERAS_3, 0.0, null,
                    "compile strings");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CompareException("--metrics/--weighted-metrics/--loss: " + e.getMessage(), e);
        }
    }

    /** The compile config of a {@code .keras} or {@code .h5} file, for each of its outputs. */
    static CompileMetrics ofModel(Path file) {
        KerasModelFile model;
        try {
            model = KerasModelFile.read(file);
        } catch (KerasModelFileException e) {
            throw new CompareException(e.getMessage(), e);
        }
        CompilePlan plan;
        try {
            plan = model.compilePlan();
        } catch (KerasModelFileException e) {
            throw new CompareException(e.getMessage() + (model.trainingConfig() == null ? "; give the metrics with "
                    + "--metrics/--weighted-metrics instead" : ""), e);
        }
        Double penalty;
        String note = null;
        try {
            penalty = model.regularizationPenalty();
        } catch (KerasModelFileException e) {
            penalty = null;
            note = e.getMessage();
        }
        return new CompileMetrics(plan, KerasModelMetrics.rulesFor(model.kerasVersion()), penalty, note,
                file.toString());
    }

    /** The output names; one output means the data files use the one-output layout (no {@code <output>/}). */
    List<String> outputNames() {
        return plan.outputNames();
    }
}
