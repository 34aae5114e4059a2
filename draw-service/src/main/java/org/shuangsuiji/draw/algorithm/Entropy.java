package org.shuangsuiji.draw.algorithm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.shuangsuiji.draw.algorithm.record.EntropyKind;
import org.shuangsuiji.draw.algorithm.record.EntropySource;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;

/** Entropy values: their text rules, witness commitments and the canonical byte encoding that enters the key. */
public final class Entropy {
    /** Source names: lower-case letters, digits and dashes, starting with a letter or digit, at most 64. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final int MAX_VALUE_LENGTH = 1000;
    public static final int MIN_SALT_LENGTH = 16;
    static final byte[] ENCODING_TAG = "ssj-entropy/1".getBytes(StandardCharsets.UTF_8);

    private Entropy() {}

    /**
     * The commitment a witness publishes before the draw: lower-case hex SHA-256 of UTF-8({@code value + "\n" +
     * salt}); equivalently {@code printf '%s\n%s' "$value" "$salt" | sha256sum}. The line break keeps value and salt
     * apart, so one commitment opens to one value only.
     */
    public static String commitment(String value, String salt) {
        checkText("value", value);
        checkSalt("salt", salt);
        return Sha256.hex(value + "\n" + salt);
    }

    /** Whether {@code value} and {@code salt} open {@code commitment} (compared in constant time). */
    public static boolean matchesCommitment(String value, String salt, String commitment) {
        if (value == null || salt == null || commitment == null) {
            return false;
        }
        byte[] actual = Sha256.hex(value + "\n" + salt).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, commitment.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Checks revealed values against the announced sources: exactly one value per source, in the announced order,
     * each a valid text, witness values opening their commitments, no salt on public values.
     *
     * @throws DrawInputException naming {@code entropy[i].value} (or {@code .salt}, {@code .name}) and the rule
     */
    public static void checkReveal(List<EntropySource> sources, List<EntropyValue> values) {
        if (values.size() != sources.size()) {
            throw new DrawInputException("entropy", "the announcement names " + sources.size()
                    + " sources, " + values.size() + " values were given");
        }
        for (int i = 0; i < sources.size(); i++) {
            checkValue("entropy[" + i + "]", sources.get(i), values.get(i));
        }
    }

    /**
     * Checks one revealed value against its announced source (for a reveal that arrives value by value): the name,
     * the text rules, the salt only for witness values, and the commitment.
     *
     * @param field the value's name in the caller's request, e.g. {@code "entropy[1]"}; the exception names
     *              {@code field + ".value"} (or {@code .salt}, {@code .name})
     */
    public static void checkValue(String field, EntropySource source, EntropyValue value) {
        if (!source.name().equals(value.name())) {
            throw new DrawInputException(field + ".name", "expected source '" + source.name()
                    + "' (announced order), got '" + value.name() + "'");
        }
        checkText(field + ".value", value.value());
        if (source.kind() == EntropyKind.WITNESS_COMMITMENT) {
            checkSalt(field + ".salt", value.salt());
            if (!matchesCommitment(value.value(), value.salt(), source.commitment())) {
                throw new DrawInputException(field + ".value", "SHA-256(value + \"\\n\" + salt) is "
                        + Sha256.hex(value.value() + "\n" + value.salt()) + ", the announced commitment of '"
                        + source.name() + "' is " + source.commitment());
            }
        } else if (value.salt() != null) {
            throw new DrawInputException(field + ".salt", "only witness values carry a salt");
        }
    }

    /** Checks the announced sources: names valid and unique, commitments exactly for witness sources. */
    public static void checkSources(List<EntropySource> sources) {
        if (sources.isEmpty()) {
            throw new DrawInputException("entropySources", "name at least one future public value");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            EntropySource source = sources.get(i);
            String field = "entropySources[" + i + "]";
            if (source.name() == null || !NAME.matcher(source.name()).matches()) {
                throw new DrawInputException(field + ".name", "must match " + NAME.pattern());
            }
            if (!names.add(source.name())) {
                throw new DrawInputException(field + ".name", "'" + source.name() + "' is named twice");
            }
            if (source.kind() == null) {
                throw new DrawInputException(field + ".kind", "is required");
            }
            if (source.description() == null || source.description().isBlank()) {
                throw new DrawInputException(field + ".description", "say exactly which value (issue, date, format)");
            }
            if (source.kind() == EntropyKind.WITNESS_COMMITMENT) {
                if (!Hex.isSha256(source.commitment())) {
                    throw new DrawInputException(field + ".commitment", "must be 64 lower-case hex characters");
                }
            } else if (source.commitment() != null) {
                throw new DrawInputException(field + ".commitment", "only witness sources carry a commitment");
            }
        }
    }

    /**
     * The canonical encoding {@code ssj-entropy/1}: the ASCII tag {@code ssj-entropy/1}, one zero byte, then per
     * source in announced order: the name's UTF-8 length (4 bytes big-endian), its bytes, the value's UTF-8 length
     * (4 bytes big-endian), its bytes. Length prefixes make the encoding unambiguous.
     */
    public static byte[] encode(List<EntropyValue> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ENCODING_TAG);
        out.write(0);
        for (EntropyValue value : values) {
            writeField(out, value.name());
            writeField(out, value.value());
        }
        return out.toByteArray();
    }

    private static void writeField(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    /** A value: 1..1000 characters, no control characters, no leading or trailing white space. */
    static void checkText(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new DrawInputException(field, "is required");
        }
        if (text.length() > MAX_VALUE_LENGTH) {
            throw new DrawInputException(field, "at most " + MAX_VALUE_LENGTH + " characters");
        }
        if (!text.equals(text.strip())) {
            throw new DrawInputException(field, "must not start or end with white space");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new DrawInputException(field, "must not contain control characters (line breaks, tabs)");
            }
        }
    }

    static void checkSalt(String field, String salt) {
        checkText(field, salt);
        if (salt.length() < MIN_SALT_LENGTH) {
            throw new DrawInputException(field, "at least " + MIN_SALT_LENGTH + " characters, so nobody can guess"
                    + " the value from its commitment");
        }
    }
}
