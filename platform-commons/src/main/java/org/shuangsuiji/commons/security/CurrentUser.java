package org.shuangsuiji.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.shuangsuiji.commons.problem.ProblemException;

/**
 * Who is calling, with the department and division the token asserts ({@code department}, {@code division}
 * claims, set by Keycloak from user attributes). Services use it for data scope, never request parameters.
 */
@RequestScoped
public class CurrentUser {

    public static final String DEPARTMENT_CLAIM = "department";
    public static final String DIVISION_CLAIM = "division";

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The department code the token carries, or null for platform-wide users (admins, auditors, sync clients). */
    public String department() {
        return claim(DEPARTMENT_CLAIM);
    }

    /** The 6-digit GB/T 2260 division code of the user's department, or null. */
    public String division() {
        return claim(DIVISION_CLAIM);
    }

    /**
     * Writes are scoped to the caller's own department; platform admins act for every department.
     *
     * @throws ProblemException 403 naming the department otherwise
     */
    public void requireDepartment(String department) {
        if (hasRole(Roles.PLATFORM_ADMIN)) {
            return;
        }
        if (department() == null || !department().equals(department)) {
            throw ProblemException.forbidden("department " + department + " is not your department");
        }
    }

    private String claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value instanceof JsonString json) {
                return json.getString(); // custom claims arrive as JSON values
            }
            return value == null ? null : value.toString();
        }
        return null;
    }
}
