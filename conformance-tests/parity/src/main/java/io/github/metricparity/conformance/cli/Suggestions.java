package io.github.metricparity.conformance.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Did-you-mean: the known words closest to a mistyped one (edit distance at most a third of its length, or 2). */
final class Suggestions {
    private Suggestions() {
    }

    static List<String> closest(String typed, List<String> known) {
        String t = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        int limit = Math.max(2, t.length() / 3);
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String k : known) {
            int d = distance(t.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d > limit || d > best) {
                continue;
            }
            if (d < best) {
                out.clear();
                best = d;
            }
            out.add(k);
        }
        return out;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
