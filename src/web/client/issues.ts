/**
 * The server's validation messages in words a person can act on: the field's name as the form labels it,
 * and what to do. Used by every error box (api.ts) and next to each field (forms.ts).
 */

// Field names as people read them, by the last part of the server's path (`body.customer.lifetimeValue`).
const FIELD_WORDS: Record<string, string> = {
  name: 'Name',
  email: 'E-mail',
  customerSince: 'Customer since',
  lifetimeValue: 'Lifetime value',
  phone: 'Phone',
  notes: 'Notes',
  subject: 'Subject',
  message: 'Message',
  body: 'Reply',
  draft: 'Draft',
  team: 'Team',
  what: 'What you need',
  dueAt: 'Due',
  followUpOn: 'Call back on',
  result: 'Result',
  summary: 'Summary',
  agreed: 'What you agreed',
  amount: 'Amount',
  reason: 'Reason',
  cause: 'Cause',
  note: 'Note',
  outcome: 'Outcome',
  role: 'Role',
  password: 'Password',
  userId: 'User',
  toUserId: 'New owner',
};

/** "lifetimeValue" → "Lifetime value", for a field the table does not name. */
function words(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * What to tell a person about one field the server refused: its name in words and what to do.
 *
 * @example
 * humanIssue('body.customer.email', 'Invalid email address')
 * // { field: 'customer.email', text: 'E-mail: enter an address like name@example.com.' }
 * humanIssue('body.customer.lifetimeValue', 'Too small: expected number to be >=0')
 * // { field: 'customer.lifetimeValue', text: 'Lifetime value: enter 0 or more.' }
 */
export function humanIssue(path: string, message: string): { field: string; text: string } {
  const parts = path.split('.').filter((p) => !['body', 'query', 'path'].includes(p));
  const field = parts.join('.');
  const last = parts.filter((p) => !/^\d+$/.test(p)).pop() ?? '';
  const name = FIELD_WORDS[last] ?? (last ? words(last) : 'This form');
  const m = message.replace(/^\w+ (is longer|must not|must be|contains)/, '$1'); // "message is longer…" → "is longer…"
  let what: string;
  let n: RegExpExecArray | null;
  if (/invalid e-?mail/i.test(m)) what = 'enter an address like name@example.com';
  else if ((n = /Too small: expected number to be >=?\s*(-?[\d.]+)/i.exec(m))) what = `enter ${n[1]} or more`;
  else if ((n = /Too big: expected number to be <=?\s*(-?[\d.e+]+)/i.exec(m))) what = `enter at most ${Number(n[1]).toLocaleString('en-US')}`;
  else if ((n = /Too (?:small|big): expected string to have [<>]=?\s*(\d+) characters/i.exec(m))) what = /small/i.test(m) ? `write at least ${n[1]} characters` : `shorten it to ${Number(n[1]).toLocaleString('en-US')} characters`;
  else if ((n = /is longer than (\d+) characters/.exec(m))) what = `shorten it to ${Number(n[1]).toLocaleString('en-US')} characters or fewer`;
  else if (/must not be blank|Required|expected string, received undefined/i.test(m)) what = 'fill it in';
  else if (/expected number/i.test(m)) what = 'enter a number';
  else if (/Invalid (ISO )?date|YYYY-MM-DD/i.test(m)) what = 'pick a date from the calendar';
  else if (/in the future/i.test(m)) what = 'choose a time in the future';
  else if (/must not be in the future/i.test(m)) what = 'choose a date that has passed';
  else if (/Invalid option|expected one of/i.test(m)) what = 'choose one of the options offered';
  else what = m.charAt(0).toLowerCase() + m.slice(1);
  return { field, text: `${name}: ${what.replace(/\.$/, '')}.` };
}
