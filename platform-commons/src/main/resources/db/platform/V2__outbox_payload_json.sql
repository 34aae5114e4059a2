-- The outbox only stores an event's text until the relay sends it (it reads payload::text), and nothing queries
-- inside a payload. jsonb made PostgreSQL parse and re-encode every payload on insert and again on read: for bulk
-- events (a 1 000 000-subject import writes ~600 MB of them) that was a large share of the work. json keeps the
-- text as written, after checking it is valid JSON.
ALTER TABLE outbox_event ALTER COLUMN payload TYPE json USING payload::json;
