package org.shuangsuiji.roster.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.roster.domain.Inspector;
import org.shuangsuiji.roster.domain.InspectorKind;
import org.shuangsuiji.roster.importing.InspectorRow;
import org.shuangsuiji.roster.importing.RowErrors;

/**
 * Stores a chunk of validated inspector rows in the caller's transaction: new inspectors are registered, known ones
 * (same certificate number, or same department and ID number for experts without one) are changed only where the row
 * differs, each with its {@code roster.inspector.registered} / {@code roster.inspector.changed} event. Inspector
 * directories hold hundreds to thousands of people, so this goes row by row through the entities.
 */
@ApplicationScoped
public class InspectorImporter {

    private final InspectorService inspectors;

    public InspectorImporter(InspectorService inspectors) {
        this.inspectors = inspectors;
    }

    public SubjectImporter.ChunkResult store(List<InspectorRow> rows, Set<String> seenKeys, CurrentUser user) {
        List<RowErrors.Error> errors = new ArrayList<>();
        long created = 0;
        long changed = 0;
        long unchanged = 0;
        for (InspectorRow r : rows) {
            String key = r.certificateNumber() != null ? "C:" + r.certificateNumber() : "I:" + r.department() + ":" + r.idNumber();
            if (!seenKeys.add(key)) {
                errors.add(new RowErrors.Error(r.row(), r.certificateNumber() != null ? "certificateNumber" : "idNumber",
                        "the same inspector appears earlier in the file"));
                continue;
            }
            Inspector i = r.certificateNumber() != null
                    ? Inspector.find("certificateNumber", r.certificateNumber()).firstResult()
                    : Inspector.find("departmentCode = ?1 AND idNumber = ?2 AND certificateNumber IS NULL", r.department(),
                            r.idNumber()).firstResult();
            if (i != null && !i.departmentCode.equals(r.department())) {
                errors.add(new RowErrors.Error(r.row(), "certificateNumber", "certificate " + r.certificateNumber()
                        + " belongs to an inspector of " + i.departmentCode + ", not " + r.department()));
                continue;
            }
            if (i == null) {
                i = new Inspector();
                i.id = UUID.randomUUID();
                i.departmentCode = r.department();
                i.createdBy = user.name();
                i.createdAt = InspectorService.now();
                apply(i, r);
                i.updatedBy = i.createdBy;
                i.updatedAt = i.createdAt;
                i.persist();
                inspectors.emit(InspectorState.REGISTERED, i, user);
                created++;
            } else if (same(i, r)) {
                unchanged++;
            } else {
                apply(i, r);
                i.updatedBy = user.name();
                i.updatedAt = InspectorService.now();
                inspectors.emit(InspectorState.CHANGED, i, user);
                changed++;
            }
        }
        return new SubjectImporter.ChunkResult(created, changed, unchanged, errors);
    }

    private static boolean same(Inspector i, InspectorRow r) {
        return i.name.equals(r.name()) && i.kind.name().equals(r.kind())
                && Objects.equals(i.certificateNumber, r.certificateNumber())
                && Objects.equals(i.certificateValidFrom, r.certificateValidFrom())
                && Objects.equals(i.certificateValidTo, r.certificateValidTo())
                && i.regionDivisionCode.equals(r.regionDivisionCode()) && i.yearlyWorkloadCap == r.yearlyWorkloadCap()
                && new TreeSet<>(i.expertise).equals(new TreeSet<>(r.expertise()))
                && (r.idNumber() == null || r.idNumber().equals(i.idNumber))
                && (r.phone() == null || r.phone().equals(i.phone));
    }

    private static void apply(Inspector i, InspectorRow r) {
        i.name = r.name();
        i.kind = InspectorKind.valueOf(r.kind());
        i.certificateNumber = r.certificateNumber();
        i.certificateValidFrom = r.certificateValidFrom();
        i.certificateValidTo = r.certificateValidTo();
        i.regionDivisionCode = r.regionDivisionCode();
        i.yearlyWorkloadCap = r.yearlyWorkloadCap();
        i.expertise.clear();
        i.expertise.addAll(r.expertise());
        if (r.idNumber() != null) {
            i.idNumber = r.idNumber();
        }
        if (r.phone() != null) {
            i.phone = r.phone();
        }
    }
}
