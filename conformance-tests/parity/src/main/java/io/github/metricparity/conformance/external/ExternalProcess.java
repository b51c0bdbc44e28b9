package io.github.metricparity.conformance.external;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running external program: lines written to its standard input, lines read from its standard output with a
 * timeout (a reader thread feeds a queue, so a silent program never blocks the caller), and the end of its standard
 * error kept for messages (drained continuously, so a chatty program never blocks on a full pipe).
 */
final class ExternalProcess implements AutoCloseable {
    /** How much of the standard error is kept for messages. */
    private static final int STDERR_TAIL = 2000;
    /** Queued after the last line of standard output. */
    private static final String EOF = new String("<eof>");

    private final String command;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final StringBuilder stderrTail = new StringBuilder();
    private final Thread stderrPump;

    private ExternalProcess(String command, Process process) {
        this.command = command;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread out = new Thread(this::pumpStdout, "external-stdout " + command);
        out.setDaemon(true);
        out.start();
        stderrPump = new Thread(this::pumpStderr, "external-stderr " + command);
        stderrPump.setDaemon(true);
        stderrPump.start();
    }

    /** Starts {@code words} (program and arguments) with {@code command} as its name in messages. */
    static ExternalProcess start(String command, List<String> words) {
        try {
            return new ExternalProcess(command, new ProcessBuilder(words).start());
        } catch (IOException e) {
            throw new ExternalAdapterException("cannot start external adapter '" + command + "': " + e.getMessage(), e);
        }
    }

    private void pumpStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                stdout.add(line);
            }
        } catch (IOException e) {
            // the stream closes when the process is stopped: the same as its end
        } finally {
            stdout.add(EOF);
        }
    }

    private void pumpStderr() {
        byte[] buf = new byte[4096];
        try (InputStream in = process.getErrorStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                synchronized (stderrTail) {
                    stderrTail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (stderrTail.length() > 2 * STDERR_TAIL) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException e) {
            // as above: the process is gone
        }
    }

    /** Writes one line (and flushes). */
    void send(String line) {
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new ExternalAdapterException("could not write to external adapter '" + command + "': "
                    + e.getMessage() + exitDescription(), e);
        }
    }

    /**
     * The next line of standard output.
     *
     * @return the line, or null when none came within {@code timeout}
     * @throws ExternalAdapterException when the output ended (the process exited or closed it)
     */
    String receive(Duration timeout) {
        String line;
        try {
            line = stdout.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalAdapterException("interrupted while waiting for external adapter '" + command + "'", e);
        }
        if (line == EOF) {
            stdout.add(EOF);
            throw new ExternalAdapterException("external adapter '" + command + "' closed its output"
                    + exitDescription());
        }
        return line;
    }

    /** ", it exited with code N; its standard error ends with: ..." as far as known. */
    String exitDescription() {
        StringBuilder sb = new StringBuilder();
        try {
            // give a dying process a moment, so the message can carry its exit code and last words
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                sb.append("; it exited with code ").append(process.exitValue());
                stderrPump.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String tail = stderrTail();
        if (!tail.isEmpty()) {
            sb.append("; its standard error ends with: ").append(tail);
        }
        return sb.toString();
    }

    /** The last characters of standard error, trimmed. */
    String stderrTail() {
        synchronized (stderrTail) {
            int from = Math.max(0, stderrTail.length() - STDERR_TAIL);
            return stderrTail.substring(from).trim();
        }
    }

    /** Closes its input (the protocol's "goodbye"), waits briefly, then stops it and whatever it started. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Stops it at once (after a timeout or a protocol violation: it cannot be trusted to read on). */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
