-- The durable email outbox: written in the same transaction as the change it reports, sent after
-- commit by a dispatcher that retries with backoff. A slow mail server delays only the outbox.
CREATE TABLE outbound_email
(
  id              BIGSERIAL PRIMARY KEY,
  recipient       TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  status          TEXT NOT NULL DEFAULT 'PENDING', -- PENDING, SENT, FAILED (gave up)
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_until   TIMESTAMP WITH TIME ZONE,
  last_error      TEXT,
  sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX outbound_email_due_idx ON outbound_email (next_attempt_at) WHERE status = 'PENDING';
