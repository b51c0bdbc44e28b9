package io.github.metricparity.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenFormatException;
import io.github.metricparity.conformance.golden.GoldenReader;
import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.GoldenRunner;
import io.github.metricparity.conformance.tck.ReferenceDriver;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed or hostile golden files give a GoldenFormatException or a failed case, never a crash. */
class GoldenRobustnessTest {

    private static List<GoldenCase> read(String json) {
        return GoldenReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }

    /** The shape came from the first element at each depth: 216^4 overflowed int (NegativeArraySizeException). */
    @Test
    void aRaggedArrayWhoseFirstElementsClaimAHugeShapeIsRefused() {
        String row = "[" + String.join(",", Collections.nCopies(216, "0")) + "]";
        String rest = "," + String.join(",", Collections.nCopies(215, "0")) + "]";
        String values = "[[[" + row + rest + rest + rest;
        GoldenFormatException e = assertThrows(GoldenFormatException.class, () -> read("{\"format\": 1, \"cases\": "
                + "[{\"id\": \"big\", \"metric\": \"Mean\", \"steps\": [{\"op\": \"update\", \"values\": " + values
                + "}]}]}"));
        assertTrue(e.getMessage().contains("case 'big': steps[0]: field 'values' is not a regular nested array"),
                e::getMessage);
    }

    /** "accuracy" is resolved from the first update's shapes; scalars have none: a failed case, not an exception. */
    @Test
    void accuracyWithScalarInputsIsAFailedCase() {
        GoldenCase c = read("{\"format\": 1, \"cases\": [{\"id\": \"s\", \"metric\": \"accuracy\", \"steps\": "
                + "[{\"op\": \"update\", \"y_true\": [[1], [0]], \"y_pred\": 0.5}]}]}").get(0);
        CaseResult r = GoldenRunner.run(c, new ReferenceDriver());
        assertEquals(CaseResult.Status.FAILED, r.status());
        assertTrue(r.describe().contains("resolving accuracy failed"), r::describe);
    }
}
