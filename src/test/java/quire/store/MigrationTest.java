package quire.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quire.model.Highlight;
import quire.model.HighlightState;
import quire.model.TagSummary;

class MigrationTest {
    @TempDir
    Path workspace;

    @Test
    void migrationFilesAreNumberedInOrder() {
        for (int i = 0; i < Schema.MIGRATIONS.size(); i++) {
            assertEquals(String.format("%03d-", i + 1), Schema.MIGRATIONS.get(i).substring(0, 4));
        }
    }

    @Test
    void scriptsSplitAtSemicolonsEndingALine() {
        assertEquals(List.of("CREATE TABLE a (x TEXT DEFAULT ';');", "INSERT INTO a VALUES ('b');"),
                Schema.statements("-- comment;\nCREATE TABLE a (x TEXT DEFAULT ';');\n\n  -- another\nINSERT INTO a VALUES ('b');\n"));
    }

    @Test
    void aVersionOneDatabaseIsUpgradedWithItsDataKept() throws Exception {
        Path database = workspace.resolve("annotations.db");
        Instant made = Instant.parse("2024-06-19T12:00:00Z");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement s = c.createStatement()) {
            Schema.migrate(c, 1);
            s.execute("""
                    INSERT INTO highlight VALUES ('h1', 'treaty-2024', 4, 10, 'treaty', 'The ', ' was', 'blue', 'old note',
                                                  %d, %d, 'ANCHORED', 'abc')""".formatted(made.toEpochMilli(), made.toEpochMilli()));
            s.execute("INSERT INTO tag (id, name, name_key) VALUES (7, 'Treaty', 'treaty')");
            s.execute("INSERT INTO highlight_tag VALUES ('h1', 7)");
            s.execute("INSERT INTO article_tag VALUES ('treaty-2024', 7)");
            s.execute("INSERT INTO article_note VALUES ('treaty-2024', 'context', 1)");
            s.execute("INSERT INTO article_text VALUES ('abc', 'The treaty was signed')");
        }

        try (AnnotationStore store = AnnotationStore.open(workspace)) {
            assertEquals(List.of(new Highlight("h1", "treaty-2024", 4, 10, "treaty", "The ", " was", "blue", "old note",
                    List.of("Treaty"), made, made, HighlightState.ANCHORED, "abc")), store.allHighlights());
            assertEquals(List.of(new TagSummary("Treaty", Optional.empty(), 1, 1)), store.tags());
            assertEquals("context", store.articleNote("treaty-2024"));
            assertEquals(Optional.of("The treaty was signed"), store.articleText("abc"));
            // The new column works.
            store.setTagColor("treaty", Optional.of("green"));
            assertEquals(Optional.of("green"), store.tags().get(0).color());

            // The copy taken before the upgrade is still in the old format.
            List<Path> backups = store.check().backups();
            assertEquals(1, backups.size());
            assertEquals(1, userVersion(backups.get(0)));
        }
        assertEquals(Schema.LATEST, userVersion(database));
    }

    @Test
    void aFreshDatabaseIsCreatedAtTheLatestVersionWithoutABackup() throws Exception {
        try (AnnotationStore store = AnnotationStore.open(workspace)) {
            assertEquals(List.of(), store.check().backups());
        }
        assertEquals(Schema.LATEST, userVersion(workspace.resolve("annotations.db")));
    }

    private static int userVersion(Path database) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("PRAGMA user_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
