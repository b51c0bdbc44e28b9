package io.github.metricparity.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.conformance.cli.ParityCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the main job writes the HTML report, headless Chromium or Chrome with its chromedriver (found by
 * {@link BrowserLocator}; .ci/run installs Debian's chromium and chromium-driver when none is found; under
 * {@code CI=true} a missing browser fails the test) opens it, the matrix and the chart must be laid out with a size,
 * and a screenshot
 * is saved to target/parity-report-screenshot.png.
 */
class ReportInBrowserTest {
    @TempDir
    Path profile;

    @Test
    void theReportRendersInChromium() throws Exception {
        String missing = WebDriverClient.missing();
        CiRequirement.require(missing == null, missing);
        Path out = Paths.get("target", "browser-report");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = new ParityCli(new PrintStream(console, true, StandardCharsets.UTF_8), System.err)
                .run(new String[] {"report", "--out", out.toString(), "--format", "html"});
        assertEquals(0, code, console.toString(StandardCharsets.UTF_8));
        Path html = out.resolve("report.html").toAbsolutePath();
        assertTrue(Files.isRegularFile(html));

        try (WebDriverClient browser = new WebDriverClient(profile)) {
            browser.open(html.toUri());
            List<String> matrix = browser.find("table#matrix");
            assertEquals(1, matrix.size(), "the matrix table");
            double[] matrixSize = browser.size(matrix.get(0));
            assertTrue(matrixSize[0] > 100 && matrixSize[1] > 20, "matrix laid out: " + matrixSize[0] + "x"
                    + matrixSize[1]);
            assertFalse(browser.find("table#matrix tbody tr").isEmpty(), "one row per metric");
            List<String> chart = browser.find("svg#disagreement-chart");
            assertEquals(1, chart.size(), "the chart");
            double[] chartSize = browser.size(chart.get(0));
            assertTrue(chartSize[0] > 300 && chartSize[1] > 40, "chart laid out: " + chartSize[0] + "x" + chartSize[1]);
            assertTrue(browser.text(browser.find("#summary").get(0)).contains("passed"));
            Path png = Paths.get("target", "parity-report-screenshot.png");
            browser.screenshot(png);
            assertTrue(Files.size(png) > 10_000, "a real screenshot");
        }
    }
}
