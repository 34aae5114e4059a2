package org.shuangsuiji.draw.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.shuangsuiji.draw.algorithm.record.EntropyKind;

/**
 * Announces (commits) a draw of one task batch before any randomness exists: names the future public values and
 * the witnesses' commitments. {@code inspectionFrom} defaults to today; the inspection window ends
 * {@code inspectWorkingDays} working days later (implementation rules, default 5).
 */
public record AnnounceRequest(
        Integer batch,
        LocalDate inspectionFrom,
        String selectionAlgorithm,
        @NotEmpty(message = "name at least one future public value") List<@Valid @NotNull(message = "is required") Source> entropySources) {

    /** A named future value; witnesses give {@code commitment} = SHA-256(value + "\n" + salt), 64 lower-case hex. */
    public record Source(String name, EntropyKind kind, String description, String commitment) {}
}
