package org.shuangsuiji.roster.service;

import java.time.OffsetDateTime;
import org.shuangsuiji.roster.domain.Department;
import org.shuangsuiji.roster.domain.DepartmentLevel;

/** A department as the API returns it; also the data of {@code roster.department.registered} v1. */
public record DepartmentState(
        String code,
        String name,
        DepartmentLevel level,
        String divisionCode,
        String parentCode,
        String createdBy,
        OffsetDateTime createdAt) {

    public static final String REGISTERED = "roster.department.registered";
    public static final int SCHEMA_VERSION = 1;

    public static DepartmentState of(Department d) {
        return new DepartmentState(d.code, d.name, d.level, d.divisionCode, d.parentCode, d.createdBy, d.createdAt);
    }
}
