package io.github.metricparity.conformance.external;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A tiny external adapter for the protocol tests, run as its own process. It announces the id given with
 * {@code --adapter} (default {@code fake}) and the one metric {@code FakeSum}: the running sum of every {@code y_pred}
 * (or {@code values}) element times the config's {@code scale}; an update holding a negative number is refused.
 * Cases whose id starts with a keyword misbehave on purpose: {@code crash}, {@code hang}, {@code garbage},
 * {@code wrongid}, {@code unsupported}, {@code badconfig}, {@code error}. A request carrying anything the runner must
 * keep to itself ({@code expected}, {@code expect_error}, {@code tolerance}) is answered with an error.
 * {@code --no-hello} exits at once with code 7; {@code --bad-hello} greets in another protocol.
 */
public final class FakeExternalAdapter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeExternalAdapter() {
    }

    /** The command line starting this program in a new JVM, with {@code args}. */
    public static String command(String... args) {
        String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Stream.of(FakeExternalAdapter.class, ObjectMapper.class, JsonFactory.class,
                        JsonAutoDetect.class)
                .map(c -> {
                    try {
                        return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.joining(File.pathSeparator));
        return "'" + javaBin + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '" + classpath + "' "
                + FakeExternalAdapter.class.getName() + " " + String.join(" ", args);
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        String adapter = a.contains("--adapter") ? a.get(a.indexOf("--adapter") + 1) : "fake";
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (a.contains("--no-hello")) {
            System.err.println("fake: no hello today");
            System.exit(7);
        }
        System.err.println("fake: a line of start-up chatter on standard error");
        out.println(a.contains("--bad-hello") ? "{\"hello\": \"something-else\"}"
                : "{\"hello\": \"metricparity-external\", \"version\": 1, \"adapter\": \"" + adapter
                        + "\", \"about\": \"fake 1.0\", \"metrics\": [\"FakeSum\"]}");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            JsonNode c = JSON.readTree(line).get("case");
            String id = c.get("id").asText();
            if (id.startsWith("crash")) {
                System.err.println("fake: crashing on purpose");
                System.exit(3);
            } else if (id.startsWith("hang")) {
                Thread.sleep(Long.MAX_VALUE);
            } else if (id.startsWith("garbage")) {
                out.println("this is not a protocol message");
                continue;
            }
            out.println(JSON.writeValueAsString(reply(id, c, line)));
        }
    }

    private static ObjectNode reply(String id, JsonNode c, String line) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id.startsWith("wrongid") ? "another-id" : id);
        for (String secret : List.of("\"expected\"", "\"expect_error\"", "\"tolerance\"")) {
            if (line.contains(secret)) {
                return status(r, "error", "the request carries " + secret);
            }
        }
        if (id.startsWith("unsupported")) {
            return status(r, "unsupported", "fake cannot do this one");
        }
        if (id.startsWith("error")) {
            return status(r, "error", "fake failed inside");
        }
        JsonNode scaleNode = c.path("config").path("scale");
        if (id.startsWith("badconfig") || (!scaleNode.isMissingNode() && !scaleNode.isNumber())) {
            return status(r, "invalid_config", "scale must be a number");
        }
        double scale = scaleNode.isNumber() ? scaleNode.asDouble() : 1.0;
        double total = 0;
        ArrayNode results = r.put("status", "ok").putArray("results");
        JsonNode steps = c.get("steps");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            ObjectNode res = results.addObject().put("step", i);
            switch (step.get("op").asText()) {
                case "update": {
                    JsonNode inputs = step.has("values") ? step.get("values") : step.get("y_pred");
                    double sum = sum(inputs);
                    if (Double.isNaN(sum)) {
                        res.put("error", "fake refuses negative numbers");
                    } else {
                        total += sum * scale;
                    }
                    break;
                }
                case "result":
                    res.put("value", total);
                    break;
                default:
                    total = 0;
            }
        }
        return r;
    }

    /** The sum of the numbers in nested arrays, or NaN when one is negative. */
    private static double sum(JsonNode node) {
        if (node.isArray()) {
            double s = 0;
            for (JsonNode child : node) {
                s += sum(child);
            }
            return s;
        }
        return node.asDouble() < 0 ? Double.NaN : node.asDouble();
    }

    private static ObjectNode status(ObjectNode r, String status, String reason) {
        return r.put("status", status).put("reason", reason);
    }
}
