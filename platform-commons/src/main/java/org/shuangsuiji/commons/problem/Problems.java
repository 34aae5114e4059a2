package org.shuangsuiji.commons.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/** Builds problem+json responses; the mappers below all go through here so every error looks the same. */
public final class Problems {

    public static final MediaType MEDIA_TYPE = MediaType.valueOf(Problem.MEDIA_TYPE);

    private Problems() {}

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String slug, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        return response(new Problem(Problem.type(slug), title, status, detail, instance(uri), errors));
    }

    static URI instance(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        try {
            return URI.create(uri.getRequestUri().getRawPath());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
