package org.shuangsuiji.draw.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuangsuiji.draw.algorithm.ConflictPair;
import org.shuangsuiji.draw.algorithm.InspectorKind;

class FrozenFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsRosterInspectorSnapshotLinesWithAvailabilityAndConflicts() throws Exception {
        Path file = dir.resolve("inspectors.ndjson");
        Files.writeString(file, """
                {"id":"a1","department":"YC-FGJ","name":"张三","kind":"OFFICER","certificateNumber":"140522-01",\
                "certificateValidTo":"2027-06-30","regionDivisionCode":"140522","yearlyWorkloadCap":20,\
                "expertise":["GRAIN"],"conflicts":["91140522MA0000001X"],\
                "availability":[{"from":"2026-11-30","to":"2026-12-02","reason":"LEAVE"}]}
                {"id":"b2","department":"YC-SCJGJ","kind":"EXPERT","expertise":[],"priorAssignments":4}
                {"count":2,"sha256":"0000000000000000000000000000000000000000000000000000000000000000"}
                """);
        FrozenFiles.Inspectors read = FrozenFiles.readInspectors(file);
        assertThat(read.inspectors()).hasSize(2);
        var a = read.inspectors().get(0);
        assertThat(a.kind()).isEqualTo(InspectorKind.OFFICER);
        assertThat(a.certificateValidTo()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(a.unavailable()).singleElement().satisfies(u -> assertThat(u.reason()).isEqualTo("LEAVE"));
        assertThat(a.yearlyWorkloadCap()).isEqualTo(20);
        assertThat(read.inspectors().get(1).priorAssignments()).isEqualTo(4);
        assertThat(read.inspectors().get(1).yearlyWorkloadCap()).isNull();
        assertThat(read.conflicts()).containsExactly(new ConflictPair("a1", "91140522MA0000001X"));
        assertThat(read.hadConflicts()).isTrue();
    }

    @Test
    void readsConflictsAsCsvOrNdjson() throws Exception {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "inspectorId,uscc\na1,91140522MA0000001X\n\n");
        Path ndjson = dir.resolve("c.ndjson");
        Files.writeString(ndjson, "{\"inspectorId\":\"b2\",\"uscc\":\"91140522MA0000002X\"}\n");
        assertThat(FrozenFiles.readConflicts(csv)).containsExactly(new ConflictPair("a1", "91140522MA0000001X"));
        assertThat(FrozenFiles.readConflicts(ndjson)).containsExactly(new ConflictPair("b2", "91140522MA0000002X"));
    }

    @Test
    void readsPoolsInEveryFormatAndReportsTheTrailer() throws Exception {
        Path plain = dir.resolve("p.txt");
        Files.writeString(plain, "# frozen 2026-11-22\nA\nB\n");
        List<String> seen = new ArrayList<>();
        assertThat(FrozenFiles.forEachUscc(plain, seen::add)).isNull();
        assertThat(seen).containsExactly("A", "B");

        Path csv = dir.resolve("p.csv");
        Files.writeString(csv, "uscc,name\nA,\"x, y\"\nB,z\n# {\"count\":2,\"sha256\":\"abc\"}\n");
        seen.clear();
        assertThat(FrozenFiles.forEachUscc(csv, seen::add)).isEqualTo(new FrozenFiles.Trailer(2, "abc"));
        assertThat(seen).containsExactly("A", "B");
    }
}
