package io.github.metricparity.keras.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.metricparity.keras.ReferenceProvider;
import io.github.metricparity.spi.Checkpoint;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.MetricRegistry;
import io.github.metricparity.spi.MetricState;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the checkpoint reader (the strict JSON codec and {@code MetricState.fromMap}) with arbitrary text: a
 * document is read into a state or refused with {@link MetricException}, never another exception or a hang; a
 * state that was read writes back to a document that reads to the same state; resuming it gives a metric or a
 * {@link MetricException}.
 */
class CheckpointFuzzTest {
    private static final MetricRegistry REGISTRY = MetricRegistry.of(new ReferenceProvider());

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void read(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        MetricState state;
        try {
            state = Checkpoint.fromJson(json);
        } catch (MetricException e) {
            return;
        }
        MetricState again = Checkpoint.fromJson(Checkpoint.toJson(state));
        if (!state.equals(again)) {
            throw new AssertionError("write/read changed the state: " + state + " -> " + again);
        }
        try {
            Checkpoint.resume(state, REGISTRY).result();
        } catch (MetricException e) {
            // an unknown class, a config the class refuses, variables that do not fit, or a result Keras refuses
        }
    }
}
