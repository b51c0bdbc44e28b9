package io.github.metricparity.conformance.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The output formats of {@code report} and {@code compare}, and where their files go by default. */
final class Formats {
    private Formats() {
    }

    /** An output format. Lower case: the names are what users type. */
    enum Format {
        console, html, json
    }

    /** {@code name} beside parity.jar, or under {@code target/} when run from classes. */
    static Path besideTheJar(String name) {
        try {
            Path location = Paths.get(ParityCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // parity.jar sits in target/, classes in target/classes: either way the output goes to target/
            return location.getParent().resolve(name);
        } catch (URISyntaxException | RuntimeException e) {
            return Paths.get("target", name);
        }
    }
}
