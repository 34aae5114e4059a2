-- ADR 0012: the append-only history tables are written only by this service, in the transaction that writes the
-- subject row just before, and a directory's department is checked by every path that adds one (the API looks it up,
-- an import checks each row against the departments table) and never deleted. Their foreign-key triggers re-checked
-- this for every history row and directory entry (about half the cost of storing an imported subject's lists).
-- Kept: the directories, item families and tags referencing their subject (current state, ON DELETE CASCADE), and
-- subject_risk_history.feed_id (NULL except for feed entries).
ALTER TABLE subject_risk_history DROP CONSTRAINT subject_risk_history_uscc_fkey;
ALTER TABLE subject_status_history DROP CONSTRAINT subject_status_history_uscc_fkey;
ALTER TABLE subject_directory_history DROP CONSTRAINT subject_directory_history_uscc_fkey;
ALTER TABLE subject_directory_history DROP CONSTRAINT subject_directory_history_department_code_fkey;
ALTER TABLE subject_department DROP CONSTRAINT subject_department_department_code_fkey;
