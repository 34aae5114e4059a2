-- Bulk imports (CSV, XLSX): the job's state lives here so any replica answers GET /imports/{id}; the replica that
-- received the file (owner) runs it and keeps heartbeat_at fresh. A job whose owner stopped is failed by any replica.
CREATE TABLE import_job (
    id             UUID        PRIMARY KEY,
    kind           TEXT        NOT NULL CHECK (kind IN ('SUBJECTS', 'INSPECTORS')),
    format         TEXT        NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    file_name      TEXT,
    size_bytes     BIGINT      NOT NULL,
    sha256         TEXT        NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    owner          TEXT        NOT NULL,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    heartbeat_at   TIMESTAMPTZ NOT NULL,
    rows_read      BIGINT      NOT NULL DEFAULT 0,
    rows_created   BIGINT      NOT NULL DEFAULT 0,
    rows_changed   BIGINT      NOT NULL DEFAULT 0,
    rows_unchanged BIGINT      NOT NULL DEFAULT 0,
    rows_rejected  BIGINT      NOT NULL DEFAULT 0,
    failure        TEXT
);
CREATE INDEX import_job_active ON import_job (state, heartbeat_at) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX import_job_by_time ON import_job (created_at);

-- The per-row error report: row number in the file (header = 1), the field (null = the whole row) and why.
CREATE TABLE import_error (
    id         BIGSERIAL PRIMARY KEY,
    job_id     UUID   NOT NULL REFERENCES import_job (id),
    row_number BIGINT NOT NULL,
    field      TEXT,
    reason     TEXT   NOT NULL
);
CREATE INDEX import_error_by_job ON import_error (job_id, row_number, id);
