/**
 * Keras 3 metrics as Tribuo evaluators ({@code io.github.metricparity.tribuo}), and Tribuo's own evaluations set
 * against them on users' data ({@code io.github.metricparity.tribuo.parity}). Tribuo's jars are automatic modules
 * (named in their manifests), so this adapter runs on the module path as well as on the class path; its tests run
 * on the module path.
 */
// Tribuo's types are in this module's API, so its automatic modules are required transitively: no module-info to do
// otherwise
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.metricparity.tribuo {
    requires transitive io.github.metricparity.spi;
    requires transitive io.github.metricparity.comparison;
    requires transitive org.tribuo.core;
    requires transitive org.tribuo.classification.core;
    requires transitive org.tribuo.multilabel.core;
    requires transitive org.tribuo.regression.core;
    requires transitive com.oracle.labs.mlrg.olcut;
    // Tribuo logs through java.util.logging, which its automatic modules cannot declare: resolve it for them
    requires java.logging;

    exports io.github.metricparity.tribuo;
    exports io.github.metricparity.tribuo.parity;

    provides io.github.metricparity.spi.MetricProvider with io.github.metricparity.tribuo.TribuoMetricProvider;
}
