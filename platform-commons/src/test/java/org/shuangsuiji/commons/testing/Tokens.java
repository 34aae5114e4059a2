package org.shuangsuiji.commons.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Real RS256-signed access tokens from the test OIDC server, carrying roles and department claims. */
public final class Tokens {

    private Tokens() {}

    public static String of(String user, Set<String> roles) {
        return OidcWiremockTestResource.getAccessToken(user, roles);
    }

    /** A token whose {@code department} and {@code division} claims scope what the user may touch. */
    public static String of(String user, Set<String> roles, String department, String division) {
        Map<String, String> claims = new HashMap<>();
        if (department != null) {
            claims.put("department", department);
        }
        if (division != null) {
            claims.put("division", division);
        }
        return OidcWiremockTestResource.generateJwtToken(
                user, roles, user, "Bearer", Set.of("https://server.example.com"), claims);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
