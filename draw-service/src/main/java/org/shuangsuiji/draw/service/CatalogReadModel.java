package org.shuangsuiji.draw.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.shuangsuiji.draw.algorithm.record.Schedule;
import org.shuangsuiji.draw.domain.ItemRef;

/** Queries on the catalog read model (item versions, scenarios, rules) as the consumer last stored them. */
@ApplicationScoped
public class CatalogReadModel {

    /** {@code frequency}: inspections per subject and year the catalog states (抽查频次), null if it states none. */
    public record Item(String code, int version, String name, String department, String status, int minTeamSize,
            List<String> requiredTags, Integer frequency) {}

    public record Scenario(String code, int version, String name, String leadDepartment,
            List<String> cooperatingDepartments, List<ItemRef> items, String status) {}

    /**
     * Implementation rules (细则) as they apply to a task; {@code key} says whether item- or department-wide;
     * {@code windows} are the inspection windows (empty = the whole year).
     */
    public record Rules(String key, int version, BigDecimal ratioA, BigDecimal ratioB, BigDecimal ratioC,
            BigDecimal ratioD, int minimumCount, Integer maxPerYear, boolean classANotTwice, int inspectWorkingDays,
            int resultEntryWorkingDays, List<Schedule.Window> windows) {

        /** What applies when a department has published no rules: the seeds' defaults. */
        public static Rules defaults() {
            return new Rules(null, 0, null, null, null, null, 3, null, false, 5, 20, List.of());
        }

        public String ref() {
            return key + "@" + version;
        }
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public CatalogReadModel(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** @return the item version, or null if draw-service never heard of it */
    public Item item(String code, int version) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT code, version, name, department, status, min_team_size, required_tags, frequency
                        FROM catalog_item WHERE code = ? AND version = ?""")) {
            ps.setString(1, code);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String frequency = rs.getString(8);
                return new Item(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), strings(rs.getArray(7)),
                        frequency != null && frequency.matches("[1-9][0-9]{0,2}") ? Integer.valueOf(frequency) : null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog read model", e);
        }
    }

    /** @return the scenario version, or null if unknown */
    public Scenario scenario(String code, int version) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT code, version, name, lead_department, cooperating_departments, items::text, status
                        FROM catalog_scenario WHERE code = ? AND version = ?""")) {
            ps.setString(1, code);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<ItemRef> items = new ArrayList<>();
                for (JsonNode i : mapper.readTree(rs.getString(6))) {
                    items.add(new ItemRef(Json.text(i, "department"), Json.text(i, "itemCode"),
                            i.path("itemVersion").asInt(1)));
                }
                return new Scenario(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        strings(rs.getArray(5)), items, rs.getString(7));
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the catalog read model", e);
        }
    }

    /** Item-level rules of the department override its department-wide rules; defaults when neither exists. */
    public Rules rules(String department, List<String> itemCodes) {
        List<String> keys = new ArrayList<>();
        for (String code : itemCodes) {
            keys.add(department + "/" + code);
        }
        keys.add(department);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT key, version, ratio_a, ratio_b, ratio_c, ratio_d, minimum_count, max_per_year,
                               class_a_not_twice, inspect_working_days, result_entry_working_days,
                               data->'windows'
                        FROM catalog_rules WHERE key = ANY (?)""")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            List<Rules> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int max = rs.getInt(8);
                    found.add(new Rules(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7), rs.wasNull() ? null : max,
                            rs.getBoolean(9), rs.getInt(10), rs.getInt(11), windows(rs.getString(12))));
                }
            }
            for (String key : keys) { // the first item's rules first, the department's last
                for (Rules r : found) {
                    if (r.key().equals(key)) {
                        return r;
                    }
                }
            }
            return Rules.defaults();
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the catalog read model", e);
        }
    }

    /**
     * The rule sets that bind a task's items: each item's own rules, else its department's. Items whose department
     * published none add nothing (the defaults have no windows). Distinct, in the order of the items.
     */
    public List<Rules> rulesOfItems(List<ItemRef> items) {
        List<Rules> out = new ArrayList<>();
        for (ItemRef i : items) {
            Rules r = rules(i.department(), List.of(i.code()));
            if (r.key() != null && out.stream().noneMatch(o -> o.key().equals(r.key()))) {
                out.add(r);
            }
        }
        return out;
    }

    // The catalog checked the windows (MM-DD, from ≤ to) before publishing; a window that still does not parse is
    // refused by Schedule.Window when a draw is checked against it, never silently dropped.
    private List<Schedule.Window> windows(String json) throws java.io.IOException {
        List<Schedule.Window> out = new ArrayList<>();
        if (json != null) {
            for (JsonNode w : mapper.readTree(json)) {
                out.add(new Schedule.Window(Json.text(w, "from"), Json.text(w, "to")));
            }
        }
        return out;
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
