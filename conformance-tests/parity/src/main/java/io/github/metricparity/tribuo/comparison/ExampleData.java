package io.github.metricparity.tribuo.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.example.MultiLabelGaussianDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * The offline data of the comparison, from fixed seeds: four Gaussian blobs for classification and a two-output
 * linear process for regression, both generated here as a training set and a test stream of four days of unequal
 * volume (the shards of the sharded evaluation), and Tribuo's own {@link MultiLabelGaussianDataSource} for
 * multi-label classification. Each dataset's provenance says how it was generated.
 */
final class ExampleData {
    /** The test stream's days: the shards of the sharded evaluation, of unequal volume as real days are. */
    static final int[] DAY_SIZES = {70, 60, 40, 30};

    private static final String[] CLASSES = {"a", "b", "c", "d"};
    private static final double[][] CENTRES = {{0, 0}, {2.5, 0.5}, {1, 2.5}, {2.8, 2.8}};
    private static final double[] TRAIN_MIX = {0.3, 0.3, 0.25, 0.15};
    /** Class 'd' only occurs on the last two days: its per-day metrics are 0/0 on the first two. */
    private static final double[][] DAY_MIX = {
            {0.4, 0.35, 0.25, 0}, {0.4, 0.35, 0.25, 0}, {0.3, 0.25, 0.2, 0.25}, {0.3, 0.25, 0.2, 0.25}};

    private static final String LOAD = "load";
    static final String RATE = "rate";
    /** The value the 'rate' sensor is stuck at in the constant-target batch (exact in float32). */
    static final double STUCK_RATE = 0.25;

    private ExampleData() {
    }

    // ---------------------------------------------------------------- classification

    /** 400 training examples of the four blobs. */
    static MutableDataset<Label> blobsTrain() {
        return blobs("four Gaussian blobs, training set", 400, TRAIN_MIX, 11L);
    }

    /** The four test days; class 'd' only on days 3 and 4. */
    static List<MutableDataset<Label>> blobsTestDays() {
        List<MutableDataset<Label>> days = new ArrayList<>();
        for (int d = 0; d < DAY_SIZES.length; d++) {
            days.add(blobs("four Gaussian blobs, test day " + (d + 1) + " of " + DAY_SIZES.length, DAY_SIZES[d],
                    DAY_MIX[d], 12L + d));
        }
        return days;
    }

    /** Examples drawn class by class from {@code mix}, each class a unit Gaussian around its centre. */
    private static MutableDataset<Label> blobs(String what, int n, double[] mix, long seed) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(String.format(Locale.ROOT,
                "%s: %d examples, class mix %s of %s, seed %d", what, n, Arrays.toString(mix),
                Arrays.toString(CLASSES), seed), factory), factory);
        Random rng = new Random(seed);
        for (int i = 0; i < n; i++) {
            int k = draw(rng.nextDouble(), mix);
            double x = CENTRES[k][0] + rng.nextGaussian();
            double y = CENTRES[k][1] + rng.nextGaussian();
            data.add(new ArrayExample<>(new Label(CLASSES[k]), new String[] {"x", "y"}, new double[] {x, y}));
        }
        return data;
    }

    private static int draw(double u, double[] mix) {
        double cumulative = 0;
        for (int k = 0; k < mix.length - 1; k++) {
            cumulative += mix[k];
            if (u < cumulative) {
                return k;
            }
        }
        return mix.length - 1;
    }

    // ---------------------------------------------------------------- multi-label

    /** Tribuo's three-label Gaussian generator, default parameters. */
    static MutableDataset<MultiLabel> multiLabelTrain() {
        return new MutableDataset<>(MultiLabelGaussianDataSource.makeDefaultSource(400, 21L));
    }

    /** Tribuo's three-label Gaussian generator, default parameters, another seed. */
    static MutableDataset<MultiLabel> multiLabelTest() {
        return new MutableDataset<>(MultiLabelGaussianDataSource.makeDefaultSource(200, 22L));
    }

    // ---------------------------------------------------------------- regression

    /** 400 training examples; x and z uniform on [-2, 2]. */
    static MutableDataset<Regressor> processTrain() {
        return process("two-output process, training set", 400, -2, 2, false, 31L);
    }

    /** The four test days: x drifts from [-2, -1] on day 1 to [1, 2] on day 4. */
    static List<MutableDataset<Regressor>> processTestDays() {
        List<MutableDataset<Regressor>> days = new ArrayList<>();
        for (int d = 0; d < DAY_SIZES.length; d++) {
            days.add(process("two-output process, test day " + (d + 1) + " of " + DAY_SIZES.length, DAY_SIZES[d],
                    -2 + d, -1 + d, false, 32L + d));
        }
        return days;
    }

    /** A test batch in which the 'rate' sensor is stuck at {@link #STUCK_RATE}. */
    static MutableDataset<Regressor> processStuckRate() {
        return process("two-output process, test batch with the rate sensor stuck at " + STUCK_RATE, 50, -2, 2,
                true, 36L);
    }

    /**
     * {@code load = 5 + 3x - 2z + N(0, 1)} and {@code rate = 0.3 + 0.05x + 0.03z + N(0, 0.02)}: two outputs on very
     * different scales, with x uniform on {@code [xMin, xMax]} and z on [-2, 2].
     */
    private static MutableDataset<Regressor> process(String what, int n, double xMin, double xMax, boolean stuckRate,
            long seed) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance(String.format(
                Locale.ROOT, "%s: %d examples, load = 5 + 3x - 2z + N(0, 1), rate = 0.3 + 0.05x + 0.03z + "
                        + "N(0, 0.02), x in [%.0f, %.0f], z in [-2, 2], seed %d", what, n, xMin, xMax, seed),
                factory), factory);
        Random rng = new Random(seed);
        for (int i = 0; i < n; i++) {
            double x = xMin + (xMax - xMin) * rng.nextDouble();
            double z = -2 + 4 * rng.nextDouble();
            double load = 5 + 3 * x - 2 * z + rng.nextGaussian();
            double rate = 0.3 + 0.05 * x + 0.03 * z + 0.02 * rng.nextGaussian();
            Regressor y = new Regressor(new String[] {LOAD, RATE}, new double[] {load, stuckRate ? STUCK_RATE : rate});
            data.add(new ArrayExample<>(y, new String[] {"x", "z"}, new double[] {x, z}));
        }
        return data;
    }
}
