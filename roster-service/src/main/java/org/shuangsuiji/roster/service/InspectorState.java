package org.shuangsuiji.roster.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.shuangsuiji.roster.domain.Inspector;
import org.shuangsuiji.roster.domain.InspectorKind;

/**
 * An inspector as the API returns it. {@code idNumber} and {@code phone} are personal data: present only for the
 * inspector's department-admin and platform-admins, and never in events ({@code roster.inspector.registered} v1
 * carries {@link #withoutPersonalData()}).
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
        @JsonInclude(JsonInclude.Include.NON_NULL) String idNumber,
        @JsonInclude(JsonInclude.Include.NON_NULL) String phone,
        String createdBy,
        OffsetDateTime createdAt,
        int revision) {

    public static final String REGISTERED = "roster.inspector.registered";
    public static final int SCHEMA_VERSION = 1;

    public static InspectorState of(Inspector i) {
        return new InspectorState(i.id, i.departmentCode, i.name, i.kind, i.certificateNumber, i.certificateValidFrom,
                i.certificateValidTo, i.regionDivisionCode, i.yearlyWorkloadCap, i.expertise.stream().sorted().toList(),
                i.idNumber, i.phone, i.createdBy, i.createdAt, i.lockVersion);
    }

    public InspectorState withoutPersonalData() {
        return new InspectorState(id, department, name, kind, certificateNumber, certificateValidFrom, certificateValidTo,
                regionDivisionCode, yearlyWorkloadCap, expertise, null, null, createdBy, createdAt, revision);
    }
}
