package org.shuangsuiji.draw.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.shuangsuiji.commons.events.EventCodec;
import org.shuangsuiji.commons.events.EventEnvelope;
import org.shuangsuiji.commons.events.Inbox;

/**
 * Keeps the catalog read model (ADR 0009): which item versions are published, the 一业一查 scenarios and the
 * implementation rules. Idempotent: the inbox drops redeliveries, and every write is an upsert that never goes back
 * (a retired version stays retired, older rule versions never overwrite newer ones).
 */
@ApplicationScoped
public class CatalogEventsConsumer {

    static final String CONSUMER = "draw-service.catalog";

    private final Inbox inbox;
    private final EventCodec codec;
    private final AgroalDataSource dataSource;

    public CatalogEventsConsumer(Inbox inbox, EventCodec codec, AgroalDataSource dataSource) {
        this.inbox = inbox;
        this.codec = codec;
        this.dataSource = dataSource;
    }

    @Incoming("catalog-events")
    @Blocking
    @Transactional
    public void on(String json) throws SQLException {
        EventEnvelope event = codec.read(json);
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        JsonNode d = event.data();
        if (d == null) {
            return;
        }
        switch (event.type()) {
            case "catalog.item.published" -> itemPublished(d);
            case "catalog.item.retired" -> retired("catalog_item", d);
            case "catalog.scenario.published" -> scenarioPublished(d);
            case "catalog.scenario.retired" -> retired("catalog_scenario", d);
            case "catalog.rules.published" -> rulesPublished(d);
            default -> { } // other catalog events do not concern draws
        }
    }

    private void itemPublished(JsonNode d) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO catalog_item (code, version, name, department, item_class, default_ratio, frequency,
                            min_team_size, required_tags, status, published_at, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?::jsonb)
                        ON CONFLICT (code, version) DO NOTHING""")) {
            ps.setString(1, Json.text(d, "code"));
            ps.setInt(2, d.path("version").asInt(1));
            ps.setString(3, Json.text(d, "name"));
            ps.setString(4, Json.text(d, "department"));
            ps.setString(5, Json.text(d, "itemClass"));
            ps.setBigDecimal(6, Json.decimal(d, "defaultRatio"));
            ps.setString(7, Json.text(d, "frequency"));
            ps.setInt(8, Math.max(2, d.path("minTeamSize").asInt(2)));
            ps.setArray(9, c.createArrayOf("text", Json.strings(d, "requiredTags").toArray()));
            setTime(ps, 10, Json.text(d, "publishedAt"));
            ps.setString(11, d.toString());
            ps.executeUpdate();
        }
    }

    private void scenarioPublished(JsonNode d) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO catalog_scenario (code, version, name, industry_code, lead_department,
                            cooperating_departments, items, status, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, 'PUBLISHED', ?::jsonb)
                        ON CONFLICT (code, version) DO NOTHING""")) {
            ps.setString(1, Json.text(d, "code"));
            ps.setInt(2, d.path("version").asInt(1));
            ps.setString(3, Json.text(d, "name"));
            ps.setString(4, Json.text(d, "industryCode"));
            ps.setString(5, Json.text(d, "leadDepartment"));
            ps.setArray(6, c.createArrayOf("text", Json.strings(d, "cooperatingDepartments").toArray()));
            ps.setString(7, d.path("items").isArray() ? d.get("items").toString() : "[]");
            ps.setString(8, d.toString());
            ps.executeUpdate();
        }
    }

    private void retired(String table, JsonNode d) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE " + table
                        + " SET status = 'RETIRED'" + (table.equals("catalog_item") ? ", retired_at = ?" : "")
                        + " WHERE code = ? AND version = ?")) {
            int i = 1;
            if (table.equals("catalog_item")) {
                setTime(ps, i++, Json.text(d, "retiredAt"));
            }
            ps.setString(i++, Json.text(d, "code"));
            ps.setInt(i, d.path("version").asInt(1));
            ps.executeUpdate();
        }
    }

    private void rulesPublished(JsonNode d) throws SQLException {
        JsonNode ratios = d.path("ratios");
        String department = Json.text(d, "department");
        String itemCode = Json.text(d, "itemCode");
        String key = Json.text(d, "key");
        if (key == null) {
            key = itemCode == null ? department : department + "/" + itemCode;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO catalog_rules (key, version, department, item_code, ratio_a, ratio_b, ratio_c, ratio_d,
                            minimum_count, max_per_year, class_a_not_twice, inspect_working_days,
                            result_entry_working_days, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version, department = EXCLUDED.department,
                            item_code = EXCLUDED.item_code, ratio_a = EXCLUDED.ratio_a, ratio_b = EXCLUDED.ratio_b,
                            ratio_c = EXCLUDED.ratio_c, ratio_d = EXCLUDED.ratio_d,
                            minimum_count = EXCLUDED.minimum_count, max_per_year = EXCLUDED.max_per_year,
                            class_a_not_twice = EXCLUDED.class_a_not_twice,
                            inspect_working_days = EXCLUDED.inspect_working_days,
                            result_entry_working_days = EXCLUDED.result_entry_working_days, data = EXCLUDED.data
                        WHERE catalog_rules.version < EXCLUDED.version""")) {
            ps.setString(1, key);
            ps.setInt(2, d.path("version").asInt(1));
            ps.setString(3, department);
            ps.setString(4, itemCode);
            ps.setBigDecimal(5, Json.decimal(ratios, "A"));
            ps.setBigDecimal(6, Json.decimal(ratios, "B"));
            ps.setBigDecimal(7, Json.decimal(ratios, "C"));
            ps.setBigDecimal(8, Json.decimal(ratios, "D"));
            ps.setInt(9, d.path("minimumCount").asInt(3));
            if (d.path("maxInspectionsPerSubjectPerYear").isInt()) {
                ps.setInt(10, d.get("maxInspectionsPerSubjectPerYear").asInt());
            } else {
                ps.setNull(10, Types.INTEGER);
            }
            ps.setBoolean(11, d.path("classANotTwicePerYear").asBoolean(false));
            ps.setInt(12, d.path("inspectWorkingDays").asInt(5));
            ps.setInt(13, d.path("resultEntryWorkingDays").asInt(20));
            ps.setString(14, d.toString());
            ps.executeUpdate();
        }
    }

    static void setTime(PreparedStatement ps, int index, String rfc3339) throws SQLException {
        if (rfc3339 == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(OffsetDateTime.parse(rfc3339).toInstant()));
        }
    }
}
