-- Idempotency-Key on POST: the key is inserted at the start of the transaction that does the work and the
-- response is stored in it before the commit, so a key exists exactly when its work was committed. A
-- concurrent retry waits on the primary key, then reads the stored response. Kept a day.
CREATE TABLE idempotency_keys (
  user_id     int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key         text NOT NULL,
  fingerprint text NOT NULL,
  status      int,
  response    jsonb,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
