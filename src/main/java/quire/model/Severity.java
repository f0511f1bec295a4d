package quire.model;

import java.util.Locale;

/** How bad a problem with a corpus file is: an error means nothing (more) was taken from it. */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
