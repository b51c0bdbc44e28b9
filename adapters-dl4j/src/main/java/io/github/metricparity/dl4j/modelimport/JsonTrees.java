package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.core.type.TypeReference;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * JSON from model files, read as untrusted input: nesting deeper than {@link #MAX_DEPTH} is refused before the
 * parser (which recurses) sees it, so a file of brackets cannot overflow the stack. Stateless.
 */
final class JsonTrees {
    /** Keras configs nest a dozen levels; a nested model a few dozen more. */
    static final int MAX_DEPTH = 256;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonTrees() {
    }

    /**
     * A JSON object.
     *
     * @param what names the JSON in messages ("config.json")
     * @throws IOException if it is malformed, nests too deep, or is not an object
     */
    static Map<String, Object> parseObject(String json, String what) throws IOException {
        checkDepth(json, what);
        Object parsed;
        try {
            parsed = MAPPER.readValue(json, new TypeReference<Object>() {
            });
        } catch (JsonProcessingException e) {
            throw new IOException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(what + " is not valid JSON: " + e, e);
        }
        if (!(parsed instanceof Map)) {
            throw new IOException(what + " is not a JSON object");
        }
        return asMap(parsed);
    }

    private static void checkDepth(String json, String what) throws IOException {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new IOException(what + " nests deeper than " + MAX_DEPTH + " levels");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** A JSON object member that must be an object (or absent: an empty map). */
    static Map<String, Object> map(Map<String, Object> parent, String key, String where) throws IOException {
        Object v = parent.get(key);
        if (v == null) {
            return new LinkedHashMap<>();
        }
        if (!(v instanceof Map)) {
            throw new IOException(where + ": '" + key + "' is not a JSON object");
        }
        return asMap(v);
    }

    /** A JSON object member that must be a list (or absent: an empty list). */
    static List<Object> list(Map<String, Object> parent, String key, String where) throws IOException {
        Object v = parent.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List)) {
            throw new IOException(where + ": '" + key + "' is not a JSON list");
        }
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) v;
        return l;
    }
}
