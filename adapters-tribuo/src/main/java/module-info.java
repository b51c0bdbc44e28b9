/**
 * Keras 3 metrics as Tribuo evaluators ({@code io.github.metricparity.tribuo}). Tribuo's jars are automatic modules
 * (named in their manifests), so this adapter runs on the module path as well as on the class path; its tests run
 * on the module path.
 */
module io.github.metricparity.tribuo {
    requires transitive io.github.metricparity.spi;
    requires transitive org.tribuo.core;
    requires transitive org.tribuo.classification.core;
    requires transitive org.tribuo.multilabel.core;
    requires transitive org.tribuo.regression.core;
    requires transitive com.oracle.labs.mlrg.olcut;
    // Tribuo logs through java.util.logging, which its automatic modules cannot declare: resolve it for them
    requires java.logging;

    exports io.github.metricparity.tribuo;

    provides io.github.metricparity.spi.MetricProvider with io.github.metricparity.tribuo.TribuoMetricProvider;
}
