package org.shuangsuiji.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    /** A child that, on SIGTERM, writes a mark and then takes a while to exit, as a service leaving Kafka does. */
    private ChildProcess slowToStop(String name) {
        String script = "trap 'touch " + dir.resolve(name + ".term") + "; sleep 4; exit 0' TERM; "
                + "touch " + dir.resolve(name + ".up") + "; while true; do sleep 0.1; done";
        return ChildProcess.start(name, List.of("sh", "-c", script), Map.of(), dir, dir.resolve(name + ".log"));
    }

    private void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(50);
        }
        assertThat(file).exists();
    }

    @Test
    void signalStopReturnsAtOnceSoTheNextProcessIsSignalledWhileTheFirstIsStillStopping() throws Exception {
        ChildProcess first = slowToStop("first");
        ChildProcess second = slowToStop("second");
        awaitFile(dir.resolve("first.up"));
        awaitFile(dir.resolve("second.up"));

        first.signalStop();
        second.signalStop();
        awaitFile(dir.resolve("second.term"));

        assertThat(first.isAlive()).as("first still in its 4 s of stopping when the second got SIGTERM").isTrue();
        first.stop(Duration.ofSeconds(10));
        second.stop(Duration.ofSeconds(10));
        assertThat(first.isAlive()).isFalse();
        assertThat(second.isAlive()).isFalse();
        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
    }

    @Test
    void stopSaysWhetherTheProcessEndedWithinItsGraceOrHadToBeKilled() throws Exception {
        ChildProcess polite = slowToStop("polite");
        String ignoresTerm = "trap 'echo ignored' TERM; touch " + dir.resolve("stubborn.up")
                + "; while true; do sleep 0.1; done";
        ChildProcess stubborn = ChildProcess.start("stubborn", List.of("sh", "-c", ignoresTerm), Map.of(), dir,
                dir.resolve("stubborn.log"));
        awaitFile(dir.resolve("polite.up"));
        awaitFile(dir.resolve("stubborn.up"));

        assertThat(polite.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(stubborn.stop(Duration.ofMillis(500))).isFalse();
        assertThat(stubborn.isAlive()).isFalse();
    }
}
