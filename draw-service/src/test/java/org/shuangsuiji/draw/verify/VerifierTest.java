package org.shuangsuiji.draw.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuangsuiji.draw.algorithm.ConflictMatrix;
import org.shuangsuiji.draw.algorithm.DrawFixture;
import org.shuangsuiji.draw.algorithm.Substitutions;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.DrawRecords;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;
import org.shuangsuiji.draw.algorithm.record.Selection;
import org.shuangsuiji.draw.algorithm.record.StratumResult;
import org.shuangsuiji.draw.algorithm.record.Substitution;
import org.shuangsuiji.draw.algorithm.record.Team;
import org.shuangsuiji.draw.algorithm.record.TeamMember;

class VerifierTest {
    @TempDir
    Path dir;

    private DrawFixture fixture;
    private DrawRecord record;

    @BeforeEach
    void draw() throws Exception {
        fixture = new DrawFixture();
        record = fixture.compute();
        fixture.writeFiles(dir);
    }

    private Verifier.Result verify(DrawRecord r) {
        return verify(DrawRecords.canonicalJson(r), null);
    }

    private Verifier.Result verify(String json, Path substitutions) {
        return Verifier.verify(new Verifier.Input(json, List.of(dir.resolve("pools")), dir.resolve("inspectors.ndjson"),
                dir.resolve("conflicts.csv"), substitutions, dir.resolve("strata-map.json")));
    }

    private DrawRecord withSelections(List<StratumResult> selections) {
        return new DrawRecord(record.format(), record.announcement(), record.announcementSha256(), record.entropy(),
                record.key(), selections, record.teams(), record.infeasible(), record.computedAt(), record.computedBy());
    }

    @Test
    void aValidRecordVerifies() {
        Verifier.Result result = verify(record);
        assertThat(result.discrepancy()).isNull();
        assertThat(result.valid()).isTrue();
        assertThat(result.notChecked()).isEmpty();
        assertThat(result.recordSha256()).isEqualTo(DrawRecords.recordSha256(record));
    }

    @Test
    void rejectsARecordWithOneChangedSelection() {
        List<StratumResult> selections = new ArrayList<>(record.selections());
        int index = new ArrayList<>(fixture.pools.keySet()).indexOf(fixture.stratumOf("B"));
        StratumResult b = selections.get(index);
        List<Selection> changed = new ArrayList<>(b.selections());
        Selection second = changed.get(1);
        String outsider = fixture.pool("B").stream()
                .filter(u -> b.selections().stream().noneMatch(s -> s.uscc().equals(u))).skip(1).findFirst()
                .orElseThrow();
        changed.set(1, new Selection(2, outsider, second.score()));
        selections.set(index, new StratumResult(b.stratum(), b.poolCount(), b.poolSha256(), b.excluded(), b.eligible(),
                b.quota(), b.cutoffScore(), changed));

        Verifier.Result result = verify(withSelections(selections));
        assertThat(result.valid()).isFalse();
        assertThat(result.discrepancy()).isEqualTo("stratum " + b.stratum() + ": rank 2 should be " + second.uscc() + " (score "
                + second.score() + "), the record has rank 2 " + outsider + " (score " + second.score() + ")");
    }

    @Test
    void rejectsAChangedPoolByItsHash() throws Exception {
        String c = fixture.stratumOf("C");
        Path file = dir.resolve("pools").resolve(c + ".ndjson");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(lines.size() - 1); // drop the trailer: a pool edited by hand
        lines.add(0, "{\"uscc\":\"91140522MA00000001\"}");
        Files.write(file, lines);
        Verifier.Result result = verify(record);
        assertThat(result.valid()).isFalse();
        assertThat(result.discrepancy()).startsWith("stratum " + c + ": pool file " + c
                + ".ndjson: the pool has 13 members with sha256 ").contains("the announcement froze 12 with sha256 "
                + record.announcement().strata().stream().filter(s -> s.id().equals(c)).findFirst().orElseThrow()
                .poolSha256());
    }

    @Test
    void rejectsAPoolWhoseTrailerDoesNotMatchItsMembers() throws Exception {
        String a = fixture.stratumOf("A");
        Path file = dir.resolve("pools").resolve(a + ".ndjson");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(5);
        Files.write(file, lines);
        assertThat(verify(record).discrepancy()).startsWith("stratum " + a + ": pool file " + a
                + ".ndjson says count 40");
    }

    @Test
    void rejectsAWrongEntropyValue() {
        List<EntropyValue> entropy = new ArrayList<>(record.entropy());
        EntropyValue lottery = entropy.get(0);
        entropy.set(0, new EntropyValue(lottery.name(), "03 08 15 22 27 31 10", null, lottery.sourceReference(),
                lottery.enteredBy(), lottery.enteredAt()));
        DrawRecord changed = new DrawRecord(record.format(), record.announcement(), record.announcementSha256(), entropy,
                record.key(), record.selections(), record.teams(), record.infeasible(), record.computedAt(),
                record.computedBy());
        Verifier.Result result = verify(changed);
        assertThat(result.valid()).isFalse();
        assertThat(result.discrepancy()).startsWith("key: HKDF over the entropy values and the announcement hash gives ")
                .endsWith("the record says " + record.key());
    }

    @Test
    void rejectsAWitnessValueThatDoesNotOpenItsCommitment() {
        List<EntropyValue> entropy = new ArrayList<>(record.entropy());
        EntropyValue w = entropy.get(1);
        entropy.set(1, new EntropyValue(w.name(), "738202", w.salt(), w.sourceReference(), w.enteredBy(), w.enteredAt()));
        DrawRecord changed = new DrawRecord(record.format(), record.announcement(), record.announcementSha256(), entropy,
                record.key(), record.selections(), record.teams(), record.infeasible(), record.computedAt(),
                record.computedBy());
        assertThat(verify(changed).discrepancy()).startsWith("entropy: entropy[1].value: SHA-256(value + \"\\n\" + salt)");
    }

    @Test
    void rejectsAReorderedTeam() {
        List<Team> teams = new ArrayList<>(record.teams());
        Team first = teams.get(0);
        List<TeamMember> members = new ArrayList<>(first.members());
        TeamMember a = members.get(0);
        TeamMember b = members.get(1);
        members.set(0, b);
        members.set(1, a);
        teams.set(0, new Team(first.order(), first.uscc(), first.stratum(), members));
        DrawRecord changed = new DrawRecord(record.format(), record.announcement(), record.announcementSha256(),
                record.entropy(), record.key(), record.selections(), teams, record.infeasible(), record.computedAt(),
                record.computedBy());
        Verifier.Result result = verify(changed);
        assertThat(result.valid()).isFalse();
        assertThat(result.discrepancy()).isEqualTo("team " + first.order() + " (" + first.uscc() + "): member 1 should be "
                + a.inspectorId() + " (position " + a.position() + ", " + a.role() + "), the record has "
                + b.inspectorId() + " (position " + b.position() + ", " + b.role() + ")");
    }

    @Test
    void rejectsAQuotaThatDoesNotFollowTheConfidentialRatio() throws Exception {
        Path map = dir.resolve("strata-map.json");
        Files.writeString(map, Files.readString(map).replace("\"0.10\"", "\"0.20\""));
        assertThat(verify(record).discrepancy()).startsWith("strata map: strata." + fixture.stratumOf("A")
                + ".quota: ssj-quota/1 gives 8");
    }

    @Test
    void rejectsAnAnnouncementEditedAfterTheFact() {
        String json = DrawRecords.canonicalJson(record).replace("\"RULE_LIMIT\"", "\"YEARLY_CAP\"");
        assertThat(verify(json, null).discrepancy()).startsWith("announcement: its canonical JSON hashes to ");
    }

    @Test
    void verifiesSubstitutionsAndRejectsAForgedOne() throws Exception {
        Team team = record.teams().get(0);
        Substitution s = Substitutions.next(record, List.of(), fixture.inspectors, ConflictMatrix.of(fixture.conflicts),
                team.uscc(), team.members().get(0).inspectorId(), "RECUSAL: 亲属关系", "head-yc-fgj",
                Instant.parse("2026-11-25T09:00:00Z"));
        Path subs = dir.resolve("substitutions.ndjson");
        Files.writeString(subs, DrawRecords.canonicalJson(s) + "\n");
        assertThat(verify(DrawRecords.canonicalJson(record), subs).valid()).isTrue();

        String other = fixture.inspectors.stream().map(c -> c.id())
                .filter(id -> !id.equals(s.joiningInspectorId()) && team.members().stream()
                        .noneMatch(m -> m.inspectorId().equals(id))).findFirst().orElseThrow();
        Files.writeString(subs, DrawRecords.canonicalJson(s).replace(s.joiningInspectorId(), other) + "\n");
        assertThat(verify(DrawRecords.canonicalJson(record), subs).discrepancy())
                .startsWith("substitution 1: expected " + s.joiningInspectorId());
    }

    @Test
    void withoutInspectorsOnlyTheSubjectsAreCheckedAndSaidSo() {
        Verifier.Result result = Verifier.verify(new Verifier.Input(DrawRecords.canonicalJson(record),
                List.of(dir.resolve("pools")), null, null, null, null));
        assertThat(result.valid()).isTrue();
        assertThat(result.notChecked()).hasSize(2);
        assertThat(result.notChecked().get(0)).startsWith("quotas against the confidential ratios");
        assertThat(result.notChecked().get(1)).startsWith("teams");
    }

    @Test
    void theCommandLinePrintsValidOrTheDiscrepancyWithExitCodes() throws Exception {
        Path recordFile = dir.resolve("record.json");
        Files.writeString(recordFile, DrawRecords.canonicalJson(record));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Verifier.run(new String[] {recordFile.toString(), "--pools", dir.resolve("pools").toString(),
                "--inspectors", dir.resolve("inspectors.ndjson").toString(), "--conflicts",
                dir.resolve("conflicts.csv").toString(), "--strata-map", dir.resolve("strata-map.json").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("VALID\n");

        Files.writeString(recordFile, DrawRecords.canonicalJson(record).replace(record.key(), "0".repeat(64)));
        out.reset();
        code = Verifier.run(new String[] {recordFile.toString(), "--pools", dir.resolve("pools").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("INVALID: key:");

        assertThat(Verifier.run(new String[] {recordFile.toString()}, new PrintStream(out), new PrintStream(out)))
                .isEqualTo(2);
    }

    @Test
    void readsCsvAndPlainPoolFilesAndMatchesUnnamedFilesByHash() throws Exception {
        Path pools = dir.resolve("pools");
        List<String> ids = new ArrayList<>(fixture.pools.keySet());
        // stratum 1 as roster CSV under an unrelated name, stratum 2 as plain lines under its own name
        List<String> csv = new ArrayList<>(List.of("uscc,name,kind,industryCode,divisionCode,riskClass,tags"));
        fixture.pools.get(ids.get(0)).forEach(u -> csv.add(u + ",\"粮食, 收购\",ENTERPRISE,F5111,140522,,"));
        String sha = record.announcement().strata().get(0).poolSha256();
        csv.add("# {\"count\":" + fixture.pools.get(ids.get(0)).size() + ",\"sha256\":\"" + sha + "\"}");
        Files.delete(pools.resolve(ids.get(0) + ".ndjson"));
        Files.write(pools.resolve("snapshot-2026-11-22.csv"), csv);
        Files.delete(pools.resolve(ids.get(1) + ".ndjson"));
        Files.write(pools.resolve(ids.get(1) + ".txt"), fixture.pools.get(ids.get(1)));
        Verifier.Result result = verify(record);
        assertThat(result.discrepancy()).isNull();
        assertThat(result.valid()).isTrue();
    }

    @Test
    void anRfc3797DrawVerifiesAndAChangedPickIsNamed() throws Exception {
        DrawFixture rfc = new DrawFixture(org.shuangsuiji.draw.algorithm.Rfc3797.ALGORITHM);
        DrawRecord drawn = rfc.compute();
        Path rfcDir = dir.resolve("rfc");
        rfc.writeFiles(rfcDir);
        Verifier.Input input = new Verifier.Input(DrawRecords.canonicalJson(drawn), List.of(rfcDir.resolve("pools")),
                rfcDir.resolve("inspectors.ndjson"), rfcDir.resolve("conflicts.csv"), null,
                rfcDir.resolve("strata-map.json"));
        assertThat(Verifier.verify(input).discrepancy()).isNull();

        StratumResult first = drawn.selections().get(0);
        Selection a = first.selections().get(0);
        Selection b = first.selections().get(1);
        String swapped = DrawRecords.canonicalJson(drawn).replace("\"rank\":1,\"score\":\"" + a.score() + "\",\"uscc\":\""
                + a.uscc(), "\"rank\":1,\"score\":\"" + a.score() + "\",\"uscc\":\"" + b.uscc());
        assertThat(swapped).isNotEqualTo(DrawRecords.canonicalJson(drawn));
        Verifier.Result result = Verifier.verify(new Verifier.Input(swapped, input.pools(), input.inspectors(),
                input.conflicts(), null, input.strataMap()));
        assertThat(result.discrepancy()).startsWith("stratum " + first.stratum() + ": rank 1 should be " + a.uscc());
    }
}
