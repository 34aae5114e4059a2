package org.shuangsuiji.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuotasTest {

    @Test
    void aStratumBelowTheMinimumYieldsAllItsSubjects() {
        assertThat(Quotas.quota(new BigDecimal("0.05"), 3, 2)).isEqualTo(2);
        assertThat(Quotas.quota(new BigDecimal("0.05"), 3, 0)).isZero();
    }

    @Test
    void otherwiseCeilOfRatioTimesNButAtLeastTheMinimum() {
        assertThat(Quotas.quota(new BigDecimal("0.05"), 3, 3)).isEqualTo(3);
        assertThat(Quotas.quota(new BigDecimal("0.05"), 3, 100)).isEqualTo(5);
        assertThat(Quotas.quota(new BigDecimal("0.05"), 3, 101)).isEqualTo(6);
        assertThat(Quotas.quota(new BigDecimal("0.40"), 3, 37)).isEqualTo(15);
        assertThat(Quotas.quota(new BigDecimal("1"), 3, 250_000)).isEqualTo(250_000);
    }

    @Test
    void ceilIsExactWhereFloatingPointWouldRoundUp() {
        // 0.07 × 100 is 7.000000000000001 in binary floating point, whose ceiling would be 8.
        assertThat(0.07 * 100).isGreaterThan(7.0);
        assertThat(Quotas.quota(new BigDecimal("0.07"), 3, 100)).isEqualTo(7);
    }

    @Test
    void refusesRatiosOfZeroOrAboveOneAndMinimumsBelowOne() {
        assertThatThrownBy(() -> Quotas.quota(BigDecimal.ZERO, 3, 10)).hasMessageStartingWith("ratio:");
        assertThatThrownBy(() -> Quotas.ratio("1.01")).hasMessageStartingWith("ratio:");
        assertThatThrownBy(() -> Quotas.ratio("abc")).hasMessageStartingWith("ratio:");
        assertThatThrownBy(() -> Quotas.quota(new BigDecimal("0.1"), 0, 10)).hasMessageStartingWith("minimum:");
    }
}
