package quire.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import quire.model.QuireException;

/**
 * The database schema as numbered migrations ({@code migrations/NNN-*.sql} on the class path),
 * applied in order and recorded in {@code PRAGMA user_version}.
 */
final class Schema {
    /** "QUIR": marks the file as ours, so a stray SQLite file is not mistaken for annotations. */
    static final int APPLICATION_ID = 0x51554952;

    /** In order; migration N brings the database to user_version N. */
    static final List<String> MIGRATIONS = List.of("001-initial.sql", "002-tag-colours.sql", "003-revision.sql");

    static final int LATEST = MIGRATIONS.size();

    private Schema() {}

    static int userVersion(Connection connection) throws SQLException {
        return intPragma(connection, "user_version");
    }

    static int applicationId(Connection connection) throws SQLException {
        return intPragma(connection, "application_id");
    }

    /**
     * Refuses a database this Quire must not touch: one from a newer Quire, or one that is not a
     * Quire annotations database at all.
     */
    static void requireUsable(Connection connection, String where) throws SQLException {
        int version = userVersion(connection);
        if (version > LATEST) {
            throw new QuireException("The annotations in '" + where + "' were saved by a newer version of Quire"
                    + " (database version " + version + "; this Quire knows up to " + LATEST
                    + "). Open them with that newer Quire; this one leaves them untouched.");
        }
        int applicationId = applicationId(connection);
        if (applicationId != 0 && applicationId != APPLICATION_ID) {
            throw new QuireException("'" + where + "' is an SQLite database of another program, not Quire's annotations.");
        }
    }

    /** Brings the database up to {@link #LATEST}, one transaction per migration. */
    static void migrate(Connection connection) throws SQLException {
        migrate(connection, LATEST);
    }

    /** Applies migrations up to {@code target} only (tests build old databases with it). */
    static void migrate(Connection connection, int target) throws SQLException {
        int version = userVersion(connection);
        for (int next = version + 1; next <= target; next++) {
            List<String> statements = statements(read(MIGRATIONS.get(next - 1)));
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                boolean done = false;
                try {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                    // In the same transaction: a crash leaves either the old version or the new one.
                    statement.execute("PRAGMA user_version = " + next);
                    statement.execute("COMMIT");
                    done = true;
                } finally {
                    if (!done) {
                        statement.execute("ROLLBACK");
                    }
                }
            }
        }
    }

    /** Splits a migration at semicolons that end a line; comment lines are dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(String name) {
        String resource = "migrations/" + name;
        try (InputStream in = Schema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration on the class path: quire/store/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int intPragma(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
