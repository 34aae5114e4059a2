package org.shuangsuiji.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacTest {

    @Test
    void matchesRfc4231TestCase2() {
        byte[] mac = Hmac.of("Jefe".getBytes(), "what do ya want for nothing?".getBytes());
        assertThat(Hex.of(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void equalsJavaxCryptoMacForShortAndLongKeysAndMessages() throws Exception {
        Random random = new Random(3);
        for (int keyLength : new int[] {0, 1, 32, 64, 65, 200}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            Hmac hmac = new Hmac(key);
            Mac reference = Mac.getInstance("HmacSHA256");
            reference.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            for (int length : new int[] {0, 26, 55, 56, 64, 200}) {
                byte[] message = new byte[length];
                random.nextBytes(message);
                if (keyLength > 0) {
                    assertThat(hmac.mac(message)).as("key %d, message %d", keyLength, length)
                            .isEqualTo(reference.doFinal(message));
                }
            }
        }
    }
}
