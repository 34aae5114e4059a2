package org.shuangsuiji.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoolHasherTest {

    private static final char[] CHARS = {'0', '9', 'A', 'Y', 'a', '\n', 'é', '中', '\uE000', '\uFFFF', '\uD83D', '\uDE00',
        '\uDBFF', '\uDC00'};

    @Test
    void comparesAsTheUtf8BytesDoIncludingSurrogatesAndBrokenPairs() {
        Random random = new Random(7);
        for (int k = 0; k < 200_000; k++) {
            String a = random(random);
            String b = random.nextInt(4) == 0 ? a + random(random) : random.nextInt(4) == 0 ? mutate(a, random) : random(random);
            assertThat(Integer.signum(PoolHasher.compareBytes(a, b))).as("%s vs %s", escape(a), escape(b))
                    .isEqualTo(Integer.signum(PoolHasher.compareEncoded(a, b)));
        }
        assertThat(PoolHasher.compareBytes("91140522A", "91140522B")).isNegative();
        assertThat(PoolHasher.compareBytes("9114", "91140")).isNegative();
        assertThat(PoolHasher.compareBytes("\uFFFF", "\uD83D\uDE00")).isNegative(); // U+FFFF < U+1F600, unlike UTF-16
    }

    @Test
    void hashesInChunksAsOneDigestOfEveryMemberAndNewline() throws Exception {
        Random random = new Random(11);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            members.add(i % 97 == 0 ? random(random) : "91140522" + String.format("%010d", i));
        }
        members.add("x".repeat(9000)); // longer than the chunk
        PoolHasher hasher = new PoolHasher();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String m : members) {
            hasher.add(m);
            digest.update((m + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(hasher.sha256()).isEqualTo(Hex.of(digest.digest()));
        assertThat(hasher.count()).isEqualTo(members.size());
    }

    private static String random(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            b.append(CHARS[random.nextInt(CHARS.length)]);
        }
        return b.toString();
    }

    private static String mutate(String a, Random random) {
        if (a.isEmpty()) {
            return random(random);
        }
        char[] c = a.toCharArray();
        c[random.nextInt(c.length)] = CHARS[random.nextInt(CHARS.length)];
        return new String(c);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(String.format("\\u%04x", c)));
        return b.toString();
    }
}
