package io.github.metricparity.conformance.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The project's own golden files: every {@code golden/*.json} resource shipped in this module, in name order. */
public final class GoldenSets {
    /** The resource folder holding the golden files. */
    public static final String FOLDER = "golden";

    private GoldenSets() {
    }

    /** Every bundled case, file by file in name order. */
    public static List<GoldenCase> bundled() {
        List<GoldenCase> all = new ArrayList<>();
        for (String name : bundledFileNames()) {
            try (InputStream in = GoldenSets.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name)) {
                if (in == null) {
                    throw new GoldenFormatException(FOLDER + "/" + name + ": resource vanished");
                }
                all.addAll(GoldenReader.read(in, FOLDER + "/" + name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Collections.unmodifiableList(all);
    }

    /** The names of the bundled golden files, sorted. */
    public static List<String> bundledFileNames() {
        URL url = GoldenSets.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            return List.of();
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                try (FileSystem fs = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return list(fs.getPath(FOLDER));
                }
            }
            return list(Paths.get(url.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
