import { analyzeMessage, checkReply, labelIssue, type CheckResult, type MessageAnalysis, type Move, type Need, type Phase, type ReplyContext } from '../../engine/index.ts';
import type { Queryable } from '../db/db.ts';
import { HttpError, forbidden, notFound } from '../errors.ts';
import { audit, notify } from './audit.ts';
import { hasRole, requireRole, type Actor, type ServiceDeps } from './context.ts';
import { createCustomer, getCustomer, pendingCustomerChanges, type Customer, type CustomerChange, type CustomerInput } from './customers.ts';
import { suggestedOfferContext } from './options.ts';
import { emailReply } from './reply-mail.ts';
import { emitEvent } from './webhooks.ts';

export type CaseStatus = 'open' | 'resolved' | 'closed';

/** Playbook phases in order; a case only moves forward through them until it is reopened. */
export const PHASES: readonly Phase[] = ['listen', 'acknowledge', 'apologize', 'ask', 'offer', 'agree', 'summarize', 'follow-up'];

// Which phase a reply move shows the agent has reached. Agreement, summary and follow-up are set by the
// offer, resolution and follow-up services, not by wording alone.
const MOVE_PHASE: Partial<Record<Move, Phase>> = { acknowledge: 'acknowledge', empathize: 'acknowledge', apologize: 'apologize', ask: 'ask', offer: 'offer' };

export interface CaseRow {
  id: number;
  customerId: number;
  ownerId: number;
  subject: string;
  status: CaseStatus;
  phase: Phase;
  channel: 'private' | 'public-review';
  issueCategory: string | null;
  issuePhrase: string | null;
  needs: Need[];
  transferCount: number;
  reopenCount: number;
  createdAt: Date;
  updatedAt: Date;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  resolvedAt: Date | null;
}

export const CASE_COLUMNS = `c.id, c.customer_id AS "customerId", c.owner_id AS "ownerId", c.subject, c.status, c.phase, c.channel,
  c.issue_category AS "issueCategory", c.issue_phrase AS "issuePhrase", c.needs, c.transfer_count AS "transferCount",
  c.reopen_count AS "reopenCount", c.created_at AS "createdAt", c.updated_at AS "updatedAt",
  c.last_inbound_at AS "lastInboundAt", c.last_outbound_at AS "lastOutboundAt", c.resolved_at AS "resolvedAt"`;

export interface StoredMessage {
  id: number;
  direction: 'inbound' | 'outbound';
  authorId: number | null;
  authorName: string | null;
  body: string;
  anger: number | null;
  score: number | null;
  analysis: MessageAnalysis | null;
  check: CheckResult | null;
  createdAt: Date;
}

const MESSAGE_COLUMNS = `m.id, m.direction, m.author_id AS "authorId", coalesce(u.name, m.author_name) AS "authorName", m.body, m.anger, m.score,
  m.analysis, m.check_result AS "check", m.created_at AS "createdAt"`;

/** Loads a case row, locking it when inside a transaction that will change it. */
export async function loadCase(q: Queryable, id: number, lock = false): Promise<CaseRow> {
  const { rows } = await q.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!rows[0]) throw notFound('Case');
  return rows[0];
}

/**
 * Agents work their own cases; leads and admins see every case. Throws 403 otherwise.
 *
 * @example
 * assertCaseAccess(agent, caseRow); // another agent's case → "This case belongs to another agent."
 */
export function assertCaseAccess(actor: Actor, c: Pick<CaseRow, 'ownerId'>): void {
  if (c.ownerId !== actor.id && !hasRole(actor, 'lead')) throw forbidden('This case belongs to another agent.');
}

/** Loads a case the actor may work on. */
export async function accessibleCase(q: Queryable, actor: Actor, id: number, lock = false): Promise<CaseRow> {
  const c = await loadCase(q, id, lock);
  assertCaseAccess(actor, c);
  return c;
}

export function subjectFrom(body: string, analysis: MessageAnalysis): string {
  const issue = analysis.issues[0]?.phrase;
  const base = issue ?? analysis.sentences.find((s) => s.role === 'issue')?.text ?? analysis.sentences[0]?.text ?? body;
  const oneLine = base.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? oneLine.slice(0, 77) + '…' : oneLine || '(no text)';
}

async function pickOwner(q: Queryable, actor: Actor, ownerId: number | undefined): Promise<number> {
  if (ownerId !== undefined) {
    if (ownerId !== actor.id) requireRole(actor, 'lead');
    const { rows } = await q.query('SELECT id FROM users WHERE id = $1 AND NOT disabled', [ownerId]);
    if (!rows[0]) throw new HttpError(422, 'unknown_owner', `No active user with id ${ownerId}.`);
    return ownerId;
  }
  if (actor.role !== 'admin') return actor.id;
  // Admins (and admin-owned integration tokens) hand new cases to the agent with the fewest open cases.
  return (await leastLoadedAgent(q)) ?? actor.id;
}

/** The active agent with the fewest open cases (who gets a case nobody picked), or null when there is none. */
export async function leastLoadedAgent(q: Queryable): Promise<number | null> {
  const { rows } = await q.query<{ id: number }>(
    `SELECT u.id FROM users u LEFT JOIN cases c ON c.owner_id = u.id AND c.status = 'open'
     WHERE u.role = 'agent' AND NOT u.disabled GROUP BY u.id ORDER BY count(c.id), u.id LIMIT 1`,
  );
  return rows[0]?.id ?? null;
}

export interface OpenCaseInput {
  customerId?: number;
  customer?: CustomerInput;
  subject?: string;
  message: string;
  channel?: 'private' | 'public-review';
  ownerId?: number;
}

/**
 * Opens a case from a customer's first message: analyses it with the engine, stores it with its analysis,
 * and gives the case exactly one owner (the creator, a chosen user for leads, or the least-loaded agent).
 *
 * @example
 * const c = await openCase(deps, agent, { customer: { name: 'Ana' }, message: 'I was charged twice!' });
 * c.messages[0].analysis.upset // true
 */
export async function openCase(deps: ServiceDeps, actor: Actor, input: OpenCaseInput): Promise<CaseDetail> {
  const now = deps.clock.now();
  const id = await deps.db.tx(async (q) => {
    let customer: Customer;
    if (input.customerId !== undefined) customer = await getCustomer(deps, input.customerId, q);
    else if (input.customer) customer = await createCustomer(deps, input.customer, q);
    else throw new HttpError(400, 'customer_required', 'Give either customerId or customer.');
    const analysis = analyzeMessage(input.message, { customerName: customer.name, upsetThreshold: deps.config.upsetThreshold });
    const ownerId = await pickOwner(q, actor, input.ownerId);
    const { rows } = await q.query<{ id: number }>(
      `INSERT INTO cases (customer_id, owner_id, subject, status, phase, channel, issue_category, issue_phrase, needs, created_at, updated_at, last_inbound_at)
       VALUES ($1, $2, $3, 'open', 'listen', $4, $5, $6, $7, $8, $8, $8) RETURNING id`,
      [customer.id, ownerId, input.subject ?? subjectFrom(input.message, analysis), input.channel ?? 'private', analysis.issues[0]?.category ?? null, analysis.issues[0]?.phrase ?? null, needsOf(analysis), now],
    );
    const caseId = rows[0].id;
    const messageId = await insertMessage(q, caseId, 'inbound', null, input.message, now, analysis, null);
    await audit(q, now, { actorId: actor.id, caseId, action: 'case.open', data: { ownerId } });
    await emitEvent(q, now, 'message.received', caseId, { messageId, reopened: false, anger: finite(analysis.anger) });
    if (ownerId !== actor.id) await notify(q, now, { userId: ownerId, caseId, kind: 'case.assigned', text: `New case for you: ${input.subject ?? subjectFrom(input.message, analysis)}` });
    return caseId;
  });
  return caseDetail(deps, actor, id);
}

export function needsOf(a: MessageAnalysis): Need[] {
  return [...new Set(a.needs.map((n) => n.need))];
}

export async function insertMessage(
  q: Queryable,
  caseId: number,
  direction: 'inbound' | 'outbound',
  authorId: number | null,
  body: string,
  at: Date,
  analysis: MessageAnalysis | null,
  check: CheckResult | null,
): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO messages (case_id, direction, author_id, body, anger, score, analysis, check_result, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [caseId, direction, authorId, body, finite(analysis?.anger), finite(check?.scores.overall), analysis ? JSON.stringify(analysis) : null, check ? JSON.stringify(check) : null, at],
  );
  return rows[0].id;
}

/** A number PostgreSQL and JSON can both hold, else null (an engine bug must not store NaN). */
function finite(x: number | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** The customer's latest message on a case. */
async function latestInbound(q: Queryable, caseId: number): Promise<{ body: string } | null> {
  const { rows } = await q.query<{ body: string }>(
    `SELECT body FROM messages WHERE case_id = $1 AND direction = 'inbound' ORDER BY id DESC LIMIT 1`,
    [caseId],
  );
  return rows[0] ?? null;
}

/**
 * Everything the engine's rules may know about a reply on this case: the customer's latest message and its
 * analysis, name, tenure and value (for the loyalty rule), the phase, the issue, and the options that fit
 * the customer's need.
 */
export async function replyContext(deps: ServiceDeps, q: Queryable, c: CaseRow, actor: Actor, phase?: Phase): Promise<ReplyContext> {
  const customer = await getCustomer(deps, c.customerId, q);
  const last = await latestInbound(q, c.id);
  return {
    // The text, not the stored analysis: analysing again is cheap and stays right when the engine (and the
    // analysis shape its rules expect) is upgraded after the message was stored.
    customerMessage: last?.body,
    customerName: customer.name,
    upsetThreshold: deps.config.upsetThreshold,
    agentName: actor.name,
    companyName: deps.config.companyName,
    phase: phase ?? c.phase,
    // the customer's words name the issue for us; a reply needs the wording an agent says back
    issue: c.issuePhrase ? (labelIssue(c.issuePhrase) ?? c.issuePhrase) : undefined,
    options: await suggestedOfferContext(q, c.needs),
    tenureYears: customer.tenureYears ?? undefined,
    highValue: customer.highValue,
    channel: c.channel,
    refusals: 0,
  };
}

export interface AddMessageResult {
  message: StoredMessage | null;
  /** Outbound: the e-mail that carries the reply to the customer, when one goes out. */
  email?: { id: number; to: string } | null;
  check: CheckResult | null;
  analysis: MessageAnalysis | null;
  case: CaseRow;
}

/**
 * Stores a customer's message on a locked case: analysed, the case's needs and issue updated, and a resolved
 * or closed case reopened (its scheduled call-back cancelled, its owner told). Call inside the transaction
 * that locked the case; `actorId` is who added it (null: it came in by e-mail).
 */
export async function storeInbound(deps: ServiceDeps, q: Queryable, c: CaseRow, body: string, now: Date, actorId: number | null): Promise<{ id: number; analysis: MessageAnalysis; reopened: boolean }> {
  const customer = await getCustomer(deps, c.customerId, q);
  const analysis = analyzeMessage(body, { customerName: customer.name, upsetThreshold: deps.config.upsetThreshold });
  const id = await insertMessage(q, c.id, 'inbound', null, body, now, analysis, null);
  const reopen = c.status !== 'open';
  const needs = [...new Set([...c.needs, ...needsOf(analysis)])];
  await q.query(
    `UPDATE cases SET last_inbound_at = $2, updated_at = $2, needs = $3,
       issue_category = coalesce(issue_category, $4), issue_phrase = coalesce(issue_phrase, $5),
       status = 'open', phase = CASE WHEN $6 THEN 'listen' ELSE phase END,
       reopen_count = reopen_count + CASE WHEN $6 THEN 1 ELSE 0 END, resolved_at = CASE WHEN $6 THEN NULL ELSE resolved_at END
     WHERE id = $1`,
    [c.id, now, needs, analysis.issues[0]?.category ?? null, analysis.issues[0]?.phrase ?? null, reopen],
  );
  if (reopen) {
    // The call-back was booked to ask whether the agreement worked; the customer has just answered that
    // by writing again. Left scheduled, it would show as due on an open case, get a "satisfied" that
    // closes nothing, and stand beside the next resolution's call-back.
    const cancelled = await q.query<{ id: number }>(
      "UPDATE follow_ups SET status = 'cancelled', completed_at = $2, note = coalesce(note, 'The customer wrote again before the call; the case reopened.') WHERE case_id = $1 AND status = 'scheduled' RETURNING id",
      [c.id, now],
    );
    await audit(q, now, { actorId, caseId: c.id, action: 'case.reopen', data: { reason: 'inbound message', cancelledFollowUps: cancelled.rows.map((r) => r.id) } });
    await notify(q, now, { userId: c.ownerId, caseId: c.id, kind: 'case.reopened', text: `The customer wrote again on a ${c.status} case: ${c.subject}` });
  }
  await emitEvent(q, now, 'message.received', c.id, { messageId: id, reopened: reopen, anger: finite(analysis.anger) });
  return { id, analysis, reopened: reopen };
}

/**
 * Adds a message to a case. Inbound: analysed and stored (a message on a resolved case reopens it).
 * Outbound: checked against the case context and stored with its findings; with `draft` it is only checked.
 *
 * @example
 * const r = await addMessage(deps, agent, caseId, { direction: 'outbound', body: "I'm sorry." });
 * r.check.findings[0].ruleId // 'no-bare-sorry'
 */
export async function addMessage(deps: ServiceDeps, actor: Actor, caseId: number, input: { direction: 'inbound' | 'outbound'; body: string; draft?: boolean; email?: boolean }): Promise<AddMessageResult> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const c = await accessibleCase(q, actor, caseId, true);
    if (input.direction === 'inbound') {
      if (input.draft) throw new HttpError(400, 'bad_draft', 'Only outbound messages can be drafts.');
      const { id, analysis } = await storeInbound(deps, q, c, input.body, now, actor.id);
      return { message: await loadMessage(q, id), check: null, analysis, case: await loadCase(q, c.id) };
    }
    const context = await replyContext(deps, q, c, actor);
    const check = checkReply(input.body, context);
    if (input.draft) return { message: null, check, analysis: null, case: c };
    const id = await insertMessage(q, c.id, 'outbound', actor.id, input.body, now, null, check);
    const reached = check.moves.map((m) => MOVE_PHASE[m.move]).filter((p): p is Phase => Boolean(p));
    const phase = laterPhase(c.phase, reached);
    await q.query('UPDATE cases SET last_outbound_at = $2, updated_at = $2, phase = $3 WHERE id = $1', [c.id, now, phase]);
    const email = await emailReply(deps, q, c, actor, id, input.body, now, input.email);
    await emitEvent(q, now, 'reply.sent', c.id, { messageId: id, authorId: actor.id, authorName: actor.name, emailed: email !== null, score: finite(check.scores.overall) });
    return { message: await loadMessage(q, id), check, analysis: null, case: await loadCase(q, c.id), email };
  });
}

/** The furthest of the current phase and the reached ones, capped at 'offer' (later phases come from actions). */
export function laterPhase(current: Phase, reached: Phase[]): Phase {
  let best = PHASES.indexOf(current);
  for (const p of reached) best = Math.max(best, Math.min(PHASES.indexOf(p), PHASES.indexOf('offer')));
  return PHASES[Math.max(best, PHASES.indexOf(current))];
}

async function loadMessage(q: Queryable, id: number): Promise<StoredMessage> {
  const { rows } = await q.query<StoredMessage>(`SELECT ${MESSAGE_COLUMNS} FROM messages m LEFT JOIN users u ON u.id = m.author_id WHERE m.id = $1`, [id]);
  return rows[0];
}

/**
 * Checks a draft without storing it: against a case (its customer message, name, loyalty, options) or
 * against a context given by the caller (integrations without a case).
 *
 * @example
 * await checkDraft(deps, agent, { draft: "I'm sorry.", context: { customerMessage: 'Late again!' } });
 */
export async function checkDraft(deps: ServiceDeps, actor: Actor, input: { draft: string; caseId?: number; phase?: Phase; context?: ReplyContext }): Promise<{ check: CheckResult; context: ReplyContext }> {
  let context: ReplyContext;
  if (input.caseId !== undefined) {
    const c = await accessibleCase(deps.db, actor, input.caseId);
    context = { ...(await replyContext(deps, deps.db, c, actor, input.phase)), ...(input.context ?? {}) };
  } else {
    context = { agentName: actor.name, companyName: deps.config.companyName, ...(input.context ?? {}), ...(input.phase ? { phase: input.phase } : {}) };
  }
  return { check: checkReply(input.draft, context), context: { ...context, analysis: undefined } };
}

export interface CaseDetail extends CaseRow {
  owner: { id: number; name: string };
  customer: Customer & { pastCases: { id: number; subject: string; status: string; createdAt: Date }[]; pendingChanges: CustomerChange[] };
  anger: number | null;
  angerTrajectory: { messageId: number; at: Date; anger: number }[];
  messages: StoredMessage[];
  tasks: unknown[];
  offers: unknown[];
  followUps: unknown[];
  gaps: unknown[];
  transfers: unknown[];
  resolution: unknown | null;
}

/** The whole case as the case view shows it. */
export async function caseDetail(deps: ServiceDeps, actor: Actor, id: number): Promise<CaseDetail> {
  const q = deps.db;
  const c = await accessibleCase(q, actor, id);
  const [owner, customer, past, messages, tasks, offers, followUps, gaps, transfers, resolution] = await Promise.all([
    q.query<{ id: number; name: string }>('SELECT id, name FROM users WHERE id = $1', [c.ownerId]),
    getCustomer(deps, c.customerId),
    q.query<{ id: number; subject: string; status: string; createdAt: Date }>('SELECT id, subject, status, created_at AS "createdAt" FROM cases WHERE customer_id = $1 AND id <> $2 ORDER BY id DESC', [c.customerId, c.id]),
    q.query<StoredMessage>(`SELECT ${MESSAGE_COLUMNS} FROM messages m LEFT JOIN users u ON u.id = m.author_id WHERE m.case_id = $1 ORDER BY m.id`, [c.id]),
    q.query(`SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.case_id = $1 ORDER BY t.id`, [c.id]),
    q.query(`SELECT ${OFFER_COLUMNS} FROM offers o JOIN options p ON p.id = o.option_id WHERE o.case_id = $1 ORDER BY o.id`, [c.id]),
    q.query(`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups f WHERE f.case_id = $1 ORDER BY f.id`, [c.id]),
    q.query('SELECT id, cause, team, note, created_by AS "createdBy", created_at AS "createdAt" FROM process_gaps WHERE case_id = $1 ORDER BY id', [c.id]),
    q.query(
      `SELECT t.id, t.from_user AS "fromUserId", f.name AS "fromName", t.to_user AS "toUserId", tu.name AS "toName", t.by_user AS "byUserId", b.name AS "byName", t.reason, t.created_at AS "createdAt"
       FROM transfers t JOIN users f ON f.id = t.from_user JOIN users tu ON tu.id = t.to_user JOIN users b ON b.id = t.by_user WHERE t.case_id = $1 ORDER BY t.id`,
      [c.id],
    ),
    q.query('SELECT id, agreed, summary, offer_ids AS "offerIds", resolved_by AS "resolvedBy", check_result AS "check", created_at AS "createdAt" FROM resolutions WHERE case_id = $1 ORDER BY id DESC LIMIT 1', [c.id]),
  ]);
  const inbound = messages.rows.filter((m) => m.direction === 'inbound' && m.anger !== null);
  return {
    ...c,
    owner: owner.rows[0],
    customer: { ...customer, pastCases: past.rows, pendingChanges: await pendingCustomerChanges(q, c.customerId) },
    anger: inbound.length ? inbound[inbound.length - 1].anger : null,
    angerTrajectory: inbound.map((m) => ({ messageId: m.id, at: m.createdAt, anger: m.anger as number })),
    messages: messages.rows,
    tasks: tasks.rows,
    offers: offers.rows,
    followUps: followUps.rows,
    gaps: gaps.rows,
    transfers: transfers.rows,
    resolution: resolution.rows[0] ?? null,
  };
}

export const TASK_COLUMNS = `t.id, t.case_id AS "caseId", t.created_by AS "createdBy", t.team, t.what, t.due_at AS "dueAt", t.status, t.result,
  t.completed_at AS "completedAt", t.completed_by AS "completedBy", t.created_at AS "createdAt"`;
export const OFFER_COLUMNS = `o.id, o.case_id AS "caseId", o.option_id AS "optionId", p.key AS "optionKey", p.label, p.kind, p.unit, o.amount, o.note, o.status,
  o.offered_by AS "offeredBy", o.within_authority AS "withinAuthority", o.decided_by AS "decidedBy", o.decision_reason AS "decisionReason",
  o.decided_at AS "decidedAt", o.created_at AS "createdAt"`;
export const FOLLOW_UP_COLUMNS = `f.id, f.case_id AS "caseId", f.owner_id AS "ownerId", f.due_at AS "dueAt", f.status, f.outcome, f.note,
  f.completed_at AS "completedAt", f.created_at AS "createdAt"`;

/**
 * Moves a case to another owner. Only leads may do it, with a reason; the transfer is counted on the case,
 * kept in the transfers table (a metric: the playbook treats hand-offs as harm) and audited.
 *
 * @example
 * await reassignCase(deps, lead, caseId, { toUserId: 7, reason: 'Ana is on leave until Monday' });
 */
export async function reassignCase(deps: ServiceDeps, actor: Actor, caseId: number, input: { toUserId: number; reason: string }): Promise<CaseRow> {
  requireRole(actor, 'lead');
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const c = await loadCase(q, caseId, true);
    if (c.ownerId === input.toUserId) throw new HttpError(409, 'same_owner', 'The case already belongs to this user.');
    const target = await q.query<{ name: string }>('SELECT name FROM users WHERE id = $1 AND NOT disabled', [input.toUserId]);
    if (!target.rows[0]) throw new HttpError(422, 'unknown_user', `No active user with id ${input.toUserId}.`);
    await q.query('UPDATE cases SET owner_id = $2, transfer_count = transfer_count + 1, updated_at = $3 WHERE id = $1', [c.id, input.toUserId, now]);
    await q.query("UPDATE follow_ups SET owner_id = $2 WHERE case_id = $1 AND status = 'scheduled'", [c.id, input.toUserId]);
    await q.query('INSERT INTO transfers (case_id, from_user, to_user, by_user, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [c.id, c.ownerId, input.toUserId, actor.id, input.reason, now]);
    await audit(q, now, { actorId: actor.id, caseId: c.id, action: 'case.reassign', data: { from: c.ownerId, to: input.toUserId, reason: input.reason } });
    await notify(q, now, { userId: input.toUserId, caseId: c.id, kind: 'case.assigned', text: `${actor.name} handed you a case: ${c.subject}. Reason: ${input.reason}` });
    return loadCase(q, c.id);
  });
}
