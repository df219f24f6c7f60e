-- The desk schema. Timestamps are timestamptz written from the injected clock (never now()), so tests can
-- move time; money is numeric; every table that a scheduler scans has the index its scan needs.

CREATE TABLE users (
  id            int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email         text NOT NULL,
  name          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
  team          text NOT NULL DEFAULT 'Support',
  password_hash text,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id           int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name         text NOT NULL,
  prefix       text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at   timestamptz
);

-- Fixed-window counters shared by every server process.
CREATE TABLE rate_limits (
  key          text NOT NULL,
  window_start timestamptz NOT NULL,
  count        int NOT NULL,
  PRIMARY KEY (key, window_start)
);

CREATE TABLE customers (
  id             int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name           text NOT NULL,
  email          text,
  phone          text,
  handle         text,
  customer_since date,
  lifetime_value numeric(12, 2) NOT NULL DEFAULT 0,
  notes          text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL
);
CREATE INDEX customers_email_idx ON customers (lower(email));

CREATE TABLE cases (
  id               int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id      int NOT NULL REFERENCES customers(id),
  owner_id         int NOT NULL REFERENCES users(id),
  subject          text NOT NULL,
  status           text NOT NULL CHECK (status IN ('open', 'resolved', 'closed')),
  phase            text NOT NULL,
  channel          text NOT NULL DEFAULT 'private',
  issue_category   text,
  issue_phrase     text,
  needs            text[] NOT NULL DEFAULT '{}',
  transfer_count   int NOT NULL DEFAULT 0,
  reopen_count     int NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  last_inbound_at  timestamptz,
  last_outbound_at timestamptz,
  resolved_at      timestamptz
);
CREATE INDEX cases_owner_status_idx ON cases (owner_id, status);
CREATE INDEX cases_customer_idx ON cases (customer_id);

CREATE TABLE messages (
  id         int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id    int NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  direction  text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  author_id  int REFERENCES users(id),
  body       text NOT NULL,
  anger      real,
  score      int,
  analysis   jsonb,
  check_result jsonb,
  created_at timestamptz NOT NULL
);
CREATE INDEX messages_case_idx ON messages (case_id, id);
CREATE INDEX messages_created_idx ON messages (created_at);

CREATE TABLE tasks (
  id               int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id          int NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  created_by       int NOT NULL REFERENCES users(id),
  team             text NOT NULL,
  what             text NOT NULL,
  due_at           timestamptz NOT NULL,
  status           text NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
  result           text,
  completed_at     timestamptz,
  completed_by     int REFERENCES users(id),
  late_notified_at timestamptz,
  created_at       timestamptz NOT NULL
);
CREATE INDEX tasks_late_idx ON tasks (due_at) WHERE status = 'open' AND late_notified_at IS NULL;
CREATE INDEX tasks_case_idx ON tasks (case_id);

CREATE TABLE options (
  id      int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key     text NOT NULL UNIQUE,
  label   text NOT NULL,
  kind    text NOT NULL,
  need    text NOT NULL,
  unit    text,
  phrase  text NOT NULL,
  active  boolean NOT NULL DEFAULT true
);

-- max_amount NULL with allowed = true: no amount applies (e.g. a replacement); allowed = false: needs approval.
CREATE TABLE option_limits (
  option_id  int NOT NULL REFERENCES options(id) ON DELETE CASCADE,
  role       text NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
  allowed    boolean NOT NULL,
  max_amount numeric(12, 2),
  PRIMARY KEY (option_id, role)
);

CREATE TABLE offers (
  id             int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id        int NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  option_id      int NOT NULL REFERENCES options(id),
  amount         numeric(12, 2),
  note           text NOT NULL DEFAULT '',
  status         text NOT NULL CHECK (status IN ('pending_approval', 'offered', 'rejected', 'accepted', 'declined')),
  offered_by     int NOT NULL REFERENCES users(id),
  within_authority boolean NOT NULL,
  decided_by     int REFERENCES users(id),
  decision_reason text,
  decided_at     timestamptz,
  created_at     timestamptz NOT NULL
);
CREATE INDEX offers_case_idx ON offers (case_id);
CREATE INDEX offers_pending_idx ON offers (created_at) WHERE status = 'pending_approval';

CREATE TABLE resolutions (
  id          int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     int NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  resolved_by int NOT NULL REFERENCES users(id),
  agreed      text NOT NULL,
  summary     text NOT NULL,
  check_result jsonb NOT NULL,
  offer_ids   int[] NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL
);

CREATE TABLE outbox (
  id              int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id         int REFERENCES cases(id) ON DELETE SET NULL,
  kind            text NOT NULL,
  to_address      text NOT NULL,
  subject         text NOT NULL,
  body_text       text NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  message_id      text NOT NULL,
  sent_at         timestamptz,
  created_at      timestamptz NOT NULL
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'pending';

CREATE TABLE follow_ups (
  id               int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id          int NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  owner_id         int NOT NULL REFERENCES users(id),
  due_at           timestamptz NOT NULL,
  status           text NOT NULL CHECK (status IN ('scheduled', 'done', 'cancelled')),
  outcome          text CHECK (outcome IN ('satisfied', 'still_unhappy', 'no_answer')),
  note             text,
  completed_at     timestamptz,
  due_notified_at  timestamptz,
  created_at       timestamptz NOT NULL
);
CREATE INDEX follow_ups_owner_idx ON follow_ups (owner_id, due_at) WHERE status = 'scheduled';
CREATE INDEX follow_ups_due_idx ON follow_ups (due_at) WHERE status = 'scheduled' AND due_notified_at IS NULL;

CREATE TABLE transfers (
  id         int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id    int NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  from_user  int NOT NULL REFERENCES users(id),
  to_user    int NOT NULL REFERENCES users(id),
  by_user    int NOT NULL REFERENCES users(id),
  reason     text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE process_gaps (
  id         int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id    int NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  cause      text NOT NULL,
  team       text NOT NULL,
  note       text NOT NULL DEFAULT '',
  created_by int NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX process_gaps_created_idx ON process_gaps (created_at);

CREATE TABLE notifications (
  id         int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  case_id    int REFERENCES cases(id) ON DELETE CASCADE,
  kind       text NOT NULL,
  text       text NOT NULL,
  created_at timestamptz NOT NULL,
  read_at    timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);

CREATE TABLE audit_log (
  id         int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor_id   int REFERENCES users(id),
  case_id    int REFERENCES cases(id) ON DELETE CASCADE,
  action     text NOT NULL,
  data       jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);
CREATE INDEX audit_log_case_idx ON audit_log (case_id, id);

-- Key/value facts about this installation (e.g. whether demo data was seeded).
CREATE TABLE settings (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);
