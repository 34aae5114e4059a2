package org.shuangsuiji.roster.service;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.shuangsuiji.roster.domain.RiskClass;

/** One credit-risk class a subject had: from when ({@code asOf}), from where, recorded by whom and when. */
public record RiskHistoryEntry(RiskClass riskClass, LocalDate asOf, String source, String recordedBy,
        OffsetDateTime recordedAt, UUID feedId) {

    static RiskHistoryEntry of(Object[] row) {
        return new RiskHistoryEntry(RiskClass.valueOf((String) row[0]), localDate(row[1]), (String) row[2],
                (String) row[3], offsetDateTime(row[4]), row[5] == null ? null : (UUID) row[5]);
    }

    static LocalDate localDate(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }

    static OffsetDateTime offsetDateTime(Object o) {
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((OffsetDateTime) o).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
