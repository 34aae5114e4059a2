package org.shuangsuiji.draw.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.shuangsuiji.draw.algorithm.ConflictPair;
import org.shuangsuiji.draw.algorithm.InspectorCandidate;
import org.shuangsuiji.draw.algorithm.InspectorKind;
import org.shuangsuiji.draw.algorithm.Unavailability;
import org.shuangsuiji.draw.algorithm.record.CanonicalJson;

/**
 * Reads the frozen lists in the formats roster-service and draw-service serve: NDJSON (one JSON object per line,
 * a last line {@code {"count","sha256"}}), CSV (header starting {@code uscc}, trailer {@code # {...}}), or plain
 * lines (one USCC or one {@code inspectorId,uscc} per line; blank lines and lines starting with {@code #} ignored).
 */
public final class FrozenFiles {
    private FrozenFiles() {}

    /** A trailer line's claim, or null if the file has none. */
    public record Trailer(long count, String sha256) {}

    /** Streams the USCCs of a pool file in file order; returns the trailer if the file has one. */
    public static Trailer forEachUscc(Path file, Consumer<String> sink) {
        Trailer trailer = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            boolean first = true;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (trailer != null && !line.isBlank()) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": content after the trailer line");
                }
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                boolean header = first && line.startsWith("uscc,");
                first = false;
                if (line.isBlank() || header) {
                    continue;
                }
                if (line.startsWith("#")) {
                    String rest = line.substring(1).strip();
                    if (rest.startsWith("{")) {
                        trailer = trailer(CanonicalJson.tree(rest));
                    }
                    continue;
                }
                if (line.startsWith("{")) {
                    JsonNode node = CanonicalJson.tree(line);
                    if (!node.has("uscc") && node.has("sha256")) {
                        trailer = trailer(node);
                        continue;
                    }
                    if (!node.path("uscc").isTextual()) {
                        throw new IllegalArgumentException(file + ":" + lineNo + ": no \"uscc\" member");
                    }
                    sink.accept(node.get("uscc").textValue());
                    continue;
                }
                int comma = line.indexOf(',');
                String cell = comma < 0 ? line : line.substring(0, comma);
                if (cell.startsWith("\"") && cell.endsWith("\"") && cell.length() >= 2) {
                    cell = cell.substring(1, cell.length() - 1);
                }
                sink.accept(cell.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return trailer;
    }

    private static Trailer trailer(JsonNode node) {
        return new Trailer(node.path("count").asLong(-1), node.path("sha256").asText(null));
    }

    /** Inspectors and the conflicts their lines carry ({@code "conflicts":[uscc…]}, as roster serves them). */
    public record Inspectors(List<InspectorCandidate> inspectors, List<ConflictPair> conflicts, boolean hadConflicts) {}

    public static Inspectors readInspectors(Path file) {
        List<InspectorCandidate> inspectors = new ArrayList<>();
        List<ConflictPair> conflicts = new ArrayList<>();
        boolean hadConflicts = false;
        List<String> lines = readLines(file);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            JsonNode node = CanonicalJson.tree(line);
            if (!node.has("id")) {
                continue; // the trailer
            }
            try {
                String id = node.get("id").textValue();
                List<String> expertise = new ArrayList<>();
                node.path("expertise").forEach(t -> expertise.add(t.textValue()));
                List<Unavailability> unavailable = new ArrayList<>();
                JsonNode periods = node.has("unavailable") ? node.get("unavailable") : node.path("availability");
                periods.forEach(p -> unavailable.add(new Unavailability(LocalDate.parse(p.get("from").textValue()),
                        LocalDate.parse(p.get("to").textValue()), p.path("reason").textValue())));
                if (node.has("conflicts")) {
                    hadConflicts = true;
                    node.get("conflicts").forEach(u -> conflicts.add(new ConflictPair(id, u.textValue())));
                }
                inspectors.add(new InspectorCandidate(id, node.get("department").textValue(),
                        InspectorKind.valueOf(node.get("kind").textValue()), date(node, "certificateValidFrom"),
                        date(node, "certificateValidTo"), expertise, unavailable,
                        node.hasNonNull("yearlyWorkloadCap") ? node.get("yearlyWorkloadCap").intValue() : null,
                        node.path("priorAssignments").asInt(0)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": not an inspector line (" + e.getMessage()
                        + ")", e);
            }
        }
        return new Inspectors(inspectors, conflicts, hadConflicts);
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.hasNonNull(field) ? LocalDate.parse(node.get(field).textValue()) : null;
    }

    /** Conflict pairs: NDJSON {@code {"inspectorId","uscc"}} or CSV lines {@code inspectorId,uscc}. */
    public static List<ConflictPair> readConflicts(Path file) {
        List<ConflictPair> pairs = new ArrayList<>();
        List<String> lines = readLines(file);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("inspectorId,")) {
                continue;
            }
            if (line.startsWith("{")) {
                JsonNode node = CanonicalJson.tree(line);
                if (node.has("inspectorId")) {
                    pairs.add(new ConflictPair(node.get("inspectorId").textValue(), node.get("uscc").textValue()));
                }
                continue;
            }
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected inspectorId,uscc");
            }
            pairs.add(new ConflictPair(line.substring(0, comma).strip(), line.substring(comma + 1).strip()));
        }
        return pairs;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
