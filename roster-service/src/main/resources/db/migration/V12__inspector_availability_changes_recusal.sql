-- Inspectors change (certificate renewal, expertise, workload cap, region): who changed them last, and every stored
-- revision without personal data, so that no earlier state is lost.
ALTER TABLE inspector ADD COLUMN updated_by TEXT, ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE inspector SET updated_by = created_by, updated_at = created_at;
ALTER TABLE inspector ALTER COLUMN updated_by SET NOT NULL, ALTER COLUMN updated_at SET NOT NULL;

CREATE TABLE inspector_revision (
    inspector_id UUID        NOT NULL REFERENCES inspector (id),
    revision     INT         NOT NULL,
    state        JSONB       NOT NULL,
    changed_by   TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (inspector_id, revision)
);

-- Periods when an inspector cannot be drawn (leave, training, …). Removing one records who and when; nothing is deleted.
CREATE TABLE inspector_unavailability (
    id           UUID        PRIMARY KEY,
    inspector_id UUID        NOT NULL REFERENCES inspector (id),
    from_date    DATE        NOT NULL,
    to_date      DATE        NOT NULL,
    reason       TEXT        NOT NULL CHECK (reason IN ('LEAVE', 'TRAINING', 'SECONDMENT', 'OTHER')),
    note         TEXT,
    added_by     TEXT        NOT NULL,
    added_at     TIMESTAMPTZ NOT NULL,
    removed_by   TEXT,
    removed_at   TIMESTAMPTZ,
    CHECK (to_date >= from_date)
);
CREATE INDEX inspector_unavailability_current ON inspector_unavailability (inspector_id, from_date) WHERE removed_at IS NULL;

-- Conflicts are withdrawn, never deleted; an accepted enterprise recusal request (申请回避) becomes one.
ALTER TABLE conflict_of_interest DROP CONSTRAINT conflict_of_interest_kind_check;
ALTER TABLE conflict_of_interest ADD CONSTRAINT conflict_of_interest_kind_check
    CHECK (kind IN ('KINSHIP', 'FORMER_EMPLOYMENT', 'SHAREHOLDING', 'OTHER', 'RECUSAL_REQUEST'));
ALTER TABLE conflict_of_interest
    ADD COLUMN withdrawn_by       TEXT,
    ADD COLUMN withdrawn_at       TIMESTAMPTZ,
    ADD COLUMN withdrawal_reason  TEXT,
    ADD COLUMN recusal_request_id UUID;

-- 申请回避: a subject asks that an inspector be recused; a department-admin of the inspector's department decides.
CREATE TABLE recusal_request (
    id              UUID        PRIMARY KEY,
    uscc            TEXT COLLATE "C" NOT NULL REFERENCES subject (uscc),
    inspector_id    UUID        NOT NULL REFERENCES inspector (id),
    applicant       TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    received_on     DATE        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    filed_by        TEXT        NOT NULL,
    filed_at        TIMESTAMPTZ NOT NULL,
    decided_by      TEXT,
    decided_at      TIMESTAMPTZ,
    decision_reason TEXT,
    conflict_id     UUID REFERENCES conflict_of_interest (id),
    lock_version    INT         NOT NULL DEFAULT 0
);
CREATE INDEX recusal_request_by_inspector ON recusal_request (inspector_id);
CREATE UNIQUE INDEX recusal_request_one_pending ON recusal_request (inspector_id, uscc) WHERE state = 'PENDING';
