import type { Phase } from '../../engine/index.ts';
import { requireRole, type Actor, type ServiceDeps } from './context.ts';
import { HIGH_VALUE } from './customers.ts';

export interface QueueFactor {
  factor: 'anger' | 'value' | 'waiting';
  /** The multiplier this factor contributes to the priority. */
  weight: number;
  text: string;
}

export interface QueueItem {
  caseId: number;
  subject: string;
  phase: Phase;
  ownerId: number;
  ownerName: string;
  customerId: number;
  customerName: string;
  anger: number;
  lifetimeValue: number;
  tenureYears: number | null;
  waitingMinutes: number;
  /** anger weight × value weight × waiting weight, rounded to one decimal. */
  priority: number;
  why: QueueFactor[];
  /** Things the owner owes the customer: finished or late tasks, due follow-ups, pending approvals. */
  flags: string[];
  lastInboundAt: Date | null;
  createdAt: Date;
}

/**
 * Priority weights. Anger: 1 (calm) to 5 (irate). Value: 1 for a new customer, +1 per decade of lifetime
 * value over $100 (log scale, so a $10k customer is not a hundred times a $100 one), +0.5 at five years'
 * tenure. Waiting: 1 when answered, growing with log2 of the hours since the customer's unanswered message.
 */
export function priorityOf(anger: number, lifetimeValue: number, tenureYears: number | null, waitingMinutes: number, previousAnger: number | null = null): { priority: number; why: QueueFactor[] } {
  const a = 1 + 4 * Math.max(0, Math.min(1, anger));
  const v = 1 + Math.log10(1 + Math.max(0, lifetimeValue) / 100) + ((tenureYears ?? 0) >= 5 ? 0.5 : 0);
  const hours = waitingMinutes / 60;
  const w = 1 + Math.log2(1 + hours);
  // The same words and thresholds as the anger meter beside this text (src/web/client/anger.ts), so a row
  // never says "upset" in one column and "annoyed" in the next; a unit test holds the two together.
  const level = anger >= 0.75 ? 'irate' : anger >= 0.5 ? 'angry' : anger >= 0.25 ? 'upset' : anger > 0 ? 'mildly unhappy' : 'calm';
  const money = `$${Math.round(lifetimeValue).toLocaleString('en-US')}`;
  const why: QueueFactor[] = [
    { factor: 'anger', weight: round2(a), text: `Anger ${anger.toFixed(2)} (${level}${trend(anger, previousAnger)})` },
    {
      factor: 'value',
      weight: round2(v),
      text: `Lifetime value ${money}${tenureYears ? `, customer for ${tenureYears} year${tenureYears === 1 ? '' : 's'}` : ''}${lifetimeValue >= HIGH_VALUE || (tenureYears ?? 0) >= 5 ? ' (high value)' : ''}`,
    },
    { factor: 'waiting', weight: round2(w), text: waitingMinutes > 0 ? `Waiting ${formatWait(waitingMinutes)} for a reply` : 'Answered; waiting on us only for follow-through' },
  ];
  return { priority: round(a * v * w), why };
}

/** The direction of the anger trajectory since the customer's previous message, when it moved noticeably. */
function trend(anger: number, previous: number | null): string {
  if (previous === null || Math.abs(anger - previous) < 0.1) return '';
  return anger > previous ? ', rising' : ', calming';
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function formatWait(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}

/**
 * The agent's open cases by priority (anger × customer value × waiting time), each with the why. Leads may
 * ask for the whole desk with scope 'all'.
 *
 * @example
 * const [top] = await queue(deps, agent);
 * top.why.map((w) => w.text) // ['Anger 0.75 (irate)', 'Lifetime value $4,200 (high value)', 'Waiting 3 h for a reply']
 */
export async function queue(deps: ServiceDeps, actor: Actor, options: { scope?: 'mine' | 'all' } = {}): Promise<QueueItem[]> {
  if (options.scope === 'all') requireRole(actor, 'lead');
  const now = deps.clock.now();
  const { rows } = await deps.db.query<{
    caseId: number; subject: string; phase: Phase; ownerId: number; ownerName: string; customerId: number; customerName: string;
    anger: number | null; previousAnger: number | null; lifetimeValue: number; customerSince: string | null; lastInboundAt: Date | null; lastOutboundAt: Date | null; createdAt: Date;
    tasksDone: number; tasksLate: number; followUpDue: boolean; pendingApprovals: number;
  }>(
    `SELECT c.id AS "caseId", c.subject, c.phase, c.owner_id AS "ownerId", u.name AS "ownerName", cu.id AS "customerId", cu.name AS "customerName",
       (SELECT m.anger FROM messages m WHERE m.case_id = c.id AND m.direction = 'inbound' ORDER BY m.id DESC LIMIT 1) AS anger,
       (SELECT m.anger FROM messages m WHERE m.case_id = c.id AND m.direction = 'inbound' ORDER BY m.id DESC OFFSET 1 LIMIT 1) AS "previousAnger",
       cu.lifetime_value AS "lifetimeValue", to_char(cu.customer_since, 'YYYY-MM-DD') AS "customerSince",
       c.last_inbound_at AS "lastInboundAt", c.last_outbound_at AS "lastOutboundAt", c.created_at AS "createdAt",
       (SELECT count(*) FROM tasks t WHERE t.case_id = c.id AND t.status = 'done' AND t.completed_at > coalesce(c.last_outbound_at, '-infinity'))::int AS "tasksDone",
       (SELECT count(*) FROM tasks t WHERE t.case_id = c.id AND t.status = 'open' AND t.due_at <= $3)::int AS "tasksLate",
       EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id AND f.status = 'scheduled' AND f.due_at <= $3) AS "followUpDue",
       (SELECT count(*) FROM offers o WHERE o.case_id = c.id AND o.status = 'pending_approval')::int AS "pendingApprovals"
     FROM cases c JOIN users u ON u.id = c.owner_id JOIN customers cu ON cu.id = c.customer_id
     WHERE c.status = 'open' AND ($1 OR c.owner_id = $2)
     LIMIT 1000`,
    [options.scope === 'all', actor.id, now],
  );
  const items = rows.map((r) => {
    const tenureYears = r.customerSince ? Math.max(0, Math.floor((now.getTime() - Date.parse(r.customerSince + 'T00:00:00Z')) / (365.25 * 86_400_000))) : null;
    const unanswered = r.lastInboundAt && (!r.lastOutboundAt || r.lastInboundAt > r.lastOutboundAt);
    const waitingMinutes = unanswered ? Math.max(0, (now.getTime() - r.lastInboundAt!.getTime()) / 60_000) : 0;
    const anger = r.anger ?? 0;
    const { priority, why } = priorityOf(anger, r.lifetimeValue, tenureYears, waitingMinutes, r.previousAnger);
    const flags: string[] = [];
    if (r.tasksDone) flags.push(`${r.tasksDone} task${r.tasksDone > 1 ? 's' : ''} finished: get back to the customer`);
    if (r.tasksLate) flags.push(`${r.tasksLate} task${r.tasksLate > 1 ? 's' : ''} late: chase and update the customer`);
    if (r.followUpDue) flags.push('Follow-up call due');
    if (r.pendingApprovals) flags.push('Waiting for a lead to approve an offer');
    return {
      caseId: r.caseId, subject: r.subject, phase: r.phase, ownerId: r.ownerId, ownerName: r.ownerName, customerId: r.customerId,
      customerName: r.customerName, anger, lifetimeValue: r.lifetimeValue, tenureYears, waitingMinutes: Math.round(waitingMinutes),
      priority, why, flags, lastInboundAt: r.lastInboundAt, createdAt: r.createdAt,
    };
  });
  return items.sort((a, b) => b.priority - a.priority || a.createdAt.getTime() - b.createdAt.getTime());
}
