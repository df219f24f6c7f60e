import type { Need, OptionOffer } from '../../engine/index.ts';
import type { Queryable } from '../db/db.ts';
import { HttpError, notFound } from '../errors.ts';
import { audit, notify, notifyCoalesced } from './audit.ts';
import { requireRole, type Actor, type Role, type ServiceDeps } from './context.ts';
import { accessibleCase, loadCase, OFFER_COLUMNS, PHASES } from './cases.ts';

export interface CatalogueOption {
  id: number;
  key: string;
  label: string;
  kind: string;
  need: Need;
  unit: string | null;
  phrase: string;
  limits: { role: Role; allowed: boolean; maxAmount: number | null }[];
}

export interface OptionForActor extends CatalogueOption {
  /** What the actor may offer alone: `allowed` false means every offer of it needs a lead's approval. */
  authority: { allowed: boolean; maxAmount: number | null };
  /** Serves one of the case's needs (timing → shipping, money → discount/credit). */
  suggested: boolean;
}

// Needs that a remedy for another need also serves: an upset customer asking for money is often
// asking for acknowledgement, and a replacement also fixes timing when it ships first.
const RELATED: Partial<Record<Need, Need[]>> = { replacement: ['timing'], escalation: ['acknowledgement'] };

async function catalogue(q: Queryable): Promise<CatalogueOption[]> {
  const { rows } = await q.query<CatalogueOption>(
    `SELECT o.id, o.key, o.label, o.kind, o.need, o.unit, o.phrase,
       coalesce(json_agg(json_build_object('role', l.role, 'allowed', l.allowed, 'maxAmount', l.max_amount) ORDER BY l.role) FILTER (WHERE l.role IS NOT NULL), '[]') AS limits
     FROM options o LEFT JOIN option_limits l ON l.option_id = o.id WHERE o.active GROUP BY o.id ORDER BY o.id`,
  );
  return rows;
}

function authorityOf(option: CatalogueOption, role: Role): { allowed: boolean; maxAmount: number | null } {
  const l = option.limits.find((x) => x.role === role);
  return l ? { allowed: l.allowed, maxAmount: l.maxAmount === null ? null : Number(l.maxAmount) } : { allowed: false, maxAmount: null };
}

function suggests(option: CatalogueOption, needs: readonly Need[]): boolean {
  return needs.some((n) => n === option.need || (RELATED[option.need] ?? []).includes(n));
}

/**
 * The catalogue as the actor sees it: each remedy with the actor's authority and whether it fits the case's
 * needs; suggested ones first.
 *
 * @example
 * const opts = await optionsFor(deps, agent, caseId);
 * opts[0].suggested // true for expedited shipping when the customer needs it sooner
 */
export async function optionsFor(deps: ServiceDeps, actor: Actor, caseId?: number): Promise<OptionForActor[]> {
  const needs = caseId !== undefined ? (await accessibleCase(deps.db, actor, caseId)).needs : [];
  const list = (await catalogue(deps.db)).map((o) => ({ ...o, authority: authorityOf(o, actor.role), suggested: suggests(o, needs) }));
  return list.sort((a, b) => Number(b.suggested) - Number(a.suggested) || a.id - b.id);
}

/** The options that fit these needs, in the shape the engine's reply context takes. */
export async function suggestedOfferContext(q: Queryable, needs: readonly Need[]): Promise<OptionOffer[]> {
  if (needs.length === 0) return [];
  return (await catalogue(q))
    .filter((o) => suggests(o, needs))
    .map((o) => ({ id: o.key, label: o.label, need: o.need, phrase: o.phrase.replace(/\$?\{amount\}%?\s*/g, '').replace(/\s+/g, ' ').trim() }));
}

/** Whether `role` may offer `amount` of this option without approval, looking at this offer alone. */
export function withinAuthority(option: CatalogueOption, role: Role, amount: number | null): boolean {
  const a = authorityOf(option, role);
  if (!a.allowed) return false;
  if (option.unit === null || a.maxAmount === null) return true;
  return amount !== null && amount <= a.maxAmount;
}

/** Most requests for approval one case may have waiting at once; more is noise for the leads, not a remedy. */
export const MAX_PENDING_PER_CASE = 10;

/** Why an offer needs a lead: the option is not the role's to give, or the amount, alone or added up, is past the limit. */
export type AuthorityGap = 'not_allowed' | 'over_limit' | 'case_total' | 'customer_total';

/**
 * Checks an amount against the role's limit as a total: what this option already gives on the case (ever),
 * and to the customer across all their cases over the last AUTHORITY_PERIOD_DAYS, plus this amount. The
 * caller holds the case and customer rows locked, so concurrent offers are counted one after another.
 * `counted` says which offers count: for a new offer, granted and waiting ones; for a lead's decision, granted ones.
 *
 * @example
 * await authorityGap(q, deps, option, 'agent', { caseId, customerId }, 50, ['offered', 'accepted', 'pending_approval']) // 'case_total' after a first $50 refund
 */
export async function authorityGap(
  q: Queryable,
  deps: ServiceDeps,
  option: CatalogueOption,
  role: Role,
  where: { caseId: number; customerId: number; excludeOfferId?: number },
  amount: number | null,
  counted: Offer['status'][],
): Promise<AuthorityGap | null> {
  const a = authorityOf(option, role);
  if (!a.allowed) return 'not_allowed';
  if (option.unit === null || a.maxAmount === null) return null;
  if (amount === null || amount > a.maxAmount) return 'over_limit';
  const since = new Date(deps.clock.now().getTime() - deps.config.authorityPeriodDays * 86_400_000);
  const { rows } = await q.query<{ onCase: number; forCustomer: number }>(
    `SELECT coalesce(sum(o.amount) FILTER (WHERE o.case_id = $2), 0) AS "onCase",
       coalesce(sum(o.amount) FILTER (WHERE o.created_at >= $4), 0) AS "forCustomer"
     FROM offers o JOIN cases c ON c.id = o.case_id
     WHERE o.option_id = $1 AND c.customer_id = $3 AND o.status = ANY($5) AND ($6::int IS NULL OR o.id <> $6)`,
    [option.id, where.caseId, where.customerId, since, counted, where.excludeOfferId ?? null],
  );
  if (rows[0].onCase + amount > a.maxAmount) return 'case_total';
  if (rows[0].forCustomer + amount > a.maxAmount) return 'customer_total';
  return null;
}

/** Locks the customer row, so offers on any of their cases are counted one transaction at a time. */
async function lockCustomerOf(q: Queryable, customerId: number): Promise<void> {
  await q.query('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [customerId]);
}

export interface Offer {
  id: number;
  caseId: number;
  optionId: number;
  optionKey: string;
  label: string;
  kind: string;
  unit: string | null;
  amount: number | null;
  note: string;
  status: 'pending_approval' | 'offered' | 'rejected' | 'accepted' | 'declined';
  offeredBy: number;
  withinAuthority: boolean;
  decidedBy: number | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

async function loadOffer(q: Queryable, id: number, lock = false): Promise<Offer> {
  const { rows } = await q.query<Offer>(`SELECT ${OFFER_COLUMNS} FROM offers o JOIN options p ON p.id = o.option_id WHERE o.id = $1${lock ? ' FOR UPDATE OF o' : ''}`, [id]);
  if (!rows[0]) throw notFound('Offer');
  return rows[0];
}

/**
 * Offers a remedy on a case. Within the actor's authority it is offered at once; beyond it, it waits for a
 * lead's approval (every lead is notified) — "bending a rule" with a record of who allowed it.
 *
 * @example
 * const o = await makeOffer(deps, agent, caseId, { optionKey: 'discount', amount: 25 });
 * o.status // 'pending_approval' (agents may give 10%)
 */
export async function makeOffer(deps: ServiceDeps, actor: Actor, caseId: number, input: { optionId?: number; optionKey?: string; amount?: number | null; note?: string }): Promise<Offer> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const c = await accessibleCase(q, actor, caseId, true);
    if (c.status !== 'open') throw new HttpError(409, 'case_not_open', `This case is ${c.status}; reopen it before offering anything.`);
    const option = (await catalogue(q)).find((o) => o.id === input.optionId || o.key === input.optionKey);
    if (!option) throw new HttpError(422, 'unknown_option', 'No active option with that id or key.');
    const amount = input.amount ?? null;
    if (option.unit !== null && amount === null) throw new HttpError(400, 'amount_required', `${option.label} needs an amount in ${option.unit}.`);
    if (option.unit === null && amount !== null) throw new HttpError(400, 'amount_not_applicable', `${option.label} takes no amount.`);
    await lockCustomerOf(q, c.customerId);
    const gap = await authorityGap(q, deps, option, actor.role, { caseId: c.id, customerId: c.customerId }, amount, ['offered', 'accepted', 'pending_approval']);
    const within = gap === null;
    if (!within) {
      const waiting = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM offers WHERE case_id = $1 AND status = 'pending_approval'", [c.id]);
      if (waiting.rows[0].n >= MAX_PENDING_PER_CASE) {
        throw new HttpError(409, 'too_many_pending', `${waiting.rows[0].n} offers on this case already wait for a lead; wait for their decision first.`);
      }
    }
    const { rows } = await q.query<{ id: number }>(
      `INSERT INTO offers (case_id, option_id, amount, note, status, offered_by, within_authority, decided_by, decided_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [c.id, option.id, amount, input.note ?? '', within ? 'offered' : 'pending_approval', actor.id, within, within ? actor.id : null, within ? now : null, now],
    );
    const id = rows[0].id;
    await audit(q, now, { actorId: actor.id, caseId: c.id, action: within ? 'offer.make' : 'offer.request_approval', data: { offerId: id, option: option.key, amount, ...(gap ? { why: gap } : {}) } });
    if (within) {
      if (PHASES.indexOf(c.phase) < PHASES.indexOf('offer')) await q.query("UPDATE cases SET phase = 'offer', updated_at = $2 WHERE id = $1", [c.id, now]);
    } else {
      const leads = await q.query<{ id: number }>("SELECT id FROM users WHERE role IN ('lead', 'admin') AND NOT disabled AND id <> $1", [actor.id]);
      const what = `${option.label}${amount !== null ? ` (${amount}${option.unit === '%' ? '%' : ' ' + option.unit})` : ''}`;
      const waiting = (await q.query<{ n: number }>("SELECT count(*)::int AS n FROM offers WHERE case_id = $1 AND status = 'pending_approval'", [c.id])).rows[0].n;
      const text = `${actor.name} asks to offer ${what} on case #${c.id}; ${waiting} offer${waiting === 1 ? ' waits' : 's wait'} for approval there.`;
      for (const l of leads.rows) await notifyCoalesced(q, now, { userId: l.id, caseId: c.id, kind: 'approval.requested', text });
    }
    return loadOffer(q, id);
  });
}

/** Offers waiting for a lead, oldest first. */
export async function pendingApprovals(deps: ServiceDeps, actor: Actor): Promise<(Offer & { caseSubject: string; offeredByName: string })[]> {
  requireRole(actor, 'lead');
  const { rows } = await deps.db.query<Offer & { caseSubject: string; offeredByName: string }>(
    `SELECT ${OFFER_COLUMNS}, c.subject AS "caseSubject", u.name AS "offeredByName" FROM offers o JOIN options p ON p.id = o.option_id
     JOIN cases c ON c.id = o.case_id JOIN users u ON u.id = o.offered_by WHERE o.status = 'pending_approval' ORDER BY o.created_at`,
  );
  return rows;
}

/**
 * A lead approves or rejects an offer beyond the agent's authority; the approver's own limit must cover it.
 * The decision, who made it and why are stored on the offer and audited; the agent is notified.
 *
 * @example
 * await decideApproval(deps, lead, offerId, { approve: true, reason: 'Six-year customer, second failure' });
 */
export async function decideApproval(deps: ServiceDeps, actor: Actor, offerId: number, input: { approve: boolean; reason: string }): Promise<Offer> {
  requireRole(actor, 'lead');
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const offer = await loadOffer(q, offerId, true);
    if (offer.status !== 'pending_approval') throw new HttpError(409, 'not_pending', `This offer is already ${offer.status}.`);
    const c = await loadCase(q, offer.caseId, true);
    if (input.approve) {
      await lockCustomerOf(q, c.customerId);
      const option = (await catalogue(q)).find((o) => o.id === offer.optionId);
      // The approver's limit covers the total granted on the case and to the customer in the period, this included.
      const gap = option ? await authorityGap(q, deps, option, actor.role, { caseId: c.id, customerId: c.customerId, excludeOfferId: offer.id }, offer.amount, ['offered', 'accepted']) : 'not_allowed';
      if (gap) throw new HttpError(403, 'beyond_authority', 'This is beyond your own authority too (counting what this customer was already given); an admin must approve it.', { why: gap });
    }
    await q.query('UPDATE offers SET status = $2, decided_by = $3, decision_reason = $4, decided_at = $5 WHERE id = $1', [offer.id, input.approve ? 'offered' : 'rejected', actor.id, input.reason, now]);
    if (input.approve && PHASES.indexOf(c.phase) < PHASES.indexOf('offer')) await q.query("UPDATE cases SET phase = 'offer' WHERE id = $1", [c.id]);
    await audit(q, now, { actorId: actor.id, caseId: offer.caseId, action: input.approve ? 'offer.approve' : 'offer.reject', data: { offerId: offer.id, reason: input.reason } });
    await notify(q, now, {
      userId: offer.offeredBy,
      caseId: offer.caseId,
      kind: input.approve ? 'approval.granted' : 'approval.rejected',
      text: `${actor.name} ${input.approve ? 'approved' : 'turned down'} ${offer.label} on case #${offer.caseId}: ${input.reason}`,
    });
    return loadOffer(q, offer.id);
  });
}

/** Records the customer's answer to an offer; an accepted offer moves the case to the 'agree' phase. */
export async function answerOffer(deps: ServiceDeps, actor: Actor, offerId: number, answer: 'accepted' | 'declined'): Promise<Offer> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const offer = await loadOffer(q, offerId, true);
    const c = await accessibleCase(q, actor, offer.caseId, true);
    // What was agreed is settled by the resolution; an answer after it would change a closed record.
    if (c.status !== 'open') throw new HttpError(409, 'case_not_open', `This case is ${c.status}; reopen it before recording an answer.`);
    if (offer.status !== 'offered') throw new HttpError(409, 'not_offered', `Only an offer made to the customer can be answered; this one is ${offer.status.replace('_', ' ')}.`);
    await q.query('UPDATE offers SET status = $2 WHERE id = $1', [offer.id, answer]);
    if (answer === 'accepted' && PHASES.indexOf(c.phase) < PHASES.indexOf('agree')) await q.query("UPDATE cases SET phase = 'agree', updated_at = $2 WHERE id = $1", [c.id, now]);
    await audit(q, now, { actorId: actor.id, caseId: c.id, action: `offer.${answer}`, data: { offerId: offer.id } });
    return loadOffer(q, offer.id);
  });
}

