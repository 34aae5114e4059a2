-- Rows that record what happened may be added, never changed or removed: not by the API, not by a script with SQL.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
END $$;

-- 年度抽查计划: one department's plan for one year (joint when other departments take part).
CREATE TABLE plan (
    id                        UUID        PRIMARY KEY,
    department                TEXT        NOT NULL,
    year                      INT         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    title                     TEXT        NOT NULL,
    joint                     BOOLEAN     NOT NULL,
    participating_departments TEXT[]      NOT NULL DEFAULT '{}',
    status                    TEXT        NOT NULL CHECK (status IN ('DRAFT', 'FILED', 'PUBLISHED', 'ADJUSTING')),
    revision                  INT         NOT NULL DEFAULT 0,
    filed_with                TEXT,
    created_by                TEXT        NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL,
    lock_version              INT         NOT NULL DEFAULT 0
);
CREATE INDEX plan_by_department ON plan (department, year);

-- Every published state of a plan, whole (tasks included), as the public saw it. Revision 1 is the first publication,
-- every later one an adjustment with its reason.
CREATE TABLE plan_revision (
    plan_id      UUID        NOT NULL REFERENCES plan (id),
    revision     INT         NOT NULL,
    reason       TEXT,
    content      JSONB       NOT NULL,
    published_by TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (plan_id, revision)
);
CREATE TRIGGER plan_revision_append_only BEFORE UPDATE OR DELETE ON plan_revision
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The change log: who did what to the plan, when and why.
CREATE TABLE plan_change (
    plan_id UUID        NOT NULL REFERENCES plan (id),
    seq     INT         NOT NULL,
    action  TEXT        NOT NULL,
    note    TEXT,
    actor   TEXT        NOT NULL,
    at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (plan_id, seq)
);
CREATE TRIGGER plan_change_append_only BEFORE UPDATE OR DELETE ON plan_change
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- 抽查任务: one plan line.
CREATE TABLE task (
    id                      UUID          PRIMARY KEY,
    plan_id                 UUID          NOT NULL REFERENCES plan (id),
    seq                     INT           NOT NULL,
    name                    TEXT          NOT NULL,
    joint                   BOOLEAN       NOT NULL,
    lead_department         TEXT          NOT NULL,
    cooperating_departments TEXT[]        NOT NULL DEFAULT '{}',
    draw_level              TEXT          NOT NULL,
    scenario_code           TEXT,
    scenario_version        INT,
    items                   JSONB         NOT NULL,
    scope                   JSONB         NOT NULL,
    ratio_a                 NUMERIC(6, 5) NOT NULL CHECK (ratio_a > 0 AND ratio_a <= 1),
    ratio_b                 NUMERIC(6, 5) NOT NULL CHECK (ratio_b >= ratio_a AND ratio_b <= 1),
    ratio_c                 NUMERIC(6, 5) NOT NULL CHECK (ratio_c >= ratio_b AND ratio_c <= 1),
    ratio_d                 NUMERIC(6, 5) NOT NULL CHECK (ratio_d >= ratio_c AND ratio_d <= 1),
    ratio_source            TEXT          NOT NULL,
    minimum_count           INT           NOT NULL CHECK (minimum_count >= 1),
    frequency               TEXT,
    period_from             DATE          NOT NULL,
    period_to               DATE          NOT NULL CHECK (period_to >= period_from),
    batches                 INT           NOT NULL CHECK (batches >= 1),
    team_size               INT           NOT NULL CHECK (team_size >= 2),
    remarks                 TEXT,
    created_by              TEXT          NOT NULL,
    created_at              TIMESTAMPTZ   NOT NULL,
    updated_by              TEXT          NOT NULL,
    updated_at              TIMESTAMPTZ   NOT NULL,
    lock_version            INT           NOT NULL DEFAULT 0,
    UNIQUE (plan_id, seq)
);
