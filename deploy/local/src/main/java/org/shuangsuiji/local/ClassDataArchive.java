package org.shuangsuiji.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A service's class-data-sharing archive (AppCDS), trained by a real run of that service. A Quarkus start on the
 * 2-core machine is mostly class loading and verification: with an archive trained against the running platform a
 * service is ready in about 2 s instead of 4–6 s (docs/performance.md). Build-time AppCDS, which stops after static
 * init, only reached about 3 s.
 *
 * <p>The first run of a jar trains: its JVM dumps the classes it loaded when it exits normally (Ctrl-C), and later
 * runs of the same jar on the same JDK map them. The file name carries the jar's size and time and the JDK, so a
 * rebuilt jar or another JDK trains again instead of using a stale archive; {@code -Xshare:auto} falls back to a
 * normal start if the JDK refuses an archive anyway.
 */
final class ClassDataArchive {

    private final Path archive;
    private final Path training;

    private ClassDataArchive(Path archive, Path training) {
        this.archive = archive;
        this.training = training;
    }

    static ClassDataArchive forJar(Path directory, String service, Path jar) {
        try {
            Files.createDirectories(directory);
            String fingerprint = service + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
                    + "|" + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
            String name = service + "-" + sha256(fingerprint).substring(0, 16);
            return new ClassDataArchive(directory.resolve(name + ".jsa"), directory.resolve(name + ".training"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean trained() {
        return Files.isRegularFile(archive);
    }

    /**
     * How long a stopping JVM may take. A training JVM writes an archive of 100–130 MB at exit; five of them at once
     * on 2 cores took more than 20 s, and the one killed then left no archive (2026-12-03).
     */
    Duration stopGrace() {
        return trained() ? Duration.ofSeconds(20) : Duration.ofSeconds(120);
    }

    List<String> jvmOptions() {
        if (trained()) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        }
        return List.of("-XX:ArchiveClassesAtExit=" + training);
    }

    /**
     * After the service's JVM has ended: keeps a complete training dump, drops archives of older jars. A JVM that had
     * to be killed may have left half a dump, which is never kept.
     */
    void afterExit(String service, boolean endedOnItsOwn) {
        try {
            if (!trained() && !endedOnItsOwn) {
                System.out.println("  " + service + ": killed while writing its class-data archive; the next run "
                        + "trains again");
            }
            if (trained() || !endedOnItsOwn || !Files.isRegularFile(training) || Files.size(training) == 0) {
                Files.deleteIfExists(training);
                return;
            }
            try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), service + "-*.jsa")) {
                for (Path stale : old) {
                    Files.deleteIfExists(stale);
                }
            }
            Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.out.println("  " + service + ": class-data archive not kept: " + e.getMessage());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
