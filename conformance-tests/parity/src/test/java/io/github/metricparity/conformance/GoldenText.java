package io.github.metricparity.conformance;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Golden files written inline by the parity tests. */
final class GoldenText {
    private GoldenText() {
    }

    /** A format-1 golden file holding {@code cases} (JSON objects separated by commas). */
    static String file(String cases) {
        return "{\"format\": 1, \"source\": \"s\", \"cases\": [" + cases + "]}";
    }

    static List<GoldenCase> read(String json) {
        return GoldenReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }
}
