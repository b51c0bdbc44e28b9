package io.github.metricparity.conformance.external;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenStep;
import io.github.metricparity.conformance.run.CaseDriver;
import io.github.metricparity.conformance.run.ReplayMetric;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.conformance.tck.NotExpressibleException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An adapter living in another process: any program speaking the JSON-lines protocol of
 * {@code conformance-tests/EXTERNAL-PROTOCOL.md} ({@link ExternalProtocol}) is checked like a JVM adapter, under the
 * id its hello line announces. Each golden case is one request and one reply; the runner replays the reply's step
 * outcomes through its usual rules ({@link CaseDriver}).
 *
 * <p>Failures of the process never hang or abort a run: a case the program does not answer within the timeout, or
 * during which it exits or breaks the protocol, fails with a message saying so; the program is then stopped and
 * started afresh for the next case. After {@value #MAX_CONSECUTIVE_FAILURES} such failures in a row it is given up,
 * and the remaining cases fail at once with the last message.
 *
 * <p>{@link #open} gives a step-by-step handle too ({@link SteppedExternalMetric}), for callers other than the
 * golden runner. Instances are thread-safe (one request at a time) and must be {@linkplain #close closed}.
 */
public final class ExternalProcessDriver implements CaseDriver, AutoCloseable {
    /** Default time a program has to answer one case. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** The least time a program has for its hello line (loading a library can take a while). */
    public static final Duration MIN_STARTUP_TIMEOUT = Duration.ofSeconds(30);
    /** Process failures in a row after which the program is given up for the rest of the run. */
    public static final int MAX_CONSECUTIVE_FAILURES = 3;

    private final String command;
    private final List<String> words;
    private final Duration timeout;
    private final ExternalProtocol.Hello hello;
    private ExternalProcess process;
    private int consecutiveFailures;
    private String gaveUp;
    private int openCount;

    private ExternalProcessDriver(String command, Duration timeout) {
        this.command = command;
        this.words = CommandLine.split(command);
        this.timeout = timeout;
        this.process = ExternalProcess.start(command, words);
        this.hello = handshake(process);
    }

    /**
     * Starts the program and reads its hello line.
     *
     * @param command the command line, split with {@link CommandLine}
     * @param timeout how long the program has for each case, and for its hello line (at least
     *                {@link #MIN_STARTUP_TIMEOUT})
     * @throws ExternalAdapterException if it cannot be started or its hello is missing or malformed
     * @throws IllegalArgumentException if the command line cannot be split
     */
    public static ExternalProcessDriver start(String command, Duration timeout) {
        return new ExternalProcessDriver(command, timeout);
    }

    /** {@link #start(String, Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public static ExternalProcessDriver start(String command) {
        return start(command, DEFAULT_TIMEOUT);
    }

    private ExternalProtocol.Hello handshake(ExternalProcess p) {
        try {
            Duration startup = timeout.compareTo(MIN_STARTUP_TIMEOUT) > 0 ? timeout : MIN_STARTUP_TIMEOUT;
            String line = p.receive(startup);
            if (line == null) {
                throw new ExternalAdapterException("external adapter '" + command + "' wrote no hello line within "
                        + startup.toSeconds() + " s" + p.exitDescription());
            }
            return ExternalProtocol.hello(line);
        } catch (ExternalAdapterException e) {
            p.kill();
            throw e.getMessage().startsWith("protocol violation")
                    ? new ExternalAdapterException("external adapter '" + command + "': " + e.getMessage()) : e;
        }
    }

    @Override
    public String adapterId() {
        return hello.adapter();
    }

    /** The Keras class names the program announced, or null when it announced none (every case is sent). */
    public Set<String> metrics() {
        return hello.metrics();
    }

    /** The program's own description from its hello line, or null. */
    public String about() {
        return hello.about();
    }

    /** The command line it was started with. */
    public String command() {
        return command;
    }

    @Override
    public Metric runCase(GoldenCase c, String className, Map<String, Object> config) {
        ExternalProtocol.Reply reply = call(c.id(), className, config, c.steps());
        return new ReplayMetric(className, config, c.steps(), reply.outcomes());
    }

    @Override
    public Metric open(String metric, Map<String, ?> config) {
        @SuppressWarnings("unchecked")
        Map<String, Object> cfg = (Map<String, Object>) config;
        String id;
        synchronized (this) {
            id = "open-" + (++openCount);
        }
        SteppedExternalMetric m = new SteppedExternalMetric(this, id, metric, cfg);
        // an empty case: the program refuses the metric or its config now, as open() must
        call(id + ".create", metric, cfg, List.of());
        return m;
    }

    /**
     * Sends one case and reads its reply; a non-OK status becomes the exception the runner expects for it.
     *
     * @throws NotExpressibleException the metric is not announced, or the program answered unsupported
     * @throws InvalidConfigException  the program refused the config
     * @throws ExternalAdapterException the program reported an error, or failed as a process
     */
    ExternalProtocol.Reply call(String id, String className, Map<String, Object> config, List<GoldenStep> steps) {
        if (hello.metrics() != null && !hello.metrics().contains(className)) {
            throw new NotExpressibleException(className + " is not among the metrics external adapter '"
                    + adapterId() + "' announces");
        }
        ExternalProtocol.Reply reply = exchange(id, ExternalProtocol.request(id, className, config, steps), steps);
        switch (reply.status()) {
            case UNSUPPORTED:
                throw new NotExpressibleException(reply.reason());
            case INVALID_CONFIG:
                throw new InvalidConfigException(className + " " + config + ": " + reply.reason());
            case ERROR:
                throw new ExternalAdapterException("external adapter '" + adapterId() + "' reported an error on case '"
                        + id + "': " + reply.reason());
            default:
                return reply;
        }
    }

    private synchronized ExternalProtocol.Reply exchange(String id, String request, List<GoldenStep> steps) {
        if (gaveUp != null) {
            throw new ExternalAdapterException(gaveUp);
        }
        try {
            ExternalProcess p = running();
            p.send(request);
            String line = p.receive(timeout);
            if (line == null) {
                throw new ExternalAdapterException("external adapter '" + adapterId() + "' did not answer case '" + id
                        + "' within " + seconds() + "; the process was stopped");
            }
            ExternalProtocol.Reply reply = ExternalProtocol.reply(line, id, steps);
            consecutiveFailures = 0;
            return reply;
        } catch (ExternalAdapterException e) {
            // the process is dead, hung or out of step: start afresh for the next case
            if (process != null) {
                process.kill();
                process = null;
            }
            String message = e.getMessage().startsWith("protocol violation")
                    ? "external adapter '" + adapterId() + "', case '" + id + "': " + e.getMessage() : e.getMessage();
            if (++consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                gaveUp = "external adapter '" + adapterId() + "' was given up after " + consecutiveFailures
                        + " failures in a row; the last: " + message;
            }
            throw new ExternalAdapterException(message, e);
        }
    }

    /** The running process, restarted (with a fresh handshake) after a failure. */
    private ExternalProcess running() {
        if (process == null) {
            ExternalProcess p = ExternalProcess.start(command, words);
            ExternalProtocol.Hello again = handshake(p);
            if (!again.adapter().equals(hello.adapter())) {
                p.kill();
                throw new ExternalAdapterException("external adapter '" + command + "' restarted as '"
                        + again.adapter() + "' instead of '" + hello.adapter() + "'");
            }
            process = p;
        }
        return process;
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** Closes the program's input (it should exit) and stops it if it does not. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.close();
            process = null;
        }
        gaveUp = "external adapter '" + adapterId() + "' was closed";
    }

    @Override
    public String toString() {
        return "external adapter '" + adapterId() + "' (" + command + ")";
    }
}
