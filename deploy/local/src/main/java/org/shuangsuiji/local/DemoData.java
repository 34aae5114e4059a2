package org.shuangsuiji.local;

import java.util.ArrayList;
import java.util.List;

/**
 * One set of demo data, loaded over the services' public HTTP APIs with real Keycloak tokens after the platform is
 * ready. Loaders must be idempotent: a persistent run loads them again at every start. Add new sets to {@link #ALL}.
 */
public interface DemoData {

    /**
     * In dependency order: catalog accepts only departments roster has announced, the walking skeleton's item and the
     * draws need both, the draws need roster's pools and catalog's published items and rules.
     */
    List<DemoData> ALL = List.of(new RosterDemoData(), new CatalogDemoData(), new WalkingSkeletonDemoData(),
            new DrawDemoData());

    String name();

    void load(Context context);

    /** What a loader may use: where things are, tokens, HTTP. */
    record Context(Settings settings, KeycloakTokens tokens, Http http) {

        public String url(String service, String path) {
            return settings.serviceUrl(service) + path;
        }
    }

    /**
     * Loads every set and returns what failed ({@code name: reason}); empty when all loaded. A failing set is reported
     * and the platform stays up, but the sets after it are not tried: each needs what the ones before it load.
     */
    static List<String> loadAll(Context context) {
        List<String> failures = new ArrayList<>();
        for (DemoData data : ALL) {
            if (!failures.isEmpty()) {
                System.out.println("  demo data: " + data.name() + " NOT loaded: an earlier set failed");
                failures.add(data.name() + ": not tried, an earlier set failed");
                continue;
            }
            long start = System.nanoTime();
            try {
                data.load(context);
                System.out.printf("  demo data: %s loaded (%.1f s)%n", data.name(), (System.nanoTime() - start) / 1e9);
            } catch (RuntimeException e) {
                System.out.println("  demo data: " + data.name() + " NOT loaded: " + e.getMessage());
                failures.add(data.name() + ": " + e.getMessage());
            }
        }
        return failures;
    }
}
