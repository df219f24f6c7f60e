-- Requests for approval reach each lead as one unread notification per case, updated as requests come in,
-- instead of one per offer (300 offers in a second made 300 notifications for every lead). Earlier
-- duplicates are marked read, keeping the newest, so the unique index can be built.
UPDATE notifications n SET read_at = n.created_at
WHERE n.kind = 'approval.requested' AND n.read_at IS NULL
  AND EXISTS (SELECT 1 FROM notifications m WHERE m.kind = 'approval.requested' AND m.read_at IS NULL
              AND m.user_id = n.user_id AND m.case_id = n.case_id AND m.id > n.id);
CREATE UNIQUE INDEX notifications_approval_once_idx ON notifications (user_id, case_id, kind)
  WHERE read_at IS NULL AND kind = 'approval.requested';
-- The per-customer total over a period reads a customer's offers by time.
CREATE INDEX offers_created_idx ON offers (created_at);
