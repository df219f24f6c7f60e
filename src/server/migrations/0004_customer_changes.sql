-- A change to a customer's contact details (e-mail, phone, handle) asked for while another agent's case of
-- that customer is in flight. It takes effect only when a lead, or the owner of one of those cases, confirms
-- it: otherwise any agent could open a case on a colleague's customer and redirect its resolution e-mail.
CREATE TABLE customer_changes (
  id           int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id  int NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  requested_by int NOT NULL REFERENCES users(id),
  fields       jsonb NOT NULL,
  status       text NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected')),
  decided_by   int REFERENCES users(id),
  reason       text,
  decided_at   timestamptz,
  created_at   timestamptz NOT NULL
);
CREATE INDEX customer_changes_pending_idx ON customer_changes (customer_id) WHERE status = 'pending';
