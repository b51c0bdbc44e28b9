package io.github.metricparity.conformance.external;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does for simple commands, without running a shell (so the
 * same {@code --external} string works on every OS and the started process is the program itself): words are
 * separated by blanks; {@code '...'} keeps everything literally; {@code "..."} keeps blanks and honours
 * {@code \"} and {@code \\}; outside quotes a backslash escapes the next character. No variables, globs, pipes or
 * redirections: wrap the command in {@code bash -c '...'} for those.
 */
public final class CommandLine {
    private CommandLine() {
    }

    /**
     * The words of {@code line}.
     *
     * @throws IllegalArgumentException for an unterminated quote or a trailing backslash, or when no word is left
     */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (ch == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ' in command: " + line);
                }
                word.append(line, i + 1, end);
                i = end;
            } else if (ch == '"') {
                i = doubleQuoted(line, i + 1, word);
            } else if (ch == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("trailing backslash in command: " + line);
                }
                word.append(line.charAt(++i));
            } else {
                word.append(ch);
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        return words;
    }

    /** Appends a double-quoted part starting at {@code from}; returns the index of its closing quote. */
    private static int doubleQuoted(String line, int from, StringBuilder word) {
        for (int i = from; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                return i;
            }
            if (ch == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(++i));
            } else {
                word.append(ch);
            }
        }
        throw new IllegalArgumentException("unterminated \" in command: " + line);
    }
}
