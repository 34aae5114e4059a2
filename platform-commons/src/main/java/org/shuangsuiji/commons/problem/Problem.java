package org.shuangsuiji.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details. {@code errors} names each offending field (JSON path, query parameter or file row)
 * and why, so a caller can point the user at the exact input.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Types are documented under this base in docs/errors.md; the suffix is the problem's slug. */
    public static final String TYPE_BASE = "https://shuangsuiji.example.org/problems/";

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** One rejected input: where it is and why it was rejected. */
    public record FieldError(String field, String reason) {}
}
