-- What every selection of a draw shares (its task, period and departments, which 名单比对 reads) is stored once per
-- draw instead of on each of its tens of thousands of selection rows: parsing the text[] and the extra values of
-- every row was most of what storing a large draw's selections cost PostgreSQL (docs/performance.md). No foreign key,
-- as for the selections themselves (V13). Append-only like them.
CREATE TABLE draw_selection_terms (
    draw_id     UUID   PRIMARY KEY,
    task_id     UUID   NOT NULL,
    year        INT    NOT NULL,
    period_from DATE   NOT NULL,
    period_to   DATE   NOT NULL,
    departments TEXT[] NOT NULL
);
INSERT INTO draw_selection_terms (draw_id, task_id, year, period_from, period_to, departments)
SELECT DISTINCT ON (draw_id) draw_id, task_id, year, period_from, period_to, departments
FROM draw_selection ORDER BY draw_id;
CREATE TRIGGER draw_selection_terms_append_only BEFORE UPDATE OR DELETE ON draw_selection_terms FOR EACH ROW
    EXECUTE FUNCTION refuse_change();
ALTER TABLE draw_selection DROP COLUMN task_id, DROP COLUMN period_from, DROP COLUMN period_to, DROP COLUMN departments;
