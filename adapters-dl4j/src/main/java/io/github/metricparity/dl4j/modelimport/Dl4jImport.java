package io.github.metricparity.dl4j.modelimport;

import io.github.metricparity.dl4j.modelimport.KerasModelFile.LayerWeight;
import io.github.metricparity.dl4j.modelimport.layers.KerasAveragePooling1D;
import io.github.metricparity.dl4j.modelimport.layers.KerasGru;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.config.KerasModelConfiguration;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Brings a {@link KerasModelFile} into DL4J through deeplearning4j-modelimport 1.0.0-M2.1: a Keras 2 file as it
 * is; a Keras 3 file by its {@link Keras3Config Keras 2 form} and its weights handed to each imported layer under
 * the names DL4J reads ({@code kernel}, {@code bias}, {@code recurrent_kernel}, {@code gamma}, ...). Before DL4J
 * allocates the network, the parameters its configuration declares are counted against the weights the file holds:
 * a config that declares more than the file holds is refused. Stateless.
 */
final class Dl4jImport {
    static {
        KerasLayer.registerCustomLayer(KerasGru.CLASS_NAME, KerasGru.class);
        KerasLayer.registerCustomLayer(KerasAveragePooling1D.CLASS_NAME, KerasAveragePooling1D.class);
    }

    private Dl4jImport() {
    }

    static Dl4jKerasModel of(KerasModelFile file) throws KerasModelFileException {
        ModelGraph graph = ModelGraph.of(file);
        try {
            if (file.format() == KerasFileFormat.KERAS2_H5) {
                Model net = graph.isSequential()
                        ? KerasModelImport.importKerasSequentialModelAndWeights(file.path().toString(), false)
                        : KerasModelImport.importKerasModelAndWeights(file.path().toString(), false);
                return new Dl4jKerasModel(net, graph.inputNames(), graph.outputNames());
            }
            Map<String, Object> keras2 = Keras3Config.toKeras2(file.modelConfig());
            String json = new ObjectMapper().writeValueAsString(keras2);
            KerasModelBuilder builder = new KerasModelBuilder(new KerasModelConfiguration()).modelJson(json)
                    .enforceTrainingConfig(false);
            long stored = storedValues(file);
            if (graph.isSequential()) {
                KerasSequentialModel model = builder.buildSequential();
                kerasPooling(model.getLayers());
                setWeights(file, graph, model.getLayers());
                checkParameters(file, count(model.getMultiLayerConfiguration()), stored);
                return new Dl4jKerasModel(model.getMultiLayerNetwork(true), graph.inputNames(), graph.outputNames());
            }
            KerasModel model = builder.buildModel();
            kerasPooling(model.getLayers());
            setWeights(file, graph, model.getLayers());
            checkParameters(file, count(model.getComputationGraphConfiguration()), stored);
            return new Dl4jKerasModel(model.getComputationGraph(true), graph.inputNames(), graph.outputNames());
        } catch (KerasModelFileException e) {
            throw e;
        } catch (IOException | InvalidKerasConfigurationException | UnsupportedKerasConfigurationException
                 | RuntimeException e) {
            throw new KerasModelFileException(file.path(), "cannot import the model into DL4J: " + e.getMessage(), e);
        }
    }

    /**
     * Keras averages a window over its values inside the input only ({@code padding="same"} pads without counting
     * the pad); DL4J's importer leaves its subsampling layers counting the pad in the divisor.
     */
    private static void kerasPooling(Map<String, KerasLayer> layers) {
        for (KerasLayer l : layers.values()) {
            if (l.getLayer() instanceof SubsamplingLayer) {
                ((SubsamplingLayer) l.getLayer()).setAvgPoolIncludePadInDivisor(false);
            }
        }
    }

    private static long storedValues(KerasModelFile file) {
        long n = 0;
        for (List<LayerWeight> ws : file.weights().values()) {
            for (LayerWeight w : ws) {
                n += w.array().values().length;
            }
        }
        return n;
    }

    private static void checkParameters(KerasModelFile file, long declared, long stored)
            throws KerasModelFileException {
        if (declared > stored) {
            throw new KerasModelFileException(file.path(), "its config declares " + declared + " parameters and the "
                    + "file holds " + stored + " weight values: the shapes it declares do not fit its weights");
        }
    }

    private static long count(MultiLayerConfiguration conf) {
        long n = 0;
        for (NeuralNetConfiguration c : conf.getConfs()) {
            n += c.getLayer().initializer().numParams(c);
        }
        return n;
    }

    private static long count(ComputationGraphConfiguration conf) {
        long n = 0;
        for (GraphVertex v : conf.getVertices().values()) {
            if (v instanceof LayerVertex) {
                NeuralNetConfiguration c = ((LayerVertex) v).getLayerConf();
                n += c.getLayer().initializer().numParams(c);
            }
        }
        return n;
    }

    private static void setWeights(KerasModelFile file, ModelGraph graph, Map<String, KerasLayer> layers)
            throws KerasModelFileException, InvalidKerasConfigurationException {
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        for (Map<String, Object> l : graph.layers()) {
            try {
                configs.put(ModelGraph.layerName(l), l);
            } catch (IOException e) {
                throw new KerasModelFileException(file.path(), e.getMessage(), e);
            }
        }
        for (Map.Entry<String, KerasLayer> e : layers.entrySet()) {
            String name = e.getKey();
            KerasLayer layer = e.getValue();
            List<LayerWeight> stored = file.weights().getOrDefault(name, List.of());
            if (layer.getNumParams() == 0 && stored.isEmpty()) {
                continue;
            }
            Map<String, Object> config = configs.get(name);
            String cls = config == null ? "?" : (String) config.get("class_name");
            layer.setWeights(named(file, name, cls, config == null ? Map.of() : JsonTrees.asMap(config.get("config")),
                    stored));
        }
    }

    /** A layer's weights under their Keras names, as DL4J takes them. */
    private static Map<String, INDArray> named(KerasModelFile file, String layer, String cls,
            Map<String, Object> config, List<LayerWeight> stored) throws KerasModelFileException {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Hdf5File.Array> e : Keras3Weights.named(file, layer, cls, config, stored).entrySet()) {
            out.put(e.getKey(), Nd4j.create(e.getValue().values(), e.getValue().shape(), 'c'));
        }
        return out;
    }
}
