package quire.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.service.AppDirs;
import quire.service.CorpusService;
import quire.service.Session;

/** Undo and redo of annotation operations: the same log the window uses. */
final class UndoCommand {
    private UndoCommand() {}

    private abstract static class Base implements Callable<Integer> {
        @Mixin
        CorpusOptions corpus;

        @Spec
        CommandSpec spec;

        final CorpusService service;
        final AppDirs dirs;

        Base(CorpusService service, AppDirs dirs) {
            this.service = service;
            this.dirs = dirs;
        }

        abstract Optional<String> apply(Session session);

        abstract String nothing();

        @Override
        public Integer call() {
            Optional<String> done;
            try (Session session = service.readySession(corpus.workspace(dirs))) {
                done = apply(session);
            }
            spec.commandLine().getOut().println(done.orElse(nothing()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "undo", description = "Undo the last annotation operation (also one made in an earlier session).")
    static final class Undo extends Base {
        Undo(CorpusService service, AppDirs dirs) {
            super(service, dirs);
        }

        @Override
        Optional<String> apply(Session session) {
            return session.undo();
        }

        @Override
        String nothing() {
            return "Nothing to undo.";
        }
    }

    @Command(name = "redo", description = "Redo the last undone annotation operation.")
    static final class Redo extends Base {
        Redo(CorpusService service, AppDirs dirs) {
            super(service, dirs);
        }

        @Override
        Optional<String> apply(Session session) {
            return session.redo();
        }

        @Override
        String nothing() {
            return "Nothing to redo.";
        }
    }
}
