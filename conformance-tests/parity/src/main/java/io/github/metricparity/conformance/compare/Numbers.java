package io.github.metricparity.conformance.compare;

import java.nio.file.Path;
import java.util.Locale;

/** Numbers in text files as Python writes them ({@code nan}, {@code inf}, {@code -inf}, {@code True}/{@code False}). */
final class Numbers {
    private Numbers() {
    }

    static double parse(String text, Path file, long line, long column) {
        String t = text.trim();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "infinity":
            case "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "true":
                return 1;
            case "false":
                return 0;
            default:
                break;
        }
        if (t.isEmpty() || t.length() > 64) {
            throw CompareException.at(file, line, column, t.isEmpty() ? "empty field where a number belongs"
                    : "not a number: '" + t.substring(0, 32) + "...'");
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw CompareException.at(file, line, column, "not a number: '" + t + "'");
        }
    }
}
