-- alert_recipient_pending_rows, replaced: every array is read out of TOAST storage once per pending
-- row, and the function is no longer inlined into the query that calls it.
--
-- Inlined (V15), the planner carried the in-memory copy of the packed recipients (456 KB for
-- 19,000 people) along with every expanded row into any sort, hash or materialisation above it: a
-- count(DISTINCT organisation_id) through alert_recipient_all over one pending alert of 19,000
-- recipients sorted 8 GB on disk and took 44 s. Not inlined (STRICT SQL functions never are), the
-- function hands on only its seven small columns. The organisations array (13 KB for the 822
-- organisations of the load harness) was also read out of TOAST once per recipient; it, and the
-- others, are now copied into memory with the recipients. A null row has no recipients, which is
-- what STRICT answers.
CREATE OR REPLACE FUNCTION alert_recipient_pending_rows(p alert_recipient_pending)
  RETURNS TABLE (alert_id BIGINT, person_id UUID, organisation_id UUID, borough_code TEXT,
                 sectors TEXT[], via_email BOOLEAN, via_sms BOOLEAN)
  LANGUAGE sql IMMUTABLE STRICT AS
$$
SELECT p.alert_id,
       encode(substring(d.b FROM o + 1 FOR 16), 'hex')::uuid,
       d.organisations[(get_byte(d.b, o + 16) << 24) | (get_byte(d.b, o + 17) << 16)
                       | (get_byte(d.b, o + 18) << 8) | get_byte(d.b, o + 19)],
       d.boroughs[nullif(get_byte(d.b, o + 20), 0)],
       coalesce(string_to_array(nullif(d.sectors[(get_byte(d.b, o + 21) << 8) | get_byte(d.b, o + 22)], ''), ','),
                '{}'),
       (get_byte(d.b, o + 23) & 1) <> 0,
       (get_byte(d.b, o + 23) & 2) <> 0
-- Concatenating nothing makes an in-memory copy; OFFSET 0 keeps the subquery from being folded into
-- every use, each of which would otherwise read the stored value again.
FROM (SELECT p.recipients || ''::bytea AS b,
             p.organisations || '{}'::uuid[] AS organisations,
             p.boroughs || '{}'::text[] AS boroughs,
             p.sectors || '{}'::text[] AS sectors
      OFFSET 0) AS d,
     generate_series(0, length(d.b) - 24, 24) AS o
$$;

-- The pending side now takes its alert_id from the pending row itself, not from the function: a
-- function the planner cannot see into cannot tell it that the two are equal, so a read of one
-- alert (WHERE alert_id = ?) would have unpacked every pending alert and then thrown away all but
-- one. From the row, the condition reaches the pending table's primary key.
CREATE OR REPLACE VIEW alert_recipient_all AS
SELECT alert_id, person_id, organisation_id, borough_code, sectors, via_email, via_sms,
       acknowledged_at, ack_channel, escalation_level
FROM alert_recipient
UNION ALL
SELECT p.alert_id, t.person_id, t.organisation_id, t.borough_code, t.sectors, t.via_email, t.via_sms,
       NULL::timestamptz, NULL::text, 0
FROM alert_recipient_pending p, alert_recipient_pending_rows(p) t;
