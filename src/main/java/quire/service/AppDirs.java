package quire.service;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the platform expects an application's per-user data: XDG on Linux, Application Support on
 * macOS, LOCALAPPDATA on Windows. The environment is injected so tests can point it anywhere.
 */
public final class AppDirs {
    private static final String APP = "quire";

    private final Map<String, String> env;
    private final String osName;
    private final Path home;

    public AppDirs(Map<String, String> env, String osName, Path home) {
        this.env = Map.copyOf(env);
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.home = home;
    }

    /** The directories of the running process's user. */
    public static AppDirs ofCurrentUser() {
        return new AppDirs(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** Per-user data: workspaces of read-only corpora, and (later) logs and settings. */
    public Path dataDir() {
        if (osName.startsWith("windows")) {
            return absolute("LOCALAPPDATA").orElse(home.resolve("AppData").resolve("Local")).resolve("Quire");
        }
        if (osName.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Quire");
        }
        // The XDG spec says a relative or empty value must be ignored.
        return absolute("XDG_DATA_HOME").orElse(home.resolve(".local").resolve("share")).resolve(APP);
    }

    private Optional<Path> absolute(String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? Optional.of(path) : Optional.empty();
    }
}
