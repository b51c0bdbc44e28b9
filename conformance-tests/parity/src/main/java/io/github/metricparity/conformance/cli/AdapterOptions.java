package io.github.metricparity.conformance.cli;

import io.github.metricparity.conformance.cli.ParityCli.UsageException;
import io.github.metricparity.conformance.external.ExternalProcessDriver;
import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The adapters a command runs: those found with ServiceLoader, one of them, and external programs. */
final class AdapterOptions {
    @Option(names = "--adapter", paramLabel = "ID", description = "run only this adapter")
    String adapter;

    @Option(names = "--external", paramLabel = "CMD", description = "one more adapter: a program speaking "
            + "EXTERNAL-PROTOCOL.md on stdin/stdout (repeatable)")
    List<String> externals = new ArrayList<>();

    @Option(names = "--external-timeout", paramLabel = "SECONDS", converter = Seconds.class,
            description = "bounds an external program's hello line and each case (default: 60)")
    Duration externalTimeout = ExternalProcessDriver.DEFAULT_TIMEOUT;

    /** Starts the external programs, runs {@code command} with every driver, and stops them again. */
    int withDrivers(ToIntFunction<List<ConformanceDriver>> command) {
        List<ExternalProcessDriver> started = new ArrayList<>();
        try {
            for (String cmd : externals) {
                started.add(ExternalProcessDriver.start(cmd, externalTimeout));
            }
            return command.applyAsInt(Conformance.drivers(adapter, started));
        } finally {
            started.forEach(ExternalProcessDriver::close);
        }
    }

    /** Seconds, more than 0 and at most a day. */
    static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                double s = Double.parseDouble(text);
                if (s > 0 && s <= 86400) {
                    return Duration.ofMillis(Math.round(s * 1000));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("--external-timeout takes seconds (> 0), got '" + text + "'");
        }
    }
}
