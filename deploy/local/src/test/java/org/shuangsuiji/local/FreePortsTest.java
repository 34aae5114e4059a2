package org.shuangsuiji.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreePortsTest {

    @TempDir
    Path dir;

    @Test
    void handsOutBindablePortsBelowTheEphemeralRangeAndNeverTwice() throws IOException {
        int[] ephemeral = FreePorts.ephemeralRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
        int[] pool = FreePorts.pool(ephemeral);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(pool[0], pool[1]);
            assertThat(port < ephemeral[0] || port > ephemeral[1]).as("port %d outside the ephemeral range", port)
                    .isTrue();
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    @Test
    void readsLinuxsRangeAndFallsBackToTheIanaRange() throws IOException {
        Path linux = Files.writeString(dir.resolve("range"), "32768\t60999\n");
        assertThat(FreePorts.ephemeralRange(linux)).containsExactly(32768, 60999);
        assertThat(FreePorts.ephemeralRange(dir.resolve("absent"))).containsExactly(49152, 65535);
        Path odd = Files.writeString(dir.resolve("odd"), "60999 32768\n");
        assertThat(FreePorts.ephemeralRange(odd)).containsExactly(49152, 65535);
        Path garbage = Files.writeString(dir.resolve("garbage"), "ports\n");
        assertThat(FreePorts.ephemeralRange(garbage)).containsExactly(49152, 65535);
    }

    @Test
    void readsTheRunningKernelsRangeWhateverSizeProcfsReports() throws IOException {
        Path proc = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        assumeTrue(Files.isReadable(proc), "not Linux");
        String[] expected;
        try (var in = Files.newInputStream(proc)) {
            expected = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
        }
        assertThat(FreePorts.ephemeralRange(proc))
                .containsExactly(Integer.parseInt(expected[0]), Integer.parseInt(expected[1]));
    }

    @Test
    void choosesBelowTheRangeThenAboveItThenWhatIsLeft() {
        assertThat(FreePorts.pool(new int[] {32768, 60999})).containsExactly(FreePorts.FLOOR, 32767);
        assertThat(FreePorts.pool(new int[] {20500, 40000})).containsExactly(40001, 65535);
        assertThat(FreePorts.pool(new int[] {1024, 65000})).containsExactly(FreePorts.FLOOR, 65535);
    }
}
