package org.shuangsuiji.catalog.rest;

import java.time.OffsetDateTime;
import org.shuangsuiji.catalog.domain.KnownDepartment;

/** A department as this service knows it from roster-service's events. */
public record DepartmentView(
        String code, String name, String level, String divisionCode, String parentCode, OffsetDateTime receivedAt) {

    public static DepartmentView of(KnownDepartment d) {
        return new DepartmentView(d.code, d.name, d.level, d.divisionCode, d.parentCode, d.receivedAt);
    }
}
