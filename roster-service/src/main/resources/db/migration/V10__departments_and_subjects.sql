-- 执法主体: the departments whose directories (名录库) hold subjects and inspectors.
CREATE TABLE department (
    code          TEXT        PRIMARY KEY,
    name          TEXT        NOT NULL,
    level         TEXT        NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY')),
    division_code TEXT        NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    parent_code   TEXT        REFERENCES department (code),
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX department_parent ON department (parent_code);

-- 检查对象: one row per market entity, identified by its USCC (validated by the service, GB 32100-2015).
-- COLLATE "C" makes the canonical order (by USCC) byte order, whatever the database locale.
CREATE TABLE subject (
    uscc          TEXT COLLATE "C" PRIMARY KEY CHECK (uscc ~ '^[0-9A-HJ-NPQRTUW-Y]{18}$'),
    name          TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    industry_code TEXT        NOT NULL,
    division_code TEXT        NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    address       TEXT,
    status        TEXT        NOT NULL,
    risk_class    TEXT        CHECK (risk_class IN ('A', 'B', 'C', 'D')),
    risk_as_of    DATE,
    risk_source   TEXT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_by    TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    lock_version  INT         NOT NULL DEFAULT 0
);
CREATE INDEX subject_division ON subject (division_code text_pattern_ops);
CREATE INDEX subject_status_risk ON subject (status, risk_class);

-- The departments whose directory the subject belongs to.
CREATE TABLE subject_department (
    uscc            TEXT COLLATE "C" NOT NULL REFERENCES subject (uscc) ON DELETE CASCADE,
    department_code TEXT NOT NULL REFERENCES department (code),
    PRIMARY KEY (uscc, department_code)
);
CREATE INDEX subject_department_by_department ON subject_department (department_code, uscc);

-- The item families (e.g. 粮食流通, 农药经营) under which the subject is inspected.
CREATE TABLE subject_item_family (
    uscc   TEXT COLLATE "C" NOT NULL REFERENCES subject (uscc) ON DELETE CASCADE,
    family TEXT NOT NULL,
    PRIMARY KEY (uscc, family)
);
CREATE INDEX subject_item_family_by_family ON subject_item_family (family, uscc);

-- Personalised tags (全、新、特), e.g. the special pools 投诉举报多, 经营异常名录, 严重违法失信.
CREATE TABLE subject_tag (
    uscc   TEXT COLLATE "C" NOT NULL REFERENCES subject (uscc) ON DELETE CASCADE,
    code   TEXT        NOT NULL,
    set_by TEXT        NOT NULL,
    set_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (uscc, code)
);
CREATE INDEX subject_tag_by_code ON subject_tag (code, uscc);
