package io.github.metricparity.dl4j.listener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code History.history}: for each logged name ({@code "loss"}, {@code "accuracy"}, {@code "val_loss"},
 * {@code "val_accuracy"}, ...) the value of every epoch, in epoch order. Written by {@link KerasProgressListener} on
 * the training thread; the accessors are synchronized and return copies, so other threads may read it while a
 * network trains.
 */
public final class KerasHistory {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private int epochs;

    /** Appends one epoch's logs. A name missing in an epoch gets NaN there, so every list has one value per epoch. */
    synchronized void append(Map<String, Double> logs) {
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            values.computeIfAbsent(e.getKey(), k -> new ArrayList<>(Collections.nCopies(epochs, Double.NaN)))
                    .add(e.getValue());
        }
        epochs++;
        for (List<Double> v : values.values()) {
            while (v.size() < epochs) {
                v.add(Double.NaN);
            }
        }
    }

    /** How many epochs were logged. */
    public synchronized int epochs() {
        return epochs;
    }

    /** The values of one name, one per epoch (empty for an unknown name). */
    public synchronized List<Double> get(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    /** The logs of one epoch (0-based), by name. */
    public synchronized Map<String, Double> epoch(int index) {
        if (index < 0 || index >= epochs) {
            throw new IndexOutOfBoundsException("epoch " + index + " of " + epochs);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.get(index)));
        return out;
    }

    /** Everything, as Keras's {@code history.history} dict: name to per-epoch values. */
    public synchronized Map<String, List<Double>> asMap() {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public synchronized String toString() {
        return values.toString();
    }
}
