package org.shuangsuiji.draw.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Lenient reading of event data: absent or null fields are null, unknown fields are ignored (ADR 0005). */
final class Json {

    private Json() {}

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static BigDecimal decimal(JsonNode node, String field) {
        String v = text(node, field);
        return v == null || v.isBlank() ? null : new BigDecimal(v);
    }

    static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(field);
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (e.isTextual()) {
                    out.add(e.asText());
                } else if (e.isObject() && e.has("code")) {
                    out.add(e.get("code").asText()); // tags arrive as {code, setBy, setAt}
                }
            }
        }
        return out;
    }
}
