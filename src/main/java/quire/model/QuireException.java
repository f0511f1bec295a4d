package quire.model;

/**
 * The one unchecked exception family of Quire. Its message is a plain sentence that can be shown
 * to the analyst as it is; the cause, if any, carries the technical detail for the log.
 */
public class QuireException extends RuntimeException {
    public QuireException(String message) {
        super(message);
    }

    public QuireException(String message, Throwable cause) {
        super(message, cause);
    }
}
