-- Departments as roster-service announces them (roster.department.*), for the read scope: an upper level reads the
-- plans of the departments below it (ADR 0004), and draw-service needs the hierarchy to know which those are.
CREATE TABLE roster_department (
    code          TEXT PRIMARY KEY,
    parent_code   TEXT,
    level         TEXT NOT NULL,
    division_code TEXT NOT NULL
);
CREATE INDEX roster_department_parent ON roster_department (parent_code);
