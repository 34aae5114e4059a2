package org.shuangsuiji.catalog.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shuangsuiji.catalog.domain.KnownDepartment;
import org.shuangsuiji.commons.problem.ProblemException;

/**
 * The departments roster-service has registered, as far as this service has consumed them (ADR 0008). Items, scenarios
 * and rules may only name a department found here.
 */
@ApplicationScoped
public class DepartmentDirectory {

    /** What this service reads of {@code roster.department.*} v1; unknown fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DepartmentState(String code, String name, String level, String divisionCode, String parentCode) {}

    /**
     * @return the department
     * @throws ProblemException 400 naming {@code field} when roster-service has not registered it
     */
    public KnownDepartment require(String code, String field) {
        KnownDepartment d = code == null ? null : KnownDepartment.findById(code);
        if (d == null) {
            throw ProblemException.invalid(field, "unknown department " + code + ": it is not registered in roster-service");
        }
        return d;
    }

    public KnownDepartment find(String code) {
        return code == null ? null : KnownDepartment.findById(code);
    }

    /** Applies a registration or change; the latest event of a department wins. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(DepartmentState state, String eventId) {
        KnownDepartment d = KnownDepartment.findById(state.code());
        if (d == null) {
            d = new KnownDepartment();
            d.code = state.code();
        }
        d.name = state.name();
        d.level = state.level();
        d.divisionCode = state.divisionCode();
        d.parentCode = state.parentCode();
        d.sourceEvent = eventId;
        d.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        d.persist();
    }

    public List<KnownDepartment> all() {
        return KnownDepartment.list("ORDER BY code");
    }

    /** Department codes whose division code starts with {@code prefix} (a province, city or county division). */
    public List<String> codesInDivision(String prefix) {
        return KnownDepartment.<KnownDepartment>list("divisionCode LIKE ?1 ORDER BY code", prefix + "%").stream()
                .map(d -> d.code)
                .toList();
    }

    public Map<String, KnownDepartment> byCode() {
        return all().stream().collect(Collectors.toMap(d -> d.code, Function.identity()));
    }

    /** The department's name for lists, its code when unknown. */
    public static String nameOf(Map<String, KnownDepartment> departments, String code) {
        KnownDepartment d = departments.get(code);
        return d == null ? code : d.name;
    }
}
