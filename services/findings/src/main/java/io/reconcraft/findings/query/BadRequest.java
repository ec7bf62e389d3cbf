package io.reconcraft.findings.query;

/** A bad parameter or body field, named: answered as a 400 problem with {@code errors: [{field, message}]}. */
public class BadRequest extends RuntimeException {

    private final String field;

    public BadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
