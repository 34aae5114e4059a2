-- Read models (ADR 0009): draw-service's own copies of the catalog and the rosters, fed only by catalog.events and
-- roster.events. The API never writes them; pools are frozen from here so a draw runs on this database alone.

-- Published item versions (一单). A retired version stays, marked, so old tasks still resolve their code@version.
CREATE TABLE catalog_item (
    code          TEXT        NOT NULL,
    version       INT         NOT NULL,
    name          TEXT        NOT NULL,
    department    TEXT        NOT NULL,
    item_class    TEXT,
    default_ratio NUMERIC(6, 5),
    frequency     TEXT,
    min_team_size INT         NOT NULL DEFAULT 2,
    required_tags TEXT[]      NOT NULL DEFAULT '{}',
    status        TEXT        NOT NULL CHECK (status IN ('PUBLISHED', 'RETIRED')),
    published_at  TIMESTAMPTZ,
    retired_at    TIMESTAMPTZ,
    data          JSONB       NOT NULL,
    PRIMARY KEY (code, version)
);

-- 一业一查 scenarios: the items each department brings to one joint visit.
CREATE TABLE catalog_scenario (
    code                    TEXT   NOT NULL,
    version                 INT    NOT NULL,
    name                    TEXT   NOT NULL,
    industry_code           TEXT,
    lead_department         TEXT   NOT NULL,
    cooperating_departments TEXT[] NOT NULL DEFAULT '{}',
    items                   JSONB  NOT NULL,
    status                  TEXT   NOT NULL CHECK (status IN ('PUBLISHED', 'RETIRED')),
    data                    JSONB  NOT NULL,
    PRIMARY KEY (code, version)
);

-- 细则: the latest version per key (department or department/itemCode).
CREATE TABLE catalog_rules (
    key                       TEXT    PRIMARY KEY,
    version                   INT     NOT NULL,
    department                TEXT    NOT NULL,
    item_code                 TEXT,
    ratio_a                   NUMERIC(6, 5) NOT NULL,
    ratio_b                   NUMERIC(6, 5) NOT NULL,
    ratio_c                   NUMERIC(6, 5) NOT NULL,
    ratio_d                   NUMERIC(6, 5) NOT NULL,
    minimum_count             INT     NOT NULL,
    max_per_year              INT,
    class_a_not_twice         BOOLEAN NOT NULL,
    inspect_working_days      INT     NOT NULL,
    result_entry_working_days INT     NOT NULL,
    data                      JSONB   NOT NULL
);

-- Subjects with their full state; the highest revision wins. risk_class is confidential.
CREATE TABLE roster_subject (
    uscc          TEXT COLLATE "C" PRIMARY KEY,
    name          TEXT   NOT NULL,
    kind          TEXT   NOT NULL,
    industry_code TEXT   NOT NULL,
    division_code TEXT   NOT NULL,
    status        TEXT   NOT NULL,
    risk_class    TEXT   CHECK (risk_class IN ('A', 'B', 'C', 'D')),
    departments   TEXT[] NOT NULL DEFAULT '{}',
    item_families TEXT[] NOT NULL DEFAULT '{}',
    tags          TEXT[] NOT NULL DEFAULT '{}',
    revision      INT    NOT NULL
);
-- Freezing reads one stratum in canonical order: the index gives that order without a sort.
CREATE INDEX roster_subject_stratum ON roster_subject (risk_class, uscc) WHERE status = 'ACTIVE';
CREATE INDEX roster_subject_departments ON roster_subject USING gin (departments);

-- Inspectors without personal data, with their unavailable periods ([{from, to, reason}]).
CREATE TABLE roster_inspector (
    id                     UUID   PRIMARY KEY,
    department             TEXT   NOT NULL,
    name                   TEXT   NOT NULL,
    kind                   TEXT   NOT NULL,
    certificate_valid_from DATE,
    certificate_valid_to   DATE,
    region_division_code   TEXT,
    yearly_workload_cap    INT    NOT NULL,
    expertise              TEXT[] NOT NULL DEFAULT '{}',
    availability           JSONB  NOT NULL DEFAULT '[]',
    revision               INT    NOT NULL
);
CREATE INDEX roster_inspector_by_department ON roster_inspector (department);

-- Declared conflicts of interest (回避); withdrawn ones stay with withdrawn_at set. Confidential.
CREATE TABLE roster_conflict (
    id           UUID PRIMARY KEY,
    inspector_id UUID NOT NULL,
    uscc         TEXT COLLATE "C" NOT NULL,
    kind         TEXT NOT NULL,
    valid_from   DATE NOT NULL,
    valid_to     DATE,
    withdrawn_at TIMESTAMPTZ
);
CREATE INDEX roster_conflict_by_inspector ON roster_conflict (inspector_id);
