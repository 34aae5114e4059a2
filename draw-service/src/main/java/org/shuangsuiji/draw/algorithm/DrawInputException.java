package org.shuangsuiji.draw.algorithm;

/**
 * Input the algorithm refuses (a rule of the specification is broken). {@link #field()} names the offending input
 * in the service's request vocabulary where possible, so the service can answer a problem+json naming it.
 */
public class DrawInputException extends RuntimeException {
    private final String field;
    private final String reason;

    public DrawInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
