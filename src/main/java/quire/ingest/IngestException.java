package quire.ingest;

import quire.model.QuireException;

/**
 * A file cannot be turned into an article. The message is a plain sentence about the file's
 * content ("The JSON ends inside the title, so nothing could be recovered."); the ingester adds
 * the file name.
 */
public class IngestException extends QuireException {
    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
