package io.github.metricparity.conformance.cli;

import io.github.metricparity.conformance.external.ExternalProcessDriver;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code parity adapters}: the adapters found on the class path and the external programs given. */
@Command(name = "adapters", mixinStandardHelpOptions = true,
        description = "Lists the adapters found on the class path, and the external programs given.")
final class AdaptersCommand implements Callable<Integer> {
    @ParentCommand
    ParityCli parent;

    @Mixin
    AdapterOptions adapters;

    @Override
    public Integer call() {
        PrintStream out = parent.out();
        return adapters.withDrivers(drivers -> {
            for (ConformanceDriver d : drivers) {
                if (d instanceof ExternalProcessDriver x) {
                    out.println(d.adapterId() + "  external: " + x.command() + (x.about() != null ? " (" + x.about()
                            + ")" : "") + (x.metrics() != null ? "; metrics: " + String.join(", ", x.metrics()) : ""));
                } else {
                    out.println(d.adapterId() + "  " + d.getClass().getName());
                }
            }
            return 0;
        });
    }
}
