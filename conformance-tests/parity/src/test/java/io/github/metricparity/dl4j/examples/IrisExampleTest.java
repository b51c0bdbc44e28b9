package io.github.metricparity.dl4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Iris example runs offline and prints Keras metrics equal to the reference provider's. */
class IrisExampleTest {

    @Test
    void printsKerasMetricsEqualToTheReferenceProvider() {
        List<String> lines = new ArrayList<>();
        IrisExample.Result r = IrisExample.run(12, lines::add);
        lines.forEach(System.out::println);
        assertEquals(150, IrisData.load().numExamples());
        assertEquals(r.reference().keySet(), r.keras().keySet());
        r.reference().forEach((name, expected) ->
                assertEquals(expected, r.keras().get(name), 1e-9 * Math.max(1, Math.abs(expected)), name));
        assertEquals(r.dl4j().get("accuracy"), r.keras().get("accuracy"), 1e-12, "argmax accuracy: the same rule");
        assertTrue(r.keras().get("accuracy") > 0.8, "the network learned Iris");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Epoch 12/12 - loss: ")));
        assertTrue(lines.get(lines.size() - 1).endsWith(": true"), lines.get(lines.size() - 1));
    }
}
