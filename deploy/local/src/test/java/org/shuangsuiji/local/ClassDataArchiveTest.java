package org.shuangsuiji.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path dir;

    private ClassDataArchive archiveOfAJar() throws Exception {
        Path jar = Files.writeString(dir.resolve("app-runner.jar"), "not really a jar");
        return ClassDataArchive.forJar(dir.resolve("cds"), "app", jar);
    }

    private static Path trainingFile(ClassDataArchive archive) {
        String option = archive.jvmOptions().get(0);
        assertThat(option).startsWith("-XX:ArchiveClassesAtExit=");
        return Path.of(option.substring(option.indexOf('=') + 1));
    }

    @Test
    void keepsTheDumpOfAJvmThatEndedOnItsOwn() throws Exception {
        ClassDataArchive archive = archiveOfAJar();
        Files.writeString(trainingFile(archive), "dump");

        archive.afterExit("app", true);

        assertThat(archive.trained()).isTrue();
        assertThat(archive.jvmOptions()).anyMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
    }

    @Test
    void dropsTheHalfWrittenDumpOfAJvmThatHadToBeKilled() throws Exception {
        ClassDataArchive archive = archiveOfAJar();
        Path training = trainingFile(archive);
        Files.writeString(training, "half a dump");

        archive.afterExit("app", false);

        assertThat(archive.trained()).isFalse();
        assertThat(training).doesNotExist();
    }

    @Test
    void givesATrainingJvmLongerToStopThanATrainedOne() throws Exception {
        ClassDataArchive archive = archiveOfAJar();
        Duration training = archive.stopGrace();
        Files.writeString(trainingFile(archive), "dump");
        archive.afterExit("app", true);

        assertThat(training).isGreaterThan(archive.stopGrace());
    }
}
