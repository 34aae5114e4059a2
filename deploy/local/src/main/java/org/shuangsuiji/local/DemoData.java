package org.shuangsuiji.local;

import java.util.List;

/**
 * One set of demo data, loaded over the services' public HTTP APIs with real Keycloak tokens after the platform is
 * ready. Loaders must be idempotent: a persistent run loads them again at every start. Add new sets to {@link #ALL}.
 */
public interface DemoData {

    List<DemoData> ALL = List.of(new WalkingSkeletonDemoData());

    String name();

    void load(Context context);

    /** What a loader may use: where things are, tokens, HTTP. */
    record Context(Settings settings, KeycloakTokens tokens, Http http) {

        public String url(String service, String path) {
            return settings.serviceUrl(service) + path;
        }
    }

    /** Loads every set; a failing set is reported and skipped so that the platform stays up. */
    static void loadAll(Context context) {
        for (DemoData data : ALL) {
            try {
                data.load(context);
                System.out.println("  demo data: " + data.name() + " loaded");
            } catch (RuntimeException e) {
                System.out.println("  demo data: " + data.name() + " NOT loaded: " + e.getMessage());
            }
        }
    }
}
