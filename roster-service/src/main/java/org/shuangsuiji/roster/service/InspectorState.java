package org.shuangsuiji.roster.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.shuangsuiji.roster.domain.Inspector;
import org.shuangsuiji.roster.domain.InspectorKind;
import org.shuangsuiji.roster.domain.Unavailability;
import org.shuangsuiji.roster.domain.UnavailabilityReason;

/**
 * An inspector as the API returns it; also the data of every {@code roster.inspector.*} v1 event, there always
 * {@link #withoutPersonalData()}. {@code idNumber} and {@code phone} are personal data: present only for the
 * inspector's department-admin and platform-admins. {@code availability} lists the current unavailability periods
 * (leave, training, …) by start date.
 */
public record InspectorState(
        UUID id,
        String department,
        String name,
        InspectorKind kind,
        String certificateNumber,
        LocalDate certificateValidFrom,
        LocalDate certificateValidTo,
        String regionDivisionCode,
        int yearlyWorkloadCap,
        List<String> expertise,
        List<Period> availability,
        @JsonInclude(JsonInclude.Include.NON_NULL) String idNumber,
        @JsonInclude(JsonInclude.Include.NON_NULL) String phone,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        int revision) {

    public static final String REGISTERED = "roster.inspector.registered";
    public static final String CHANGED = "roster.inspector.changed";
    public static final int SCHEMA_VERSION = 1;

    /** An unavailability period, both dates inclusive. */
    public record Period(UUID id, LocalDate from, LocalDate to, UnavailabilityReason reason, String note) {}

    public static InspectorState of(Inspector i, List<Unavailability> periods) {
        List<Period> availability = periods.stream()
                .filter(p -> p.removedAt == null)
                .sorted(Comparator.comparing((Unavailability p) -> p.from).thenComparing(p -> p.id.toString()))
                .map(p -> new Period(p.id, p.from, p.to, p.reason, p.note)).toList();
        return new InspectorState(i.id, i.departmentCode, i.name, i.kind, i.certificateNumber, i.certificateValidFrom,
                i.certificateValidTo, i.regionDivisionCode, i.yearlyWorkloadCap, i.expertise.stream().sorted().toList(),
                availability, i.idNumber, i.phone, i.createdBy, i.createdAt, i.updatedBy, i.updatedAt, i.lockVersion);
    }

    public InspectorState withoutPersonalData() {
        return new InspectorState(id, department, name, kind, certificateNumber, certificateValidFrom, certificateValidTo,
                regionDivisionCode, yearlyWorkloadCap, expertise, availability, null, null, createdBy, createdAt,
                updatedBy, updatedAt, revision);
    }
}
