package org.shuangsuiji.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK for a child process. Keycloak 26.7.3's jars are Java 17 bytecode and it starts on JDK 17 (checked:
 * 17.0.15), so the launcher's own JVM normally serves; a newer one is only looked for if that ever changes.
 */
public final class Jdks {

    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private Jdks() {}

    /** The java executable of the JVM running the launcher. */
    public static Path currentJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    public static Path java(Path javaHome) {
        return javaHome.resolve("bin/java");
    }

    /** A JDK of at least {@code minFeature}: this JVM, else JAVA_HOME, else /usr/lib/jvm/*; fails saying what to install. */
    public static Path atLeast(int minFeature, String forWhat) {
        if (Runtime.version().feature() >= minFeature) {
            return currentJavaHome();
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> list = Files.list(jvms)) {
                list.sorted().forEach(candidates::add);
            } catch (IOException ignored) {
                // nothing more to scan
            }
        }
        for (Path home : candidates) {
            if (Files.isExecutable(java(home)) && feature(home) >= minFeature) {
                return home;
            }
        }
        throw new IllegalStateException(forWhat + " needs Java " + minFeature + " or newer; none found (this JVM is "
                + Runtime.version() + ", looked at JAVA_HOME and /usr/lib/jvm). Install one, e.g. "
                + "`apt-get install openjdk-" + minFeature + "-jdk-headless`, and set JAVA_HOME to it.");
    }

    static int feature(Path javaHome) {
        try {
            Matcher m = RELEASE_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
