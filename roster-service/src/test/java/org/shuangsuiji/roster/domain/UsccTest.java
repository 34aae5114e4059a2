package org.shuangsuiji.roster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "914403001922038216", // published codes of well-known enterprises (Shenzhen, Hangzhou, Beijing)
            "91440300708461136T",
            "91330100716105852F",
            "91110000802100433B"})
    void acceptsPublishedCodes(String code) {
        assertThat(Uscc.problem(code)).isEmpty();
    }

    @Test
    void acceptsCodesConstructedForTheSeedPlaces() {
        // 晋城 enterprise, 阳城 individual business, 原平 farmers' cooperative, 平鲁 social organisation
        for (String code : new String[] {
                Uscc.of('9', '1', "140500", "MA0K3L8P"),
                Uscc.of('9', '2', "140522", "L12345A7"),
                Uscc.of('9', '3', "140981", "MA0HXY2Q"),
                Uscc.of('5', '1', "140603", "50700123")}) {
            assertThat(code).hasSize(18);
            assertThat(Uscc.isValid(code)).as(code).isTrue();
        }
    }

    @Test
    void computesTheCheckCharacterAsTheStandardDefines() {
        // 31 - (Σ value·weight mod 31), 31 → 0; worked against a published code.
        assertThat(Uscc.checkCharacter("91440300708461136")).isEqualTo('T');
        assertThat(Uscc.checkCharacter("91330100716105852")).isEqualTo('F');
        // GB 11714 organisation code check: 70846113-6
        assertThat(Uscc.organisationCheck("70846113")).isEqualTo('6');
    }

    @Test
    void rejectsUsccWithWrongCheckCharacter() {
        assertThat(Uscc.problem("91440300708461136U")).contains("check character should be T");
    }

    @Test
    void rejectsUsccWithWrongOrganisationCheckCharacter() {
        // body 70846113 has check 6; 7 is wrong even if the last character is recomputed
        String first17 = "91440300708461137";
        String code = first17 + Uscc.checkCharacter(first17);
        assertThat(Uscc.problem(code)).hasValueSatisfying(r -> assertThat(r).contains("organisation code check").contains("should be 6"));
    }

    @Test
    void rejectsSeventeenCharacters() {
        assertThat(Uscc.problem("91440300708461136")).hasValueSatisfying(r -> assertThat(r).startsWith("must be 18 characters"));
    }

    @Test
    void rejectsNineteenCharactersAndEmpty() {
        assertThat(Uscc.problem("91440300708461136TT")).hasValueSatisfying(r -> assertThat(r).startsWith("must be 18 characters"));
        assertThat(Uscc.problem("")).contains("is required");
        assertThat(Uscc.problem(null)).contains("is required");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
    void rejectsTheLettersNeverUsed(char letter) {
        String code = "91440300708461136" + letter;
        assertThat(Uscc.problem(code)).hasValueSatisfying(r -> assertThat(r).contains("'" + letter + "'").contains("never used"));
    }

    @Test
    void rejectsLowerCase() {
        assertThat(Uscc.problem("91440300708461136t")).hasValueSatisfying(r -> assertThat(r).startsWith("must be upper case"));
    }

    @Test
    void rejectsPunctuationAndSpaces() {
        assertThat(Uscc.problem("9144030070846113 T")).hasValueSatisfying(r -> assertThat(r).contains("character 17"));
    }

    @Test
    void rejectsUnknownRegistrationAuthority() {
        String first17 = "B1440300708461136";
        assertThat(Uscc.problem(first17 + Uscc.checkCharacter(first17)))
                .hasValueSatisfying(r -> assertThat(r).contains("registration authority code 'B'"));
    }

    @Test
    void rejectsKindCodeNotDefinedForTheAuthority() {
        String first17 = "94440300708461136"; // 9 (market regulation) has kinds 1, 2, 3 only
        assertThat(Uscc.problem(first17 + Uscc.checkCharacter(first17)))
                .hasValueSatisfying(r -> assertThat(r).contains("kind code '4'"));
    }

    @Test
    void rejectsLettersInTheDivisionCode() {
        String first17 = "9144A300708461136";
        assertThat(Uscc.problem(first17 + Uscc.checkCharacter(first17)))
                .hasValueSatisfying(r -> assertThat(r).contains("6-digit administrative division code"));
    }

    @Test
    void checkCharacterThirtyOneBecomesZero() {
        // Search a body whose weighted sum is a multiple of 31: the check character must then be 0, never out of range.
        for (int n = 0; n < 100_000; n++) {
            String body = "%08d".formatted(n);
            String first17 = "91140500" + body + Uscc.organisationCheck(body);
            if (Uscc.checkCharacter(first17) == '0') {
                assertThat(Uscc.isValid(first17 + "0")).isTrue();
                return;
            }
        }
        throw new AssertionError("no body with check character 0 found");
    }
}
