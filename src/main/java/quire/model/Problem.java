package quire.model;

import java.util.Objects;

/**
 * Something wrong with one corpus file, for the problem report.
 *
 * @param path the file's path relative to the corpus folder, with {@code /} separators
 * @param message a plain sentence for the analyst, naming what is wrong
 */
public record Problem(String path, Severity severity, String message) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String path, String message) {
        return new Problem(path, Severity.ERROR, message);
    }

    public static Problem warning(String path, String message) {
        return new Problem(path, Severity.WARNING, message);
    }
}
