-- Every credit-risk class a subject ever had, with where it came from: PUT /subjects/{uscc}/risk-class, a feed, an
-- import. Append-only.
CREATE TABLE risk_feed (
    id          UUID        PRIMARY KEY,
    source      TEXT        NOT NULL,
    as_of       DATE        NOT NULL,
    received_by TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    row_count   INT         NOT NULL,
    changed     INT         NOT NULL,
    unchanged   INT         NOT NULL,
    unknown     INT         NOT NULL,
    stale       INT         NOT NULL
);

CREATE TABLE subject_risk_history (
    id            BIGSERIAL   PRIMARY KEY,
    uscc          TEXT COLLATE "C" NOT NULL REFERENCES subject (uscc),
    risk_class    TEXT        NOT NULL CHECK (risk_class IN ('A', 'B', 'C', 'D')),
    as_of         DATE        NOT NULL,
    source        TEXT        NOT NULL,
    recorded_by   TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    feed_id       UUID        REFERENCES risk_feed (id),
    import_job_id UUID
);
CREATE INDEX subject_risk_history_by_subject ON subject_risk_history (uscc, id);
CREATE INDEX subject_risk_history_by_time ON subject_risk_history (recorded_at);
INSERT INTO subject_risk_history (uscc, risk_class, as_of, source, recorded_by, recorded_at)
SELECT uscc, risk_class, COALESCE(risk_as_of, updated_at::date), COALESCE(risk_source, 'unknown'), updated_by, updated_at
FROM subject WHERE risk_class IS NOT NULL;

-- Directory membership and status changes with timestamps: the change lists (增减清单) are read from these.
CREATE TABLE subject_directory_history (
    id              BIGSERIAL   PRIMARY KEY,
    uscc            TEXT COLLATE "C" NOT NULL REFERENCES subject (uscc),
    department_code TEXT        NOT NULL REFERENCES department (code),
    change          TEXT        NOT NULL CHECK (change IN ('ADDED', 'REMOVED')),
    changed_by      TEXT        NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL,
    import_job_id   UUID
);
CREATE INDEX subject_directory_history_by_department ON subject_directory_history (department_code, changed_at);
CREATE INDEX subject_directory_history_by_subject ON subject_directory_history (uscc, department_code, changed_at);
INSERT INTO subject_directory_history (uscc, department_code, change, changed_by, changed_at)
SELECT d.uscc, d.department_code, 'ADDED', s.created_by, s.created_at
FROM subject_department d JOIN subject s ON s.uscc = d.uscc;

CREATE TABLE subject_status_history (
    id            BIGSERIAL   PRIMARY KEY,
    uscc          TEXT COLLATE "C" NOT NULL REFERENCES subject (uscc),
    status        TEXT        NOT NULL,
    changed_by    TEXT        NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL,
    import_job_id UUID
);
CREATE INDEX subject_status_history_by_subject ON subject_status_history (uscc, id);
CREATE INDEX subject_status_history_by_time ON subject_status_history (changed_at);
INSERT INTO subject_status_history (uscc, status, changed_by, changed_at)
SELECT uscc, status, created_by, created_at FROM subject;
