package org.shuangsuiji.commons.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus' OIDC WireMock server (real RS256 keys behind a JWKS endpoint), pointed at by the service's OIDC
 * configuration. Overriding {@code quarkus.oidc.auth-server-url} here beats the service's local default, so no test
 * can ever talk to a Keycloak that happens to run on this machine.
 */
public class OidcResource implements QuarkusTestResourceLifecycleManager {

    private final OidcWiremockTestResource server = new OidcWiremockTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(server.start());
        config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus/");
        config.put("quarkus.oidc.client-id", "quarkus-service-app");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        server.inject(injector);
    }

    @Override
    public void stop() {
        server.stop();
    }
}
