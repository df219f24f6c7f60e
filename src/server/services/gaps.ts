import { HttpError } from '../errors.ts';
import { audit } from './audit.ts';
import type { Actor, ServiceDeps } from './context.ts';
import { accessibleCase } from './cases.ts';

export interface ProcessGap {
  id: number;
  caseId: number;
  cause: string;
  team: string;
  note: string;
  createdBy: number;
  createdAt: Date;
}

/** Causes the desk suggests; any short text is accepted so teams can name their own. */
export const COMMON_CAUSES = ['Late delivery', 'Damaged in transit', 'Billing error', 'Unclear policy', 'Product defect', 'Website bug', 'Slow refund', 'Wrong item', 'Account access'];

/** Cause and team are compared case-insensitively and with spaces squeezed, so roll-ups don't split. */
function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Tags a case with a process gap: the root cause and the team that owns it (P19), for leads' roll-ups.
 *
 * @example
 * await recordGap(deps, agent, caseId, { cause: 'Late delivery', team: 'Logistics', note: 'Carrier missed two pickups' });
 */
export async function recordGap(deps: ServiceDeps, actor: Actor, caseId: number, input: { cause: string; team: string; note?: string }): Promise<ProcessGap> {
  const now = deps.clock.now();
  const cause = tidy(input.cause);
  const team = tidy(input.team);
  if (!cause || !team) throw new HttpError(400, 'invalid', 'Cause and team must not be blank.');
  return deps.db.tx(async (q) => {
    const c = await accessibleCase(q, actor, caseId);
    // Reuse the spelling already on record so "late delivery" and "Late Delivery" roll up together.
    const known = await q.query<{ cause: string | null; team: string | null }>(
      `SELECT (SELECT cause FROM process_gaps WHERE lower(cause) = lower($1) ORDER BY id LIMIT 1) AS cause,
              (SELECT team FROM process_gaps WHERE lower(team) = lower($2) ORDER BY id LIMIT 1) AS team`,
      [cause, team],
    );
    const { rows } = await q.query<ProcessGap>(
      `INSERT INTO process_gaps (case_id, cause, team, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, case_id AS "caseId", cause, team, note, created_by AS "createdBy", created_at AS "createdAt"`,
      [c.id, known.rows[0].cause ?? cause, known.rows[0].team ?? team, input.note ?? '', actor.id, now],
    );
    await audit(q, now, { actorId: actor.id, caseId: c.id, action: 'gap.record', data: { gapId: rows[0].id } });
    return rows[0];
  });
}
