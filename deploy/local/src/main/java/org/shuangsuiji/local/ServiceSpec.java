package org.shuangsuiji.local;

import java.util.List;

/** One platform service: its Maven module (directory at the repo root), its database and its local HTTP port. */
public record ServiceSpec(String name, String database, int localPort) {

    /** The five services, in start order. Ports and database names are the local-run contract (see README). */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("catalog-service", "catalog", 8081),
            new ServiceSpec("roster-service", "roster", 8082),
            new ServiceSpec("draw-service", "draw", 8083),
            new ServiceSpec("inspection-service", "inspection", 8084),
            new ServiceSpec("publication-service", "publication", 8085));

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }
}
