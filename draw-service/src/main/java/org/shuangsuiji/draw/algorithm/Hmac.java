package org.shuangsuiji.draw.algorithm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * HMAC-SHA-256 (RFC 2104) under one key, for millions of short messages. The SHA-256 states after the key's inner
 * and outer pad blocks are computed once and cloned per message: two compressions per short message instead of the
 * four {@code javax.crypto.Mac} spends (it re-hashes the pad block after every reset). The clones allocate about 350 MB
 * per million-subject draw (JFR), a third of its allocation; a reused digest that hashes the pad blocks again allocates
 * nothing, but it made draws no faster in the service (its extra compressions cost what the fewer young collections
 * saved, docs/performance.md, 2026-12-08). Same output as
 * {@code Mac.getInstance("HmacSHA256")} ({@code HmacTest}). Not thread-safe: one per thread.
 */
public final class Hmac {
    private static final int BLOCK = 64;
    private final MessageDigest inner;
    private final MessageDigest outer;

    public Hmac(byte[] key) {
        byte[] k = key.length > BLOCK ? Sha256.digest(key) : key;
        byte[] ipad = new byte[BLOCK];
        byte[] opad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        inner = Sha256.newDigest();
        inner.update(ipad);
        outer = Sha256.newDigest();
        outer.update(opad);
    }

    public byte[] mac(byte[] message) {
        return mac(message, 0, message.length);
    }

    public byte[] mac(byte[] message, int offset, int length) {
        MessageDigest in = copy(inner);
        in.update(message, offset, length);
        MessageDigest out = copy(outer);
        out.update(in.digest());
        return out.digest();
    }

    public byte[] mac(String message) {
        return mac(message.getBytes(StandardCharsets.UTF_8));
    }

    /** One-shot HMAC-SHA-256. */
    public static byte[] of(byte[] key, byte[] message) {
        return new Hmac(key).mac(message);
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 provider cannot clone its state", e);
        }
    }
}
