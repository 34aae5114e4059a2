package org.shuangsuiji.roster.domain;

/** 省级 / 市级 / 县级: an upper level may read its lower levels' data but not edit it. */
public enum DepartmentLevel {
    PROVINCE,
    CITY,
    COUNTY;

    public boolean isAbove(DepartmentLevel other) {
        return ordinal() < other.ordinal();
    }
}
