package org.shuangsuiji.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuangsuiji.draw.algorithm.record.EntropyKind;
import org.shuangsuiji.draw.algorithm.record.EntropySource;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;

class EntropyTest {
    private static final Instant AT = Instant.parse("2026-11-24T13:40:00Z");
    private static final String COMMITMENT = "4d278dd0df76987a2391bbdc6a4579ac1d37c1ceecb261bc99c9e8a8659dd255";

    private static List<EntropySource> sources() {
        return List.of(new EntropySource("fc-3d", EntropyKind.LOTTERY_DRAW, "福彩3D", null),
                new EntropySource("witness", EntropyKind.WITNESS_COMMITMENT, "witness digits", COMMITMENT));
    }

    private static EntropyValue lottery(String value) {
        return new EntropyValue("fc-3d", value, null, "cwl.gov.cn", "witness-yc-jjz", AT);
    }

    private static EntropyValue witness(String value, String salt) {
        return new EntropyValue("witness", value, salt, "at the draw", "witness-yc-jjz", AT);
    }

    @Test
    void theCommitmentIsSha256OfValueLineBreakSalt() {
        // printf '%s\n%s' 738201 yc-jjz-2026-11-salt-7f3a | sha256sum
        assertThat(Entropy.commitment("738201", "yc-jjz-2026-11-salt-7f3a")).isEqualTo(COMMITMENT);
        assertThat(Entropy.matchesCommitment("738201", "yc-jjz-2026-11-salt-7f3a", COMMITMENT)).isTrue();
        assertThat(Entropy.matchesCommitment("738202", "yc-jjz-2026-11-salt-7f3a", COMMITMENT)).isFalse();
    }

    @Test
    void acceptsValuesOpeningTheirCommitments() {
        Entropy.checkReveal(sources(), List.of(lottery("1 2 3"), witness("738201", "yc-jjz-2026-11-salt-7f3a")));
    }

    @Test
    void rejectsAWitnessValueThatDoesNotMatchItsCommitment() {
        assertThatThrownBy(() -> Entropy.checkReveal(sources(),
                List.of(lottery("1 2 3"), witness("738202", "yc-jjz-2026-11-salt-7f3a"))))
                .isInstanceOf(DrawInputException.class)
                .hasMessageContaining("entropy[1].value")
                .hasMessageContaining("the announced commitment of 'witness' is " + COMMITMENT);
    }

    @Test
    void rejectsMissingReorderedOrSaltedPublicValues() {
        assertThatThrownBy(() -> Entropy.checkReveal(sources(), List.of(lottery("1 2 3"))))
                .hasMessageContaining("names 2 sources, 1 values");
        assertThatThrownBy(() -> Entropy.checkReveal(sources(),
                List.of(witness("738201", "yc-jjz-2026-11-salt-7f3a"), lottery("1 2 3"))))
                .hasMessageContaining("entropy[0].name");
        assertThatThrownBy(() -> Entropy.checkReveal(sources(), List.of(
                new EntropyValue("fc-3d", "1 2 3", "some-salt-0123456789", null, "x", AT),
                witness("738201", "yc-jjz-2026-11-salt-7f3a")))).hasMessageContaining("entropy[0].salt");
    }

    @Test
    void rejectsValuesWithLineBreaksOrSurroundingSpaces() {
        assertThatThrownBy(() -> Entropy.checkReveal(sources(),
                List.of(lottery(" 1 2 3"), witness("738201", "yc-jjz-2026-11-salt-7f3a"))))
                .hasMessageContaining("white space");
        assertThatThrownBy(() -> Entropy.commitment("1\n2", "yc-jjz-2026-11-salt-7f3a"))
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> Entropy.commitment("12", "short")).hasMessageContaining("at least 16");
    }

    @Test
    void theEncodingIsUnambiguous() {
        byte[] a = Entropy.encode(List.of(new EntropyValue("ab", "c", null, null, null, null)));
        byte[] b = Entropy.encode(List.of(new EntropyValue("a", "bc", null, null, null, null)));
        assertThat(a).isNotEqualTo(b);
        assertThat(Hex.of(Entropy.encode(List.of(new EntropyValue("x", "12", null, null, null, null)))))
                .isEqualTo(Hex.of("ssj-entropy/1".getBytes()) + "00" + "00000001" + "78" + "00000002" + "3132");
    }

    @Test
    void theKeyChangesWithAnyValueAndWithTheAnnouncement() {
        String announcement = "a".repeat(64);
        List<EntropyValue> values = List.of(lottery("1 2 3"), witness("738201", "yc-jjz-2026-11-salt-7f3a"));
        byte[] key = KeyDerivation.deriveKey(announcement, values);
        assertThat(key).hasSize(32);
        assertThat(KeyDerivation.deriveKey(announcement, values)).isEqualTo(key);
        assertThat(KeyDerivation.deriveKey("b".repeat(64), values)).isNotEqualTo(key);
        assertThat(KeyDerivation.deriveKey(announcement,
                List.of(lottery("1 2 4"), witness("738201", "yc-jjz-2026-11-salt-7f3a")))).isNotEqualTo(key);
        assertThat(Hex.of(key)).isEqualTo(Hex.of(Hkdf.derive(Hex.parse(announcement), Entropy.encode(values),
                "ssj-draw-key/1".getBytes(), 32)));
    }
}
