package org.shuangsuiji.commons.security;

/**
 * The platform's roles, as Keycloak realm roles in the token's {@code groups} claim. What each may do is in
 * docs/security.md; services check the role and then the department scope with {@link CurrentUser}.
 */
public final class Roles {

    /** Runs the platform: departments, reference data, every department's configuration. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Administers one department: its rosters, users' department data, personal data of its inspectors. */
    public static final String DEPARTMENT_ADMIN = "department-admin";
    /** Writes items, plans and tasks, and announces draws for the department. */
    public static final String PLANNER = "planner";
    /** Approves items and rules (法规科审核) and corrections of results. */
    public static final String REVIEWER = "reviewer";
    /** An enforcement officer: enters results for the inspections assigned to them. */
    public static final String INSPECTOR = "inspector";
    /** The unit head who signs off corrections and follow-ups. */
    public static final String DEPARTMENT_HEAD = "department-head";
    /** E.g. the discipline inspection group (纪检组): commits and reveals entropy, sees every draw step. */
    public static final String WITNESS = "witness";
    /** Reads everything, changes nothing (审计). */
    public static final String AUDITOR = "auditor";
    /** The provincial platform's machine client pulling the published-results feed. */
    public static final String SYNC_CLIENT = "sync-client";

    private Roles() {}
}
