package org.shuangsuiji.draw.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.shuangsuiji.draw.algorithm.Announcements;
import org.shuangsuiji.draw.algorithm.ConflictMatrix;
import org.shuangsuiji.draw.algorithm.ConflictPair;
import org.shuangsuiji.draw.algorithm.DrawComputer;
import org.shuangsuiji.draw.algorithm.DrawInputException;
import org.shuangsuiji.draw.algorithm.Entropy;
import org.shuangsuiji.draw.algorithm.Hex;
import org.shuangsuiji.draw.algorithm.InspectorCandidate;
import org.shuangsuiji.draw.algorithm.KeyDerivation;
import org.shuangsuiji.draw.algorithm.PoolHasher;
import org.shuangsuiji.draw.algorithm.PoolSource;
import org.shuangsuiji.draw.algorithm.Substitutions;
import org.shuangsuiji.draw.algorithm.TeamAssigner;
import org.shuangsuiji.draw.algorithm.record.Announcement;
import org.shuangsuiji.draw.algorithm.record.CanonicalJson;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.DrawRecords;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;
import org.shuangsuiji.draw.algorithm.record.Infeasible;
import org.shuangsuiji.draw.algorithm.record.Selection;
import org.shuangsuiji.draw.algorithm.record.Stratum;
import org.shuangsuiji.draw.algorithm.record.StratumResult;
import org.shuangsuiji.draw.algorithm.record.Substitution;
import org.shuangsuiji.draw.algorithm.record.Team;
import org.shuangsuiji.draw.algorithm.record.TeamMember;

/**
 * Recomputes a draw record from the frozen lists and reports VALID or the first discrepancy, in this order:
 * record format, announcement rules, announcement hash, entropy (commitments), key, each stratum's pool (count and
 * hash), each stratum's selections, inspector list and conflict matrix hashes, teams and infeasible subjects,
 * substitutions (hash chain and each replacement).
 */
public final class Verifier {

    /**
     * What the verifier is given. Only the record and the pools are required; without {@code inspectors} (and
     * {@code conflicts}) teams are not checked, without the confidential {@code strataMap} the quotas are not checked
     * against the ratios.
     */
    public record Input(String recordJson, List<Path> pools, Path inspectors, Path conflicts, Path substitutions,
            Path strataMap) {}

    /**
     * @param valid       true if every check that could be made passed
     * @param discrepancy the first discrepancy, or null
     * @param checked     what was checked, in order
     * @param notChecked  what could not be checked for want of input
     * @param recordSha256 the record hash (compare it with the published one)
     */
    public record Result(boolean valid, String discrepancy, List<String> checked, List<String> notChecked,
            String recordSha256) {}

    private final List<String> checked = new ArrayList<>();
    private final List<String> notChecked = new ArrayList<>();

    private static final class Discrepancy extends RuntimeException {
        Discrepancy(String message) {
            super(message, null, false, false);
        }
    }

    private Verifier() {}

    public static Result verify(Input input) {
        Verifier v = new Verifier();
        String recordSha256 = null;
        try {
            JsonNode tree;
            DrawRecord record;
            try {
                tree = CanonicalJson.tree(input.recordJson());
                record = CanonicalJson.read(tree, DrawRecord.class);
            } catch (IllegalArgumentException e) {
                throw new Discrepancy("record: " + e.getMessage());
            }
            recordSha256 = DrawRecords.sha256(tree);
            v.run(tree, record, input);
            return new Result(true, null, v.checked, v.notChecked, recordSha256);
        } catch (Discrepancy d) {
            return new Result(false, d.getMessage(), v.checked, v.notChecked, recordSha256);
        } catch (DrawInputException e) {
            return new Result(false, e.field() + ": " + e.reason(), v.checked, v.notChecked, recordSha256);
        }
    }

    private void run(JsonNode tree, DrawRecord record, Input input) {
        expect(DrawRecord.FORMAT.equals(record.format()), "record: format is " + record.format() + ", expected "
                + DrawRecord.FORMAT);
        Announcement a = record.announcement();
        try {
            Announcements.validate(a);
        } catch (DrawInputException e) {
            throw new Discrepancy("announcement: " + e.field() + ": " + e.reason());
        }
        checked.add("announcement rules (exclusions, counts, team rules, entropy sources)");
        if (input.strataMap() != null) {
            try {
                Announcements.validate(a, DrawRecords.parseStrataMap(read(input.strataMap())));
            } catch (DrawInputException e) {
                throw new Discrepancy("strata map: " + e.field() + ": " + e.reason());
            }
            checked.add("strata map against its announced hash, quotas against ssj-quota/1 with its ratios");
        } else {
            notChecked.add("quotas against the confidential ratios: give --strata-map");
        }

        String announcementSha256 = DrawRecords.sha256(tree.get("announcement"));
        expect(announcementSha256.equals(record.announcementSha256()), "announcement: its canonical JSON hashes to "
                + announcementSha256 + ", the record says " + record.announcementSha256());
        checked.add("announcement hash " + announcementSha256);

        try {
            Entropy.checkReveal(a.entropySources(), record.entropy());
        } catch (DrawInputException e) {
            throw new Discrepancy("entropy: " + e.field() + ": " + e.reason());
        }
        checked.add("entropy values against the announced sources and witness commitments");

        byte[] key = KeyDerivation.deriveKey(announcementSha256, record.entropy());
        expect(Hex.of(key).equals(record.key()), "key: HKDF over the entropy values and the announcement hash gives "
                + Hex.of(key) + ", the record says " + record.key());
        checked.add("key " + Hex.of(key));

        Map<String, Path> poolFiles = assignPools(a, input.pools());
        PoolSource source = (stratumId, sink) -> {
            Path file = poolFiles.get(stratumId);
            PoolHasher hasher = new PoolHasher();
            FrozenFiles.Trailer trailer = FrozenFiles.forEachUscc(file, uscc -> {
                hasher.add(uscc);
                sink.accept(uscc);
            });
            if (trailer != null) {
                String sha256 = hasher.sha256();
                expect(trailer.count() == hasher.count() && sha256.equals(trailer.sha256()), "stratum " + stratumId
                        + ": pool file " + file.getFileName() + " says count " + trailer.count() + " sha256 "
                        + trailer.sha256() + " in its trailer, its members give " + hasher.count() + " and " + sha256
                        + " (incomplete or edited file)");
            }
        };
        List<StratumResult> expected;
        try {
            expected = DrawComputer.select(a, key, record.entropy().stream().map(EntropyValue::value).toList(), source);
        } catch (DrawInputException e) {
            String stratum = e.field().startsWith("pools.") ? e.field().substring(6) : null;
            throw new Discrepancy(stratum == null ? e.field() + ": " + e.reason()
                    : "stratum " + stratum + ": pool file " + poolFiles.get(stratum).getFileName() + ": " + e.reason());
        }
        for (int i = 0; i < a.strata().size(); i++) {
            Stratum stratum = a.strata().get(i);
            StratumResult result = expected.get(i);
            expect(result.poolCount() == stratum.poolCount() && result.poolSha256().equals(stratum.poolSha256()),
                    "stratum " + stratum.id() + ": pool file " + poolFiles.get(stratum.id()).getFileName() + " has "
                            + result.poolCount() + " members with sha256 " + result.poolSha256()
                            + ", the announcement froze " + stratum.poolCount() + " members with sha256 "
                            + stratum.poolSha256());
        }
        checked.add("pools of " + a.strata().size() + " strata against the announced counts and hashes");
        compareSelections(expected, record.selections());
        checked.add("selections of every stratum (ranks, USCCs, scores, cut-offs)");

        if (input.inspectors() == null) {
            notChecked.add("teams, infeasible subjects and substitutions: give --inspectors (and --conflicts)");
            return;
        }
        FrozenFiles.Inspectors inspectors = FrozenFiles.readInspectors(input.inspectors());
        List<ConflictPair> pairs = new ArrayList<>(inspectors.conflicts());
        if (input.conflicts() != null) {
            pairs.addAll(FrozenFiles.readConflicts(input.conflicts()));
        } else if (!inspectors.hadConflicts() && a.conflicts().count() > 0) {
            notChecked.add("teams, infeasible subjects and substitutions: the conflict matrix ("
                    + a.conflicts().count() + " pairs) is needed, give --conflicts");
            return;
        }
        ConflictMatrix conflicts = ConflictMatrix.of(pairs);
        try {
            DrawComputer.checkFrozenInspectors(a, inspectors.inspectors(), conflicts);
        } catch (DrawInputException e) {
            throw new Discrepancy(e.field() + ": " + e.reason());
        }
        checked.add("inspector list and conflict matrix against the announced hashes");
        TeamAssigner.Outcome teams = DrawComputer.teams(a, key, expected, inspectors.inspectors(), conflicts);
        compareTeams(teams, record);
        checked.add(record.teams().size() + " teams and " + record.infeasible().size() + " infeasible subjects");

        if (input.substitutions() != null) {
            verifySubstitutions(record, DrawRecords.parseSubstitutions(read(input.substitutions())), inspectors.inspectors(), conflicts);
        }
    }

    private Map<String, Path> assignPools(Announcement a, List<Path> given) {
        List<Path> files = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(p);
            }
        }
        Map<String, Path> byStratum = new LinkedHashMap<>();
        List<Path> unnamed = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            int dot = name.indexOf('.');
            String stem = dot < 0 ? name : name.substring(0, dot);
            if (a.strata().stream().anyMatch(s -> s.id().equals(stem))) {
                byStratum.put(stem, f);
            } else {
                unnamed.add(f);
            }
        }
        Map<String, Path> byHash = new HashMap<>();
        for (Path f : unnamed) {
            PoolHasher hasher = new PoolHasher();
            FrozenFiles.forEachUscc(f, hasher::add);
            byHash.put(hasher.sha256(), f);
        }
        for (Stratum s : a.strata()) {
            if (!byStratum.containsKey(s.id())) {
                Path f = byHash.get(s.poolSha256());
                expect(f != null, "stratum " + s.id() + ": no pool file named " + s.id() + ".ndjson (or .csv, .txt)"
                        + " and none of the given files hashes to the announced " + s.poolSha256());
                byStratum.put(s.id(), f);
            }
        }
        return byStratum;
    }

    private static void compareSelections(List<StratumResult> expected, List<StratumResult> actual) {
        expect(expected.size() == actual.size(), "selections: the record has " + actual.size() + " strata, the"
                + " announcement " + expected.size());
        for (int s = 0; s < expected.size(); s++) {
            StratumResult e = expected.get(s);
            StratumResult r = actual.get(s);
            String where = "stratum " + e.stratum() + ": ";
            expect(e.stratum().equals(r.stratum()), "selections[" + s + "]: stratum should be " + e.stratum()
                    + ", the record has " + r.stratum());
            expect(e.poolCount() == r.poolCount() && e.poolSha256().equals(r.poolSha256()), where
                    + "the record states pool " + r.poolCount() + "/" + r.poolSha256() + ", recomputed "
                    + e.poolCount() + "/" + e.poolSha256());
            expect(e.excluded() == r.excluded() && e.eligible() == r.eligible() && e.quota() == r.quota(), where
                    + "the record states excluded " + r.excluded() + ", eligible " + r.eligible() + ", quota "
                    + r.quota() + "; recomputed " + e.excluded() + ", " + e.eligible() + ", " + e.quota());
            int n = Math.max(e.selections().size(), r.selections().size());
            for (int i = 0; i < n; i++) {
                Selection x = i < e.selections().size() ? e.selections().get(i) : null;
                Selection y = i < r.selections().size() ? r.selections().get(i) : null;
                expect(x != null, where + "the record has an extra selection at rank " + (i + 1) + ": " + y);
                expect(y != null, where + "rank " + (i + 1) + " should be " + x.uscc() + " (score " + x.score()
                        + "), the record stops at " + r.selections().size() + " selections");
                expect(x.equals(y), where + "rank " + x.rank() + " should be " + x.uscc() + " (score " + x.score()
                        + "), the record has rank " + y.rank() + " " + y.uscc() + " (score " + y.score() + ")");
            }
            expect(Objects.equals(e.cutoffScore(), r.cutoffScore()), where + "cut-off score should be "
                    + e.cutoffScore() + ", the record has " + r.cutoffScore());
        }
    }

    private static void compareTeams(TeamAssigner.Outcome expected, DrawRecord record) {
        int n = Math.max(expected.teams().size(), record.teams().size());
        for (int t = 0; t < n; t++) {
            Team e = t < expected.teams().size() ? expected.teams().get(t) : null;
            Team r = t < record.teams().size() ? record.teams().get(t) : null;
            expect(e != null, "teams: the record has an extra team for " + r.uscc());
            expect(r != null, "teams: the record lacks the team of " + e.uscc() + " (order " + e.order() + ")");
            String where = "team " + e.order() + " (" + e.uscc() + "): ";
            expect(e.order() == r.order() && e.uscc().equals(r.uscc()) && e.stratum().equals(r.stratum()),
                    "teams[" + t + "]: should be order " + e.order() + " subject " + e.uscc() + " of stratum "
                            + e.stratum() + ", the record has order " + r.order() + " subject " + r.uscc());
            int m = Math.max(e.members().size(), r.members().size());
            for (int i = 0; i < m; i++) {
                TeamMember x = i < e.members().size() ? e.members().get(i) : null;
                TeamMember y = i < r.members().size() ? r.members().get(i) : null;
                expect(x != null, where + "the record has an extra member " + y.inspectorId());
                expect(y != null, where + "member " + (i + 1) + " should be " + x.inspectorId() + ", the record lacks it");
                expect(x.equals(y), where + "member " + (i + 1) + " should be " + x.inspectorId() + " (position "
                        + x.position() + ", " + x.role() + "), the record has " + y.inspectorId() + " (position "
                        + y.position() + ", " + y.role() + ")");
            }
        }
        List<Infeasible> ei = expected.infeasible();
        List<Infeasible> ri = record.infeasible();
        for (int i = 0; i < Math.max(ei.size(), ri.size()); i++) {
            Infeasible x = i < ei.size() ? ei.get(i) : null;
            Infeasible y = i < ri.size() ? ri.get(i) : null;
            expect(x != null && x.equals(y), "infeasible[" + i + "]: expected " + x + ", the record has " + y);
        }
    }

    private void verifySubstitutions(DrawRecord record, List<Substitution> subs, List<InspectorCandidate> inspectors,
            ConflictMatrix conflicts) {
        for (int i = 0; i < subs.size(); i++) {
            Substitution s = subs.get(i);
            Substitution expected;
            try {
                expected = Substitutions.next(record, subs.subList(0, i), inspectors, conflicts, s.uscc(),
                        s.leavingInspectorId(), s.reason(), s.approvedBy(), s.approvedAt());
            } catch (DrawInputException e) {
                throw new Discrepancy("substitution " + s.sequence() + ": " + e.reason());
            }
            expect(expected.equals(s), "substitution " + s.sequence() + ": expected " + expected.joiningInspectorId()
                    + " (position " + expected.position() + ", sequence " + expected.sequence() + ", previous "
                    + expected.previousSha256() + ") to replace " + s.leavingInspectorId() + ", the record has "
                    + s.joiningInspectorId() + " (position " + s.position() + ", sequence " + s.sequence()
                    + ", previous " + s.previousSha256() + ")");
        }
        checked.add(subs.size() + " substitutions (hash chain and replacements)");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(boolean ok, String message) {
        if (!ok) {
            throw new Discrepancy(message);
        }
    }

    /** Command line: prints VALID or the first discrepancy; exit 0 valid, 1 discrepancy, 2 usage or unreadable input. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String record = null;
        List<Path> pools = new ArrayList<>();
        Path inspectors = null;
        Path conflicts = null;
        Path substitutions = null;
        Path strataMap = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--pools" -> {
                        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                            pools.add(Path.of(args[++i]));
                        }
                    }
                    case "--inspectors" -> inspectors = Path.of(args[++i]);
                    case "--conflicts" -> conflicts = Path.of(args[++i]);
                    case "--substitutions" -> substitutions = Path.of(args[++i]);
                    case "--strata-map" -> strataMap = Path.of(args[++i]);
                    case "-h", "--help" -> {
                        usage(out);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--") || record != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        record = read(Path.of(args[i]));
                    }
                }
            }
            if (record == null || pools.isEmpty()) {
                throw new IllegalArgumentException("a record file and --pools are required");
            }
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            usage(err);
            return 2;
        }
        Result result;
        try {
            result = verify(new Input(record, pools, inspectors, conflicts, substitutions, strataMap));
        } catch (RuntimeException e) {
            err.println("error: cannot read the input: " + e.getMessage());
            return 2;
        }
        if (result.valid()) {
            out.println("VALID");
        } else {
            out.println("INVALID: " + result.discrepancy());
        }
        result.checked().forEach(c -> out.println("  checked: " + c));
        result.notChecked().forEach(c -> out.println("  not checked: " + c));
        if (result.recordSha256() != null) {
            out.println("  record sha256: " + result.recordSha256());
        }
        return result.valid() ? 0 : 1;
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar draw-verifier.jar RECORD.json --pools DIR|FILE... [--inspectors FILE]"
                + " [--conflicts FILE] [--substitutions FILE] [--strata-map FILE]");
        out.println("  pool files are named <stratum>.ndjson|.csv|.txt or matched by hash;"
                + " exit 0 VALID, 1 discrepancy, 2 usage or unreadable input");
    }
}
