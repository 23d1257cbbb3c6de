-- The recipients of a just-published alert as one row. The publishing transaction writes this one
-- row rather than one row per recipient (tens of thousands, three index entries each), so the live
-- broadcast is not held behind them; it is expanded into alert_recipient right after the
-- broadcast, or at start-up after a crash (alerts.RecipientRows).
--
-- recipients holds 24 bytes per recipient, so that nothing has to be parsed on the way in:
--   bytes 0-15  the person's id (a UUID, most significant byte first)
--   bytes 16-19 the organisation, a 1-based index into organisations (big-endian)
--   byte  20    the borough, a 1-based index into boroughs, 0 for none
--   bytes 21-22 the sectors, a 1-based index into sectors (each entry comma-joined codes)
--   byte  23    channels: 1 = email, 2 = SMS
CREATE TABLE alert_recipient_pending
(
  alert_id      BIGINT PRIMARY KEY REFERENCES alert (id),
  recipients    BYTEA NOT NULL,
  organisations UUID[] NOT NULL,
  boroughs      TEXT[] NOT NULL,
  sectors       TEXT[] NOT NULL
);
-- Random identifiers do not compress: store them without trying.
ALTER TABLE alert_recipient_pending ALTER COLUMN recipients SET STORAGE EXTERNAL;

-- One pending row's recipients, as alert_recipient rows.
CREATE FUNCTION alert_recipient_pending_rows(p alert_recipient_pending)
  RETURNS TABLE (alert_id BIGINT, person_id UUID, organisation_id UUID, borough_code TEXT,
                 sectors TEXT[], via_email BOOLEAN, via_sms BOOLEAN)
  LANGUAGE sql IMMUTABLE AS
$$
SELECT p.alert_id,
       encode(substring(d.b FROM o + 1 FOR 16), 'hex')::uuid,
       p.organisations[(get_byte(d.b, o + 16) << 24) | (get_byte(d.b, o + 17) << 16)
                       | (get_byte(d.b, o + 18) << 8) | get_byte(d.b, o + 19)],
       p.boroughs[nullif(get_byte(d.b, o + 20), 0)],
       coalesce(string_to_array(nullif(p.sectors[(get_byte(d.b, o + 21) << 8) | get_byte(d.b, o + 22)], ''), ','),
                '{}'),
       (get_byte(d.b, o + 23) & 1) <> 0,
       (get_byte(d.b, o + 23) & 2) <> 0
-- The bytes are read out of TOAST storage once, into memory (OFFSET 0 keeps the subquery from being
-- folded into every use): each get_byte on the stored value would read all of it again.
FROM (SELECT p.recipients || ''::bytea AS b OFFSET 0) AS d,
     generate_series(0, length(d.b) - 24, 24) AS o
$$;

-- Every recipient, written out or still pending: what every read of recipients uses. The expansion
-- moves a pending row in one statement, so a reader sees each recipient exactly once.
CREATE VIEW alert_recipient_all AS
SELECT alert_id, person_id, organisation_id, borough_code, sectors, via_email, via_sms,
       acknowledged_at, ack_channel, escalation_level
FROM alert_recipient
UNION ALL
SELECT t.alert_id, t.person_id, t.organisation_id, t.borough_code, t.sectors, t.via_email, t.via_sms,
       NULL::timestamptz, NULL::text, 0
FROM alert_recipient_pending p, alert_recipient_pending_rows(p) t;
