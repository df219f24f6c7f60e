-- The resolution e-mail is sent as plain text and HTML, both rendered once when the case is resolved, so
-- what the agent previewed is what the customer receives. Resending a failed e-mail (leads and admins) makes
-- a new outbox row that points at the one it repeats; done tasks that a resolution includes are recorded
-- beside its offers.
ALTER TABLE outbox ADD COLUMN body_html text;
ALTER TABLE outbox ADD COLUMN resent_from int REFERENCES outbox(id) ON DELETE SET NULL;
ALTER TABLE outbox ADD COLUMN resent_by int REFERENCES users(id);
CREATE INDEX outbox_created_idx ON outbox (created_at DESC, id DESC);
ALTER TABLE resolutions ADD COLUMN task_ids int[] NOT NULL DEFAULT '{}';
