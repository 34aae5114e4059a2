-- Read model: the current published version of every item, as the public sees it.
CREATE TABLE public_item (
    code         TEXT PRIMARY KEY,
    version      INT         NOT NULL,
    name         TEXT        NOT NULL,
    department   TEXT        NOT NULL,
    legal_basis  JSONB       NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    source_event TEXT        NOT NULL
);
CREATE INDEX public_item_department ON public_item (department, code);
