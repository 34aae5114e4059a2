-- An outbox row lives from its transaction until the relay has sent it: compressing the payload (pglz) only to
-- decompress it once moments later cost more CPU than the bytes it saved (bulk imports write ~550 MB of events
-- per 1 000 000 subjects). EXTERNAL keeps large payloads out of line but uncompressed.
ALTER TABLE outbox_event ALTER COLUMN payload SET STORAGE EXTERNAL;
