-- The resolution e-mail is sent as plain text and HTML (outbox.body_html, added by 0011_mail15_inbound for
-- replies too), both rendered once when the case is resolved. Resending a failed e-mail (leads and admins) makes
-- a new outbox row that points at the one it repeats; done tasks that a resolution includes are recorded
-- beside its offers.
ALTER TABLE outbox ADD COLUMN resent_from int REFERENCES outbox(id) ON DELETE SET NULL;
ALTER TABLE outbox ADD COLUMN resent_by int REFERENCES users(id);
CREATE INDEX outbox_created_idx ON outbox (created_at DESC, id DESC);
ALTER TABLE resolutions ADD COLUMN task_ids int[] NOT NULL DEFAULT '{}';
