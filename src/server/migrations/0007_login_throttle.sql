-- Login throttling with exponential back-off, per account, per client address and per signed-in device,
-- instead of one fixed 15-minute budget per (address, e-mail) that let anyone on the user's network lock
-- them out. A failure is counted before the password is checked (under the row lock), so concurrent
-- guesses are counted one by one.
CREATE TABLE login_throttle (
  key             text PRIMARY KEY,
  failures        int NOT NULL DEFAULT 0,
  blocked_until   timestamptz,
  last_attempt_at timestamptz NOT NULL
);
CREATE INDEX login_throttle_attempt_idx ON login_throttle (last_attempt_at);

-- Browsers that signed in to an account before (an HttpOnly cookie; only its SHA-256 is stored). Attempts
-- from such a device count against the device's own budget, so a guesser elsewhere cannot lock the user out.
CREATE TABLE login_devices (
  token_hash   text PRIMARY KEY,
  user_id      int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz NOT NULL
);
CREATE INDEX login_devices_user_idx ON login_devices (user_id);
