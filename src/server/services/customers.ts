import type { Queryable } from '../db/db.ts';
import { forbidden, HttpError, notFound } from '../errors.ts';
import { audit, notify } from './audit.ts';
import { hasRole, type Actor, type ServiceDeps } from './context.ts';

export interface Customer {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  handle: string | null;
  customerSince: string | null;
  /** Whole years since `customerSince`. */
  tenureYears: number | null;
  lifetimeValue: number;
  /** Lifetime value at or above the high-value threshold, or tenure of five years or more. */
  highValue: boolean;
  notes: string;
  createdAt: Date;
}

export interface CustomerInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  handle?: string | null;
  /** ISO date (YYYY-MM-DD) the customer relationship began. */
  customerSince?: string | null;
  lifetimeValue?: number;
  notes?: string;
}

/** Lifetime value from which a customer counts as high value (P18: value the relationship). */
export const HIGH_VALUE = 1000;

const COLUMNS = `id, name, email, phone, handle, to_char(customer_since, 'YYYY-MM-DD') AS "customerSince",
  lifetime_value AS "lifetimeValue", notes, created_at AS "createdAt"`;

type Row = Omit<Customer, 'tenureYears' | 'highValue'>;

export function shapeCustomer(row: Row, now: Date): Customer {
  let tenureYears: number | null = null;
  if (row.customerSince) {
    const since = new Date(row.customerSince + 'T00:00:00Z');
    tenureYears = Math.max(0, Math.floor((now.getTime() - since.getTime()) / (365.25 * 86_400_000)));
  }
  return { ...row, tenureYears, highValue: row.lifetimeValue >= HIGH_VALUE || (tenureYears ?? 0) >= 5 };
}

/**
 * Creates a customer record.
 *
 * @example
 * await createCustomer(deps, { name: 'Ana Silva', email: 'ana@example.com', customerSince: '2019-03-01', lifetimeValue: 2400 });
 */
export async function createCustomer(deps: ServiceDeps, input: CustomerInput, q: Queryable = deps.db): Promise<Customer> {
  const now = deps.clock.now();
  const { rows } = await q.query<Row>(
    `INSERT INTO customers (name, email, phone, handle, customer_since, lifetime_value, notes, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [input.name, input.email ?? null, input.phone ?? null, input.handle ?? null, input.customerSince ?? null, input.lifetimeValue ?? 0, input.notes ?? '', now],
  );
  return shapeCustomer(rows[0], now);
}

export async function getCustomer(deps: ServiceDeps, id: number, q: Queryable = deps.db): Promise<Customer> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM customers WHERE id = $1`, [id]);
  if (!rows[0]) throw notFound('Customer');
  return shapeCustomer(rows[0], deps.clock.now());
}

export interface CustomerCaseSummary {
  id: number;
  subject: string;
  status: string;
  createdAt: Date;
  resolvedAt: Date | null;
}

/** The customer card: the record plus their case history, newest first, and contact changes waiting for confirmation. */
export async function customerCard(deps: ServiceDeps, id: number): Promise<Customer & { cases: CustomerCaseSummary[]; pendingChanges: CustomerChange[] }> {
  const customer = await getCustomer(deps, id);
  const { rows } = await deps.db.query<CustomerCaseSummary>(
    'SELECT id, subject, status, created_at AS "createdAt", resolved_at AS "resolvedAt" FROM cases WHERE customer_id = $1 ORDER BY id DESC',
    [id],
  );
  return { ...customer, cases: rows, pendingChanges: await pendingCustomerChanges(deps.db, id) };
}

/** Customers matching a name or e-mail fragment, for the "new case" form. */
export async function searchCustomers(deps: ServiceDeps, query: string, limit = 20): Promise<Customer[]> {
  const like = `%${query.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
  const { rows } = await deps.db.query<Row>(`SELECT ${COLUMNS} FROM customers WHERE name ILIKE $1 OR email ILIKE $1 ORDER BY name LIMIT $2`, [like, limit]);
  const now = deps.clock.now();
  return rows.map((r) => shapeCustomer(r, now));
}

/** Fields that say how to reach the customer: where the resolution e-mail and the call-back go. */
export const CONTACT_FIELDS = ['email', 'phone', 'handle'] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];

export interface CustomerChange {
  id: number;
  customerId: number;
  requestedBy: number;
  requestedByName: string;
  fields: Partial<Record<ContactField, string>>;
  status: 'pending' | 'confirmed' | 'rejected';
  decidedBy: number | null;
  reason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

const CHANGE_COLUMNS = `x.id, x.customer_id AS "customerId", x.requested_by AS "requestedBy", u.name AS "requestedByName", x.fields, x.status,
  x.decided_by AS "decidedBy", x.reason, x.decided_at AS "decidedAt", x.created_at AS "createdAt"`;

/** Contact changes of a customer still waiting for confirmation, oldest first. */
export async function pendingCustomerChanges(q: Queryable, customerId: number): Promise<CustomerChange[]> {
  const { rows } = await q.query<CustomerChange>(
    `SELECT ${CHANGE_COLUMNS} FROM customer_changes x JOIN users u ON u.id = x.requested_by WHERE x.customer_id = $1 AND x.status = 'pending' ORDER BY x.id`,
    [customerId],
  );
  return rows;
}

/** Owners of the customer's cases in flight (open, or resolved and waiting for the call-back), with one case each. */
async function casesInFlight(q: Queryable, customerId: number): Promise<{ ownerId: number; caseId: number }[]> {
  const { rows } = await q.query<{ ownerId: number; caseId: number }>(
    `SELECT DISTINCT ON (owner_id) owner_id AS "ownerId", id AS "caseId" FROM cases
     WHERE customer_id = $1 AND status IN ('open', 'resolved') ORDER BY owner_id, id DESC`,
    [customerId],
  );
  return rows;
}

const sameValue = (field: string, a: unknown, b: unknown) =>
  field === 'email' && typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

async function lockCustomer(q: Queryable, id: number): Promise<Row> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM customers WHERE id = $1 FOR UPDATE`, [id]);
  if (!rows[0]) throw notFound('Customer');
  return rows[0];
}

async function applyPatch(q: Queryable, id: number, patch: Partial<CustomerInput>): Promise<Row> {
  const { rows } = await q.query<Row>(
    `UPDATE customers SET name = coalesce($2, name), email = coalesce($3, email), phone = coalesce($4, phone), handle = coalesce($5, handle),
       customer_since = coalesce($6::date, customer_since), lifetime_value = coalesce($7, lifetime_value), notes = coalesce($8, notes)
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, patch.name ?? null, patch.email ?? null, patch.phone ?? null, patch.handle ?? null, patch.customerSince ?? null, patch.lifetimeValue ?? null, patch.notes ?? null],
  );
  return rows[0];
}

/** What a patch really changes, as `{ field: { from, to } }` for the audit log. */
function changesOf(before: Row, patch: Partial<CustomerInput>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === null) continue;
    const from = (before as unknown as Record<string, unknown>)[k];
    if (!sameValue(k, from, v)) out[k] = { from, to: v };
  }
  return out;
}

export interface CustomerUpdate extends Customer {
  /** Contact details that wait for confirmation (another agent's case of this customer is in flight). */
  pendingChange: CustomerChange | null;
}

/**
 * Corrects a customer record, with an audit entry naming each changed field. Leads change anything. An agent
 * must own one of the customer's cases; their change of contact details (e-mail, phone, handle) takes effect
 * at once only when every case of the customer in flight is theirs. Otherwise it waits as a pending change
 * that a lead or the owner of one of those cases confirms (`decideCustomerChange`), and those owners are
 * told: opening a case on a colleague's customer must not redirect the colleague's resolution e-mail.
 *
 * @example
 * const r = await updateCustomer(deps, agent, customerId, { email: 'ana@example.com' });
 * r.pendingChange // null when it took effect, else the change waiting for confirmation
 */
export async function updateCustomer(deps: ServiceDeps, actor: Actor, id: number, patch: Partial<CustomerInput>): Promise<CustomerUpdate> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const before = await lockCustomer(q, id);
    const lead = hasRole(actor, 'lead');
    if (!lead) {
      const owns = await q.query('SELECT 1 FROM cases WHERE customer_id = $1 AND owner_id = $2 LIMIT 1', [id, actor.id]);
      if (!owns.rowCount) throw forbidden('Only the owner of one of this customer’s cases, or a lead, can change the record.');
    }
    const changes = changesOf(before, patch);
    const contact = CONTACT_FIELDS.filter((f) => f in changes);
    const others = lead || !contact.length ? [] : (await casesInFlight(q, id)).filter((c) => c.ownerId !== actor.id);
    const direct: Partial<CustomerInput> = Object.fromEntries(Object.keys(changes).filter((f) => !others.length || !contact.includes(f as ContactField)).map((f) => [f, changes[f].to]));
    let row = before;
    if (Object.keys(direct).length) {
      row = await applyPatch(q, id, direct);
      await audit(q, now, { actorId: actor.id, action: 'customer.update', data: { customerId: id, changes: Object.fromEntries(Object.keys(direct).map((f) => [f, changes[f]])) } });
    }
    let pendingChange: CustomerChange | null = null;
    if (others.length) {
      const fields = Object.fromEntries(contact.map((f) => [f, changes[f].to]));
      const { rows } = await q.query<{ id: number }>(
        "INSERT INTO customer_changes (customer_id, requested_by, fields, status, created_at) VALUES ($1, $2, $3, 'pending', $4) RETURNING id",
        [id, actor.id, JSON.stringify(fields), now],
      );
      await audit(q, now, { actorId: actor.id, action: 'customer.change_requested', data: { customerId: id, changeId: rows[0].id, changes: Object.fromEntries(contact.map((f) => [f, changes[f]])) } });
      for (const o of others) {
        await notify(q, now, {
          userId: o.ownerId,
          caseId: o.caseId,
          kind: 'customer.change_requested',
          text: `${actor.name} asks to change ${contact.join(', ')} of ${before.name}, whose case you own. Confirm it with the customer first.`,
        });
      }
      pendingChange = (await pendingCustomerChanges(q, id)).find((c) => c.id === rows[0].id) ?? null;
    }
    return { ...shapeCustomer(row, now), pendingChange };
  });
}

/**
 * Confirms or rejects a pending contact change. A lead may decide, or the owner of one of the customer's
 * cases in flight, never the agent who asked. Audited; the requester is told.
 *
 * @example
 * await decideCustomerChange(deps, owner, changeId, { approve: true, reason: 'She confirmed it on the phone' });
 */
export async function decideCustomerChange(deps: ServiceDeps, actor: Actor, changeId: number, input: { approve: boolean; reason: string }): Promise<Customer> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const { rows } = await q.query<CustomerChange>(`SELECT ${CHANGE_COLUMNS} FROM customer_changes x JOIN users u ON u.id = x.requested_by WHERE x.id = $1`, [changeId]);
    const change = rows[0];
    if (!change) throw notFound('Customer change');
    // The customer first, then the change: the order updateCustomer takes them in, so the two never deadlock.
    let row = await lockCustomer(q, change.customerId);
    const locked = await q.query<{ status: string }>('SELECT status FROM customer_changes WHERE id = $1 FOR UPDATE', [changeId]);
    if (locked.rows[0].status !== 'pending') throw new HttpError(409, 'already_decided', `This change is already ${locked.rows[0].status}.`);
    if (change.requestedBy === actor.id) throw forbidden('You asked for this change; a lead or the owner of another case of this customer confirms it.');
    if (!hasRole(actor, 'lead') && !(await casesInFlight(q, change.customerId)).some((c) => c.ownerId === actor.id)) {
      throw forbidden('Only a lead, or the owner of one of this customer’s cases in flight, can decide this change.');
    }
    if (input.approve) {
      const before = row;
      row = await applyPatch(q, change.customerId, change.fields);
      await audit(q, now, { actorId: actor.id, action: 'customer.change_confirmed', data: { customerId: change.customerId, changeId, reason: input.reason, changes: changesOf(before, change.fields) } });
    } else {
      await audit(q, now, { actorId: actor.id, action: 'customer.change_rejected', data: { customerId: change.customerId, changeId, reason: input.reason } });
    }
    await q.query('UPDATE customer_changes SET status = $2, decided_by = $3, reason = $4, decided_at = $5 WHERE id = $1', [changeId, input.approve ? 'confirmed' : 'rejected', actor.id, input.reason, now]);
    await notify(q, now, {
      userId: change.requestedBy,
      kind: input.approve ? 'customer.change_confirmed' : 'customer.change_rejected',
      text: `${actor.name} ${input.approve ? 'confirmed' : 'turned down'} your change to ${row.name}'s details: ${input.reason}`,
    });
    return shapeCustomer(row, now);
  });
}

/**
 * Records an address given on resolve for a customer who has none on record, under the rule of
 * `updateCustomer`: at once for a lead or the only owner of the cases in flight, else refused.
 */
export async function recordAddressOnResolve(q: Queryable, now: Date, actor: Actor, customerId: number, email: string): Promise<void> {
  if (!hasRole(actor, 'lead') && (await casesInFlight(q, customerId)).some((c) => c.ownerId !== actor.id)) {
    throw new HttpError(403, 'recipient_not_on_record', 'This customer has no e-mail on record and another agent has a case of theirs in flight: add the address on the customer card (the other owner or a lead confirms it), or ask a lead to resolve.');
  }
  await q.query('UPDATE customers SET email = $2 WHERE id = $1', [customerId, email]);
  await audit(q, now, { actorId: actor.id, action: 'customer.update', data: { customerId, source: 'resolve', changes: { email: { from: null, to: email } } } });
}
