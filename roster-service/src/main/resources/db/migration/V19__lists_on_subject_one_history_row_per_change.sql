-- ADR 0016. An imported subject cost eight rows and eleven index entries beside its own: a directory entry and an
-- item family (two B-trees each) and a status, a risk-class and a directory history row. Now:
--  * the subject's directories and item families are sorted arrays on its row (read with it, written with it);
--  * one subject_history row per change holds the state that the change lists and the risk history are read from
--    (status, directories, class) after the change; consecutive rows of a subject give what changed.
-- VARCHAR[] because that is how Hibernate binds a list of strings in a query (text[] has no operators with it).

ALTER TABLE subject
    ADD COLUMN departments   VARCHAR[] COLLATE "C" NOT NULL DEFAULT '{}',
    ADD COLUMN item_families VARCHAR[] COLLATE "C" NOT NULL DEFAULT '{}';
UPDATE subject s SET departments = l.codes
FROM (SELECT uscc, array_agg(department_code ORDER BY department_code COLLATE "C") AS codes
      FROM subject_department GROUP BY uscc) l
WHERE l.uscc = s.uscc;
UPDATE subject s SET item_families = l.families
FROM (SELECT uscc, array_agg(family ORDER BY family COLLATE "C") AS families
      FROM subject_item_family GROUP BY uscc) l
WHERE l.uscc = s.uscc;

CREATE TABLE subject_history (
    uscc          TEXT COLLATE "C" NOT NULL,
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    status        TEXT        NOT NULL,
    departments   VARCHAR[] COLLATE "C" NOT NULL,
    risk_class    TEXT        CHECK (risk_class IN ('A', 'B', 'C', 'D')),
    risk_as_of    DATE,
    risk_source   TEXT,
    -- the change recorded a class (an import row, a feed, PUT …/risk-class): the risk history lists these rows
    risk_recorded BOOLEAN     NOT NULL,
    changed_by    TEXT        NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL,
    feed_id       UUID,
    import_job_id UUID,
    PRIMARY KEY (uscc, id)
);
CREATE INDEX subject_history_by_time ON subject_history USING brin (changed_at);

-- The old rows become one row per subject and moment of change (the three tables wrote the rows of one change with
-- the same time), each with the state after it: the last status, the directories whose last entry is ADDED and the
-- last class recorded up to that moment.
WITH moments AS (
    SELECT DISTINCT ON (uscc, at) uscc, at, by, feed_id, import_job_id
    FROM (SELECT uscc, changed_at AS at, changed_by AS by, NULL::uuid AS feed_id, import_job_id, 1 AS pref
          FROM subject_status_history
          UNION ALL
          SELECT uscc, changed_at, changed_by, NULL, import_job_id, 2 FROM subject_directory_history
          UNION ALL
          SELECT uscc, recorded_at, recorded_by, feed_id, import_job_id, 0 FROM subject_risk_history) m
    ORDER BY uscc, at, pref
)
INSERT INTO subject_history (uscc, status, departments, risk_class, risk_as_of, risk_source, risk_recorded,
                             changed_by, changed_at, feed_id, import_job_id)
SELECT m.uscc,
       COALESCE((SELECT h.status FROM subject_status_history h WHERE h.uscc = m.uscc AND h.changed_at <= m.at
                 ORDER BY h.changed_at DESC, h.id DESC LIMIT 1), s.status),
       COALESCE((SELECT array_agg(d.department_code ORDER BY d.department_code COLLATE "C")
                 FROM (SELECT DISTINCT ON (h.department_code) h.department_code, h.change
                       FROM subject_directory_history h WHERE h.uscc = m.uscc AND h.changed_at <= m.at
                       ORDER BY h.department_code, h.changed_at DESC, h.id DESC) d
                 WHERE d.change = 'ADDED'), '{}'),
       r.risk_class, r.as_of, r.source,
       EXISTS (SELECT 1 FROM subject_risk_history h WHERE h.uscc = m.uscc AND h.recorded_at = m.at),
       m.by, m.at, m.feed_id, m.import_job_id
FROM moments m
JOIN subject s ON s.uscc = m.uscc
LEFT JOIN LATERAL (SELECT h.risk_class, h.as_of, h.source FROM subject_risk_history h
                   WHERE h.uscc = m.uscc AND h.recorded_at <= m.at
                   ORDER BY h.recorded_at DESC, h.id DESC LIMIT 1) r ON true
ORDER BY m.at, m.uscc;

DROP TABLE subject_status_history;
DROP TABLE subject_risk_history;
DROP TABLE subject_directory_history;
DROP TABLE subject_department;
DROP TABLE subject_item_family;
