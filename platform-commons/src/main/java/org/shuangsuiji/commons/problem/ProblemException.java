package org.shuangsuiji.commons.problem;

import java.util.List;

/**
 * Thrown by services for every rule a request breaks; mapped to problem+json with the given status. Nothing is
 * written when it escapes a transactional method, because the transaction rolls back.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(400, "invalid-input", "Invalid input", field + ": " + reason,
                List.of(new Problem.FieldError(field, reason)));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail, List.of());
    }

    /** The request is well-formed but breaks a business rule (e.g. publishing an item without a legal basis). */
    public static ProblemException rule(String slug, String field, String reason) {
        return new ProblemException(422, slug, "Business rule violated", reason,
                field == null ? List.of() : List.of(new Problem.FieldError(field, reason)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public Problem toProblem(java.net.URI instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }
}
