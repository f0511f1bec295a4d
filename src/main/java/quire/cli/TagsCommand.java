package quire.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.model.TagSummary;
import quire.service.AppDirs;
import quire.service.CorpusService;
import quire.service.Session;

@Command(
        name = "tags",
        description = "List tags with how many highlights and articles carry them; or rename, merge or delete one.",
        subcommands = {TagsCommand.Rename.class, TagsCommand.Merge.class, TagsCommand.Delete.class})
final class TagsCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--json", description = "Print the tags as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    final CorpusService service;
    final AppDirs dirs;

    TagsCommand(CorpusService service, AppDirs dirs) {
        this.service = service;
        this.dirs = dirs;
    }

    @Override
    public Integer call() {
        List<TagSummary> tags;
        try (Session session = service.readySession(corpus.workspace(dirs))) {
            tags = session.tags();
        }
        var out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, j -> {
                j.writeStartObject();
                j.writeArrayFieldStart("tags");
                for (TagSummary t : tags) {
                    j.writeStartObject();
                    j.writeStringField("name", t.name());
                    if (t.color().isPresent()) {
                        j.writeStringField("color", t.color().get());
                    }
                    j.writeNumberField("highlights", t.highlights());
                    j.writeNumberField("articles", t.articles());
                    j.writeEndObject();
                }
                j.writeEndArray();
                j.writeEndObject();
            });
            return 0;
        }
        // A tree, with the parents that are only paths of their sub-tags shown too.
        List<String> printed = new java.util.ArrayList<>();
        for (TagSummary t : tags) {
            String[] parts = t.name().split("/");
            for (int depth = 0; depth < parts.length; depth++) {
                String path = String.join("/", java.util.Arrays.copyOf(parts, depth + 1)).toLowerCase(java.util.Locale.ROOT);
                if (depth < parts.length - 1) {
                    if (!printed.contains(path)) {
                        printed.add(path);
                        out.printf("%s%s%n", "  ".repeat(depth), parts[depth]);
                    }
                } else {
                    printed.add(path);
                    out.printf("%s%s  (%d highlights, %d articles)%n", "  ".repeat(depth), parts[depth], t.highlights(), t.articles());
                }
            }
        }
        out.printf("%d tags%n", tags.size());
        out.flush();
        return 0;
    }

    /** Runs one change on the parent's workspace and reports it. */
    private int change(String done, java.util.function.Consumer<Session> action) {
        try (Session session = service.readySession(corpus.workspace(dirs))) {
            action.accept(session);
        }
        spec.commandLine().getOut().println(done);
        spec.commandLine().getOut().flush();
        return 0;
    }

    @Command(name = "rename", description = "Rename a tag (its sub-tags follow); renaming onto an existing tag merges them.")
    static final class Rename implements Callable<Integer> {
        @ParentCommand
        TagsCommand tags;

        @Parameters(index = "0", paramLabel = "OLD")
        String oldName;

        @Parameters(index = "1", paramLabel = "NEW")
        String newName;

        @Override
        public Integer call() {
            return tags.change("Renamed '" + oldName + "' to '" + newName + "'.", s -> s.renameTag(oldName, newName));
        }
    }

    @Command(name = "merge", description = "Give everything tagged FROM the tag INTO instead, and remove FROM.")
    static final class Merge implements Callable<Integer> {
        @ParentCommand
        TagsCommand tags;

        @Parameters(index = "0", paramLabel = "FROM")
        String from;

        @Parameters(index = "1", paramLabel = "INTO")
        String into;

        @Override
        public Integer call() {
            return tags.change("Merged '" + from + "' into '" + into + "'.", s -> s.mergeTag(from, into));
        }
    }

    @Command(name = "delete", description = "Delete a tag; the highlights that carried it are kept.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        TagsCommand tags;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return tags.change("Deleted the tag '" + name + "'; its highlights are kept.", s -> s.deleteTag(name));
        }
    }
}
