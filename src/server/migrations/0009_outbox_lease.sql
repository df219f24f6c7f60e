-- Mail is sent outside any transaction: a sender takes a row with a lease (lease_until) in one short
-- statement, sends with a hard timeout, and records the outcome. A hung SMTP server then holds neither a
-- database connection nor a row lock, and a sender that died mid-send leaves a lease that runs out, after
-- which another sender retries the row (at least once, with the same Message-ID, as before).
-- last_error is what the desk shows (why, in words, never the mail server's address); the raw error stays in
-- last_error_detail for whoever runs the server.
ALTER TABLE outbox ADD COLUMN lease_until timestamptz;
ALTER TABLE outbox ADD COLUMN last_error_detail text;
UPDATE outbox SET last_error_detail = last_error, last_error = 'Sending failed; it is tried again later.' WHERE last_error IS NOT NULL;
