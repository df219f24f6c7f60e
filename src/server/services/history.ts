import { analyzeMessage, checkReply, type Phase } from '../../engine/index.ts';
import type { DeskImportTarget, HistoricalCase } from '../../importers/desk.ts';
import type { Queryable } from '../db/db.ts';
import { HttpError } from '../errors.ts';
import { audit } from './audit.ts';
import { laterPhase } from './cases.ts';
import type { ServiceDeps } from './context.ts';
import { createCustomer } from './customers.ts';

/** The disabled, password-less user that owns imported history: never picked as an owner, cannot log in. */
const HISTORY_OWNER = { email: 'imported-history@defuse.localhost', name: 'Imported history' };

async function historyOwner(q: Queryable, now: Date): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO users (email, name, role, team, password_hash, disabled, created_at) VALUES ($1, $2, 'agent', 'Import', NULL, true, $3)
     ON CONFLICT (lower(email)) DO UPDATE SET disabled = true RETURNING id`,
    [HISTORY_OWNER.email, HISTORY_OWNER.name, now],
  );
  return rows[0].id;
}

function time(iso: string | undefined, fallback: Date): Date {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? new Date(t) : fallback;
}

const MOVE_PHASE: Record<string, Phase> = { acknowledge: 'acknowledge', empathize: 'acknowledge', apologize: 'apologize', ask: 'ask', offer: 'offer' };

/**
 * Stores an archived conversation as a closed case with its original times: customer messages analysed,
 * replies checked (so history feeds the anger and rule reports and the customer card), and no e-mail,
 * notification, follow-up or queue entry. Idempotent by `externalRef`.
 *
 * @example
 * const target = deskImportTarget(deps);
 * await importIntoDesk(['tickets.json'], target); // from src/importers/desk.ts
 */
export async function importHistoricalCase(deps: ServiceDeps, input: HistoricalCase): Promise<{ caseId: number; created: boolean }> {
  const now = deps.clock.now();
  const messages = input.messages.filter((m) => typeof m.body === 'string' && m.body.trim() && !m.body.includes('\u0000'));
  if (!messages.length) throw new HttpError(400, 'empty_case', 'The conversation has no message text.');
  return deps.db.tx(async (q) => {
    // Serialise imports of the same reference so two importers racing cannot both create it.
    await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [input.externalRef]);
    const existing = await q.query<{ id: number }>('SELECT id FROM cases WHERE external_ref = $1', [input.externalRef]);
    if (existing.rows[0]) return { caseId: existing.rows[0].id, created: false };
    const ownerId = await historyOwner(q, now);
    const email = input.customer.email?.trim() || null;
    const known = email ? await q.query<{ id: number }>('SELECT id FROM customers WHERE lower(email) = lower($1) ORDER BY id LIMIT 1', [email]) : null;
    const customerId = known?.rows[0]?.id ?? (await createCustomer(deps, { name: input.customer.name.slice(0, 200) || 'Unknown customer', email }, q)).id;
    const openedAt = time(input.createdAt ?? messages[0].at, now);
    const { rows } = await q.query<{ id: number }>(
      `INSERT INTO cases (customer_id, owner_id, subject, status, phase, external_ref, created_at, updated_at)
       VALUES ($1, $2, $3, 'closed', 'listen', $4, $5, $5) RETURNING id`,
      [customerId, ownerId, input.subject.slice(0, 200) || '(no subject)', input.externalRef, openedAt],
    );
    const caseId = rows[0].id;
    let phase: Phase = 'listen';
    let lastCustomer: string | undefined;
    let at = openedAt;
    let lastInbound: Date | null = null;
    let lastOutbound: Date | null = null;
    const needs = new Set<string>();
    let issue: { category: string; phrase: string } | undefined;
    for (const m of messages) {
      at = time(m.at, at);
      if (m.direction === 'inbound') {
        const analysis = analyzeMessage(m.body, { customerName: input.customer.name, upsetThreshold: deps.config.upsetThreshold });
        analysis.needs.forEach((n) => needs.add(n.need));
        issue ??= analysis.issues[0];
        lastCustomer = m.body;
        lastInbound = at;
        await q.query(
          `INSERT INTO messages (case_id, direction, body, anger, analysis, created_at) VALUES ($1, 'inbound', $2, $3, $4, $5)`,
          [caseId, m.body, Number.isFinite(analysis.anger) ? analysis.anger : null, JSON.stringify(analysis), at],
        );
      } else {
        const check = checkReply(m.body, { customerMessage: lastCustomer, customerName: input.customer.name, upsetThreshold: deps.config.upsetThreshold });
        phase = laterPhase(phase, check.moves.map((x) => MOVE_PHASE[x.move]).filter(Boolean));
        lastOutbound = at;
        await q.query(
          `INSERT INTO messages (case_id, direction, author_name, body, score, check_result, created_at) VALUES ($1, 'outbound', $2, $3, $4, $5, $6)`,
          [caseId, m.authorName?.slice(0, 200) ?? null, m.body, check.scores.overall, JSON.stringify(check), at],
        );
      }
    }
    await q.query(
      `UPDATE cases SET phase = $2, needs = $3, issue_category = $4, issue_phrase = $5, last_inbound_at = $6, last_outbound_at = $7,
         resolved_at = $8, updated_at = $8 WHERE id = $1`,
      [caseId, phase, [...needs], issue?.category ?? null, issue?.phrase ?? null, lastInbound, lastOutbound, at],
    );
    await audit(q, now, { actorId: null, caseId, action: 'case.import', data: { externalRef: input.externalRef, messages: messages.length } });
    return { caseId, created: true };
  });
}

/**
 * The desk as a target for `importIntoDesk` (src/importers/desk.ts).
 *
 * @example
 * const summary = await importIntoDesk(files, deskImportTarget({ db, clock, config }));
 */
export function deskImportTarget(deps: ServiceDeps): DeskImportTarget {
  return { importHistoricalCase: (input) => importHistoricalCase(deps, input) };
}
