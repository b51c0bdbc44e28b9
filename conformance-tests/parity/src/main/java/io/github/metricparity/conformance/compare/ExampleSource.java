package io.github.metricparity.conformance.compare;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;

/**
 * Examples streamed from files: targets, predictions and optional sample weights, a batch at a time, so that a file
 * of any length is read in constant memory. Row shapes are known once the source is open (from a header or the
 * first row); every later row must have them.
 */
interface ExampleSource extends Closeable {

    /** The shape of one row of {@code y_true} ({@code []} for a column of scalars). */
    int[] yTrueRow();

    /** The shape of one row of {@code y_pred}. */
    int[] yPredRow();

    /** Whether rows carry a {@code sample_weight}. */
    boolean weighted();

    /**
     * Fills {@code batch} with up to its capacity of rows.
     *
     * @return the number of rows read; 0 at the end
     * @throws CompareException naming the file, line and column of a malformed row
     */
    int read(Batch batch);

    /** The files read, for messages and the report. */
    List<Path> files();

    /** Bytes of input in all (for the progress bar), or -1 when unknown. */
    long totalBytes();

    /** Bytes consumed so far. */
    long bytesRead();

    @Override
    void close();
}
