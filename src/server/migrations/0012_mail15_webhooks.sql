-- Outgoing webhooks. An event is written as one delivery row per subscribed endpoint, in the transaction
-- that made the change (so an event exists exactly when its change committed), and a delivery loop posts the
-- rows with a lease, the way the outbox sends mail: FOR UPDATE SKIP LOCKED, outside any transaction, retried
-- with back-off. event_id is the idempotency key a receiver dedupes on: the same for every retry and replay.
CREATE TABLE webhook_endpoints (
  id          int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url         text NOT NULL,
  secret      text NOT NULL,
  events      text[] NOT NULL DEFAULT '{}',
  description text NOT NULL DEFAULT '',
  active      boolean NOT NULL DEFAULT true,
  created_by  int REFERENCES users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL
);

CREATE TABLE webhook_deliveries (
  id              int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  endpoint_id     int NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  event_id        text NOT NULL,
  event_type      text NOT NULL,
  payload         jsonb NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until     timestamptz,
  last_status     int,
  last_error      text,
  delivered_at    timestamptz,
  replay_of       int REFERENCES webhook_deliveries(id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id DESC);
