package org.shuangsuiji.draw.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

/** The start-up draw must pass every check a real draw passes: a failure would only be logged. */
class DrawWarmUpTest {

    @Test
    void computesTheWholeSyntheticDraw() {
        // 4 strata of 50 000 members, 2 000 excluded in each, 5 % of the 48 000 eligible: 2 400 per stratum
        assertThat(new DrawWarmUp(new ObjectMapper().registerModule(new JavaTimeModule())).draw()).isEqualTo(9_600);
    }
}
