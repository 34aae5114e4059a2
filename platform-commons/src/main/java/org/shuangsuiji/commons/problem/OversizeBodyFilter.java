package org.shuangsuiji.commons.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a declared oversize body with a 413 problem before anything reads it; the HTTP layer's own limit would
 * answer with an empty body. Bodies without a Content-Length are still capped by {@code quarkus.http.limits}.
 */
@ApplicationScoped
public class OversizeBodyFilter {

    private final long limit;

    public OversizeBodyFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared)) {
                rc.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"" + Problem.TYPE_BASE + "payload-too-large\",\"title\":\"Payload too large\","
                                + "\"status\":413,\"detail\":\"the request body may not exceed " + limit + " bytes\"}");
                return;
            }
            rc.next();
        }, 1000);
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
