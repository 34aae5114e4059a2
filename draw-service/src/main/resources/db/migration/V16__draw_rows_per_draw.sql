-- A draw wrote tens of thousands of rows that only ever serve one question each (ADR 0017): the exclusions are read
-- per draw, all at once; the team members only to count an inspector's assignments in a year; the record holds both
-- for everyone else. Their index upkeep was a large part of announcing and computing.

-- The exclusions of a draw as one value: its lines in COPY's text format (stratum, uscc, reason, detail), in USCC
-- order, exactly as the freezing statement found them. USCCs are unique in a draw because the freeze groups by them.
CREATE TABLE draw_exclusion_list (
    draw_id UUID PRIMARY KEY REFERENCES draw (id) DEFERRABLE INITIALLY DEFERRED,
    count   INT  NOT NULL CHECK (count > 0),
    lines   TEXT NOT NULL
);
ALTER TABLE draw_exclusion_list ALTER COLUMN lines SET STORAGE EXTERNAL;
INSERT INTO draw_exclusion_list (draw_id, count, lines)
SELECT draw_id, count(*),
       string_agg(stratum || E'\t' || replace(replace(replace(replace(uscc, E'\\', E'\\\\'), E'\t', E'\\t'), E'\n',
                  E'\\n'), E'\r', E'\\r') || E'\t' || reason || E'\t'
                  || replace(replace(replace(replace(detail, E'\\', E'\\\\'), E'\t', E'\\t'), E'\n', E'\\n'), E'\r',
                  E'\\r') || E'\n', '' ORDER BY uscc)
FROM draw_exclusion GROUP BY draw_id;
CREATE TRIGGER draw_exclusion_list_append_only BEFORE UPDATE OR DELETE ON draw_exclusion_list FOR EACH ROW
    EXECUTE FUNCTION refuse_change();
DROP TABLE draw_exclusion;

-- How many teams of a computed draw each inspector is on: what the next draw of the year counts against workload caps.
CREATE TABLE draw_inspector_load (
    draw_id      UUID NOT NULL REFERENCES draw (id),
    inspector_id UUID NOT NULL,
    year         INT  NOT NULL,
    assignments  INT  NOT NULL CHECK (assignments > 0),
    PRIMARY KEY (draw_id, inspector_id)
);
CREATE INDEX draw_inspector_load_by_inspector ON draw_inspector_load (inspector_id, year);
INSERT INTO draw_inspector_load (draw_id, inspector_id, year, assignments)
SELECT m.draw_id, m.inspector_id, p.year, count(*)
FROM draw_team_member m JOIN draw d ON d.id = m.draw_id JOIN task t ON t.id = d.task_id JOIN plan p ON p.id = t.plan_id
GROUP BY m.draw_id, m.inspector_id, p.year;
CREATE TRIGGER draw_inspector_load_append_only BEFORE UPDATE OR DELETE ON draw_inspector_load FOR EACH ROW
    EXECUTE FUNCTION refuse_change();
DROP TABLE draw_team_member;

-- Selections: one index, not two. (year, uscc, draw_id) unique is the primary key's guarantee (a draw belongs to one
-- year) and what 名单比对 reads, in USCC order.
CREATE UNIQUE INDEX draw_selection_by_year_uscc_draw ON draw_selection (year, uscc, draw_id);
ALTER TABLE draw_selection DROP CONSTRAINT draw_selection_pkey;
DROP INDEX draw_selection_by_year_uscc;
