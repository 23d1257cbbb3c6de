-- An email many recipients share (an alert's, to thousands): its subject and the words around each
-- recipient's own part are stored once, and each outbound_email row holds only that part in body
-- (for an alert, the signed acknowledgement link). The sent body is head || body || tail; subject is
-- NULL on such rows. One-off emails keep content_id NULL and their whole subject and body.
-- content_key is the caller's identifier for the content (alert:42:email), so a listener that runs
-- again finds the content it stored before rather than storing a second copy.
-- No foreign key and no index on content_id: they would add a key check and an index entry to every
-- recipient row, for lookups nothing makes. EmailOutbox never leaves content no row refers to (it deletes
-- content stored by a call that queued nothing), and the dispatcher gives up on a row whose content
-- is gone. Whatever one day deletes old outbound_email rows must delete their content with them.
CREATE TABLE outbound_email_content
(
  id          BIGSERIAL PRIMARY KEY,
  content_key TEXT NOT NULL UNIQUE,
  subject     TEXT NOT NULL,
  head        TEXT NOT NULL,
  tail        TEXT NOT NULL,
  stored_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE outbound_email ADD COLUMN content_id BIGINT;
ALTER TABLE outbound_email ALTER COLUMN subject DROP NOT NULL;
-- NOT VALID: every existing row has its subject, and checking them would lock the outbox meanwhile.
ALTER TABLE outbound_email ADD CONSTRAINT outbound_email_subject_or_content
  CHECK (subject IS NOT NULL OR content_id IS NOT NULL) NOT VALID;

-- Each email as sent: what the outbox view and a subject access export show.
CREATE VIEW outbound_email_composed AS
SELECT e.id, e.recipient,
       coalesce(e.subject, c.subject) AS subject,
       coalesce(c.head, '') || e.body || coalesce(c.tail, '') AS body,
       e.content_id, e.created_at, e.status, e.attempts, e.sent_at, e.last_error
FROM outbound_email e
LEFT JOIN outbound_email_content c ON c.id = e.content_id;
