package quire.service;

/** Where long work reports how far it got, and learns whether it should stop. */
public interface Progress {
    /** Called from the working thread after each step; {@code total} is known up front. */
    void update(long done, long total, String message);

    /** Polled between steps; work stops at the next safe point once this is true. */
    boolean isCancelled();

    /** Progress that nobody watches. */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
