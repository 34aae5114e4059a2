-- The history tables are append-only and written in time order: a BRIN index finds a date range as well as a
-- B-tree for change lists and costs almost nothing to maintain during million-row imports.
DROP INDEX subject_risk_history_by_time;
CREATE INDEX subject_risk_history_by_time ON subject_risk_history USING brin (recorded_at);
DROP INDEX subject_status_history_by_time;
CREATE INDEX subject_status_history_by_time ON subject_status_history USING brin (changed_at);
