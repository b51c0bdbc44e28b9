package io.github.metricparity.keras.reliability;

import io.github.metricparity.spi.Checkpoint;
import io.github.metricparity.spi.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An evaluation job for {@link CheckpointTest}, run in its own JVM and killed midway: for every catalog class it
 * feeds the batches of {@link #stream} one at a time and saves a checkpoint after each, until it is killed.
 *
 * <p>Arguments: the checkpoint directory, then the class names.
 */
public final class CheckpointWorker {
    /** Batches per class. */
    static final int BATCHES = 40;
    static final long SEED = 20261123L;

    private CheckpointWorker() {
    }

    /** The deterministic batch stream of a class (the same in the worker and in the test). */
    static Scenario stream(String className) {
        Scenario s = Scenario.random(className, SEED ^ className.hashCode());
        java.util.Random r = new java.util.Random(SEED + className.hashCode());
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            // non-empty, weighted batches: every prefix of the stream has a distinct state
            batches.add(s.feed().batch(r, 1 + r.nextInt(6), r.nextBoolean()));
        }
        return new Scenario(className, s.seed(), s.feed(), List.copyOf(batches));
    }

    /** The checkpoint file of a class. */
    static Path file(Path dir, String className) {
        return dir.resolve(className + ".json");
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Scenario> jobs = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Scenario s = stream(args[i]);
            jobs.add(s);
            metrics.add(s.newMetric());
        }
        for (int b = 0; b < BATCHES; b++) {
            for (int j = 0; j < jobs.size(); j++) {
                jobs.get(j).batches().get(b).feed(metrics.get(j));
                Checkpoint.save(metrics.get(j), file(dir, jobs.get(j).className()));
            }
            if (b == 0) {
                System.out.println("saving");
                System.out.flush();
            }
        }
        System.out.println("finished");
        System.out.flush();
        Files.writeString(dir.resolve("finished"), "");
        Thread.sleep(60_000); // wait to be killed
    }
}
