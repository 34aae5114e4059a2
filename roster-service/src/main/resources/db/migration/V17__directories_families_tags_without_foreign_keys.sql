-- ADR 0012: a subject's directories, item families and tags are written only by this service, right after the
-- subject row in the same transaction (the API through the subject entity, an import for the rows it has just
-- upserted), and subjects are never deleted (they end by status). The foreign-key trigger re-checked the subject for
-- each of the ~3 list rows of an imported subject: 5 µs a row, about 15 CPU seconds per 1 000 000 imported subjects.
ALTER TABLE subject_department DROP CONSTRAINT subject_department_uscc_fkey;
ALTER TABLE subject_item_family DROP CONSTRAINT subject_item_family_uscc_fkey;
ALTER TABLE subject_tag DROP CONSTRAINT subject_tag_uscc_fkey;
