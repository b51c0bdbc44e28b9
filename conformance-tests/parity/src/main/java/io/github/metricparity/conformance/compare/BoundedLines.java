package io.github.metricparity.conformance.compare;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Refuses a line longer than {@value #MAX_LINE_CHARS} characters, so that a text file without line breaks (or with
 * one enormous field) cannot make a reader buffer it whole.
 */
final class BoundedLines extends FilterReader {
    /** Longer than any row of predictions a CSV or JSON-lines file holds in practice (10k values). */
    static final int MAX_LINE_CHARS = 1 << 20;

    private final Path file;
    private long line = 1;
    private int column;

    BoundedLines(Reader in, Path file) {
        super(in);
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            count(buf[off + i]);
        }
        return n;
    }

    private void count(char c) {
        if (c == '\n') {
            line++;
            column = 0;
        } else if (++column > MAX_LINE_CHARS) {
            throw CompareException.at(file, line, column, "line longer than " + MAX_LINE_CHARS
                    + " characters: not a file of one example per line (is it binary, or missing line breaks?)");
        }
    }
}
