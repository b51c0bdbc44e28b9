package io.github.metricparity.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The few W3C WebDriver calls the browser test needs, spoken to chromedriver over HTTP (no Selenium, no
 * browser download). Chromium runs headless with the flags this machine needs (no sandbox as root, no background
 * networking on a closed network).
 */
final class WebDriverClient implements AutoCloseable {
    private static final String ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String session;

    /** Null when a browser and its chromedriver were found ({@link BrowserLocator}), else what is missing. */
    static String missing() {
        return BrowserLocator.missing();
    }

    WebDriverClient(Path profileDir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        driver = new ProcessBuilder(BrowserLocator.chromedriver().orElseThrow().toString(),
                "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        waitReady();
        Map<String, Object> options = Map.of("binary", BrowserLocator.browser().orElseThrow().toString(), "args",
                List.of("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1800", "--user-data-dir=" + profileDir));
        JsonNode created = call("POST", "/session", Map.of("capabilities",
                Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
        session = created.get("sessionId").asText();
    }

    private void waitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (call("GET", "/status", null).get("ready").asBoolean()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not start");
    }

    void open(URI page) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/url", Map.of("url", page.toString()));
    }

    /** Element ids of the elements matching a CSS selector. */
    List<String> find(String css) throws IOException, InterruptedException {
        JsonNode found = call("POST", "/session/" + session + "/elements", Map.of("using", "css selector", "value",
                css));
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode e : found) {
            ids.add(e.get(ELEMENT_KEY).asText());
        }
        return ids;
    }

    /** {width, height} of an element as laid out. */
    double[] size(String elementId) throws IOException, InterruptedException {
        JsonNode rect = call("GET", "/session/" + session + "/element/" + elementId + "/rect", null);
        return new double[] {rect.get("width").asDouble(), rect.get("height").asDouble()};
    }

    String text(String elementId) throws IOException, InterruptedException {
        return call("GET", "/session/" + session + "/element/" + elementId + "/text", null).asText();
    }

    /** Saves a PNG screenshot of the page. */
    void screenshot(Path png) throws IOException, InterruptedException {
        Files.write(png, Base64.getDecoder().decode(call("GET", "/session/" + session + "/screenshot", null).asText()));
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            req.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json");
        }
        HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(res.body()).get("value");
        if (res.statusCode() != 200) {
            throw new IOException("WebDriver " + method + " " + path + " -> " + res.statusCode() + ": " + value);
        }
        return value;
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the driver is killed below anyway
        } finally {
            driver.destroy();
        }
    }
}
