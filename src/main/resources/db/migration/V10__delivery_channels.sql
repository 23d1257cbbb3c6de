-- Channels beyond email: SMS through an HTTP gateway and signed webhooks to partner systems, each
-- through a durable outbox like outbound_email's. A dedupe key makes enqueueing idempotent: a
-- listener that runs again after a crash finds its rows already there and adds none.
ALTER TABLE outbound_email ADD COLUMN dedupe_key TEXT UNIQUE;
ALTER TABLE outbound_email ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE outbound_sms
(
  id              BIGSERIAL PRIMARY KEY,
  recipient       TEXT NOT NULL, -- E.164
  text            TEXT NOT NULL,
  dedupe_key      TEXT UNIQUE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  status          TEXT NOT NULL DEFAULT 'PENDING', -- PENDING, SENT, FAILED (gave up)
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_until   TIMESTAMP WITH TIME ZONE,
  last_attempt_at TIMESTAMP WITH TIME ZONE,
  last_error      TEXT,
  sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX outbound_sms_due_idx ON outbound_sms (next_attempt_at) WHERE status = 'PENDING';

-- An organisation's partner system. The secret signs every delivery, so it is kept readable (see
-- docs/delivery.md). No foreign key to organisation: delivery does not reach into directory's tables.
CREATE TABLE webhook_subscription
(
  id              UUID PRIMARY KEY,
  organisation_id UUID NOT NULL,
  url             TEXT NOT NULL,
  secret          TEXT NOT NULL,
  event_types     TEXT[] NOT NULL, -- '*' matches every type
  active          BOOLEAN NOT NULL DEFAULT TRUE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by      UUID NOT NULL
);
CREATE INDEX webhook_subscription_organisation_idx ON webhook_subscription (organisation_id);

-- One row per event per subscription. DEAD: gave up after the last attempt; administrators can
-- send it again. Deleting a subscription deletes what it had waiting.
CREATE TABLE outbound_webhook
(
  id              BIGSERIAL PRIMARY KEY,
  subscription_id UUID NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
  event_type      TEXT NOT NULL,
  body            TEXT NOT NULL,
  dedupe_key      TEXT NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  status          TEXT NOT NULL DEFAULT 'PENDING', -- PENDING, SENT, DEAD
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_until   TIMESTAMP WITH TIME ZONE,
  last_attempt_at TIMESTAMP WITH TIME ZONE,
  last_error      TEXT,
  sent_at         TIMESTAMP WITH TIME ZONE,
  UNIQUE (subscription_id, dedupe_key)
);
CREATE INDEX outbound_webhook_due_idx ON outbound_webhook (subscription_id, id) WHERE status = 'PENDING';
CREATE INDEX outbound_webhook_dead_idx ON outbound_webhook (id) WHERE status = 'DEAD';
