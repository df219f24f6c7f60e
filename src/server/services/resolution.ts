import { resolveContext, type CheckResult } from '../../engine/index.ts';
import { describeIssue, loyaltyCalledFor } from '../../engine/moves.ts';
import { addBusinessDays, localDate, onLocalDay } from '../clock.ts';
import type { Queryable } from '../db/db.ts';
import { HttpError, notFound } from '../errors.ts';
import { audit, notify } from './audit.ts';
import { hasRole, requireRole, type Actor, type ServiceDeps } from './context.ts';
import { accessibleCase, FOLLOW_UP_COLUMNS, loadCase, replyContext, type CaseRow } from './cases.ts';
import { getCustomer, recordAddressOnResolve } from './customers.ts';
import { enqueueMail } from './outbox.ts';
import { emitEvent } from './webhooks.ts';
import { agreementItems, agreementText, checkSummary, draftSummary, resolutionEmail, type AgreedOffer, type AgreedTask, type AgreementItem } from './resolution-text.ts';

export { resolutionEmail } from './resolution-text.ts';

export interface FollowUp {
  id: number;
  caseId: number;
  ownerId: number;
  dueAt: Date;
  status: 'scheduled' | 'done' | 'cancelled';
  outcome: 'satisfied' | 'still_unhappy' | 'no_answer' | null;
  note: string | null;
  completedAt: Date | null;
  createdAt: Date;
}

export interface ResolveResult {
  case: CaseRow;
  resolutionId: number;
  check: CheckResult;
  email: { outboxId: number; to: string; subject: string };
  followUp: FollowUp;
}

/** What a resolution may include: the case's accepted offers and done tasks (all of them unless narrowed). */
async function agreedParts(q: Queryable, caseId: number, offerIds?: number[], taskIds?: number[]): Promise<{ offers: AgreedOffer[]; tasks: AgreedTask[] }> {
  const offers = await q.query<AgreedOffer>(
    `SELECT o.id, p.kind, p.label, p.unit, o.amount, p.phrase FROM offers o JOIN options p ON p.id = o.option_id
     WHERE o.case_id = $1 AND o.status = 'accepted' ORDER BY o.id`,
    [caseId],
  );
  const tasks = await q.query<AgreedTask>("SELECT id, team, what, result FROM tasks WHERE case_id = $1 AND status = 'done' ORDER BY id", [caseId]);
  const badOffers = (offerIds ?? []).filter((id) => !offers.rows.some((r) => r.id === id));
  if (badOffers.length) throw new HttpError(422, 'offer_not_accepted', `Offers ${badOffers.join(', ')} are not accepted offers on this case.`);
  const badTasks = (taskIds ?? []).filter((id) => !tasks.rows.some((r) => r.id === id));
  if (badTasks.length) throw new HttpError(422, 'task_not_done', `Tasks ${badTasks.join(', ')} are not done tasks on this case.`);
  return {
    offers: offerIds ? offers.rows.filter((r) => offerIds.includes(r.id)) : offers.rows,
    tasks: taskIds ? tasks.rows.filter((r) => taskIds.includes(r.id)) : tasks.rows,
  };
}

/** Why a case cannot be resolved with this agreement, in words for the agent; null when it can. */
export const NO_AGREEMENT = 'Nothing has been agreed yet: mark an offer the customer accepted, complete a task, or write what you agreed.';

export interface ResolutionInput {
  /** What the agent typed as agreed, beyond offers and tasks (one item per line). */
  agreed?: string;
  summary?: string;
  email?: string;
  offerIds?: number[];
  taskIds?: number[];
  followUpOn?: string;
}

export interface ResolutionPreview {
  agreement: AgreementItem[];
  /** Why Resolve is refused now (no agreement, no summary, no address), or null. */
  blocked: string | null;
  /** The summary given, or the one drafted from the agreement ('' while nothing is agreed). */
  summary: string;
  drafted: boolean;
  /** Agreement items an edited summary no longer says (word for word): the e-mail would leave them out. */
  unmentioned: string[];
  check: CheckResult | null;
  followUpOn: string;
  email: { from: string; to: string | null; subject: string; text: string; html: string } | null;
}

/**
 * The summary drafted from the agreement, in the case's voice: the customer's first name, the issue said back,
 * the emotional moves when they were upset, thanks for loyalty when it is called for, the call-back day.
 */
function draftFor(context: Awaited<ReturnType<typeof replyContext>>, items: AgreementItem[], followUpOn: string): string {
  const ctx = resolveContext({ ...context, phase: 'summarize' });
  const said = ctx.analysis.signals.find((s) => s.kind === 'loyalty' && typeof s.value === 'number')?.value;
  const years = typeof said === 'number' ? said : ctx.tenureYears;
  const loyal = loyaltyCalledFor(ctx);
  return draftSummary({
    items,
    customerName: ctx.name ?? ctx.customerName,
    agentName: ctx.agentName,
    companyName: ctx.companyName,
    issue: describeIssue(ctx),
    upset: ctx.upset,
    loyaltyYears: loyal && years !== undefined && years >= 2 ? years : undefined,
    loyal,
    followUpOn,
  });
}

/** Whether the summary says this agreement item, ignoring letter case, spacing and the closing full stop. */
function said(summary: string, item: string): boolean {
  const norm = (x: string) => x.toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(summary).includes(norm(item).replace(/[.!?]$/, ''));
}

/**
 * What resolving now would do, without doing it: the agreement from accepted offers, done tasks and what the
 * agent typed; the summary (drafted from the agreement when none is given); its coaching; and the e-mail
 * exactly as it would be sent (sender from MAIL_FROM, recipient, subject, plain text and HTML).
 *
 * @example
 * const p = await previewResolution(deps, agent, caseId, { agreed: 'Reship by express' });
 * p.email?.text // 'Hi Maria,\n\n… Here is what we agreed:\n\n- Reship by express.\n…'
 */
export async function previewResolution(deps: ServiceDeps, actor: Actor, caseId: number, input: ResolutionInput): Promise<ResolutionPreview> {
  const now = deps.clock.now();
  if (input.followUpOn) checkFollowUpDay(deps, now, input.followUpOn);
  const followUpOn = input.followUpOn ?? defaultFollowUp(deps, now).on;
  const q = deps.db;
  const c = await accessibleCase(q, actor, caseId);
  const parts = await agreedParts(q, c.id, input.offerIds, input.taskIds);
  const agreement = agreementItems({ ...parts, typed: input.agreed });
  const context = await replyContext(deps, q, c, actor, 'summarize');
  const drafted = input.summary === undefined;
  const summary = drafted ? draftFor(context, agreement, followUpOn) : input.summary ?? '';
  const customer = await getCustomer(deps, c.customerId, q);
  const to = input.email ?? customer.email ?? null;
  const blocked = c.status !== 'open' ? `This case is already ${c.status}.`
    : agreement.length === 0 ? NO_AGREEMENT
      : !summary.trim() ? 'Write the summary the customer will receive.'
        : !to ? 'The customer has no e-mail address: add one to the customer or give one here.'
          : null;
  const mail = agreement.length && summary.trim() ? resolutionEmail(deps.config.companyName, c.id, c.subject, summary) : null;
  return {
    agreement,
    blocked,
    summary,
    drafted,
    unmentioned: summary.trim() ? agreement.map((i) => i.text).filter((t) => !said(summary, t)) : [],
    check: summary.trim() ? checkSummary(summary, context) : null,
    followUpOn,
    email: mail ? { from: deps.config.mailFrom, to, ...mail } : null,
  };
}

/**
 * When the call-back falls by default: FOLLOW_UP_BUSINESS_DAYS business days after `from` on the team's
 * calendar (TEAM_TIME_ZONE), at the same local time of day.
 *
 * @example
 * defaultFollowUp(deps, now) // { on: '2026-11-23', dueAt: Date, timeZone: 'UTC', businessDays: 1 }
 */
export function defaultFollowUp(deps: Pick<ServiceDeps, 'config'>, from: Date): { on: string; dueAt: Date; timeZone: string; businessDays: number } {
  const dueAt = addBusinessDays(from, deps.config.followUpBusinessDays, deps.config.teamTimeZone);
  return { on: localDate(dueAt, deps.config.teamTimeZone), dueAt, timeZone: deps.config.teamTimeZone, businessDays: deps.config.followUpBusinessDays };
}

/** The longest an agent may push a call-back out, in days. */
export const MAX_FOLLOW_UP_DAYS = 90;

/** Checks a chosen call-back day against the team's calendar: today at the earliest, 90 days ahead at most. */
function checkFollowUpDay(deps: Pick<ServiceDeps, 'config'>, now: Date, on: string): void {
  const tz = deps.config.teamTimeZone;
  const today = localDate(now, tz);
  const latest = localDate(new Date(now.getTime() + MAX_FOLLOW_UP_DAYS * 86_400_000), tz);
  const problem = on < today ? `must be today (${today}) or later` : on > latest ? `must be within ${MAX_FOLLOW_UP_DAYS} days (by ${latest})` : null;
  if (problem) throw new HttpError(400, 'invalid_request', `body.followUpOn: ${problem}`, { issues: [{ path: 'body.followUpOn', message: problem }] });
}

async function scheduleFollowUp(q: Queryable, deps: ServiceDeps, c: Pick<CaseRow, 'id' | 'ownerId'>, from: Date, on?: string): Promise<FollowUp> {
  const due = on ? onLocalDay(from, on, deps.config.teamTimeZone) : defaultFollowUp(deps, from).dueAt;
  const { rows } = await q.query<FollowUp>(
    `INSERT INTO follow_ups (case_id, owner_id, due_at, status, created_at) VALUES ($1, $2, $3, 'scheduled', $4)
     RETURNING ${FOLLOW_UP_COLUMNS.replace(/\bf\./g, '')}`,
    [c.id, c.ownerId, due, from],
  );
  return rows[0];
}

/**
 * Where the summary goes: the customer's address on record. An address given on resolve must be that one
 * (in any letter case), unless a lead resolves: a lead's choice of another recipient is their approval and is
 * audited. For a customer with no address on record, the one given is recorded on the customer, under the
 * same rule as any contact change (`recordAddressOnResolve`).
 */
async function recipientFor(
  q: Queryable,
  now: Date,
  actor: Actor,
  customer: { id: number; email: string | null },
  given: string | undefined,
): Promise<{ to: string; recipient?: { onRecord: string | null; sentTo: string; approvedBy: number } }> {
  const onRecord = customer.email;
  if (given === undefined || (onRecord !== null && given.toLowerCase() === onRecord.toLowerCase())) {
    if (!onRecord) throw new HttpError(422, 'no_email', 'The customer has no e-mail address: add one to the customer or pass `email`.');
    return { to: onRecord };
  }
  if (onRecord === null) {
    await recordAddressOnResolve(q, now, actor, customer.id, given);
    return { to: given };
  }
  if (!hasRole(actor, 'lead')) {
    throw new HttpError(403, 'recipient_not_on_record', `The summary goes to the customer's address on record (${onRecord}). To send it elsewhere, correct the customer's e-mail (confirmed by a lead or the owner of their other case in flight) or ask a lead to resolve the case.`);
  }
  return { to: given, recipient: { onRecord, sentTo: given, approvedBy: actor.id } };
}

/**
 * Resolves a case: records what was agreed, checks the summary with the engine (phase 'summarize'), stores it
 * as the last reply, writes the summary e-mail to the outbox and schedules the follow-up call
 * FOLLOW_UP_BUSINESS_DAYS business days later — all in one transaction, so none happens without the others.
 *
 * @example
 * const r = await resolveCase(deps, agent, caseId, { agreed: 'Refund of $40 for the double charge', summary: 'Hi Ana, …' });
 * r.followUp.dueAt // next business day
 */
export async function resolveCase(
  deps: ServiceDeps,
  actor: Actor,
  caseId: number,
  input: ResolutionInput & { summary: string },
): Promise<ResolveResult> {
  const now = deps.clock.now();
  if (input.followUpOn) checkFollowUpDay(deps, now, input.followUpOn);
  return deps.db.tx(async (q) => {
    const c = await accessibleCase(q, actor, caseId, true);
    if (c.status !== 'open') throw new HttpError(409, 'case_not_open', `This case is already ${c.status}.`);
    const customer = await getCustomer(deps, c.customerId, q);
    const { to, recipient } = await recipientFor(q, now, actor, customer, input.email);
    const parts = await agreedParts(q, c.id, input.offerIds, input.taskIds);
    const agreement = agreementItems({ ...parts, typed: input.agreed });
    if (agreement.length === 0) throw new HttpError(422, 'no_agreement', NO_AGREEMENT);
    const check = checkSummary(input.summary, await replyContext(deps, q, c, actor, 'summarize'));
    const { rows } = await q.query<{ id: number }>(
      'INSERT INTO resolutions (case_id, resolved_by, agreed, summary, check_result, offer_ids, task_ids, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
      [c.id, actor.id, agreementText(agreement), input.summary, JSON.stringify(check), parts.offers.map((o) => o.id), parts.tasks.map((t) => t.id), now],
    );
    await q.query(
      `INSERT INTO messages (case_id, direction, author_id, body, score, check_result, created_at) VALUES ($1, 'outbound', $2, $3, $4, $5, $6)`,
      [c.id, actor.id, input.summary, check.scores.overall, JSON.stringify(check), now],
    );
    await q.query("UPDATE cases SET status = 'resolved', phase = 'follow-up', resolved_at = $2, updated_at = $2, last_outbound_at = $2 WHERE id = $1", [c.id, now]);
    const mail = resolutionEmail(deps.config.companyName, c.id, c.subject, input.summary);
    const outboxId = await enqueueMail(q, now, { caseId: c.id, kind: 'resolution', to, subject: mail.subject, text: mail.text, html: mail.html });
    const followUp = await scheduleFollowUp(q, deps, c, now, input.followUpOn);
    await audit(q, now, { actorId: actor.id, caseId: c.id, action: 'case.resolve', data: { resolutionId: rows[0].id, outboxId, followUpId: followUp.id, score: check.scores.overall, ...(recipient ? { recipient } : {}) } });
    return { case: await loadCase(q, c.id), resolutionId: rows[0].id, check, email: { outboxId, to, subject: mail.subject }, followUp };
  });
}

export interface FollowUpListItem extends FollowUp {
  caseSubject: string;
  customerName: string;
  customerPhone: string | null;
  customerEmail: string | null;
  ownerName: string;
  /** Due now or earlier. */
  due: boolean;
}

/**
 * Scheduled follow-ups: the actor's own (or everyone's, for leads with scope 'all', or one agent's with
 * `ownerId`), soonest first; `dueOnly` keeps the ones due now.
 */
export async function listFollowUps(deps: ServiceDeps, actor: Actor, options: { scope?: 'mine' | 'all'; dueOnly?: boolean; ownerId?: number } = {}): Promise<FollowUpListItem[]> {
  // A lead's view of the team: everyone's call-backs, or one agent's; an agent sees their own.
  if (options.scope === 'all' || (options.ownerId !== undefined && options.ownerId !== actor.id)) requireRole(actor, 'lead');
  const now = deps.clock.now();
  const { rows } = await deps.db.query<FollowUpListItem>(
    `SELECT ${FOLLOW_UP_COLUMNS}, c.subject AS "caseSubject", cu.name AS "customerName", cu.phone AS "customerPhone", cu.email AS "customerEmail",
       u.name AS "ownerName", f.due_at <= $3 AS due
     FROM follow_ups f JOIN cases c ON c.id = f.case_id JOIN customers cu ON cu.id = c.customer_id JOIN users u ON u.id = f.owner_id
     WHERE f.status = 'scheduled' AND ($1 OR f.owner_id = $2) AND (NOT $4 OR f.due_at <= $3)
     ORDER BY f.due_at LIMIT 500`,
    [options.scope === 'all' && options.ownerId === undefined, options.ownerId ?? actor.id, now, options.dueOnly ?? false],
  );
  return rows;
}

/**
 * Records what the follow-up call found. Satisfied closes the case; still unhappy reopens it (phase back to
 * listening, counted); no answer schedules another try the next business day.
 *
 * @example
 * await recordFollowUpOutcome(deps, agent, followUpId, { outcome: 'still_unhappy', note: 'Refund not on the card yet' });
 */
export async function recordFollowUpOutcome(
  deps: ServiceDeps,
  actor: Actor,
  followUpId: number,
  input: { outcome: 'satisfied' | 'still_unhappy' | 'no_answer'; note?: string },
): Promise<{ followUp: FollowUp; case: CaseRow; next: FollowUp | null }> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const { rows } = await q.query<FollowUp>(`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups f WHERE f.id = $1 FOR UPDATE`, [followUpId]);
    const f = rows[0];
    if (!f) throw notFound('Follow-up');
    if (f.ownerId !== actor.id && !hasRole(actor, 'lead')) throw new HttpError(403, 'forbidden', 'This follow-up belongs to another agent.');
    if (f.status !== 'scheduled') throw new HttpError(409, 'already_recorded', `This follow-up is already ${f.status}.`);
    const c = await loadCase(q, f.caseId, true);
    await q.query("UPDATE follow_ups SET status = 'done', outcome = $2, note = $3, completed_at = $4 WHERE id = $1", [f.id, input.outcome, input.note ?? null, now]);
    let next: FollowUp | null = null;
    if (input.outcome === 'satisfied') {
      await q.query("UPDATE cases SET status = 'closed', updated_at = $2 WHERE id = $1 AND status = 'resolved'", [c.id, now]);
    } else if (input.outcome === 'still_unhappy') {
      await q.query(
        "UPDATE cases SET status = 'open', phase = 'listen', reopen_count = reopen_count + 1, resolved_at = NULL, updated_at = $2 WHERE id = $1",
        [c.id, now],
      );
      await audit(q, now, { actorId: actor.id, caseId: c.id, action: 'case.reopen', data: { reason: 'follow-up: still unhappy', note: input.note ?? null } });
      if (c.ownerId !== actor.id) await notify(q, now, { userId: c.ownerId, caseId: c.id, kind: 'case.reopened', text: `The follow-up found the customer still unhappy: ${c.subject}` });
    } else {
      next = await scheduleFollowUp(q, deps, c, now);
    }
    await audit(q, now, { actorId: actor.id, caseId: c.id, action: 'follow_up.outcome', data: { followUpId: f.id, outcome: input.outcome } });
    const done = await q.query<FollowUp>(`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups f WHERE f.id = $1`, [f.id]);
    return { followUp: done.rows[0], case: await loadCase(q, c.id), next };
  });
}

/** Scheduler job: tells each owner once when a follow-up comes due (SKIP LOCKED: once across processes). */
export async function notifyDueFollowUps(deps: ServiceDeps): Promise<number> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const { rows } = await q.query<{ id: number; caseId: number; ownerId: number; subject: string }>(
      `WITH due AS (
         SELECT f.id FROM follow_ups f WHERE f.status = 'scheduled' AND f.due_notified_at IS NULL AND f.due_at <= $1
         ORDER BY f.due_at LIMIT 100 FOR UPDATE SKIP LOCKED)
       UPDATE follow_ups f SET due_notified_at = $1 FROM due, cases c WHERE f.id = due.id AND c.id = f.case_id
       RETURNING f.id, f.case_id AS "caseId", f.owner_id AS "ownerId", c.subject`,
      [now],
    );
    for (const r of rows) {
      await notify(q, now, { userId: r.ownerId, caseId: r.caseId, kind: 'follow_up.due', text: `Time to call back: ${r.subject}` });
      await emitEvent(q, now, 'follow_up.due', r.caseId, { followUpId: r.id, ownerId: r.ownerId });
    }
    return rows.length;
  });
}
