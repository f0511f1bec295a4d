package quire.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import quire.model.Problem;

/**
 * Finds the files of a corpus folder: every non-hidden regular file in it and its sub-folders,
 * following symbolic links. Never fails on one bad entry: unreadable folders, broken links, link
 * loops and files that are reachable twice become {@link Problem}s and the walk goes on.
 * Stateless and thread-safe.
 */
public final class CorpusScanner {
    /** Files and folders that operating systems leave behind; they are never articles. */
    private static final Set<String> JUNK = Set.of("thumbs.db", "desktop.ini", "$recycle.bin", "system volume information");

    /** Walks the folder; throws {@link IngestException} only when the folder itself is unusable. */
    public Scan scan(Path root) {
        Objects.requireNonNull(root, "root");
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(root, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IngestException("The corpus folder '" + root + "' does not exist.");
        } catch (IOException e) {
            throw new IngestException("The corpus folder '" + root + "' cannot be read: " + reason(e) + ".", e);
        }
        if (!attributes.isDirectory()) {
            throw new IngestException("'" + root + "' is a file, not a folder.");
        }
        if (!Files.isReadable(root)) {
            throw new IngestException("The corpus folder '" + root + "' cannot be read: permission denied.");
        }
        return new Walk(root).run(attributes);
    }

    static boolean isSkippedSilently(String name) {
        return name.startsWith(".")
                || name.endsWith("~")
                || name.startsWith("~$") // Office lock files
                || JUNK.contains(name.toLowerCase(Locale.ROOT));
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String quoted(String path) {
        return path.isEmpty() ? "the corpus folder" : "'" + path + "'";
    }

    private record Folder(Path dir, String path, Object key, Folder parent, boolean viaLink) {
        boolean isOrIsInside(Object otherKey) {
            for (Folder f = this; f != null; f = f.parent) {
                if (f.key.equals(otherKey)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record LinkedFolder(Path dir, String path, Folder parent, BasicFileAttributes attributes) {}

    private record Found(Path file, String path, BasicFileAttributes attributes, Object key, boolean viaLink) {}

    /** The state of one scan. */
    private static final class Walk {
        private final Map<Object, String> visitedFolders = new HashMap<>();
        private final Deque<Folder> pending = new ArrayDeque<>();
        private List<LinkedFolder> linkedFolders = new ArrayList<>();
        private final List<Found> found = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final Path root;
        private Path realRoot;

        Walk(Path root) {
            this.root = root;
        }

        Scan run(BasicFileAttributes attributes) {
            Object rootKey = keyOf(root, "", attributes, false);
            visitedFolders.put(rootKey, "");
            pending.push(new Folder(root, "", rootKey, null, false));
            // Real folders first, linked ones after, so that a file is kept under its real path
            // and the link to it is the one reported as a duplicate.
            while (true) {
                drain();
                if (linkedFolders.isEmpty()) {
                    break;
                }
                List<LinkedFolder> links = linkedFolders;
                linkedFolders = new ArrayList<>();
                links.sort(Comparator.comparing(LinkedFolder::path));
                for (LinkedFolder link : links) {
                    enter(link.dir, link.path, link.parent, link.attributes, true);
                    drain();
                }
            }
            return new Scan(keepOneCopyEach(), sortedProblems());
        }

        private void drain() {
            while (!pending.isEmpty()) {
                list(pending.pop());
            }
        }

        private void list(Folder folder) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder.dir)) {
                for (Path entry : stream) {
                    entries.add(entry);
                }
            } catch (NoSuchFileException | NotDirectoryException e) {
                return; // Removed while we walked: nothing to read there any more.
            } catch (IOException e) {
                folderUnreadable(folder, e);
                return;
            } catch (DirectoryIteratorException e) {
                folderUnreadable(folder, e.getCause());
                return;
            }
            entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
            // Pushed in reverse so that sub-folders are walked in name order.
            List<Folder> subFolders = new ArrayList<>();
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!isSkippedSilently(name)) {
                    visit(folder, entry, folder.path.isEmpty() ? name : folder.path + "/" + name, subFolders);
                }
            }
            for (int i = subFolders.size() - 1; i >= 0; i--) {
                pending.push(subFolders.get(i));
            }
        }

        private void folderUnreadable(Folder folder, IOException e) {
            problems.add(Problem.error(
                    folder.path.isEmpty() ? "." : folder.path,
                    "The folder cannot be read (" + reason(e) + "); its files were skipped."));
        }

        private void visit(Folder parent, Path entry, String path, List<Folder> subFolders) {
            BasicFileAttributes own;
            try {
                own = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return; // Vanished since the folder was listed.
            } catch (IOException e) {
                problems.add(Problem.error(path, "It cannot be read (" + reason(e) + "); skipped."));
                return;
            }
            boolean link = own.isSymbolicLink();
            BasicFileAttributes target = own;
            if (link) {
                try {
                    target = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (IOException e) {
                    brokenLink(entry, path, e);
                    return;
                }
            }
            boolean viaLink = link || parent.viaLink;
            if (target.isDirectory()) {
                if (link) {
                    linkedFolders.add(new LinkedFolder(entry, path, parent, target));
                } else {
                    Object key = keyOf(entry, path, target, viaLink);
                    if (isNew(key, path, parent, false)) {
                        subFolders.add(new Folder(entry, path, key, parent, viaLink));
                    }
                }
            } else if (target.isRegularFile()) {
                if (!Files.isReadable(entry)) {
                    if (Files.notExists(entry, LinkOption.NOFOLLOW_LINKS)) {
                        return; // Vanished since it was looked at.
                    }
                    problems.add(Problem.error(path, "The file cannot be read (permission denied); skipped."));
                    return;
                }
                found.add(new Found(entry, path, target, keyOf(entry, path, target, viaLink), viaLink));
            } else {
                problems.add(Problem.warning(path, "Not a regular file (a named pipe, socket or device); skipped."));
            }
        }

        private void enter(Path dir, String path, Folder parent, BasicFileAttributes attributes, boolean viaLink) {
            Object key = keyOf(dir, path, attributes, viaLink);
            if (isNew(key, path, parent, true)) {
                pending.push(new Folder(dir, path, key, parent, viaLink));
            }
        }

        /** Marks a folder visited; reports it when it was reached before, so it is walked once. */
        private boolean isNew(Object key, String path, Folder parent, boolean link) {
            String first = visitedFolders.putIfAbsent(key, path);
            if (first == null) {
                return true;
            }
            if (parent.isOrIsInside(key)) {
                problems.add(Problem.warning(path, "The link leads back to " + quoted(first)
                        + ", which contains it; it was skipped to avoid a loop."));
            } else {
                problems.add(Problem.warning(path, "Same folder as " + quoted(first)
                        + (link ? " (a link)" : "") + "; read once."));
            }
            return false;
        }

        private void brokenLink(Path entry, String path, IOException e) {
            if (e instanceof NoSuchFileException) {
                String target;
                try {
                    target = Files.readSymbolicLink(entry).toString();
                } catch (IOException | UnsupportedOperationException unreadable) {
                    target = "?";
                }
                problems.add(Problem.warning(path, "The link points to '" + target + "', which does not exist; skipped."));
            } else if (e instanceof FileSystemException fse
                    && fse.getReason() != null
                    && fse.getReason().toLowerCase(Locale.ROOT).contains("levels of symbolic links")) {
                problems.add(Problem.warning(path, "The link leads round a circle of links; skipped."));
            } else {
                problems.add(Problem.warning(path, "The link cannot be followed (" + reason(e) + "); skipped."));
            }
        }

        /**
         * The same file may be reached by several paths through links; it is read once, under its
         * real path when it has one inside the corpus, else under the first path in order.
         */
        private List<CorpusFile> keepOneCopyEach() {
            found.sort(Comparator.comparing(Found::viaLink).thenComparing(Found::path));
            Map<Object, String> firstPath = new HashMap<>();
            List<CorpusFile> files = new ArrayList<>(found.size());
            for (Found f : found) {
                String first = firstPath.putIfAbsent(f.key, f.path);
                if (first != null) {
                    problems.add(Problem.warning(f.path, "Same file as '" + first + "' (a link); read once."));
                } else {
                    files.add(new CorpusFile(
                            f.file, f.path, f.attributes.size(), f.attributes.lastModifiedTime().toMillis()));
                }
            }
            files.sort(Comparator.comparing(CorpusFile::path));
            return files;
        }

        private List<Problem> sortedProblems() {
            problems.sort(Comparator.comparing(Problem::path));
            return problems;
        }

        /**
         * The identity of a file or folder. The device and inode number cost nothing more; where
         * the platform has none (Windows), the real path stands in, asked for only through links.
         */
        private Object keyOf(Path file, String path, BasicFileAttributes attributes, boolean viaLink) {
            Object key = attributes.fileKey();
            if (key != null) {
                return key;
            }
            try {
                if (viaLink) {
                    return file.toRealPath();
                }
                if (realRoot == null) {
                    realRoot = root.toRealPath();
                }
                return path.isEmpty() ? realRoot : realRoot.resolve(path);
            } catch (IOException e) {
                return file.toAbsolutePath().normalize();
            }
        }
    }
}
