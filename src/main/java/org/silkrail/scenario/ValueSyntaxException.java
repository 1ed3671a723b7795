package org.silkrail.scenario;

/**
 * A value written in a form silkrail does not understand ({@code 28/dya}, {@code lognormal(4h)}).
 * The message is for people and says what is allowed; the caller adds file, line and path.
 */
public final class ValueSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public ValueSyntaxException(String message) {
        super(message);
    }
}
