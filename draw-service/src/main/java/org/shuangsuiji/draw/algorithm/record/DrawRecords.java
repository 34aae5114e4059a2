package org.shuangsuiji.draw.algorithm.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Canonical JSON and hashes of announcements, records and substitutions. Store the canonical text exactly as
 * returned (not as jsonb, which reorders), serve it unchanged, and read it back with the {@code parse…} methods.
 */
public final class DrawRecords {
    private DrawRecords() {}

    public static String canonicalJson(Object value) {
        return CanonicalJson.string(value);
    }

    /**
     * The record's canonical JSON without its announcement: {@code {"announcementSha256":…}}, itself an object. The
     * announcement is the record's first member in name order, so the record is exactly
     * {@link #aroundAnnouncement(String, String) aroundAnnouncement(announcementText, this)} where
     * {@code announcementText} is the canonical JSON of {@code record.announcement()}; a large draw's announcement
     * lists every exclusion, and its text is stored already, so it is neither serialised nor stored a second time.
     */
    public static String canonicalJsonAfterAnnouncement(DrawRecord record) {
        DrawRecord rest = new DrawRecord(record.format(), null, record.announcementSha256(), record.entropy(),
                record.key(), record.selections(), record.teams(), record.infeasible(), record.computedAt(),
                record.computedBy());
        String tail = CanonicalJson.string(rest);
        if (!tail.startsWith(AFTER_ANNOUNCEMENT)) {
            throw new IllegalStateException("the announcement is no longer the record's first member");
        }
        return tail;
    }

    private static final String AFTER_ANNOUNCEMENT = "{\"announcementSha256\":";
    private static final String BEFORE_ANNOUNCEMENT = "{\"announcement\":";

    /** The record's canonical JSON from its announcement's text and {@link #canonicalJsonAfterAnnouncement}. */
    public static String aroundAnnouncement(String announcementText, String afterAnnouncement) {
        requireAfterAnnouncement(afterAnnouncement);
        return new StringBuilder(BEFORE_ANNOUNCEMENT.length() + announcementText.length() + afterAnnouncement.length())
                .append(BEFORE_ANNOUNCEMENT).append(announcementText).append(',')
                .append(afterAnnouncement, 1, afterAnnouncement.length()).toString();
    }

    /** SHA-256 (lower-case hex) of {@link #aroundAnnouncement}'s text, without building it. */
    public static String sha256AroundAnnouncement(String announcementText, String afterAnnouncement) {
        requireAfterAnnouncement(afterAnnouncement);
        MessageDigest digest = org.shuangsuiji.draw.algorithm.Sha256.newDigest();
        digest.update(BEFORE_ANNOUNCEMENT.getBytes(StandardCharsets.US_ASCII));
        digest.update(utf8(announcementText));
        digest.update((byte) ',');
        byte[] after = utf8(afterAnnouncement);
        digest.update(after, 1, after.length - 1);
        return org.shuangsuiji.draw.algorithm.Hex.of(digest.digest());
    }

    private static void requireAfterAnnouncement(String afterAnnouncement) {
        if (!afterAnnouncement.startsWith(AFTER_ANNOUNCEMENT)) {
            throw new IllegalArgumentException("not a record without its announcement");
        }
    }

    /** SHA-256 (lower-case hex) of the canonical JSON of any draw type or JSON tree, streamed into the digest. */
    public static String sha256(Object value) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CanonicalJson.write(value, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        StringBuilder hex = new StringBuilder(64);
        for (byte b : digest.digest()) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    /** The announcement hash: SHA-256 of the announcement's canonical JSON. */
    public static String announcementSha256(Announcement announcement) {
        return sha256(announcement);
    }

    /** The record hash: SHA-256 of the record's canonical JSON. */
    public static String recordSha256(DrawRecord record) {
        return sha256(record);
    }

    /** A substitution's hash, which the next substitution names as {@code previousSha256}. */
    public static String substitutionSha256(Substitution substitution) {
        return sha256(substitution);
    }

    public static Announcement parseAnnouncement(String json) {
        return CanonicalJson.read(json, Announcement.class);
    }

    public static StrataMap parseStrataMap(String json) {
        return CanonicalJson.read(json, StrataMap.class);
    }

    public static DrawRecord parseRecord(String json) {
        return CanonicalJson.read(json, DrawRecord.class);
    }

    /** A JSON array of substitutions, or NDJSON (one per line). */
    public static List<Substitution> parseSubstitutions(String json) {
        String trimmed = json.strip();
        List<Substitution> out = new ArrayList<>();
        if (trimmed.isEmpty()) {
            return out;
        }
        if (trimmed.startsWith("[")) {
            for (JsonNode node : CanonicalJson.tree(trimmed)) {
                out.add(CanonicalJson.read(node, Substitution.class));
            }
            return out;
        }
        for (String line : trimmed.split("\n")) {
            if (!line.isBlank()) {
                out.add(CanonicalJson.read(line, Substitution.class));
            }
        }
        return out;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
