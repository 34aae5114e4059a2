package org.shuangsuiji.roster.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * <pre>
 * position  1     registration authority code (登记管理部门代码)
 *           2     kind code (机构类别代码), allowed values depend on the authority
 *           3-8   administrative division code (GB/T 2260), 6 digits
 *           9-17  organisation code (GB 11714): 8 body characters and its own check character (0-9 or X) at 17
 *           18    check character over positions 1-17
 * </pre>
 *
 * The character set is 0-9 and the upper-case letters without I, O, Z, S, V (31 characters, valued 0..30). Lower case
 * is rejected, not normalised: a stored code is exactly what the register issued.
 */
public final class Uscc {

    public static final int LENGTH = 18;
    /** The 31 characters in value order: the value of a character is its index here. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /**
     * Registration authority → allowed kind codes (GB 32100-2015 table 1 and its amendments): 1 机构编制, 2 外交, 3 司法行政,
     * 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管(工商), A 中央军委改革和编制办公室, N 农业, Y 其他.
     */
    public static final Map<Character, Set<Character>> KINDS = Map.ofEntries(
            Map.entry('1', Set.of('1', '2', '3', '9')),
            Map.entry('2', Set.of('1', '9')),
            Map.entry('3', Set.of('1', '2', '3', '4', '5', '9')),
            Map.entry('4', Set.of('1', '9')),
            Map.entry('5', Set.of('1', '2', '3', '9')),
            Map.entry('6', Set.of('1', '2', '9')),
            Map.entry('7', Set.of('1', '2', '9')),
            Map.entry('8', Set.of('1', '9')),
            Map.entry('9', Set.of('1', '2', '3')),
            Map.entry('A', Set.of('1', '9')),
            Map.entry('N', Set.of('1', '2', '3', '9')),
            Map.entry('Y', Set.of('1')));

    private Uscc() {}

    /** Why {@code code} is not a valid USCC, or empty when it is. The reason names the position that fails first. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("is required");
        }
        if (code.length() != LENGTH) {
            return Optional.of("must be 18 characters (got " + code.length() + ")");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                if (Character.isLowerCase(c)) {
                    return Optional.of("must be upper case (character " + (i + 1) + " is '" + c + "')");
                }
                if (c == 'I' || c == 'O' || c == 'Z' || c == 'S' || c == 'V') {
                    return Optional.of("character " + (i + 1) + " is '" + c + "'; the letters I, O, Z, S and V are never used");
                }
                return Optional.of("character " + (i + 1) + " is not one of 0-9 A-H J-N P-R T U W-Y");
            }
        }
        char authority = code.charAt(0);
        Set<Character> kinds = KINDS.get(authority);
        if (kinds == null) {
            return Optional.of("registration authority code '" + authority + "' (character 1) is not defined");
        }
        char kind = code.charAt(1);
        if (!kinds.contains(kind)) {
            return Optional.of("kind code '" + kind + "' (character 2) is not defined for registration authority '"
                    + authority + "'");
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("characters 3-8 must be a 6-digit administrative division code");
            }
        }
        char orgCheck = organisationCheck(code.substring(8, 16));
        if (code.charAt(16) != orgCheck) {
            return Optional.of("organisation code check character (character 17) should be " + orgCheck);
        }
        char check = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != check) {
            return Optional.of("check character should be " + check);
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The 18th character for the first 17: 31 - (Σ value·weight mod 31), where 31 becomes 0. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not in the USCC alphabet");
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /**
     * GB 11714 check character of an 8-character organisation code body: 11 - (Σ value·weight mod 11) with weights
     * 3,7,9,10,5,8,4,2, digits valued 0-9 and letters A=10 … Z=35; 10 becomes X and 11 becomes 0.
     */
    public static char organisationCheck(String body8) {
        if (body8.length() != 8) {
            throw new IllegalArgumentException("need 8 characters");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int v;
            if (ch >= '0' && ch <= '9') {
                v = ch - '0';
            } else if (ch >= 'A' && ch <= 'Z') {
                v = ch - 'A' + 10;
            } else {
                throw new IllegalArgumentException("character " + (i + 1) + " is not 0-9 or A-Z");
            }
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /**
     * Completes a code from authority, kind, division and an 8-character organisation body by appending both check
     * characters; used by the demo generator and tests.
     */
    public static String of(char authority, char kind, String division, String orgBody8) {
        String first16 = "" + authority + kind + division + orgBody8;
        String first17 = first16 + organisationCheck(orgBody8);
        String code = first17 + checkCharacter(first17);
        Optional<String> problem = problem(code);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(code + ": " + problem.get());
        }
        return code;
    }
}
