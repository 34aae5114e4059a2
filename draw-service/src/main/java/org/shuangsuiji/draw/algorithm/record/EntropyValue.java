package org.shuangsuiji.draw.algorithm.record;

import java.time.Instant;

/**
 * A revealed entropy value with its provenance.
 *
 * @param name            the announced source's name
 * @param value           the value exactly as it enters the key (UTF-8 text, no line breaks, no surrounding spaces)
 * @param salt            the witness's salt (witness values only, else null)
 * @param sourceReference where the value can be checked (URL, bulletin, newspaper)
 * @param enteredBy       who entered it
 * @param enteredAt       when (truncated to seconds)
 */
public record EntropyValue(
        String name, String value, String salt, String sourceReference, String enteredBy, Instant enteredAt) {

    public EntropyValue {
        enteredAt = Lists.seconds(enteredAt);
    }
}
