import type { Queryable } from '../db/db.ts';
import { HttpError, notFound } from '../errors.ts';
import { audit, notify } from './audit.ts';
import { hasRole, type Actor, type ServiceDeps } from './context.ts';
import { accessibleCase, loadCase, TASK_COLUMNS } from './cases.ts';

export interface Task {
  id: number;
  caseId: number;
  createdBy: number;
  team: string;
  what: string;
  dueAt: Date;
  status: 'open' | 'done' | 'cancelled';
  result: string | null;
  completedAt: Date | null;
  completedBy: number | null;
  createdAt: Date;
}

async function loadTask(q: Queryable, id: number, lock = false): Promise<Task> {
  const { rows } = await q.query<Task>(`SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!rows[0]) throw notFound('Task');
  return rows[0];
}

/**
 * The owner asks another team for something (refund approval, warehouse check) by a due date. The case
 * keeps its owner: footwork happens behind the customer, who is never handed over (P10).
 *
 * @example
 * await createTask(deps, agent, caseId, { team: 'Warehouse', what: 'Check whether order 1182 left the dock', dueAt });
 */
export async function createTask(deps: ServiceDeps, actor: Actor, caseId: number, input: { team: string; what: string; dueAt: Date }): Promise<Task> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const c = await accessibleCase(q, actor, caseId);
    if (c.status !== 'open') throw new HttpError(409, 'case_not_open', `This case is ${c.status}.`);
    if (input.dueAt.getTime() <= now.getTime()) throw new HttpError(400, 'due_in_past', 'The due date must be in the future.');
    const { rows } = await q.query<{ id: number }>(
      `INSERT INTO tasks (case_id, created_by, team, what, due_at, status, created_at) VALUES ($1, $2, $3, $4, $5, 'open', $6) RETURNING id`,
      [c.id, actor.id, input.team, input.what, input.dueAt, now],
    );
    await audit(q, now, { actorId: actor.id, caseId: c.id, action: 'task.create', data: { taskId: rows[0].id, team: input.team } });
    return loadTask(q, rows[0].id);
  });
}

/** Whether the actor belongs to the team a task asks (team names compare without regard to case or spaces). */
export function inTaskTeam(actor: Actor, task: Pick<Task, 'team'>): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(actor.team) === norm(task.team);
}

/**
 * Updates a task. The case owner and leads may change anything. The team asked (its members, or an API token
 * acting as one) may complete it and say what they found; nobody else may read or change it, since a task
 * carries the customer's business. Completion reminds the case owner to get back to the customer.
 */
export async function updateTask(
  deps: ServiceDeps,
  actor: Actor,
  taskId: number,
  patch: { status?: 'open' | 'done' | 'cancelled'; result?: string; what?: string; dueAt?: Date },
): Promise<Task> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const task = await loadTask(q, taskId, true);
    const c = await loadCase(q, task.caseId);
    const manager = c.ownerId === actor.id || hasRole(actor, 'lead');
    if (!manager) {
      if (!inTaskTeam(actor, task)) throw new HttpError(403, 'forbidden', 'This task belongs to another agent’s case and asks another team.');
      if (patch.what !== undefined || patch.dueAt !== undefined) throw new HttpError(403, 'forbidden', 'Only the case owner or a lead can change what a task asks or when it is due.');
      if (patch.status === 'cancelled') throw new HttpError(403, 'forbidden', 'Only the case owner or a lead can cancel a task; say what you found in `result` instead.');
      if (patch.status === 'open' && task.status !== 'open') throw new HttpError(403, 'forbidden', 'Only the case owner or a lead can reopen a task.');
    }
    const completing = patch.status === 'done' && task.status !== 'done';
    await q.query(
      `UPDATE tasks SET status = coalesce($2, status), result = coalesce($3, result), what = coalesce($4, what),
         due_at = coalesce($5, due_at),
         late_notified_at = CASE WHEN $5::timestamptz IS NOT NULL THEN NULL ELSE late_notified_at END,
         completed_at = CASE WHEN $6 THEN $7::timestamptz WHEN $2 = 'open' THEN NULL ELSE completed_at END,
         completed_by = CASE WHEN $6 THEN $8::int WHEN $2 = 'open' THEN NULL ELSE completed_by END
       WHERE id = $1`,
      [task.id, patch.status ?? null, patch.result ?? null, patch.what ?? null, patch.dueAt ?? null, completing, now, actor.id],
    );
    await audit(q, now, { actorId: actor.id, caseId: c.id, action: 'task.update', data: { taskId: task.id, status: patch.status } });
    if (completing) {
      const result = patch.result ?? task.result;
      await notify(q, now, {
        userId: c.ownerId,
        caseId: c.id,
        kind: 'task.done',
        text: `${task.team} finished "${task.what}"${result ? `: ${result}` : ''}. Get back to the customer with the result.`,
      });
    }
    return loadTask(q, task.id);
  });
}

/** Tasks of the actor's cases and tasks asking the actor's team (every task for leads), soonest due first. */
export async function listTasks(deps: ServiceDeps, actor: Actor, options: { status?: Task['status'] } = {}): Promise<Task[]> {
  const all = hasRole(actor, 'lead');
  const { rows } = await deps.db.query<Task>(
    `SELECT ${TASK_COLUMNS} FROM tasks t JOIN cases c ON c.id = t.case_id
     WHERE ($1::text IS NULL OR t.status = $1)
       AND ($2 OR c.owner_id = $3 OR lower(regexp_replace(btrim(t.team), '\\s+', ' ', 'g')) = lower(regexp_replace(btrim($4), '\\s+', ' ', 'g')))
     ORDER BY t.due_at LIMIT 500`,
    [options.status ?? null, all, actor.id, actor.team],
  );
  return rows;
}

/**
 * Scheduler job: reminds each case owner once about every task that is past due and still open. Claims rows
 * with FOR UPDATE SKIP LOCKED, so concurrent schedulers never remind twice.
 */
export async function remindLateTasks(deps: ServiceDeps): Promise<number> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const { rows } = await q.query<{ id: number; caseId: number; team: string; what: string; ownerId: number }>(
      `WITH late AS (
         SELECT t.id FROM tasks t WHERE t.status = 'open' AND t.late_notified_at IS NULL AND t.due_at <= $1
         ORDER BY t.due_at LIMIT 100 FOR UPDATE SKIP LOCKED)
       UPDATE tasks t SET late_notified_at = $1 FROM late, cases c
       WHERE t.id = late.id AND c.id = t.case_id
       RETURNING t.id, t.case_id AS "caseId", t.team, t.what, c.owner_id AS "ownerId"`,
      [now],
    );
    for (const t of rows) {
      await notify(q, now, { userId: t.ownerId, caseId: t.caseId, kind: 'task.late', text: `${t.team} has not finished "${t.what}" and it is past due. Chase it, and tell the customer where things stand.` });
    }
    return rows.length;
  });
}
