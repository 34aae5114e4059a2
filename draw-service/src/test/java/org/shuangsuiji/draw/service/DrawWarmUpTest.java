package org.shuangsuiji.draw.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.draw.config.DrawConfig;

/** The start-up draw must pass every check a real draw passes: a failure would only be logged. */
class DrawWarmUpTest {

    private static final DrawConfig CONFIG = new DrawConfig() {
        @Override
        public String eventsTopic() {
            return "draw.events";
        }

        @Override
        public int fetchSize() {
            return 5000;
        }

        @Override
        public int completedPartSize() {
            return 1000;
        }

        @Override
        public int warmUpDraws() {
            return 1;
        }
    };

    @Test
    void computesTheWholeSyntheticDrawWithItsRowsAndEvents() {
        // 4 strata of 50 000 members, 2 000 excluded in each, 5 % of the 48 000 eligible: 2 400 per stratum
        assertThat(new DrawWarmUp(new ObjectMapper().registerModule(new JavaTimeModule()), CONFIG).draw())
                .isEqualTo(9_600);
    }
}
