-- Issue 4: the full item record, review lifecycle, scenarios (一业一查), implementation rules (细则), the
-- department read model and the transition log. Rows of the walking skeleton get neutral defaults.

ALTER TABLE inspection_item
    ADD COLUMN category           TEXT          NOT NULL DEFAULT '',
    ADD COLUMN object_description TEXT          NOT NULL DEFAULT '',
    ADD COLUMN content            TEXT          NOT NULL DEFAULT '',
    ADD COLUMN methods            JSONB         NOT NULL DEFAULT '["ON_SITE"]',
    ADD COLUMN item_class         TEXT          NOT NULL DEFAULT 'GENERAL',
    ADD COLUMN default_ratio      NUMERIC(5, 4) NOT NULL DEFAULT 0.05,
    ADD COLUMN frequency          INT           NOT NULL DEFAULT 1,
    ADD COLUMN min_team_size      INT           NOT NULL DEFAULT 2,
    ADD COLUMN required_tags      JSONB         NOT NULL DEFAULT '[]',
    ADD COLUMN remarks            TEXT,
    ADD COLUMN updated_by         TEXT,
    ADD COLUMN updated_at         TIMESTAMPTZ,
    ADD COLUMN retired_by         TEXT,
    ADD COLUMN retired_at         TIMESTAMPTZ,
    ADD CONSTRAINT inspection_item_team_size CHECK (min_team_size >= 2),
    ADD CONSTRAINT inspection_item_ratio CHECK (default_ratio > 0 AND default_ratio <= 1);
CREATE INDEX inspection_item_department ON inspection_item (department, status);
-- Imports without a code column find an item by its department and name.
CREATE INDEX inspection_item_department_name ON inspection_item (department, name);

-- At most one version of a code may be in the making (draft, submitted or approved) at a time.
CREATE UNIQUE INDEX inspection_item_one_open_version ON inspection_item (code)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'APPROVED');

CREATE TABLE industry_scenario (
    id                      BIGSERIAL PRIMARY KEY,
    code                    TEXT        NOT NULL,
    version                 INT         NOT NULL,
    name                    TEXT        NOT NULL,
    industry_code           TEXT,
    description             TEXT,
    lead_department         TEXT        NOT NULL,
    cooperating_departments JSONB       NOT NULL,
    items                   JSONB       NOT NULL,
    status                  TEXT        NOT NULL,
    created_by              TEXT        NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_by              TEXT,
    updated_at              TIMESTAMPTZ,
    published_by            TEXT,
    published_at            TIMESTAMPTZ,
    retired_by              TEXT,
    retired_at              TIMESTAMPTZ,
    lock_version            INT         NOT NULL DEFAULT 0,
    UNIQUE (code, version)
);
CREATE UNIQUE INDEX industry_scenario_one_open_version ON industry_scenario (code)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'APPROVED');

CREATE TABLE rule_set (
    id                                    BIGSERIAL PRIMARY KEY,
    rule_key                              TEXT          NOT NULL,
    version                               INT           NOT NULL,
    department                            TEXT          NOT NULL,
    item_code                             TEXT,
    ratio_a                               NUMERIC(5, 4) NOT NULL CHECK (ratio_a > 0 AND ratio_a <= 1),
    ratio_b                               NUMERIC(5, 4) NOT NULL CHECK (ratio_b > 0 AND ratio_b <= 1),
    ratio_c                               NUMERIC(5, 4) NOT NULL CHECK (ratio_c > 0 AND ratio_c <= 1),
    ratio_d                               NUMERIC(5, 4) NOT NULL CHECK (ratio_d > 0 AND ratio_d <= 1),
    minimum_count                         INT           NOT NULL CHECK (minimum_count >= 1),
    max_inspections_per_subject_per_year  INT,
    windows                               JSONB         NOT NULL,
    class_a_not_twice_per_year            BOOLEAN       NOT NULL,
    inspect_working_days                  INT           NOT NULL,
    result_entry_working_days             INT           NOT NULL,
    remarks                               TEXT,
    status                                TEXT          NOT NULL,
    created_by                            TEXT          NOT NULL,
    created_at                            TIMESTAMPTZ   NOT NULL,
    updated_by                            TEXT,
    updated_at                            TIMESTAMPTZ,
    published_by                          TEXT,
    published_at                          TIMESTAMPTZ,
    retired_by                            TEXT,
    retired_at                            TIMESTAMPTZ,
    lock_version                          INT           NOT NULL DEFAULT 0,
    UNIQUE (rule_key, version),
    CHECK (ratio_a <= ratio_b AND ratio_b <= ratio_c AND ratio_c <= ratio_d)
);
CREATE UNIQUE INDEX rule_set_one_open_version ON rule_set (rule_key)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'APPROVED');

-- Append-only: who moved which version from which state to which, when and why.
CREATE TABLE catalog_transition (
    id            BIGSERIAL PRIMARY KEY,
    aggregate     TEXT        NOT NULL,
    aggregate_key TEXT        NOT NULL,
    version       INT         NOT NULL,
    action        TEXT        NOT NULL,
    from_status   TEXT,
    to_status     TEXT        NOT NULL,
    actor         TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    comment       TEXT
);
CREATE INDEX catalog_transition_key ON catalog_transition (aggregate, aggregate_key, version, id);

-- Read model of roster-service's departments (roster.department.registered), ADR 0008.
CREATE TABLE known_department (
    code          TEXT PRIMARY KEY,
    name          TEXT        NOT NULL,
    level         TEXT        NOT NULL,
    division_code TEXT        NOT NULL,
    parent_code   TEXT,
    source_event  TEXT        NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL
);
