-- 执法检查人员: enforcement officers and assisting technical experts of a department.
CREATE TABLE inspector (
    id                     UUID        PRIMARY KEY,
    department_code        TEXT        NOT NULL REFERENCES department (code),
    name                   TEXT        NOT NULL,
    kind                   TEXT        NOT NULL CHECK (kind IN ('OFFICER', 'EXPERT')),
    certificate_number     TEXT        UNIQUE,
    certificate_valid_from DATE,
    certificate_valid_to   DATE,
    region_division_code   TEXT        NOT NULL CHECK (region_division_code ~ '^[0-9]{6}$'),
    yearly_workload_cap    INT         NOT NULL CHECK (yearly_workload_cap >= 0),
    -- personal data: returned only to the inspector's department-admin and to platform-admins, never in events
    id_number              TEXT,
    phone                  TEXT,
    created_by             TEXT        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    lock_version           INT         NOT NULL DEFAULT 0,
    CHECK (kind = 'EXPERT' OR (certificate_number IS NOT NULL AND certificate_valid_from IS NOT NULL
                               AND certificate_valid_to IS NOT NULL)),
    CHECK (certificate_valid_to IS NULL OR certificate_valid_from IS NULL OR certificate_valid_to >= certificate_valid_from)
);
CREATE INDEX inspector_by_department ON inspector (department_code);

CREATE TABLE inspector_expertise (
    inspector_id UUID NOT NULL REFERENCES inspector (id) ON DELETE CASCADE,
    tag          TEXT NOT NULL,
    PRIMARY KEY (inspector_id, tag)
);

-- 回避: declared inspector ↔ subject relations. Confidential.
CREATE TABLE conflict_of_interest (
    id           UUID        PRIMARY KEY,
    inspector_id UUID        NOT NULL REFERENCES inspector (id),
    uscc         TEXT COLLATE "C" NOT NULL REFERENCES subject (uscc),
    kind         TEXT        NOT NULL CHECK (kind IN ('KINSHIP', 'FORMER_EMPLOYMENT', 'SHAREHOLDING', 'OTHER')),
    reason       TEXT        NOT NULL,
    valid_from   DATE        NOT NULL,
    valid_to     DATE,
    declared_by  TEXT        NOT NULL,
    declared_at  TIMESTAMPTZ NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX conflict_by_inspector ON conflict_of_interest (inspector_id);
CREATE INDEX conflict_by_subject ON conflict_of_interest (uscc);
