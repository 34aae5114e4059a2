package org.shuangsuiji.roster.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;

/** One personalised tag on a subject, with who set it and when. */
@Embeddable
public class SubjectTag {

    /** Special pools (单独设库) the seeds name; departments may define further codes. */
    public static final String COMPLAINTS = "COMPLAINTS";
    public static final String ABNORMAL_OPERATION = "ABNORMAL_OPERATION";
    public static final String SERIOUS_VIOLATION = "SERIOUS_VIOLATION";

    @Column(nullable = false)
    public String code;

    @Column(name = "set_by", nullable = false)
    public String setBy;

    @Column(name = "set_at", nullable = false)
    public OffsetDateTime setAt;

    public SubjectTag() {}

    public SubjectTag(String code, String setBy, OffsetDateTime setAt) {
        this.code = code;
        this.setBy = setBy;
        this.setAt = setAt;
    }
}
