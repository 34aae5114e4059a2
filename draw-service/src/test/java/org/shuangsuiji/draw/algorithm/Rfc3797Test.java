package org.shuangsuiji.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3797 section 6, the fully worked example, as a test vector. */
class Rfc3797Test {
    private static final List<String> SOURCES = List.of("9319", "2 5 12 8 10", "9 18 26 34 41 45");
    private static final String KEY = "9319./2.5.8.10.12./9.18.26.34.41.45./";

    @Test
    void buildsTheKeyStringOfSection6() {
        assertThat(Rfc3797.keyString(SOURCES)).isEqualTo(KEY);
    }

    @Test
    void digestsMatchSection6() {
        String[] expected = {
            "990dd0a5692a029a98b5e01aa28f3459", "3691e55cb63fcc37914430b2f70b5ec6",
            "fe814edf564c190ac1d25753979990fa", "1863ccaceb568c31d7ddbdf1d4e91387",
            "f4ab33df4889f0af29c513905be1d758", "13eaeb529f61acfb9a29d0ba3a60de4a"};
        for (int i = 0; i < expected.length; i++) {
            assertThat(Hex.of(Rfc3797.digest(KEY, i))).as("step %d", i).isEqualTo(expected[i]);
        }
    }

    @Test
    void selectsTheTenOfSection6From25Volunteers() {
        List<Integer> selected = Rfc3797.select(KEY, 25, 10, 0).stream().map(Rfc3797.Pick::selected).toList();
        assertThat(selected).containsExactly(17, 7, 2, 16, 25, 23, 8, 24, 19, 13);
    }

    @Test
    void anEleventhSelectionContinuesTheSequence() {
        List<Integer> selected = Rfc3797.select(KEY, 25, 11, 0).stream().map(Rfc3797.Pick::selected).toList();
        assertThat(selected).endsWith(22);
    }

    @Test
    void sortsNumbersAndDropsLeadingZeros() {
        assertThat(Rfc3797.keyString(List.of("007 3 0"))).isEqualTo("0.3.7./");
    }

    @Test
    void refusesValuesThatAreNotIntegers() {
        assertThatThrownBy(() -> Rfc3797.keyString(List.of("9319", "3245.67")))
                .isInstanceOf(DrawInputException.class)
                .hasMessageContaining("entropy[1].value");
    }

    @Test
    void refusesMoreSelectionsThanItems() {
        assertThatThrownBy(() -> Rfc3797.select(KEY, 3, 4, 0)).isInstanceOf(DrawInputException.class);
    }
}
