package org.shuangsuiji.catalog.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.shuangsuiji.commons.problem.ProblemException;

/**
 * Reads the optional comment of a lifecycle step from {@code ?comment=} or a body {@code {"comment": "…"}}. The body
 * is read as text so that a step posted without any body or content type is not refused as 415.
 */
@ApplicationScoped
public class Comments {

    static final int MAX = 500;

    private final ObjectMapper mapper;

    public Comments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String of(String query, String body) {
        String comment = query;
        if (body != null && !body.isBlank()) {
            JsonNode json;
            try {
                json = mapper.readTree(body);
            } catch (IOException e) {
                throw ProblemException.invalid("comment", "the body must be JSON like {\"comment\": \"…\"} or empty");
            }
            JsonNode c = json == null ? null : json.get("comment");
            if (c != null && !c.isNull()) {
                if (!c.isTextual()) {
                    throw ProblemException.invalid("comment", "must be a string");
                }
                comment = c.asText();
            }
        }
        if (comment != null && comment.length() > MAX) {
            throw ProblemException.invalid("comment", "must be at most " + MAX + " characters");
        }
        return comment;
    }
}
