package org.shuangsuiji.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a throw-away run. A port that {@code new ServerSocket(0)} reports free is from the kernel's ephemeral
 * range, which every outgoing connection also draws its local port from. Between the check and the child's bind,
 * a client (Keycloak, a JDBC pool, Maven) could take it: CI once saw Kafka's controller fail with "Address already in
 * use" that way. So ports are chosen below that range, where only explicit listeners bind, and none is handed out
 * twice by one JVM.
 */
final class FreePorts {

    /** Lowest port handed out: clear of the well-known and most registered service ports. */
    static final int FLOOR = 20000;

    private static final Path RANGE_FILE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A port that is bindable on localhost now, outside the ephemeral range, not handed out before. */
    static synchronized int next() {
        int[] ephemeral = ephemeralRange(RANGE_FILE);
        int[] pool = pool(ephemeral);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = pool[0] + random.nextInt(pool[1] - pool[0] + 1);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + pool[0] + "-" + pool[1]
                + " (ephemeral range " + ephemeral[0] + "-" + ephemeral[1] + ")");
    }

    /**
     * The ports to choose from: those between {@link #FLOOR} and the ephemeral range, else those above it. A machine
     * whose ephemeral range leaves neither wide enough gets the ports above the floor, the best left.
     */
    static int[] pool(int[] ephemeral) {
        if (ephemeral[0] - 1 - FLOOR >= 1000) {
            return new int[] {FLOOR, ephemeral[0] - 1};
        }
        if (65535 - (ephemeral[1] + 1) >= 1000) {
            return new int[] {ephemeral[1] + 1, 65535};
        }
        return new int[] {FLOOR, 65535};
    }

    /** Linux's range, or the IANA dynamic range (what macOS and Windows use) where the file is absent or unreadable. */
    static int[] ephemeralRange(Path file) {
        // A line reader, not Files.readString: that trusts the reported size, and some kernels (this sandbox's) give
        // procfs files a size that cuts the content to its first byte.
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line = reader.readLine();
            String[] parts = line == null ? new String[0] : line.trim().split("\\s+");
            if (parts.length != 2) {
                return new int[] {49152, 65535};
            }
            int low = Integer.parseInt(parts[0]);
            int high = Integer.parseInt(parts[1]);
            if (0 < low && low <= high && high <= 65535) {
                return new int[] {low, high};
            }
        } catch (IOException | RuntimeException absentOrOdd) {
            // fall through to the IANA range
        }
        return new int[] {49152, 65535};
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
