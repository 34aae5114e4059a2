package org.shuangsuiji.roster.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The NDJSON line written from a COPY row must be the bytes Jackson writes for the same subject. */
class PoolSnapshotJsonTest {

    private final ObjectMapper jackson = new ObjectMapper();

    private static String line(String copyRow) throws Exception {
        byte[] row = copyRow.getBytes(StandardCharsets.UTF_8);
        int[] ends = new int[7];
        PoolSnapshotService.splitRow(row, ends);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PoolSnapshotService.writeJsonLine(row, ends, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String jackson(String uscc, String name, String riskClass, List<String> tags) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uscc", uscc);
        m.put("name", name);
        m.put("kind", "ENTERPRISE");
        m.put("industryCode", "F5111");
        m.put("divisionCode", "140522");
        m.put("riskClass", riskClass);
        m.put("tags", tags);
        return jackson.writeValueAsString(m) + "\n";
    }

    @Test
    void writesTheSameBytesAsJacksonForPlainAndEscapedValues() throws Exception {
        assertThat(line("91140522000HB0G24T\t阳城县福康饭店有限公司\tENTERPRISE\tF5111\t140522\tC\t\\N\n"))
                .isEqualTo(jackson("91140522000HB0G24T", "阳城县福康饭店有限公司", "C", List.of()));
        // COPY doubles backslashes and escapes tabs and newlines; raw quotes, other control bytes and four-byte
        // UTF-8 come as they are
        String name = "阳城县\"甲\"\\乙'丙\t\n\r\b\f\u000b\u0001 𠀀";
        String copied = "阳城县\"甲\"\\\\乙'丙\\t\\n\\r\\b\\f\\v\u0001 𠀀";
        assertThat(line("91140522000HB0G24T\t" + copied + "\tENTERPRISE\tF5111\t140522\t\\N\tABNORMAL_OPERATION,COMPLAINTS\n"))
                .isEqualTo(jackson("91140522000HB0G24T", name, null, List.of("ABNORMAL_OPERATION", "COMPLAINTS")));
        assertThat(line("91140522000HB0G24T\tx\tENTERPRISE\tF5111\t140522\tA\tONE"))
                .isEqualTo(jackson("91140522000HB0G24T", "x", "A", List.of("ONE")));
    }

    @Test
    void refusesARowWithTooFewFields() {
        int[] ends = new int[7];
        byte[] row = "91140522000HB0G24T\tx\tENTERPRISE\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PoolSnapshotService.splitRow(row, ends)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unreadable pool row");
        assertThat(Arrays.stream(ends).sum()).isPositive();
    }
}
