package org.shuangsuiji.roster.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.shuangsuiji.roster.domain.RecusalRequest;
import org.shuangsuiji.roster.domain.RecusalState;

/** An enterprise's recusal request (申请回避) as the API returns it. Confidential. */
public record RecusalRequestState(
        UUID id,
        String uscc,
        UUID inspectorId,
        String applicant,
        String reason,
        LocalDate receivedOn,
        RecusalState state,
        String filedBy,
        OffsetDateTime filedAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionReason,
        UUID conflictId) {

    public static RecusalRequestState of(RecusalRequest r) {
        return new RecusalRequestState(r.id, r.uscc, r.inspectorId, r.applicant, r.reason, r.receivedOn, r.state,
                r.filedBy, r.filedAt, r.decidedBy, r.decidedAt, r.decisionReason, r.conflictId);
    }
}
