package io.github.metricparity.keras.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.reliability.Batch;
import io.github.metricparity.keras.reliability.MetricInputs;
import io.github.metricparity.keras.reliability.Outcome;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@code Metric.update} of every catalog class (a valid config from
 * {@link io.github.metricparity.keras.reliability.MetricInputs}, some valid batches first) with arbitrary tensors:
 * any shapes of rank 0 to 3, labels, probabilities, logits, NaN, infinities, huge and tiny values, float32 or
 * float64 storage, with or without weights, in normal and strict diagnostics mode. The update is accepted, or
 * refused with {@link InvalidInputException} leaving state and result bit-for-bit unchanged; an accepted update
 * leaves a metric whose {@code result()} gives a value or a {@link MetricException}. Nothing else.
 */
class MetricUpdateFuzzTest {
    private static final List<String> CLASSES = KerasCatalog.classNames();

    @BeforeAll
    static void quiet() {
        Quiet.diagnostics();
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void update(FuzzedDataProvider data) {
        String cls = CLASSES.get(data.consumeInt(0, CLASSES.size() - 1));
        Random r = new Random(data.consumeLong());
        MetricInputs.Feed feed = MetricInputs.feed(cls, r);
        Metric m = KerasCatalog.byClassName(cls).create(feed.config());
        for (int i = data.consumeInt(0, 2); i > 0; i--) {
            feed.batch(r, r.nextInt(4), r.nextBoolean()).feed(m);
        }
        boolean valuesMetric = feed.batch(r, 1, false).yTrue() == null;
        int[] trueShape = ShapeRulesFuzzTest.shape(data, 3);
        int[] predShape = data.consumeBoolean() ? trueShape : ShapeRulesFuzzTest.shape(data, 3);
        Tensor yTrue = valuesMetric ? null : tensor(data, trueShape);
        Tensor yPred = tensor(data, predShape);
        Tensor weight = null;
        switch (data.consumeInt(0, 3)) {
            case 1:
                weight = tensor(data, new int[] {predShape.length == 0 ? 1 : predShape[0]});
                break;
            case 2:
                weight = tensor(data, ShapeRulesFuzzTest.shape(data, 3));
                break;
            case 3:
                weight = Tensor.scalar(data.consumeRegularDouble(-3, 3));
                break;
            default:
                break;
        }
        Batch batch = new Batch(yTrue, yPred, weight);

        MetricState before = m.snapshot();
        Outcome resultBefore = Outcome.of(m);
        boolean strict = data.consumeBoolean();
        Diagnostics.setStrict(strict);
        try {
            batch.feed(m);
        } catch (InvalidInputException e) {
            if (!before.equals(m.snapshot()) || !resultBefore.identicalTo(Outcome.of(m))) {
                throw new AssertionError(cls + feed.config() + ": a refused update changed the state: " + batch, e);
            }
            if (!e.getMessage().startsWith(cls)) {
                throw new AssertionError(cls + ": the message does not name the metric: " + e.getMessage(), e);
            }
            return;
        } finally {
            Diagnostics.setStrict(false);
        }
        try {
            m.result();
        } catch (MetricException e) {
            // e.g. IoU's result() with an axis Keras cannot reduce; the update itself was accepted
        }
    }

    /** Values drawn from one of several kinds, so that valid-looking inputs are common. */
    private static Tensor tensor(FuzzedDataProvider data, int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        int kind = data.consumeInt(0, 4);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case 0:
                    d[i] = data.consumeInt(-1, 4); // labels and ids, one out of range each way
                    break;
                case 1:
                    d[i] = data.consumeRegularDouble(0, 1); // probabilities
                    break;
                case 2:
                    d[i] = data.consumeRegularDouble(-8, 8); // logits and regression values
                    break;
                case 3:
                    d[i] = data.consumeDouble(); // anything: NaN, infinities, 1e308, subnormals
                    break;
                default:
                    d[i] = data.consumeBoolean() ? 0.0 : 1.0;
                    break;
            }
        }
        if (data.consumeBoolean()) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) d[i];
            }
            return Tensor.of(f, shape);
        }
        return Tensor.of(d, shape);
    }
}
