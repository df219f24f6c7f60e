-- E-mail in and out.
--
-- inbound_mail: one row per message that arrived (an inbound webhook or the IMAP poller), keyed by its
-- Message-ID. The unique index is what makes receiving exactly-once: the row is inserted with ON CONFLICT DO
-- NOTHING in the same transaction that stores the message on its case, so a provider's retry or an IMAP
-- re-fetch after a reconnect finds the row (or waits on the first writer's lock) and stores nothing; there is
-- no "have we seen it?" read that two deliveries could both pass. Attachments are kept as metadata only.
CREATE TABLE inbound_mail (
  id            int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id    text NOT NULL,
  source        text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('message', 'bounce')),
  case_id       int REFERENCES cases(id) ON DELETE SET NULL,
  message_row   int REFERENCES messages(id) ON DELETE SET NULL,
  from_address  text NOT NULL,
  from_name     text,
  subject       text NOT NULL,
  in_reply_to   text,
  references_ids text[] NOT NULL DEFAULT '{}',
  attachments   jsonb NOT NULL DEFAULT '[]',
  received_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX inbound_mail_message_id_key ON inbound_mail (message_id);
CREATE INDEX inbound_mail_case_idx ON inbound_mail (case_id, id);

-- Replies that leave by e-mail: threaded (In-Reply-To, References), with the agent's name and an HTML part.
-- A reply is found again by its Message-ID when the customer answers it (without the angle brackets).
ALTER TABLE outbox ADD COLUMN body_html text;
ALTER TABLE outbox ADD COLUMN in_reply_to text;
ALTER TABLE outbox ADD COLUMN references_ids text[];
ALTER TABLE outbox ADD COLUMN from_name text;
ALTER TABLE outbox ADD COLUMN message_row int REFERENCES messages(id) ON DELETE SET NULL;
CREATE INDEX outbox_message_id_idx ON outbox (btrim(message_id, '<>'));
-- 'bounced': the SMTP server took it, and later the customer's side returned it (a delivery status report).
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed', 'bounced'));
