-- Whether a selected subject got a team is in the record (its infeasible list) and in draw_result.infeasible_count;
-- nothing read it here. Without it, a selection row is known once the strata are ranked, so the selections are
-- stored while the teams are assigned (docs/performance.md, 2026-12-08).
ALTER TABLE draw_selection DROP COLUMN infeasible;
