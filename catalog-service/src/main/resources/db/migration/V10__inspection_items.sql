-- One row per version of an item; a published version is never changed, a change is a new version (ADR 0005).
CREATE TABLE inspection_item (
    id            BIGSERIAL PRIMARY KEY,
    code          TEXT        NOT NULL,
    version       INT         NOT NULL,
    name          TEXT        NOT NULL,
    department    TEXT        NOT NULL,
    legal_basis   JSONB       NOT NULL,
    status        TEXT        NOT NULL,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    published_by  TEXT,
    published_at  TIMESTAMPTZ,
    lock_version  INT         NOT NULL DEFAULT 0,
    UNIQUE (code, version)
);
