package org.shuangsuiji.draw.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.shuangsuiji.commons.events.EventCodec;
import org.shuangsuiji.commons.events.EventEnvelope;
import org.shuangsuiji.commons.events.Inbox;

/**
 * Keeps the roster read model (ADR 0009): subjects with their full state (highest revision wins, whatever order
 * events arrive in), inspectors with availability, conflicts of interest. Handles single-subject events and the
 * {@code roster.subjects.imported} batches alike.
 */
@ApplicationScoped
public class RosterEventsConsumer {

    static final String CONSUMER = "draw-service.roster";

    private static final String UPSERT_SUBJECT = """
            INSERT INTO roster_subject (uscc, name, kind, industry_code, division_code, status, risk_class, departments,
                item_families, tags, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                industry_code = EXCLUDED.industry_code, division_code = EXCLUDED.division_code, status = EXCLUDED.status,
                risk_class = EXCLUDED.risk_class, departments = EXCLUDED.departments,
                item_families = EXCLUDED.item_families, tags = EXCLUDED.tags, revision = EXCLUDED.revision
            WHERE roster_subject.revision < EXCLUDED.revision""";

    private final Inbox inbox;
    private final EventCodec codec;
    private final AgroalDataSource dataSource;

    public RosterEventsConsumer(Inbox inbox, EventCodec codec, AgroalDataSource dataSource) {
        this.inbox = inbox;
        this.codec = codec;
        this.dataSource = dataSource;
    }

    @Incoming("roster-events")
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
        String type = event.type();
        if (type.equals("roster.subjects.imported")) {
            subjects(d.path("subjects"));
        } else if (type.startsWith("roster.subject.")) {
            subjects(java.util.List.of(d));
        } else if (type.startsWith("roster.department.")) {
            department(d);
        } else if (type.startsWith("roster.inspector.")) {
            inspector(d);
        } else if (type.equals("roster.conflict.declared")) {
            conflictDeclared(d);
        } else if (type.equals("roster.conflict.withdrawn")) {
            conflictWithdrawn(d, event);
        }
    }

    private void department(JsonNode d) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO roster_department (code, parent_code, level, division_code) VALUES (?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code, level = EXCLUDED.level,
                    division_code = EXCLUDED.division_code""")) {
            ps.setString(1, Json.text(d, "code"));
            ps.setString(2, Json.text(d, "parentCode"));
            ps.setString(3, Json.text(d, "level"));
            ps.setString(4, Json.text(d, "divisionCode"));
            ps.executeUpdate();
        }
    }

    private void subjects(Iterable<JsonNode> states) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT_SUBJECT)) {
            int n = 0;
            for (JsonNode s : states) {
                ps.setString(1, Json.text(s, "uscc"));
                ps.setString(2, Json.text(s, "name"));
                ps.setString(3, Json.text(s, "kind"));
                ps.setString(4, Json.text(s, "industryCode"));
                ps.setString(5, Json.text(s, "divisionCode"));
                ps.setString(6, Json.text(s, "status"));
                JsonNode risk = s.get("risk");
                ps.setString(7, risk == null || risk.isNull() ? null : Json.text(risk, "riskClass"));
                ps.setArray(8, c.createArrayOf("text", Json.strings(s, "departments").toArray()));
                ps.setArray(9, c.createArrayOf("text", Json.strings(s, "itemFamilies").toArray()));
                ps.setArray(10, c.createArrayOf("text", Json.strings(s, "tags").toArray()));
                ps.setInt(11, s.path("revision").asInt(0));
                ps.addBatch();
                n++;
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
    }

    private void inspector(JsonNode d) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO roster_inspector (id, department, name, kind, certificate_valid_from,
                            certificate_valid_to, region_division_code, yearly_workload_cap, expertise, availability,
                            revision)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                        ON CONFLICT (id) DO UPDATE SET department = EXCLUDED.department, name = EXCLUDED.name,
                            kind = EXCLUDED.kind, certificate_valid_from = EXCLUDED.certificate_valid_from,
                            certificate_valid_to = EXCLUDED.certificate_valid_to,
                            region_division_code = EXCLUDED.region_division_code,
                            yearly_workload_cap = EXCLUDED.yearly_workload_cap, expertise = EXCLUDED.expertise,
                            availability = EXCLUDED.availability, revision = EXCLUDED.revision
                        WHERE roster_inspector.revision < EXCLUDED.revision""")) {
            ps.setObject(1, UUID.fromString(Json.text(d, "id")));
            ps.setString(2, Json.text(d, "department"));
            ps.setString(3, Json.text(d, "name"));
            ps.setString(4, Json.text(d, "kind"));
            setDate(ps, 5, Json.text(d, "certificateValidFrom"));
            setDate(ps, 6, Json.text(d, "certificateValidTo"));
            ps.setString(7, Json.text(d, "regionDivisionCode"));
            ps.setInt(8, d.path("yearlyWorkloadCap").asInt(0));
            ps.setArray(9, c.createArrayOf("text", Json.strings(d, "expertise").toArray()));
            ps.setString(10, d.path("availability").isArray() ? d.get("availability").toString() : "[]");
            ps.setInt(11, d.path("revision").asInt(0));
            ps.executeUpdate();
        }
    }

    private void conflictDeclared(JsonNode d) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO roster_conflict (id, inspector_id, uscc, kind, valid_from, valid_to)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")) {
            ps.setObject(1, UUID.fromString(Json.text(d, "id")));
            ps.setObject(2, UUID.fromString(Json.text(d, "inspectorId")));
            ps.setString(3, Json.text(d, "uscc"));
            ps.setString(4, Json.text(d, "kind"));
            setDate(ps, 5, Json.text(d, "validFrom"));
            setDate(ps, 6, Json.text(d, "validTo"));
            ps.executeUpdate();
        }
    }

    /** A withdrawal may overtake nothing: the conflict is keyed by inspector, so it always follows its declaration. */
    private void conflictWithdrawn(JsonNode d, EventEnvelope event) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE roster_conflict SET withdrawn_at = coalesce(withdrawn_at, ?) WHERE id = ?")) {
            ps.setObject(1, event.time() == null ? java.time.OffsetDateTime.now() : event.time());
            ps.setObject(2, UUID.fromString(Json.text(d, "id")));
            ps.executeUpdate();
        }
    }

    private static void setDate(PreparedStatement ps, int index, String isoDate) throws SQLException {
        if (isoDate == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(LocalDate.parse(isoDate)));
        }
    }
}
