package org.shuangsuiji.roster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.roster.domain.Uscc;

class DemoGeneratorTest {

    @Test
    void generatesValidDistinctSubjectsWithTheRiskMixAndIsDeterministic() throws IOException {
        StringWriter out = new StringWriter();
        DemoGenerator.subjects(out, 20_000, 7);
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo(DemoGenerator.SUBJECT_HEADER);
        assertThat(lines).hasSize(20_001);
        Set<String> usccs = new HashSet<>();
        Map<String, Integer> risk = new HashMap<>();
        Set<String> divisions = new HashSet<>();
        int tagged = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            assertThat(f).hasSize(13);
            assertThat(Uscc.problem(f[0])).as(f[0]).isEmpty();
            assertThat(usccs.add(f[0])).as("distinct " + f[0]).isTrue();
            divisions.add(f[4]);
            risk.merge(f[9], 1, Integer::sum);
            tagged += f[12].isEmpty() ? 0 : 1;
        }
        assertThat(divisions).containsExactlyInAnyOrder("140522", "140502", "140981", "140603");
        assertThat(risk.get("A") / 20_000.0).isBetween(0.62, 0.68);
        assertThat(risk.get("B") / 20_000.0).isBetween(0.22, 0.28);
        assertThat(risk.get("C") / 20_000.0).isBetween(0.06, 0.10);
        assertThat(risk.get("D") / 20_000.0).isBetween(0.01, 0.03);
        assertThat(tagged / 20_000.0).isBetween(0.02, 0.10);

        StringWriter again = new StringWriter();
        DemoGenerator.subjects(again, 20_000, 7);
        assertThat(again.toString()).isEqualTo(out.toString());
    }

    @Test
    void generatesAboutOneHundredFiftyInspectorsOfTheSharedDepartments() throws IOException {
        StringWriter out = new StringWriter();
        DemoGenerator.inspectors(out, 1);
        String[] lines = out.toString().split("\n");
        assertThat(lines.length - 1).isBetween(140, 160);
        assertThat(out.toString()).contains("PL-NYNCJ,").contains("YC-FGJ,").contains("PESTICIDE").contains("GRAIN")
                .contains("WATER_RESOURCES").contains("STATISTICS").contains("METROLOGY");
    }
}
