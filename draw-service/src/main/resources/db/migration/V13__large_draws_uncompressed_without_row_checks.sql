-- Announcements and records of large draws run to megabytes (every exclusion, selection and team): stored out of
-- line without compression, so writing them costs a copy, not a pglz pass inside the announcing or computing request.
ALTER TABLE draw ALTER COLUMN announcement SET STORAGE EXTERNAL;
ALTER TABLE draw_result ALTER COLUMN record SET STORAGE EXTERNAL;

-- The bulk rows of a draw reference their draw only inside the transaction that holds the draw's row lock; a foreign
-- key check per row (tens of thousands per draw) was a measurable part of computing. Append-only triggers stay.
ALTER TABLE draw_exclusion DROP CONSTRAINT draw_exclusion_draw_id_fkey;
ALTER TABLE draw_selection DROP CONSTRAINT draw_selection_draw_id_fkey;
ALTER TABLE draw_team_member DROP CONSTRAINT draw_team_member_draw_id_fkey;
