package io.github.metricparity.spi;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Keras 3 release whose metric semantics a metric follows, for evaluating next to a model trained with an older
 * Keras 3 (as {@link CompileRules} does for what {@code "accuracy"} means in tf.keras 2). The default everywhere is
 * {@link #LATEST}; choose another with {@link MetricRegistry#withKerasVersion(KerasVersion)}.
 *
 * <p>What changes between the offered releases (measured by running every golden case through each Keras release,
 * see {@code conformance-tests/tools/keras-goldens/drift/DRIFT.md}):
 * <table>
 *   <caption>Metric semantics by Keras 3 release</caption>
 *   <tr><th>since</th><th>metric</th><th>before</th><th>from then on</th></tr>
 *   <tr><td>3.16</td><td>R2Score with {@code num_regressors > 0}</td><td>{@code num_samples} counts every element
 *       of {@code y_true} (rows x outputs)</td><td>counts the rows with a non-zero weight in any output
 *       (keras-team/keras#23334)</td></tr>
 *   <tr><td>3.16</td><td>FBetaScore, F1Score</td><td>only per-sample weights of shape {@code (batch,)}; a scalar or
 *       2-D {@code sample_weight} fails</td><td>a weight of lower rank is expanded to {@code y_true}'s rank and
 *       broadcast (keras-team/keras#23335)</td></tr>
 *   <tr><td>3.15</td><td>IoU family</td><td>a class id outside {@code [0, num_classes)} fails the update (as
 *       TensorFlow's confusion matrix does)</td><td>is left out of the confusion matrix
 *       (keras-team/keras#22844)</td></tr>
 *   <tr><td>3.14</td><td>SparseCategoricalCrossentropy</td><td>no {@code ignore_class} argument</td><td>
 *       {@code ignore_class} (keras-team/keras#22284)</td></tr>
 *   <tr><td>3.11</td><td>AUC</td><td>no {@code curve="PRGAIN"}</td><td>{@code "PRGAIN"}
 *       (keras-team/keras#21370)</td></tr>
 * </table>
 * Releases before {@link #EARLIEST} are not offered: the IoU family's confusion matrix kept fractional weights
 * before 3.8 (keras-team/keras#20584), and before 3.7 and 3.4 more changed (sample weights of rank 2 and more,
 * empty batches, new metrics and options), which these semantics do not model.
 */
public final class KerasVersion implements Comparable<KerasVersion>, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?");

    /** The earliest release whose semantics are offered. */
    public static final KerasVersion EARLIEST = new KerasVersion(3, 8);
    /** The release the project follows by default: Keras 3.16.0 (keras-team/keras@3422977). */
    public static final KerasVersion LATEST = new KerasVersion(3, 16);

    private final int major;
    private final int minor;

    private KerasVersion(int major, int minor) {
        this.major = major;
        this.minor = minor;
    }

    /**
     * A release by its version string: {@code "3.15"}, {@code "3.15.1"} or {@code "v3.15.1"} (the patch number
     * changes no metric).
     *
     * @throws IllegalArgumentException for a string that is no version, or a release outside
     *                                  {@link #EARLIEST}..{@link #LATEST}
     */
    public static KerasVersion of(String version) {
        Matcher m = VERSION.matcher(version == null ? "" : version.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Keras version: '" + version + "' (expected e.g. 3.15 or 3.15.1)");
        }
        KerasVersion v = new KerasVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if (v.compareTo(EARLIEST) < 0 || v.compareTo(LATEST) > 0) {
            throw new IllegalArgumentException("Keras " + version + " is not offered: the metric semantics of Keras "
                    + EARLIEST + " to " + LATEST + " are (see KerasVersion for what changed between them)");
        }
        return v.equals(LATEST) ? LATEST : v;
    }

    /** True when this release is {@code major.minor} or later. */
    public boolean atLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    @Override
    public int compareTo(KerasVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KerasVersion && ((KerasVersion) o).major == major && ((KerasVersion) o).minor == minor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor);
    }

    /** {@code "3.15"}. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
