-- Every node's dispatchers wait on LISTEN cascade_outbox rather than polling their outboxes every
-- second: a statement that queues rows tells them which outbox, once per statement, when it commits.
CREATE FUNCTION cascade_outbox_queued() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  PERFORM pg_notify('cascade_outbox', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER outbound_email_queued AFTER INSERT ON outbound_email
  FOR EACH STATEMENT EXECUTE FUNCTION cascade_outbox_queued();
CREATE TRIGGER outbound_sms_queued AFTER INSERT ON outbound_sms
  FOR EACH STATEMENT EXECUTE FUNCTION cascade_outbox_queued();
CREATE TRIGGER outbound_webhook_queued AFTER INSERT ON outbound_webhook
  FOR EACH STATEMENT EXECUTE FUNCTION cascade_outbox_queued();
