-- The recipients of a just-published alert as one row of arrays. The publishing transaction writes
-- this one row rather than one row per recipient (thousands, each with three index entries), so the
-- live broadcast is not held behind them; the row is expanded into alert_recipient right after the
-- broadcast, or at start-up after a crash. Sectors are comma-joined per recipient.
CREATE TABLE alert_recipient_pending
(
  alert_id      BIGINT PRIMARY KEY REFERENCES alert (id),
  people        UUID[] NOT NULL,
  organisations UUID[] NOT NULL,
  boroughs      TEXT[] NOT NULL,
  sectors       TEXT[] NOT NULL,
  via_email     BOOLEAN[] NOT NULL,
  via_sms       BOOLEAN[] NOT NULL
);
-- Random identifiers do not compress: store them without trying.
ALTER TABLE alert_recipient_pending ALTER COLUMN people SET STORAGE EXTERNAL;
ALTER TABLE alert_recipient_pending ALTER COLUMN organisations SET STORAGE EXTERNAL;

-- Every recipient, written out or still pending: what every read of recipients uses. The expansion
-- moves a pending row in one statement, so a reader sees each recipient exactly once.
CREATE VIEW alert_recipient_all AS
SELECT alert_id, person_id, organisation_id, borough_code, sectors, via_email, via_sms,
       acknowledged_at, ack_channel, escalation_level
FROM alert_recipient
UNION ALL
SELECT p.alert_id, t.person_id, t.organisation_id, t.borough_code,
       CASE WHEN t.sectors = '' THEN '{}'::text[] ELSE string_to_array(t.sectors, ',') END,
       t.via_email, t.via_sms, NULL::timestamptz, NULL::text, 0
FROM alert_recipient_pending p,
     unnest(p.people, p.organisations, p.boroughs, p.sectors, p.via_email, p.via_sms)
       AS t(person_id, organisation_id, borough_code, sectors, via_email, via_sms);
