package org.shuangsuiji.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;

/**
 * {@code ssj-hkdf/1}: key = HKDF-SHA-256(salt = the 32 bytes of the announcement hash, IKM = {@link
 * Entropy#encode(List)} of the revealed values, info = ASCII {@code ssj-draw-key/1}, L = 32). The announcement hash
 * covers pools, quotas, exclusions, inspectors, conflicts, rules and algorithms, so the key binds all of them.
 */
public final class KeyDerivation {
    public static final String ID = "ssj-hkdf/1";
    static final byte[] INFO = "ssj-draw-key/1".getBytes(StandardCharsets.UTF_8);

    private KeyDerivation() {}

    /**
     * @param announcementSha256 the announcement hash, 64 lower-case hex
     * @param values             revealed values in the announced order (check them first with
     *                           {@link Entropy#checkReveal})
     * @return the 32-byte draw key
     */
    public static byte[] deriveKey(String announcementSha256, List<EntropyValue> values) {
        if (!Hex.isSha256(announcementSha256)) {
            throw new DrawInputException("announcementSha256", "must be 64 lower-case hex characters");
        }
        return Hkdf.derive(Hex.parse(announcementSha256), Entropy.encode(values), INFO, 32);
    }
}
