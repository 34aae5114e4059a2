package org.shuangsuiji.roster.domain;

import java.util.Optional;

/** 公民身份号码, GB 11643-1999: 17 digits and a check character (0-9 or X). */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentId() {}

    public static Optional<String> problem(String id) {
        if (id.length() != 18) {
            return Optional.of("must be 18 characters (got " + id.length() + ")");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("characters 1-17 must be digits");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        char check = CHECK.charAt(sum % 11);
        return id.charAt(17) == check ? Optional.empty() : Optional.of("check character should be " + check);
    }

    public static String complete(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }
}
