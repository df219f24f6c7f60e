import { z } from 'zod';

// Shared schemas: used to validate requests and to write the OpenAPI document, so the two never drift.

/**
 * A text field stored exactly as sent: not trimmed, not escaped (the UI escapes on display). Rejects blank
 * text, NUL characters (PostgreSQL text cannot hold them) and unpaired surrogates (not valid Unicode).
 */
export function text(max: number, what = 'text') {
  return z
    .string()
    .max(max, `${what} is longer than ${max} characters`)
    .refine((s) => s.trim().length > 0, `${what} must not be blank`)
    .refine((s) => !s.includes('\u0000'), `${what} must not contain NUL characters`)
    .refine((s) => !/\p{Cs}/u.test(s), `${what} contains invalid Unicode (an unpaired surrogate)`);
}

/** A short label: trimmed, one line. */
export function label(max: number, what = 'value') {
  return z
    .string()
    .trim()
    .min(1, `${what} must not be blank`)
    .max(max, `${what} is longer than ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${what} must be one line without control characters`)
    // The pg driver would store an unpaired surrogate as U+FFFD: the name would silently change.
    .refine((s) => !/\p{Cs}/u.test(s), `${what} contains invalid Unicode (an unpaired surrogate)`);
}

/**
 * Optional free text (a note): may be empty, otherwise held to the same rules as `text` — PostgreSQL cannot
 * store NUL, and an unpaired surrogate would be stored changed.
 */
export function note(max: number, what = 'note') {
  return z
    .string()
    .max(max, `${what} is longer than ${max} characters`)
    .refine((s) => !s.includes('\u0000'), `${what} must not contain NUL characters`)
    .refine((s) => !/\p{Cs}/u.test(s), `${what} contains invalid Unicode (an unpaired surrogate)`);
}

/** A calendar date PostgreSQL can store and a person could mean (there is no year 0). */
export const PastDate = z.iso
  .date()
  .refine((s) => Number(s.slice(0, 4)) >= 1900, 'must be a date from 1900 on (YYYY-MM-DD)')
  // Tomorrow still passes: the caller's calendar may be a time zone ahead of the server's UTC one.
  .refine((s) => s <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), 'must not be in the future');

const INT4_MAX = 2_147_483_647;

/** An id in a JSON body: a JSON integer that fits PostgreSQL's int (a string such as "5" is refused). */
export const Id = z.number().int().positive().max(INT4_MAX);

/**
 * An id in a path or query string: decimal digits only, no sign, no leading zero, no spaces. `Number()` and
 * `z.coerce` would also read " 1", "0x10", "1e1" and "1.0", so one record would answer to many spellings.
 *
 * @example
 * DecimalId.parse('42') // 42
 * DecimalId.safeParse('0x10').success // false
 */
export const DecimalId = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'must be a positive whole number written in decimal digits')
  .transform(Number)
  .pipe(z.number().max(INT4_MAX, `must be a positive whole number written in decimal digits, at most ${INT4_MAX}`));
export const IdParams = z.object({ id: DecimalId });
export const Timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date-time' });
export const FutureDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const Role = z.enum(['agent', 'lead', 'admin']);
export const Phase = z.enum(['listen', 'acknowledge', 'apologize', 'ask', 'offer', 'agree', 'summarize', 'follow-up']);
export const Need = z.enum(['timing', 'financial', 'replacement', 'information', 'acknowledgement', 'escalation']);
export const Email = z.email().max(254);

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable code, e.g. invalid_request, forbidden, case_not_open' }),
      message: z.string().meta({ description: 'What went wrong, in words a person can act on' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

const Range = z.tuple([z.number().int(), z.number().int()]).meta({ description: '[start, end) in UTF-16 code units' });
const Evidence = z.object({ range: Range, text: z.string() });

export const Finding = z
  .object({
    ruleId: z.string(),
    principle: z.string(),
    severity: z.enum(['error', 'warning', 'suggestion']),
    messageId: z.string(),
    message: z.string(),
    note: z.string(),
    range: Range,
    suggestions: z.array(z.object({ message: z.string(), fix: z.object({ range: Range, text: z.string() }) })),
  })
  .meta({ id: 'Finding' });

export const CheckResult = z
  .object({
    findings: z.array(Finding),
    moves: z.array(z.object({ move: z.string(), range: Range })),
    scores: z.object({ overall: z.number(), byPrinciple: z.record(z.string(), z.number()) }),
    nextMove: z.object({ move: z.string(), reason: z.string() }).optional(),
  })
  .meta({ id: 'CheckResult', description: "The engine's coaching of a reply (checkReply)" });

export const MessageAnalysis = z
  .object({
    anger: z.number(),
    upset: z.boolean(),
    upsetScore: z.number().optional().meta({ description: 'How likely a careful reader finds the message upset (0–1, calibrated); upset is upsetScore ≥ the desk\'s UPSET_THRESHOLD. Absent on messages stored before it existed.' }),
    sentiment: z.number(),
    angerEvidence: z.array(Evidence),
    sentences: z.array(z.object({ text: z.string(), range: Range, role: z.enum(['venting', 'issue', 'request', 'threat', 'other']), anger: z.number() })),
    issues: z.array(z.object({ category: z.string(), phrase: z.string(), range: Range })),
    needs: z.array(z.object({ need: Need, evidence: z.array(Evidence) })),
    signals: z.array(z.object({ kind: z.string(), evidence: Evidence, value: z.number().optional() })),
    name: z.object({ value: z.string(), source: z.enum(['message', 'context']) }).optional(),
    emotions: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'MessageAnalysis', description: "The engine's reading of a customer message (analyzeMessage)" });

export const Customer = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    handle: z.string().nullable(),
    customerSince: z.string().nullable().meta({ description: 'YYYY-MM-DD' }),
    tenureYears: z.number().int().nullable(),
    lifetimeValue: z.number(),
    highValue: z.boolean(),
    notes: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Customer' });

export const CustomerInput = z
  .object({
    name: label(200, 'name'),
    email: Email.nullish(),
    phone: label(40, 'phone').nullish(),
    handle: label(100, 'handle').nullish(),
    customerSince: PastDate.nullish().meta({ description: 'YYYY-MM-DD the relationship began' }),
    lifetimeValue: z.number().min(0).max(1e10).optional(),
    notes: note(5000, 'notes').optional(),
  })
  .meta({ id: 'CustomerInput' });

export const CaseRow = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    ownerId: z.number().int(),
    subject: z.string(),
    status: z.enum(['open', 'resolved', 'closed']),
    phase: Phase,
    channel: z.enum(['private', 'public-review']),
    issueCategory: z.string().nullable(),
    issuePhrase: z.string().nullable(),
    needs: z.array(Need),
    transferCount: z.number().int(),
    reopenCount: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    lastInboundAt: Timestamp.nullable(),
    lastOutboundAt: Timestamp.nullable(),
    resolvedAt: Timestamp.nullable(),
  })
  .meta({ id: 'Case' });

export const Message = z
  .object({
    id: z.number().int(),
    direction: z.enum(['inbound', 'outbound']),
    authorId: z.number().int().nullable(),
    authorName: z.string().nullable(),
    body: z.string(),
    anger: z.number().nullable(),
    score: z.number().nullable(),
    analysis: MessageAnalysis.nullable(),
    check: CheckResult.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Message' });

export const Task = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    createdBy: z.number().int(),
    team: z.string(),
    what: z.string(),
    dueAt: Timestamp,
    status: z.enum(['open', 'done', 'cancelled']),
    result: z.string().nullable(),
    completedAt: Timestamp.nullable(),
    completedBy: z.number().int().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Task' });

export const Offer = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    optionId: z.number().int(),
    optionKey: z.string(),
    label: z.string(),
    kind: z.string(),
    unit: z.string().nullable(),
    amount: z.number().nullable(),
    note: z.string(),
    status: z.enum(['pending_approval', 'offered', 'rejected', 'accepted', 'declined']),
    offeredBy: z.number().int(),
    withinAuthority: z.boolean(),
    decidedBy: z.number().int().nullable().meta({ description: 'Who allowed it: the agent (within authority) or the approving lead' }),
    decisionReason: z.string().nullable(),
    decidedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Offer' });

export const FollowUp = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    ownerId: z.number().int(),
    dueAt: Timestamp,
    status: z.enum(['scheduled', 'done', 'cancelled']),
    outcome: z.enum(['satisfied', 'still_unhappy', 'no_answer']).nullable(),
    note: z.string().nullable(),
    completedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'FollowUp' });

export const ProcessGap = z
  .object({ id: z.number().int(), caseId: z.number().int(), cause: z.string(), team: z.string(), note: z.string(), createdBy: z.number().int(), createdAt: Timestamp })
  .meta({ id: 'ProcessGap' });

export const CustomerChange = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    requestedBy: z.number().int(),
    requestedByName: z.string(),
    fields: z.object({ email: z.string().optional(), phone: z.string().optional(), handle: z.string().optional() }).meta({ description: 'The contact details asked for' }),
    status: z.enum(['pending', 'confirmed', 'rejected']),
    decidedBy: z.number().int().nullable(),
    reason: z.string().nullable(),
    decidedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'CustomerChange', description: "A change to a customer's contact details waiting for a lead or the owner of another case in flight to confirm it" });

export const User = z
  .object({ id: z.number().int(), email: z.string(), name: z.string(), role: Role, team: z.string(), disabled: z.boolean(), createdAt: Timestamp })
  .meta({ id: 'User' });

export const Ok = z.object({ ok: z.literal(true) });
