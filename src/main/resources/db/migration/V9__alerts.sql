-- The alert cascade. Each row is one CAP message (an alert, an update or a cancellation, or a sector
-- lead's forward); once published it never changes except for its lifecycle status, so every
-- version stays readable. A thread (thread_id) is an original alert and its updates and cancel.
CREATE SEQUENCE alert_publication_seq;

CREATE TABLE alert
(
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  thread_id        BIGINT REFERENCES alert (id),          -- the original alert; itself for an original
  references_id    BIGINT REFERENCES alert (id),          -- the version an Update or Cancel replaces
  forwarded_from   BIGINT REFERENCES alert (id),          -- the alert a sector lead re-cascaded
  msg_type         TEXT NOT NULL,                         -- CAP msgType: Alert, Update, Cancel
  status           TEXT NOT NULL,                         -- DRAFT, SUBMITTED, REJECTED, PUBLISHED, SUPERSEDED, CANCELLED, EXPIRED
  headline         TEXT NOT NULL,
  event            TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  instruction      TEXT NOT NULL DEFAULT '',
  category         TEXT NOT NULL,
  urgency          TEXT NOT NULL,
  severity         TEXT NOT NULL,
  certainty        TEXT NOT NULL,
  response_type    TEXT,
  tlp              TEXT NOT NULL,
  area             JSONB NOT NULL,
  area_description TEXT NOT NULL,
  audience         JSONB NOT NULL,
  note             TEXT,                                  -- a forward's local note, a cancel's reason
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  author_id        UUID NOT NULL,
  author_name      TEXT NOT NULL,
  organisation_id  UUID NOT NULL,
  sender_name      TEXT NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_at     TIMESTAMP WITH TIME ZONE,
  decided_by       UUID,
  decided_by_name  TEXT,
  decided_at       TIMESTAMP WITH TIME ZONE,
  rejection_reason TEXT,
  seq              BIGINT UNIQUE,                         -- publication order: the SSE id
  identifier       TEXT UNIQUE,                           -- the CAP identifier, set at publication
  published_at     TIMESTAMP WITH TIME ZONE,
  recipient_count  INT
);
CREATE INDEX alert_status_idx ON alert (status, expires_at);
CREATE INDEX alert_thread_idx ON alert (thread_id);
CREATE INDEX alert_forwarded_idx ON alert (forwarded_from);

-- Who an alert was sent to, fixed when it was published, and whether they acknowledged it.
-- Sectors and borough are copied so that acknowledgement counts describe the alert as it was sent.
CREATE TABLE alert_recipient
(
  alert_id         BIGINT NOT NULL REFERENCES alert (id),
  person_id        UUID NOT NULL,
  organisation_id  UUID NOT NULL,
  borough_code     TEXT,
  sectors          TEXT[] NOT NULL,
  via_email        BOOLEAN NOT NULL,
  via_sms          BOOLEAN NOT NULL,
  acknowledged_at  TIMESTAMP WITH TIME ZONE,
  ack_channel      TEXT,
  escalation_level INT NOT NULL DEFAULT 0,                -- 0 none, 1 email, 2 SMS, 3 security manager told
  PRIMARY KEY (alert_id, person_id)
);
CREATE INDEX alert_recipient_person_idx ON alert_recipient (person_id, alert_id);
CREATE INDEX alert_recipient_open_idx ON alert_recipient (alert_id) WHERE acknowledged_at IS NULL;

-- Every lifecycle step, with who took it and why.
CREATE TABLE alert_history
(
  id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id BIGINT NOT NULL REFERENCES alert (id),
  action   TEXT NOT NULL,
  actor    TEXT NOT NULL,
  detail   TEXT,
  at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX alert_history_alert_idx ON alert_history (alert_id, id);

-- The key that signs acknowledgement links in emails, made once at random by the application.
CREATE TABLE alert_link_key
(
  id  INT PRIMARY KEY CHECK (id = 1),
  key BYTEA NOT NULL
);
