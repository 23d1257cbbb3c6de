-- Idempotency-Key on API POSTs: the first response to a key is kept for a day and replayed to any
-- retry of the same request, so a client that lost the answer can safely send again.
CREATE TABLE idempotent_request
(
  principal    TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  completed    BOOLEAN NOT NULL DEFAULT FALSE,
  status       INT,
  content_type TEXT,
  location     TEXT,
  body         BYTEA,
  PRIMARY KEY (principal, key)
);
CREATE INDEX idempotent_request_created_idx ON idempotent_request (created_at);
