package quire.service;

import java.nio.file.Path;
import java.util.List;
import quire.model.Highlight;

/** What {@code quire check} found in a workspace's database. */
public record WorkspaceCheck(
        boolean integrityOk, List<String> integrityMessages, List<Highlight> orphans, int highlights, int tags, List<Path> backups) {
    public WorkspaceCheck {
        integrityMessages = List.copyOf(integrityMessages);
        orphans = List.copyOf(orphans);
        backups = List.copyOf(backups);
    }
}
