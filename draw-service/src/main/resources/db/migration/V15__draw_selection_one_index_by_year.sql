-- 名单比对 reads a year's selections (the exclusions at announcement) and nothing reads selections by USCC alone:
-- one index on (year, uscc) serves it, in USCC order for grouping, instead of one on year and one on uscc, so
-- storing a draw's tens of thousands of selections updates two indexes (this one and the primary key), not three.
CREATE INDEX draw_selection_by_year_uscc ON draw_selection (year, uscc);
DROP INDEX draw_selection_by_uscc;
DROP INDEX draw_selection_by_year;
