package org.shuangsuiji.roster.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.shuangsuiji.commons.problem.ProblemException;

/**
 * Text files arrive as UTF-8 (with or without a byte-order mark) or, from older office software, GBK. A declared
 * {@code charset} (UTF-8, GBK, GB2312, GB18030) is honoured; undeclared, the first 64 KiB must be valid UTF-8, and if
 * they are not, the answer is a 400 that says whether the file looks like GBK, rather than a file of mojibake.
 */
public final class Encodings {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF = 64 * 1024;

    private Encodings() {}

    public static Charset of(Path file, String declared) throws IOException {
        String d = declared == null ? "" : declared.trim().toUpperCase(Locale.ROOT).replace("\"", "");
        // Latin-1 and ASCII cannot hold Chinese text: such a label is a client's default, not a statement; sniff instead
        if (!d.isEmpty() && !d.equals("ISO-8859-1") && !d.equals("US-ASCII")) {
            return switch (d) {
                case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
                case "GBK", "GB2312", "GB18030", "CP936" -> GB18030; // GB18030 decodes GBK and GB2312 alike
                default -> throw ProblemException.invalid("charset", "'" + declared + "' is not supported: send UTF-8 or GBK");
            };
        }
        byte[] head = new byte[SNIFF];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, SNIFF);
        }
        boolean complete = n < SNIFF;
        if (decodes(head, n, StandardCharsets.UTF_8, complete)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(head, n, GB18030, complete)) {
            throw ProblemException.invalid("charset", "the file is not UTF-8; it looks like GBK (GB18030)."
                    + " Save it as UTF-8, or declare it: Content-Type: text/csv; charset=GBK");
        }
        throw ProblemException.invalid("charset", "the file is neither UTF-8 nor GBK text");
    }

    private static boolean decodes(byte[] bytes, int length, Charset charset, boolean complete) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 16);
        CoderResult r = decoder.decode(in, out, complete);
        if (r.isError()) {
            return false;
        }
        if (complete) {
            try {
                r = decoder.flush(out);
                return !r.isError() && !in.hasRemaining();
            } catch (IllegalStateException e) {
                return false;
            }
        }
        return in.remaining() < 4; // a multi-byte character cut at the sniffing boundary is fine
    }

    /** Whether a decoded field holds a replacement character, i.e. bytes that were not valid in the file's charset. */
    public static boolean hasUndecodable(String s) {
        return s.indexOf('\uFFFD') >= 0;
    }

}
