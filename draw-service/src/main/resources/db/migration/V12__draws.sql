-- 随机抽取: one draw per task batch. The unique (task_id, batch) means a batch can be drawn once: nobody can
-- announce a second draw of the same batch and keep the result they like better.
CREATE TABLE draw (
    id                  UUID        PRIMARY KEY,
    task_id             UUID        NOT NULL REFERENCES task (id),
    batch               INT         NOT NULL CHECK (batch >= 1),
    status              TEXT        NOT NULL CHECK (status IN ('ANNOUNCED', 'COMPUTED')),
    algorithm           TEXT        NOT NULL,
    algorithm_version   TEXT        NOT NULL,
    inspection_from     DATE        NOT NULL,
    inspection_to       DATE        NOT NULL,
    announcement        TEXT        NOT NULL,
    announcement_sha256 TEXT        NOT NULL,
    -- confidential: opaque public stratum ids → risk classes and ratios; the announcement publishes its hash
    strata_map          TEXT        NOT NULL,
    announced_by        TEXT        NOT NULL,
    announced_at        TIMESTAMPTZ NOT NULL,
    computed_by         TEXT,
    computed_at         TIMESTAMPTZ,
    lock_version        INT         NOT NULL DEFAULT 0,
    UNIQUE (task_id, batch)
);

-- The announcement is frozen, and a computed draw never changes again (no re-run, no edit, no delete).
CREATE FUNCTION draw_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'draw % cannot be deleted', OLD.id USING ERRCODE = 'P0001';
    END IF;
    IF OLD.status = 'COMPUTED' THEN
        RAISE EXCEPTION 'draw % is computed and can never change', OLD.id USING ERRCODE = 'P0001';
    END IF;
    IF NEW.task_id <> OLD.task_id OR NEW.batch <> OLD.batch OR NEW.algorithm <> OLD.algorithm
            OR NEW.algorithm_version <> OLD.algorithm_version OR NEW.inspection_from <> OLD.inspection_from
            OR NEW.inspection_to <> OLD.inspection_to OR NEW.announcement <> OLD.announcement
            OR NEW.announcement_sha256 <> OLD.announcement_sha256 OR NEW.strata_map <> OLD.strata_map
            OR NEW.announced_by <> OLD.announced_by
            OR NEW.announced_at <> OLD.announced_at THEN
        RAISE EXCEPTION 'the announcement of draw % is frozen', OLD.id USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER draw_frozen BEFORE UPDATE OR DELETE ON draw FOR EACH ROW EXECUTE FUNCTION draw_guard();

-- One frozen pool per stratum (risk class, or UNCLASSIFIED; public answers name it by its opaque id from the strata
-- map, never by the class): the members in canonical order as one value,
-- "uscc\n" after "uscc\n" (exactly the bytes the SHA-256 covers), stored uncompressed so freezing stays fast.
-- Ratios, eligible counts and quotas are in the announcement.
CREATE TABLE draw_stratum (
    draw_id     UUID  NOT NULL REFERENCES draw (id) DEFERRABLE INITIALLY DEFERRED,
    stratum     TEXT  NOT NULL CHECK (stratum IN ('A', 'B', 'C', 'D', 'UNCLASSIFIED')),
    pool_count  INT   NOT NULL,
    pool_sha256 TEXT  NOT NULL,
    members     BYTEA NOT NULL,
    PRIMARY KEY (draw_id, stratum)
);
ALTER TABLE draw_stratum ALTER COLUMN members SET STORAGE EXTERNAL;

-- 名单比对 and the rules' caps: who was taken out of a pool before the draw, and why.
CREATE TABLE draw_exclusion (
    draw_id UUID NOT NULL REFERENCES draw (id) DEFERRABLE INITIALLY DEFERRED,
    stratum TEXT NOT NULL,
    uscc    TEXT COLLATE "C" NOT NULL,
    reason  TEXT NOT NULL CHECK (reason IN ('DRAWN_BY_OTHER_TASK', 'YEARLY_CAP', 'CLASS_A_TWICE_A_YEAR')),
    detail  TEXT NOT NULL,
    PRIMARY KEY (draw_id, uscc)
);

-- The candidate inspectors as frozen at announcement (participating departments' rosters, no personal data): the
-- algorithm checks certificates, availability and workload on the inspection dates from exactly these values.
CREATE TABLE draw_inspector (
    draw_id                UUID   NOT NULL REFERENCES draw (id) DEFERRABLE INITIALLY DEFERRED,
    inspector_id           UUID   NOT NULL,
    department             TEXT   NOT NULL,
    name                   TEXT   NOT NULL,
    kind                   TEXT   NOT NULL,
    certificate_valid_from DATE,
    certificate_valid_to   DATE,
    expertise              TEXT[] NOT NULL,
    unavailable            JSONB  NOT NULL,
    yearly_workload_cap    INT,
    prior_assignments      INT    NOT NULL,
    PRIMARY KEY (draw_id, inspector_id)
);

-- The conflict matrix (回避) as frozen: confidential, published only as a hash.
CREATE TABLE draw_conflict (
    draw_id      UUID NOT NULL REFERENCES draw (id) DEFERRABLE INITIALLY DEFERRED,
    inspector_id UUID NOT NULL,
    uscc         TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (draw_id, inspector_id, uscc)
);

-- The randomness named at announcement, before it exists.
CREATE TABLE draw_entropy_source (
    draw_id     UUID NOT NULL REFERENCES draw (id) DEFERRABLE INITIALLY DEFERRED,
    position    INT  NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    description TEXT NOT NULL,
    commitment  TEXT,
    PRIMARY KEY (draw_id, name),
    UNIQUE (draw_id, position)
);

-- A value is entered once: the primary key turns a second entry into a 409.
CREATE TABLE draw_entropy (
    draw_id    UUID        NOT NULL,
    name       TEXT        NOT NULL,
    value      TEXT        NOT NULL,
    salt       TEXT,
    source_reference TEXT,
    entered_by TEXT        NOT NULL,
    entered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (draw_id, name),
    FOREIGN KEY (draw_id, name) REFERENCES draw_entropy_source (draw_id, name)
);

-- The result, once: the primary key is the last guard against a second compute on any replica.
CREATE TABLE draw_result (
    draw_id         UUID          PRIMARY KEY REFERENCES draw (id),
    record          TEXT          NOT NULL,
    record_sha256   TEXT          NOT NULL,
    selected_count  INT           NOT NULL,
    infeasible_count INT          NOT NULL,
    risk_class_rate NUMERIC(6, 5),
    computed_by     TEXT          NOT NULL,
    computed_at     TIMESTAMPTZ   NOT NULL
);

-- Selected subjects, also the memory of 名单比对 for later draws (period, year, participating departments).
CREATE TABLE draw_selection (
    draw_id     UUID   NOT NULL REFERENCES draw (id),
    uscc        TEXT COLLATE "C" NOT NULL,
    stratum     TEXT   NOT NULL,
    rank        INT    NOT NULL,
    score       TEXT   NOT NULL,
    task_id     UUID   NOT NULL,
    year        INT    NOT NULL,
    period_from DATE   NOT NULL,
    period_to   DATE   NOT NULL,
    departments TEXT[] NOT NULL,
    infeasible  BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (draw_id, uscc)
);
CREATE INDEX draw_selection_by_uscc ON draw_selection (uscc);
CREATE INDEX draw_selection_by_year ON draw_selection (year);

-- Teams as computed (position = order of drawing).
CREATE TABLE draw_team_member (
    draw_id      UUID NOT NULL REFERENCES draw (id),
    uscc         TEXT COLLATE "C" NOT NULL,
    position     INT  NOT NULL,
    inspector_id UUID NOT NULL,
    PRIMARY KEY (draw_id, uscc, position)
);
CREATE INDEX draw_team_member_by_inspector ON draw_team_member (inspector_id);

-- After the draw: a recused or unavailable inspector replaced by the next eligible one, appended with reason,
-- approver and time, each entry chained to the previous one (or the record) by hash. The current team is the computed
-- team with these applied in order.
CREATE TABLE draw_substitution (
    draw_id     UUID        NOT NULL REFERENCES draw (id),
    seq         INT         NOT NULL,
    uscc        TEXT COLLATE "C" NOT NULL,
    leaving_id  UUID        NOT NULL,
    joining_id  UUID        NOT NULL,
    reason      TEXT        NOT NULL,
    approved_by TEXT        NOT NULL,
    approved_at TIMESTAMPTZ NOT NULL,
    content     TEXT        NOT NULL,
    sha256      TEXT        NOT NULL,
    PRIMARY KEY (draw_id, seq)
);

CREATE TRIGGER draw_stratum_append_only BEFORE UPDATE OR DELETE ON draw_stratum FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER draw_exclusion_append_only BEFORE UPDATE OR DELETE ON draw_exclusion FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER draw_inspector_append_only BEFORE UPDATE OR DELETE ON draw_inspector FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER draw_conflict_append_only BEFORE UPDATE OR DELETE ON draw_conflict FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER draw_entropy_source_append_only BEFORE UPDATE OR DELETE ON draw_entropy_source FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER draw_entropy_append_only BEFORE UPDATE OR DELETE ON draw_entropy FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER draw_result_append_only BEFORE UPDATE OR DELETE ON draw_result FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER draw_selection_append_only BEFORE UPDATE OR DELETE ON draw_selection FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER draw_team_member_append_only BEFORE UPDATE OR DELETE ON draw_team_member FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER draw_substitution_append_only BEFORE UPDATE OR DELETE ON draw_substitution FOR EACH ROW EXECUTE FUNCTION refuse_change();
