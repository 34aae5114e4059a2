package org.shuangsuiji.local;

import java.util.List;

/**
 * One platform service: its Maven module (directory at the repo root), its database, its local HTTP port, and whether
 * it needs the JVM's optimising compiler (C2): with C1 alone the draw's keyed hashes ran 5-6 times slower, without
 * the JDK's SHA-256 intrinsic (docs/operations.md); the other services start faster with C1 alone.
 */
public record ServiceSpec(String name, String database, int localPort, boolean optimisingCompiler) {

    /** The five services, in start order. Ports and database names are the local-run contract (see README). */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("catalog-service", "catalog", 8081, false),
            new ServiceSpec("roster-service", "roster", 8082, false),
            new ServiceSpec("draw-service", "draw", 8083, true),
            new ServiceSpec("inspection-service", "inspection", 8084, false),
            new ServiceSpec("publication-service", "publication", 8085, false));

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }
}
