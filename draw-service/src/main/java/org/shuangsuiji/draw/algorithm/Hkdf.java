package org.shuangsuiji.draw.algorithm;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA-256, RFC 5869, on {@code javax.crypto.Mac}. */
public final class Hkdf {
    private static final int HASH_LEN = 32;

    private Hkdf() {}

    /** HKDF-Extract(salt, IKM) = HMAC(salt, IKM); an empty salt means 32 zero bytes. */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        byte[] s = salt == null || salt.length == 0 ? new byte[HASH_LEN] : salt;
        return mac(s).doFinal(ikm);
    }

    /** HKDF-Expand(PRK, info, L): T(i) = HMAC(PRK, T(i-1) | info | i), output the first L bytes. */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LEN) {
            throw new IllegalArgumentException("HKDF length must be 1.." + 255 * HASH_LEN);
        }
        Mac hmac = mac(prk);
        ByteArrayOutputStream okm = new ByteArrayOutputStream(length + HASH_LEN);
        byte[] previous = new byte[0];
        for (int i = 1; okm.size() < length; i++) {
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            block.writeBytes(previous);
            block.writeBytes(info);
            block.write(i);
            previous = hmac.doFinal(block.toByteArray());
            okm.writeBytes(previous);
        }
        byte[] out = new byte[length];
        System.arraycopy(okm.toByteArray(), 0, out, 0, length);
        return out;
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        return expand(extract(salt, ikm), info, length);
    }
}
