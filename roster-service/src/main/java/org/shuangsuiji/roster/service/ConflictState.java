package org.shuangsuiji.roster.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.shuangsuiji.roster.domain.ConflictKind;
import org.shuangsuiji.roster.domain.ConflictOfInterest;

/**
 * A conflict of interest; also the data of {@code roster.conflict.declared} and {@code roster.conflict.withdrawn} v1.
 * Confidential. {@code withdrawn*} are null while the conflict stands; {@code recusalRequestId} names the enterprise's
 * request a {@code RECUSAL_REQUEST} conflict was accepted from.
 */
public record ConflictState(
        UUID id,
        UUID inspectorId,
        String uscc,
        ConflictKind kind,
        String reason,
        LocalDate validFrom,
        LocalDate validTo,
        String declaredBy,
        OffsetDateTime declaredAt,
        String withdrawnBy,
        OffsetDateTime withdrawnAt,
        String withdrawalReason,
        UUID recusalRequestId) {

    public static final String DECLARED = "roster.conflict.declared";
    public static final String WITHDRAWN = "roster.conflict.withdrawn";
    public static final int SCHEMA_VERSION = 1;

    public static ConflictState of(ConflictOfInterest c) {
        return new ConflictState(c.id, c.inspectorId, c.uscc, c.kind, c.reason, c.validFrom, c.validTo, c.declaredBy,
                c.declaredAt, c.withdrawnBy, c.withdrawnAt, c.withdrawalReason, c.recusalRequestId);
    }
}
