package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.core.type.TypeReference;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * What real Keras 3 computed for one committed test model ({@code src/test/resources/keras3/<model>.json}, written
 * by {@code tools/keras3_models.py}): inputs, labels, sample weights, predictions, both evaluate() dicts, and every
 * compile metric as Keras built it.
 */
record KerasRecord(String model, List<INDArray> inputs, List<String> outputNames, List<INDArray> labels,
        List<INDArray> predictions, INDArray sampleWeight, List<Map<String, Object>> metrics,
        Map<String, Double> evaluate, Map<String, Double> evaluateSampleWeight) {

    /** The models the generator writes, each saved as .keras and .h5. */
    static final List<String> MODELS = List.of("seq_dense_binary", "seq_dense_categorical", "seq_logits_sparse",
            "func_two_outputs", "func_two_inputs_lists", "seq_conv2d", "func_conv1d_pooling", "seq_embedding_lstm",
            "func_recurrent", "seq_regularized");

    static Path file(String name) {
        try {
            return Path.of(KerasRecord.class.getResource("/keras3/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static KerasRecord load(String model) throws IOException {
        Map<String, Object> root;
        try (InputStream in = KerasRecord.class.getResourceAsStream("/keras3/" + model + ".json")) {
            root = new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() {
            });
        }
        List<INDArray> inputs = new ArrayList<>();
        for (Map<String, Object> in : (List<Map<String, Object>>) root.get("inputs")) {
            inputs.add(array(in.get("values"), in.get("shape")));
        }
        List<String> names = new ArrayList<>();
        List<INDArray> labels = new ArrayList<>();
        List<INDArray> predictions = new ArrayList<>();
        for (Map<String, Object> out : (List<Map<String, Object>>) root.get("outputs")) {
            names.add((String) out.get("name"));
            labels.add(array(out.get("labels"), out.get("shape")));
            predictions.add(array(out.get("predictions"), out.get("predictions_shape")));
        }
        List<Double> w = (List<Double>) root.get("sample_weight");
        return new KerasRecord(model, inputs, names, labels, predictions, array(w, List.of(w.size())),
                (List<Map<String, Object>>) root.get("metrics"), doubles(root.get("evaluate")),
                doubles(root.get("evaluate_sample_weight")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> doubles(Object o) {
        Map<String, Double> out = new java.util.TreeMap<>();
        ((Map<String, Object>) o).forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static INDArray array(Object values, Object shape) {
        List<Number> v = (List<Number>) values;
        List<Number> s = (List<Number>) shape;
        double[] data = new double[v.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = v.get(i).doubleValue();
        }
        long[] dims = s.stream().mapToLong(Number::longValue).toArray();
        return Nd4j.create(data, dims, 'c').castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }
}
