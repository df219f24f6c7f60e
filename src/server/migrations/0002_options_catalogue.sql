-- A starting catalogue of remedies with per-role authority. Admins can change limits in SQL or through the
-- API later; the numbers here are a sensible default for a retail desk, not a policy.
INSERT INTO options (key, label, kind, need, unit, phrase) VALUES
  ('expedited-shipping', 'Expedited shipping at no cost', 'expedited_shipping', 'timing', NULL, 'free expedited shipping so it reaches you sooner'),
  ('priority-replacement', 'Priority replacement', 'replacement', 'replacement', NULL, 'a replacement sent out first, before you return the faulty one'),
  ('discount', 'Discount on the next order', 'discount_pct', 'financial', '%', 'a {amount}% discount on your next order'),
  ('account-credit', 'Account credit', 'credit', 'financial', 'USD', 'a credit of ${amount} on your account'),
  ('refund', 'Refund', 'refund', 'financial', 'USD', 'a refund of ${amount}'),
  ('return-window-exception', 'Return-window exception', 'return_window_exception', 'replacement', 'days', 'an exception to the return window, {amount} days past it'),
  ('callback', 'Personal call-back from the same agent', 'callback', 'acknowledgement', NULL, 'a call from me personally to make sure this is sorted'),
  ('status-updates', 'Proactive status updates', 'status_updates', 'information', NULL, 'an update from me at each step until this is done'),
  ('lead-callback', 'Call from a team lead', 'lead_callback', 'escalation', NULL, 'a call from my team lead, with me on the line');

INSERT INTO option_limits (option_id, role, allowed, max_amount)
SELECT o.id, r.role, r.allowed, r.max_amount
FROM options o
JOIN (VALUES
  ('expedited-shipping', 'agent', true, NULL), ('expedited-shipping', 'lead', true, NULL), ('expedited-shipping', 'admin', true, NULL),
  ('priority-replacement', 'agent', true, NULL), ('priority-replacement', 'lead', true, NULL), ('priority-replacement', 'admin', true, NULL),
  ('discount', 'agent', true, 10), ('discount', 'lead', true, 30), ('discount', 'admin', true, 50),
  ('account-credit', 'agent', true, 25), ('account-credit', 'lead', true, 200), ('account-credit', 'admin', true, 1000),
  ('refund', 'agent', true, 50), ('refund', 'lead', true, 500), ('refund', 'admin', true, 5000),
  ('return-window-exception', 'agent', false, NULL), ('return-window-exception', 'lead', true, 60), ('return-window-exception', 'admin', true, 365),
  ('callback', 'agent', true, NULL), ('callback', 'lead', true, NULL), ('callback', 'admin', true, NULL),
  ('status-updates', 'agent', true, NULL), ('status-updates', 'lead', true, NULL), ('status-updates', 'admin', true, NULL),
  ('lead-callback', 'agent', false, NULL), ('lead-callback', 'lead', true, NULL), ('lead-callback', 'admin', true, NULL)
) AS r(key, role, allowed, max_amount) ON r.key = o.key;
