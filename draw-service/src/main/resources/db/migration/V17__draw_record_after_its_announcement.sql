-- ADR 0019: a record's first member is its announcement, frozen in draw.announcement; new records store only what
-- follows it (a large draw's announcement lists every exclusion, a third of its record). Records stored before keep
-- their whole text. Exactly one of the two is present; the hash is always that of the whole canonical text.
ALTER TABLE draw_result ALTER COLUMN record DROP NOT NULL;
ALTER TABLE draw_result ADD COLUMN record_after_announcement TEXT;
ALTER TABLE draw_result ALTER COLUMN record_after_announcement SET STORAGE EXTERNAL;
ALTER TABLE draw_result ADD CONSTRAINT draw_result_one_record_text
    CHECK ((record IS NULL) <> (record_after_announcement IS NULL));
