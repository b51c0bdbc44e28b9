package io.github.metricparity.spi.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** "Did you mean" for a misspelt name: the valid names closest to it, for error messages. */
public final class Suggestions {
    private static final int MAX = 3;

    private Suggestions() {
    }

    /**
     * The valid names nearest to {@code given} (case ignored; a typo, a missing, extra or swapped letter per three
     * letters), nearest first, at most three; empty when none is near.
     */
    public static List<String> closest(String given, Collection<String> valid) {
        String g = given.toLowerCase(Locale.ROOT).trim();
        int limit = Math.max(1, g.length() / 3);
        long best = Long.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String v : new TreeSet<>(valid)) {
            int d = distance(g, v.toLowerCase(Locale.ROOT));
            if (d > limit) {
                continue;
            }
            // nearest ignoring case first; among those, the nearest in case too ('accuracy' before 'Accuracy')
            long rank = (long) d << 32 | distance(given.trim(), v);
            if (rank > best) {
                continue;
            }
            if (rank < best) {
                best = rank;
                out.clear();
            }
            out.add(v);
        }
        return out.size() > MAX ? out.subList(0, MAX) : out;
    }

    /** {@code " (did you mean 'x'?)"} for the closest names, or "" when none is near. */
    public static String didYouMean(String given, Collection<String> valid) {
        List<String> near = closest(given, valid);
        if (near.isEmpty()) {
            return "";
        }
        return " (did you mean '" + String.join("' or '", near) + "'?)";
    }

    /** Edit distance counting a swap of neighbours as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
