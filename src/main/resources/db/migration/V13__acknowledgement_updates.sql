-- Acknowledging updates a recipient's row in place. With no index on acknowledged_at, and room left
-- on each page, the update is HOT: a new row version on the same page and no index entries
-- (docs/performance.md, "Session 4: acknowledgements").
--
-- The partial index of unacknowledged rows is dropped: every query that asks for them also names
-- the alert (escalation) or the person (the newest unacknowledged alert), which the primary key and
-- alert_recipient_person_idx answer; and with stale statistics the planner chose it for the
-- acknowledgement update itself, scanning every open row of the alert for each acknowledgement.
DROP INDEX alert_recipient_open_idx;

-- Pages written from now on are filled to 70 %: room for the acknowledged version of about half a
-- page's rows before the page is pruned of the versions they replace.
ALTER TABLE alert_recipient SET (fillfactor = 70);
