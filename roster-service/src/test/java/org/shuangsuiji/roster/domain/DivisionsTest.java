package org.shuangsuiji.roster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DivisionsTest {

    @Test
    void acceptsTheSeedsDivisionsAndNamesThem() {
        for (String code : new String[] {"140000", "140500", "140522", "140600", "140603", "140900", "140981", "110105"}) {
            assertThat(Divisions.problem(code)).as(code).isEmpty();
        }
        assertThat(Divisions.name("140522")).contains("阳城县");
        assertThat(Divisions.name("140981")).contains("原平市");
        assertThat(Divisions.name("140603")).contains("平鲁区");
        assertThat(Divisions.name("140500")).contains("晋城市");
        assertThat(Divisions.name("440000")).contains("广东省");
    }

    @Test
    void rejectsMalformedCodesSayingWhy() {
        assertThat(Divisions.problem("1405")).contains("must be a 6-digit GB/T 2260 division code");
        assertThat(Divisions.problem("14052A")).contains("must be a 6-digit GB/T 2260 division code");
        assertThat(Divisions.problem("190522").orElseThrow()).contains("19 (digits 1-2) is not a province-level division");
        assertThat(Divisions.problem("140001").orElseThrow()).contains("must end in 0000");
        assertThat(Divisions.problem("148500").orElseThrow()).contains("(digits 3-4) is not a prefecture-level code");
        assertThat(Divisions.problem("141200").orElseThrow()).contains("山西省 has no prefecture-level division 1412");
        assertThat(Divisions.problem("429000").orElseThrow()).contains("names none");
        assertThat(Divisions.problem("429004")).isEmpty(); // 仙桃市, directly under 湖北省
    }
}
