package quire.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import quire.model.Highlight;

/**
 * What {@code quire check} found in a workspace's database; {@code backupProblem} says why the
 * backup taken on opening was skipped (a full disk), if it was.
 */
public record WorkspaceCheck(
        boolean integrityOk,
        List<String> integrityMessages,
        List<Highlight> orphans,
        int highlights,
        int tags,
        List<Path> backups,
        Optional<String> backupProblem) {
    public WorkspaceCheck {
        integrityMessages = List.copyOf(integrityMessages);
        orphans = List.copyOf(orphans);
        backups = List.copyOf(backups);
    }
}
