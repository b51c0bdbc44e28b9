package io.github.metricparity.conformance.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Examples from NumPy arrays read row by row in lockstep: {@code y_true}, {@code y_pred} and optionally
 * {@code sample_weight}, each of shape {@code (N, ...)} with the same N. Either three {@code .npy} files
 * ({@code np.save}) or one {@code .npz} archive holding them under those names ({@code np.savez("data.npz",
 * y_true=y, y_pred=model.predict(x))}, compressed or not). For a model with several outputs the archive holds each
 * output's arrays under the prefix {@code <output>/} ({@code np.savez("data.npz", **{"cls/y_true": y1, "cls/y_pred":
 * p1, "reg/y_true": y2, "reg/y_pred": p2, "sample_weight": w})}); {@code sample_weight} has none. This reader reads one
 * output's arrays.
 */
final class NpyExamples implements ExampleSource {
    static final String Y_TRUE = "y_true";
    static final String Y_PRED = "y_pred";
    static final String SAMPLE_WEIGHT = "sample_weight";

    private final List<Path> files;
    private final long totalBytes;
    private final List<CountingInput> counters = new ArrayList<>();
    private final ZipFile zip;
    private final NpyArray yTrue;
    private final NpyArray yPred;
    private final NpyArray weights;
    private final long rows;
    private long row;

    private NpyExamples(List<Path> files, ZipFile zip, Opener opener) throws IOException {
        this.files = List.copyOf(files);
        this.zip = zip;
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        this.totalBytes = total;
        this.yTrue = opener.open(Y_TRUE, true);
        this.yPred = opener.open(Y_PRED, true);
        this.weights = opener.open(SAMPLE_WEIGHT, false);
        this.rows = yTrue.rows();
        check(yPred);
        if (weights != null) {
            check(weights);
            if (weights.rowShape().length != 0) {
                throw new CompareException(name(SAMPLE_WEIGHT) + ": shape " + weights.shapeText()
                        + ": sample_weight needs one weight per example, shape (N,)");
            }
        }
    }

    /** Opens one array by its name; null when an optional one is absent. */
    private interface Opener {
        NpyArray open(String array, boolean required) throws IOException;
    }

    /** Three {@code .npy} files; {@code weights} may be null. */
    static NpyExamples ofFiles(Path yTrue, Path yPred, Path weights) {
        List<Path> files = new ArrayList<>(List.of(yTrue, yPred));
        if (weights != null) {
            files.add(weights);
        }
        List<CountingInput> counters = new ArrayList<>();
        try {
            NpyExamples x = new NpyExamples(files, null, (array, required) -> {
                Path f = array.equals(Y_TRUE) ? yTrue : array.equals(Y_PRED) ? yPred : weights;
                if (f == null) {
                    return null;
                }
                CountingInput in = new CountingInput(Files.newInputStream(f));
                counters.add(in);
                return new NpyArray(f.toString(), in, Files.size(f));
            });
            x.counters.addAll(counters);
            return x;
        } catch (IOException e) {
            throw new CompareException("cannot read " + files + ": " + e.getMessage(), e);
        }
    }

    /** One {@code .npz} archive with entries {@code y_true.npy}, {@code y_pred.npy}, {@code sample_weight.npy}. */
    static NpyExamples ofNpz(Path npz) {
        return ofNpz(npz, "");
    }

    /** One output's arrays of a {@code .npz} archive; {@code prefix} is {@code <output>/} or empty. */
    static NpyExamples ofNpz(Path npz, String prefix) {
        ZipFile zip;
        try {
            zip = new ZipFile(npz.toFile());
        } catch (ZipException e) {
            throw CompareException.in(npz, "not a .npz archive (" + e.getMessage() + "); write it with np.savez");
        } catch (IOException e) {
            throw CompareException.in(npz, "cannot read: " + e.getMessage());
        }
        List<CountingInput> counters = new ArrayList<>();
        try {
            NpyExamples x = new NpyExamples(List.of(npz), zip, (array, required) -> {
                String key = array.equals(SAMPLE_WEIGHT) ? array : prefix + array;
                ZipEntry entry = zip.getEntry(key + ".npy");
                if (entry == null) {
                    if (required) {
                        List<String> names = new ArrayList<>();
                        Collections.list(zip.entries()).forEach(e -> names.add(e.getName()));
                        throw CompareException.in(npz, "no array '" + key + "' (it holds " + names
                                + "): np.savez(file, y_true=..., y_pred=..., sample_weight=...)");
                    }
                    return null;
                }
                InputStream raw = zip.getInputStream(entry);
                CountingInput in = new CountingInput(raw);
                counters.add(in);
                return new NpyArray(npz + ":" + entry.getName(), in, entry.getSize());
            });
            x.counters.addAll(counters);
            return x;
        } catch (IOException e) {
            closeQuietly(zip);
            throw CompareException.in(npz, "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private void check(NpyArray a) {
        if (a.rows() != rows) {
            throw new CompareException(name(Y_TRUE) + " has " + rows + " rows (shape " + yTrue.shapeText() + ") but "
                    + "another array has " + a.rows() + " (shape " + a.shapeText() + "): one row per example in each");
        }
    }

    private String name(String array) {
        return zip != null ? files.get(0) + ":" + array + ".npy" : array;
    }

    @Override
    public int[] yTrueRow() {
        return yTrue.rowShape();
    }

    @Override
    public int[] yPredRow() {
        return yPred.rowShape();
    }

    @Override
    public boolean weighted() {
        return weights != null;
    }

    @Override
    public int read(Batch b) {
        int n = 0;
        try {
            while (n < b.capacity && row < rows) {
                yTrue.readRow(b.yTrue, n * b.yTrueWidth());
                yPred.readRow(b.yPred, n * b.yPredWidth());
                if (weights != null) {
                    weights.readRow(b.weights, n);
                }
                n++;
                row++;
            }
        } catch (ZipException e) {
            throw new CompareException(files.get(0) + ": corrupt archive entry at row " + row + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CompareException(files + ": cannot read row " + row + ": " + e.getMessage());
        }
        b.rows = n;
        return n;
    }

    @Override
    public List<Path> files() {
        return files;
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public long bytesRead() {
        return counters.stream().mapToLong(CountingInput::count).sum();
    }

    @Override
    public void close() {
        for (NpyArray a : new NpyArray[] {yTrue, yPred, weights}) {
            if (a != null) {
                try {
                    a.close();
                } catch (IOException e) {
                    // read-only
                }
            }
        }
        if (zip != null) {
            closeQuietly(zip);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only
        }
    }
}
