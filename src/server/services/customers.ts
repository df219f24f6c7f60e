import type { Queryable } from '../db/db.ts';
import { forbidden, notFound } from '../errors.ts';
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

/** The customer card: the record plus their case history, newest first. */
export async function customerCard(deps: ServiceDeps, id: number): Promise<Customer & { cases: CustomerCaseSummary[] }> {
  const customer = await getCustomer(deps, id);
  const { rows } = await deps.db.query<CustomerCaseSummary>(
    'SELECT id, subject, status, created_at AS "createdAt", resolved_at AS "resolvedAt" FROM cases WHERE customer_id = $1 ORDER BY id DESC',
    [id],
  );
  return { ...customer, cases: rows };
}

/** Customers matching a name or e-mail fragment, for the "new case" form. */
export async function searchCustomers(deps: ServiceDeps, query: string, limit = 20): Promise<Customer[]> {
  const like = `%${query.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
  const { rows } = await deps.db.query<Row>(`SELECT ${COLUMNS} FROM customers WHERE name ILIKE $1 OR email ILIKE $1 ORDER BY name LIMIT $2`, [like, limit]);
  const now = deps.clock.now();
  return rows.map((r) => shapeCustomer(r, now));
}

/**
 * Corrects a customer record. Agents may edit customers they own a case for; leads and admins any.
 *
 * @example
 * await updateCustomer(deps, agent, customerId, { email: 'ana@example.com' });
 */
export async function updateCustomer(deps: ServiceDeps, actor: Actor, id: number, patch: Partial<CustomerInput>): Promise<Customer> {
  if (!hasRole(actor, 'lead')) {
    const owns = await deps.db.query('SELECT 1 FROM cases WHERE customer_id = $1 AND owner_id = $2 LIMIT 1', [id, actor.id]);
    if (!owns.rowCount) {
      await getCustomer(deps, id);
      throw forbidden('Only the owner of one of this customer’s cases, or a lead, can change the record.');
    }
  }
  const { rows } = await deps.db.query<Row>(
    `UPDATE customers SET name = coalesce($2, name), email = coalesce($3, email), phone = coalesce($4, phone),
       customer_since = coalesce($5::date, customer_since), lifetime_value = coalesce($6, lifetime_value), notes = coalesce($7, notes)
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, patch.name ?? null, patch.email ?? null, patch.phone ?? null, patch.customerSince ?? null, patch.lifetimeValue ?? null, patch.notes ?? null],
  );
  if (!rows[0]) throw notFound('Customer');
  return shapeCustomer(rows[0], deps.clock.now());
}
