package org.shuangsuiji.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.shuangsuiji.draw.algorithm.record.FrozenList;

/**
 * The frozen conflict matrix (回避): pairs (inspectorId, uscc). Its hash is SHA-256 over the lines
 * {@code inspectorId + "," + uscc + "\n"} of the distinct pairs sorted by byte order; only count and hash are
 * published.
 */
public final class ConflictMatrix {
    private final Map<String, Set<String>> byUscc = new HashMap<>();
    private final TreeSet<String> lines = new TreeSet<>(PoolHasher::compareBytes);

    private ConflictMatrix() {}

    public static ConflictMatrix of(Collection<ConflictPair> pairs) {
        ConflictMatrix matrix = new ConflictMatrix();
        for (ConflictPair pair : pairs) {
            if (pair.inspectorId() == null || pair.uscc() == null || pair.inspectorId().contains(",")
                    || pair.inspectorId().contains("\n") || pair.uscc().contains("\n")) {
                throw new DrawInputException("conflicts", "malformed pair " + pair);
            }
            matrix.byUscc.computeIfAbsent(pair.uscc(), u -> new HashSet<>()).add(pair.inspectorId());
            matrix.lines.add(pair.inspectorId() + "," + pair.uscc());
        }
        return matrix;
    }

    public static ConflictMatrix empty() {
        return of(List.of());
    }

    public boolean conflicts(String inspectorId, String uscc) {
        Set<String> inspectors = byUscc.get(uscc);
        return inspectors != null && inspectors.contains(inspectorId);
    }

    /** Inspectors in conflict with one subject (empty set if none). */
    public Set<String> inspectorsInConflictWith(String uscc) {
        return byUscc.getOrDefault(uscc, Set.of());
    }

    public int count() {
        return lines.size();
    }

    public String sha256() {
        MessageDigest digest = Sha256.newDigest();
        for (String line : lines) {
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return Hex.of(digest.digest());
    }

    public FrozenList frozen() {
        return new FrozenList(count(), sha256());
    }

    /** The distinct pairs in canonical order. */
    public List<ConflictPair> pairs() {
        List<ConflictPair> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            int comma = line.indexOf(',');
            out.add(new ConflictPair(line.substring(0, comma), line.substring(comma + 1)));
        }
        return out;
    }
}
