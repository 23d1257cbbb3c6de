-- Writes a batch of acknowledgements of one alert, each row found by its primary key; answers whose
-- it set (the first acknowledgement wins: a row already acknowledged is left alone).
-- alerts.AcknowledgementBatch calls it once per alert in a batch.
--
-- It replaces one UPDATE ... FROM unnest(people, times, channels) joined on the person. Prepared by
-- the driver, that statement got a generic plan comparing every row of the alert with every person
-- of the batch, quadratic in the batch (2,000 took 361 ms against 23 ms planned as probes of the
-- key); which join the planner picks depends on its estimates of the batch and of the alert, and
-- both can be far off. Turning nested loops off gives a hash join, linear, but it reads every row of
-- the alert for every batch, however small (10 ms for one acknowledgement of a 10,000-recipient
-- alert). Here each statement is an equality on the whole primary key, which has one plan: one probe
-- of the key. Linear in the batch, whatever the statistics (docs/performance.md, "Session 5:
-- acknowledgements").
CREATE FUNCTION alert_recipient_acknowledge(alert BIGINT, people UUID[], times TIMESTAMPTZ[], channels TEXT[])
  RETURNS SETOF UUID
  LANGUAGE plpgsql AS
$$
BEGIN
  FOR i IN 1 .. coalesce(array_length(people, 1), 0) LOOP
    UPDATE alert_recipient SET acknowledged_at = times[i], ack_channel = channels[i]
    WHERE alert_id = alert AND person_id = people[i] AND acknowledged_at IS NULL;
    IF FOUND THEN
      RETURN NEXT people[i];
    END IF;
  END LOOP;
END
$$;
