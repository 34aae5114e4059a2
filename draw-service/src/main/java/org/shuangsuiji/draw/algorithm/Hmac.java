package org.shuangsuiji.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA-256 (RFC 2104) under one key, reused for many messages. Not thread-safe: one per thread. */
public final class Hmac {
    private final Mac mac;

    public Hmac(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    public byte[] mac(byte[] message) {
        return mac.doFinal(message);
    }

    public byte[] mac(String message) {
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    /** One-shot HMAC-SHA-256. */
    public static byte[] of(byte[] key, byte[] message) {
        return new Hmac(key).mac(message);
    }
}
