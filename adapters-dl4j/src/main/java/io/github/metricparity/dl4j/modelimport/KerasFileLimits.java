package io.github.metricparity.dl4j.modelimport;

/**
 * Bounds on what a {@link KerasModelFile} reads, so that an untrusted file cannot exhaust memory or disk: a zip
 * bomb, a config of gigabytes, or a config that declares more parameters than any weight file holds are refused
 * with a {@link KerasModelFileException} before anything that large is allocated.
 *
 * @param maxConfigBytes  the most bytes of JSON read from a file ({@code config.json}, an HDF5 config attribute)
 * @param maxWeightBytes  the most bytes of weights unpacked from a {@code .keras} zip (into a temporary file) and
 *                        read as arrays
 * @param maxZipEntries   the most entries a {@code .keras} zip may hold
 * @param maxParameters   the most weight values a model may declare
 */
public record KerasFileLimits(long maxConfigBytes, long maxWeightBytes, int maxZipEntries, long maxParameters) {
    /** 16 MiB of config, 2 GiB of weights, 10,000 zip entries, 500 million parameters. */
    public static final KerasFileLimits DEFAULT = new KerasFileLimits(16L << 20, 2L << 30, 10_000, 500_000_000L);

    public KerasFileLimits {
        if (maxConfigBytes <= 0 || maxWeightBytes <= 0 || maxZipEntries <= 0 || maxParameters <= 0) {
            throw new IllegalArgumentException("every limit must be positive: " + maxConfigBytes + ", "
                    + maxWeightBytes + ", " + maxZipEntries + ", " + maxParameters);
        }
    }
}
