package quire.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The window's remembered state (size, dividers, theme, font size, recent corpora) in one small
 * properties file, so tests can point it at a temporary folder instead of the user's home. Used on
 * the JavaFX thread only.
 */
public final class Settings {
    private static final System.Logger LOG = System.getLogger(Settings.class.getName());
    /** How many recent corpora the File menu offers. */
    public static final int MAX_RECENT = 10;

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** Loads the settings kept in {@code file}; a missing or unreadable file gives defaults. */
    public static Settings load(Path file) {
        Objects.requireNonNull(file, "file");
        Settings settings = new Settings(file);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot read the window settings at " + file + "; using defaults", e);
            }
        }
        return settings;
    }

    /** Writes the settings; failing to is logged, never fatal. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(out, "Quire window settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot save the window settings at " + file, e);
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public double getDouble(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void put(String key, String value) {
        values.setProperty(key, value);
    }

    public void putDouble(String key, double value) {
        values.setProperty(key, Double.toString(value));
    }

    /** Recent corpora, most recent first. */
    public List<Path> recentCorpora() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            get("recent." + i).map(Path::of).ifPresent(recent::add);
        }
        return recent;
    }

    /** Puts {@code corpus} first in the recent list, dropping the oldest beyond {@link #MAX_RECENT}. */
    public void addRecentCorpus(Path corpus) {
        Path absolute = corpus.toAbsolutePath().normalize();
        List<Path> recent = new ArrayList<>(recentCorpora());
        recent.remove(absolute);
        recent.add(0, absolute);
        setRecent(recent);
    }

    public void removeRecentCorpus(Path corpus) {
        List<Path> recent = new ArrayList<>(recentCorpora());
        recent.remove(corpus);
        setRecent(recent);
    }

    private void setRecent(List<Path> recent) {
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < recent.size()) {
                values.setProperty("recent." + i, recent.get(i).toString());
            } else {
                values.remove("recent." + i);
            }
        }
    }
}
