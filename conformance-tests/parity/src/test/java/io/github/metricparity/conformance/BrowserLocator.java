package io.github.metricparity.conformance;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds Chromium or Chrome and its chromedriver wherever they are installed: the environment variables
 * {@code METRICPARITY_CHROME} / {@code METRICPARITY_CHROMEDRIVER} (also {@code CHROME_BIN} / {@code CHROMEDRIVER}),
 * then the usual command names on the PATH, then the usual install folders of Debian, Ubuntu's snap, Google's
 * packages, macOS and Windows.
 */
final class BrowserLocator {
    private static final List<String> BROWSER_VARIABLES = List.of("METRICPARITY_CHROME", "CHROME_BIN");
    private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome");
    private static final List<String> BROWSER_PATHS = List.of("/usr/lib/chromium/chromium", "/snap/bin/chromium",
            "/opt/google/chrome/chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    private static final List<String> DRIVER_VARIABLES = List.of("METRICPARITY_CHROMEDRIVER", "CHROMEDRIVER");
    private static final List<String> DRIVER_NAMES = List.of("chromedriver");
    private static final List<String> DRIVER_PATHS = List.of("/usr/lib/chromium/chromedriver",
            "/usr/lib/chromium-browser/chromedriver", "/snap/bin/chromium.chromedriver");

    private BrowserLocator() {
    }

    static Optional<Path> browser() {
        return find(BROWSER_VARIABLES, BROWSER_NAMES, BROWSER_PATHS);
    }

    static Optional<Path> chromedriver() {
        return find(DRIVER_VARIABLES, DRIVER_NAMES, DRIVER_PATHS);
    }

    /** What is missing, for a skip or failure message; null when both were found. */
    static String missing() {
        List<String> gone = new ArrayList<>();
        if (browser().isEmpty()) {
            gone.add("Chromium or Chrome (" + String.join(", ", BROWSER_NAMES) + " on the PATH, or "
                    + BROWSER_VARIABLES.get(0) + ")");
        }
        if (chromedriver().isEmpty()) {
            gone.add("chromedriver (on the PATH, or " + DRIVER_VARIABLES.get(0) + ")");
        }
        return gone.isEmpty() ? null : String.join(" and ", gone) + " not found";
    }

    private static Optional<Path> find(List<String> variables, List<String> names, List<String> paths) {
        for (String v : variables) {
            String value = System.getenv(v);
            if (value != null && !value.isBlank() && Files.isExecutable(Path.of(value))) {
                return Optional.of(Path.of(value));
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String name : names) {
                for (String dir : path.split(File.pathSeparator)) {
                    for (String suffix : List.of("", ".exe")) {
                        Path p = Path.of(dir.isEmpty() ? "." : dir, name + suffix);
                        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                            return Optional.of(p);
                        }
                    }
                }
            }
        }
        return paths.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
