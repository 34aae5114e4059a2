CREATE TABLE test_effect (event_id TEXT NOT NULL, aggregate_id TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
