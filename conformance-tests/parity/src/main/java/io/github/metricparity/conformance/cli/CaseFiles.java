package io.github.metricparity.conformance.cli;

import io.github.metricparity.conformance.cli.ParityCli.UsageException;
import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenReader;
import io.github.metricparity.conformance.golden.GoldenSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The golden cases a command runs: the given files, or the bundled ones. */
final class CaseFiles {
    @Option(names = "--cases", paramLabel = "FILE", description = "golden cases to run instead of the project's own "
            + "(repeatable)")
    List<Path> files = new ArrayList<>();

    /** The cases of the given files, or the bundled ones when none is given. */
    List<GoldenCase> load() {
        if (files.isEmpty()) {
            return GoldenSets.bundled();
        }
        List<GoldenCase> cases = new ArrayList<>();
        for (Path p : files) {
            if (!Files.isRegularFile(p)) {
                throw new UsageException("--cases " + p + ": no such file");
            }
            cases.addAll(GoldenReader.read(p));
        }
        return cases;
    }
}
