package org.shuangsuiji.roster.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.shuangsuiji.roster.domain.RiskClass;
import org.shuangsuiji.roster.domain.Subject;
import org.shuangsuiji.roster.domain.SubjectKind;
import org.shuangsuiji.roster.domain.SubjectStatus;

/**
 * A subject's full state: what the authenticated API returns and the data of every {@code roster.subject.*} event
 * (event-carried state, schema version 1). Carries the risk class, so it is confidential: never on a public answer.
 */
public record SubjectState(
        String uscc,
        String name,
        SubjectKind kind,
        String industryCode,
        String divisionCode,
        String address,
        SubjectStatus status,
        List<String> departments,
        List<String> itemFamilies,
        Risk risk,
        List<Tag> tags,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        int revision) {

    public static final String REGISTERED = "roster.subject.registered";
    public static final String CHANGED = "roster.subject.changed";
    public static final String RISK_CLASS_CHANGED = "roster.subject.risk-class-changed";
    public static final String TAGGED = "roster.subject.tagged";
    public static final String UNTAGGED = "roster.subject.untagged";
    public static final int SCHEMA_VERSION = 1;

    /** 企业信用风险分类 with its as-of date and where it came from; null when the subject is not yet classified. */
    public record Risk(RiskClass riskClass, LocalDate asOf, String source) {}

    public record Tag(String code, String setBy, OffsetDateTime setAt) {}

    public static SubjectState of(Subject s) {
        return new SubjectState(s.uscc, s.name, s.kind, s.industryCode, s.divisionCode, s.address, s.status,
                s.departments.stream().sorted().toList(),
                s.itemFamilies.stream().sorted().toList(),
                s.riskClass == null ? null : new Risk(s.riskClass, s.riskAsOf, s.riskSource),
                s.tags.stream().sorted(Comparator.comparing(t -> t.code)).map(t -> new Tag(t.code, t.setBy, t.setAt)).toList(),
                s.createdBy, s.createdAt, s.updatedBy, s.updatedAt, s.lockVersion);
    }
}
