-- The append-only history tables are read by subject (its history, the state before a change) and by time or
-- department (change lists); nothing reads them by id alone. Each had a primary key on its bigserial id beside an
-- index on (uscc, …, id): one index too many per row, and an import of a million new subjects writes three million
-- history rows. The primary key now is that subject index itself (unique because id is), so every row keeps its
-- identity and order and each table maintains one B-tree fewer (ADR 0014).
ALTER TABLE subject_status_history DROP CONSTRAINT subject_status_history_pkey;
DROP INDEX subject_status_history_by_subject;
ALTER TABLE subject_status_history ADD PRIMARY KEY (uscc, id);

ALTER TABLE subject_risk_history DROP CONSTRAINT subject_risk_history_pkey;
DROP INDEX subject_risk_history_by_subject;
ALTER TABLE subject_risk_history ADD PRIMARY KEY (uscc, id);

ALTER TABLE subject_directory_history DROP CONSTRAINT subject_directory_history_pkey;
DROP INDEX subject_directory_history_by_subject;
ALTER TABLE subject_directory_history ADD PRIMARY KEY (uscc, department_code, changed_at, id);
