package org.shuangsuiji.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** One mapper per concern, each turning its exception into problem+json; no stack trace ever leaves. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response business(ProblemException e, UriInfo uri) {
        return Problems.response(e.toProblem(Problems.instance(uri)));
    }

    /** Bean Validation on parameters and bodies: every violated field, by its name as the caller sent it. */
    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(400, "invalid-input", "Invalid input",
                errors.size() + " field(s) rejected", uri, errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return Problems.response(400, "malformed-json", "Malformed JSON",
                "the request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")",
                uri, List.of());
    }

    /** Wrong JSON types or unknown enum values: names the JSON path of the field. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e.getPath());
        String reason = e.getOriginalMessage() == null ? "cannot be read" : firstLine(e.getOriginalMessage());
        return Problems.response(400, "invalid-input", "Invalid input",
                field.isEmpty() ? reason : field + ": " + reason, uri,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, reason)));
    }

    /** Overrides Quarkus' built-in mapper for this subtype, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return Problems.response(409, "concurrent-change", "Concurrent change",
                "the resource was changed by someone else; reload it and try again", uri, List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problems.response(401, "unauthenticated", "Unauthenticated",
                        "a valid bearer token is required", uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(403, "forbidden", "Forbidden",
                "your roles or department do not allow this", uri, List.of());
    }

    /** 404 for unknown paths, 405, 406, 415 and the like keep their status but gain a body. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse(); // already a problem, built where the field was known
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException jpe) {
            return malformedJson(jpe, uri);
        }
        if (cause instanceof JsonMappingException de) {
            return unreadableJson(de, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problems.response(status.getStatusCode(), slug(status.getReasonPhrase()), status.getReasonPhrase(),
                e.getMessage() == null ? status.getReasonPhrase() : e.getMessage(), uri, List.of());
    }

    /** The last resort: the caller gets an id to quote, the log gets the stack trace. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri == null ? "?" : uri.getRequestUri());
        return Problems.response(500, "internal-error", "Internal error",
                "an unexpected error occurred; quote error id " + errorId, uri, List.of());
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // "create.body.name" -> "name" (a body's fields), "list.size" -> "size" (a query parameter).
        List<Path.Node> nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                .filter(n -> n.getKind() != ElementKind.METHOD && n.getKind() != ElementKind.CONSTRUCTOR
                        && n.getKind() != ElementKind.RETURN_VALUE)
                .toList();
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes = nodes.subList(1, nodes.size());
        }
        return nodes.stream()
                .map(n -> (n.getName() == null ? "" : n.getName()) + (n.getIndex() != null ? "[" + n.getIndex() + "]" : ""))
                .collect(Collectors.joining("."));
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String slug(String reason) {
        return reason == null ? "error" : reason.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
