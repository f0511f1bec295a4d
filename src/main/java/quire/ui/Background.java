package quire.ui;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import quire.model.QuireException;
import quire.service.Progress;

/**
 * Runs service calls off the JavaFX thread and hands their results back to it. Two executors: one
 * for indexing, which takes long, and one for everything else, so that searching and annotating
 * stay quick while a corpus is being indexed. Tests pass executors that run at once.
 */
public final class Background {
    private static final System.Logger LOG = System.getLogger(Background.class.getName());

    private final Executor work;
    private final Executor indexing;
    private final Consumer<String> failures;

    /**
     * @param failures shown a plain sentence, on the JavaFX thread, when work fails
     */
    public Background(Executor work, Executor indexing, Consumer<String> failures) {
        this.work = Objects.requireNonNull(work, "work");
        this.indexing = Objects.requireNonNull(indexing, "indexing");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /** An executor that runs each task at once on the calling thread: background work made synchronous for tests. */
    public static Executor direct() {
        return Runnable::run;
    }

    /** Runs {@code call} in the background, then {@code then} with its result on the JavaFX thread. */
    public <T> void run(Callable<T> call, Consumer<? super T> then) {
        run(call, then, failures);
    }

    /** As {@link #run(Callable, Consumer)}, with failures reported to {@code failed} instead. */
    public <T> void run(Callable<T> call, Consumer<? super T> then, Consumer<String> failed) {
        work.execute(() -> {
            T result;
            try {
                result = call.call();
            } catch (Exception | Error e) {
                String message = describe(e);
                onFx(() -> failed.accept(message));
                return;
            }
            onFx(() -> then.accept(result));
        });
    }

    /** Runs long work with progress on the indexing executor; returns a handle to cancel it. */
    public <T> Job index(Function<Progress, T> call, ProgressSink progress, Consumer<? super T> then, Consumer<String> failed) {
        Job job = new Job(progress);
        indexing.execute(() -> {
            T result;
            try {
                result = call.apply(job);
            } catch (Exception | Error e) {
                String message = describe(e);
                onFx(() -> failed.accept(message));
                return;
            }
            onFx(() -> then.accept(result));
        });
        return job;
    }

    /** The plain sentence a user sees; the stack trace goes to the log. */
    static String describe(Throwable e) {
        if (e instanceof QuireException && e.getMessage() != null) {
            LOG.log(System.Logger.Level.INFO, e.getMessage(), e);
            return e.getMessage();
        }
        LOG.log(System.Logger.Level.ERROR, "Background work failed", e);
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Something went wrong: " + detail + ". The log has the details.";
    }

    static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Receives progress on the JavaFX thread. */
    @FunctionalInterface
    public interface ProgressSink {
        void update(double fraction, String message);
    }

    /** Progress of one long job, coalesced so a fast indexer does not flood the JavaFX thread. */
    public static final class Job implements Progress {
        private final ProgressSink sink;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicReference<Runnable> pending = new AtomicReference<>();

        Job(ProgressSink sink) {
            this.sink = sink;
        }

        @Override
        public void update(long done, long total, String message) {
            double fraction = total <= 0 ? -1 : Math.min(1.0, (double) done / total);
            Runnable update = () -> sink.update(fraction, message);
            if (Platform.isFxApplicationThread()) {
                update.run();
            } else if (pending.getAndSet(update) == null) {
                Platform.runLater(() -> pending.getAndSet(null).run());
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        public void cancel() {
            cancelled.set(true);
        }
    }
}
