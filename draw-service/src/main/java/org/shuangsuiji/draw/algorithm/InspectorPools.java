package org.shuangsuiji.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.shuangsuiji.draw.algorithm.record.CanonicalJson;
import org.shuangsuiji.draw.algorithm.record.FrozenList;

/**
 * The frozen eligible-inspector list. Each inspector's canonical line is the canonical JSON of
 * {@code {id, department, kind, certificateValidFrom?, certificateValidTo?, expertise (sorted, distinct),
 * unavailable (sorted by from, to, reason), yearlyWorkloadCap?, priorAssignments}} (absent values omitted); the list
 * hash is SHA-256 over {@code line + "\n"} per inspector in ascending byte order of the id. Conflicts are not part of
 * it (they have their own hash); names and personal data never are.
 */
public final class InspectorPools {
    private InspectorPools() {}

    /** The inspector's canonical line (no line break). */
    public static String canonicalLine(InspectorCandidate c) {
        return CanonicalJson.string(normalise(c));
    }

    /** Sorted by id, expertise sorted and distinct, periods sorted; refuses duplicates and incomplete entries. */
    public static List<InspectorCandidate> canonical(List<InspectorCandidate> inspectors) {
        List<InspectorCandidate> out = new ArrayList<>(inspectors.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < inspectors.size(); i++) {
            InspectorCandidate c = inspectors.get(i);
            String field = "inspectors[" + i + "]";
            if (c.id() == null || c.id().isEmpty() || c.id().contains(",") || c.id().contains("\n")) {
                throw new DrawInputException(field + ".id", "is required (no commas or line breaks)");
            }
            if (!ids.add(c.id())) {
                throw new DrawInputException(field + ".id", "inspector " + c.id() + " is listed twice");
            }
            if (c.department() == null || c.department().isEmpty()) {
                throw new DrawInputException(field + ".department", "is required");
            }
            if (c.kind() == null) {
                throw new DrawInputException(field + ".kind", "is required");
            }
            if (c.priorAssignments() < 0 || c.yearlyWorkloadCap() != null && c.yearlyWorkloadCap() < 0) {
                throw new DrawInputException(field + ".priorAssignments", "workload figures must not be negative");
            }
            for (Unavailability u : c.unavailable()) {
                if (u.from() == null || u.to() == null || u.to().isBefore(u.from())) {
                    throw new DrawInputException(field + ".unavailable", "each period needs from ≤ to");
                }
            }
            out.add(normalise(c));
        }
        out.sort(Comparator.comparing(InspectorCandidate::id, PoolHasher::compareBytes));
        return out;
    }

    public static String sha256(List<InspectorCandidate> inspectors) {
        MessageDigest digest = Sha256.newDigest();
        for (InspectorCandidate c : canonical(inspectors)) {
            digest.update(CanonicalJson.string(c).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return Hex.of(digest.digest());
    }

    public static FrozenList frozen(List<InspectorCandidate> inspectors) {
        return new FrozenList(inspectors.size(), sha256(inspectors));
    }

    private static InspectorCandidate normalise(InspectorCandidate c) {
        List<String> expertise = new ArrayList<>(new TreeSet<>(c.expertise()));
        List<Unavailability> periods = new ArrayList<>(c.unavailable());
        periods.sort(Comparator.comparing(Unavailability::from).thenComparing(Unavailability::to)
                .thenComparing(u -> u.reason() == null ? "" : u.reason()));
        return new InspectorCandidate(c.id(), c.department(), c.kind(), c.certificateValidFrom(),
                c.certificateValidTo(), expertise, periods, c.yearlyWorkloadCap(), c.priorAssignments());
    }
}
