import { requireRole, type Actor, type ServiceDeps } from './context.ts';

export interface ReportRange {
  from: Date;
  to: Date;
  bucket: 'day' | 'week';
}

/** Default range: the last 30 days by day, up to and including this moment (ranges are [from, to)). */
export function defaultRange(now: Date, partial: Partial<ReportRange> = {}): ReportRange {
  return { from: partial.from ?? new Date(now.getTime() - 30 * 86_400_000), to: partial.to ?? new Date(now.getTime() + 1000), bucket: partial.bucket ?? 'day' };
}

// Buckets are UTC calendar days or ISO weeks (Monday), labelled by their first day.
const bucketSql = (col: string) => `to_char(date_trunc($3, ${col} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;

/** Average customer anger per bucket, and the share of messages that were upset. */
export async function angerOverTime(deps: ServiceDeps, actor: Actor, r: ReportRange) {
  requireRole(actor, 'lead');
  const { rows } = await deps.db.query<{ bucket: string; messages: number; avgAnger: number; upsetShare: number }>(
    `SELECT ${bucketSql('m.created_at')} AS bucket, count(*)::int AS messages, round(avg(m.anger)::numeric, 3) AS "avgAnger",
       round(avg(CASE WHEN (m.analysis->>'upset')::boolean THEN 1 ELSE 0 END)::numeric, 3) AS "upsetShare"
     FROM messages m WHERE m.direction = 'inbound' AND m.anger IS NOT NULL AND m.created_at >= $1 AND m.created_at < $2
     GROUP BY 1 ORDER BY 1`,
    [r.from, r.to, r.bucket],
  );
  return { range: r, series: rows };
}

/** Playbook score of agents' replies: average per agent over the range, and per bucket. */
export async function playbookByAgent(deps: ServiceDeps, actor: Actor, r: ReportRange) {
  requireRole(actor, 'lead');
  const agents = await deps.db.query<{ agentId: number; name: string; replies: number; avgScore: number; errors: number }>(
    `SELECT u.id AS "agentId", u.name, count(*)::int AS replies, round(avg(m.score)::numeric, 1) AS "avgScore",
       coalesce(sum((SELECT count(*) FROM jsonb_array_elements(m.check_result->'findings') f WHERE f->>'severity' = 'error')), 0)::int AS errors
     FROM messages m JOIN users u ON u.id = m.author_id
     WHERE m.direction = 'outbound' AND m.score IS NOT NULL AND m.created_at >= $1 AND m.created_at < $2
     GROUP BY u.id, u.name ORDER BY "avgScore" DESC`,
    [r.from, r.to],
  );
  const series = await deps.db.query<{ bucket: string; agentId: number; avgScore: number; replies: number }>(
    `SELECT ${bucketSql('m.created_at')} AS bucket, m.author_id AS "agentId", round(avg(m.score)::numeric, 1) AS "avgScore", count(*)::int AS replies
     FROM messages m WHERE m.direction = 'outbound' AND m.score IS NOT NULL AND m.author_id IS NOT NULL AND m.created_at >= $1 AND m.created_at < $2
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [r.from, r.to, r.bucket],
  );
  return { range: r, agents: agents.rows, series: series.rows };
}

/** How often each rule fired on agents' replies, most frequent first. */
export async function playbookByRule(deps: ServiceDeps, actor: Actor, r: ReportRange) {
  requireRole(actor, 'lead');
  const total = await deps.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM messages WHERE direction = 'outbound' AND check_result IS NOT NULL AND created_at >= $1 AND created_at < $2`,
    [r.from, r.to],
  );
  const { rows } = await deps.db.query<{ ruleId: string; principle: string; severity: string; findings: number; replies: number }>(
    `SELECT f->>'ruleId' AS "ruleId", min(f->>'principle') AS principle, min(f->>'severity') AS severity,
       count(*)::int AS findings, count(DISTINCT m.id)::int AS replies
     FROM messages m, jsonb_array_elements(m.check_result->'findings') f
     WHERE m.direction = 'outbound' AND m.created_at >= $1 AND m.created_at < $2
     GROUP BY 1 ORDER BY findings DESC, 1`,
    [r.from, r.to],
  );
  const replies = total.rows[0].n;
  return { range: r, replies, rules: rows.map((x) => ({ ...x, share: replies ? Math.round((x.replies / replies) * 1000) / 1000 : 0 })) };
}

/** Reassignments: per bucket, per agent who gave the case away, and the latest with reasons. */
export async function transfersReport(deps: ServiceDeps, actor: Actor, r: ReportRange) {
  requireRole(actor, 'lead');
  const [series, byAgent, recent, cases] = await Promise.all([
    deps.db.query<{ bucket: string; transfers: number }>(
      `SELECT ${bucketSql('t.created_at')} AS bucket, count(*)::int AS transfers FROM transfers t WHERE t.created_at >= $1 AND t.created_at < $2 GROUP BY 1 ORDER BY 1`,
      [r.from, r.to, r.bucket],
    ),
    deps.db.query<{ agentId: number; name: string; transfers: number }>(
      `SELECT u.id AS "agentId", u.name, count(*)::int AS transfers FROM transfers t JOIN users u ON u.id = t.from_user
       WHERE t.created_at >= $1 AND t.created_at < $2 GROUP BY u.id, u.name ORDER BY transfers DESC`,
      [r.from, r.to],
    ),
    deps.db.query(
      `SELECT t.id, t.case_id AS "caseId", f.name AS "fromName", tu.name AS "toName", b.name AS "byName", t.reason, t.created_at AS "createdAt"
       FROM transfers t JOIN users f ON f.id = t.from_user JOIN users tu ON tu.id = t.to_user JOIN users b ON b.id = t.by_user
       WHERE t.created_at >= $1 AND t.created_at < $2 ORDER BY t.id DESC LIMIT 50`,
      [r.from, r.to],
    ),
    deps.db.query<{ cases: number; transferred: number }>(
      `SELECT count(*)::int AS cases, count(*) FILTER (WHERE transfer_count > 0)::int AS transferred FROM cases WHERE created_at >= $1 AND created_at < $2`,
      [r.from, r.to],
    ),
  ]);
  const total = series.rows.reduce((s, x) => s + x.transfers, 0);
  return { range: r, total, casesOpened: cases.rows[0].cases, casesTransferred: cases.rows[0].transferred, series: series.rows, byAgent: byAgent.rows, recent: recent.rows };
}

/**
 * Follow-ups by due bucket: done on time (within a day of due), done late, still open and overdue, and what
 * the calls found.
 */
export async function followUpsReport(deps: ServiceDeps, actor: Actor, r: ReportRange) {
  requireRole(actor, 'lead');
  const now = deps.clock.now();
  const { rows } = await deps.db.query<{ bucket: string; due: number; onTime: number; late: number; overdue: number; satisfied: number; stillUnhappy: number; noAnswer: number }>(
    `SELECT ${bucketSql('f.due_at')} AS bucket, count(*)::int AS due,
       count(*) FILTER (WHERE f.status = 'done' AND f.completed_at <= f.due_at + interval '1 day')::int AS "onTime",
       count(*) FILTER (WHERE f.status = 'done' AND f.completed_at > f.due_at + interval '1 day')::int AS late,
       count(*) FILTER (WHERE f.status = 'scheduled' AND f.due_at + interval '1 day' < $4)::int AS overdue,
       count(*) FILTER (WHERE f.outcome = 'satisfied')::int AS satisfied,
       count(*) FILTER (WHERE f.outcome = 'still_unhappy')::int AS "stillUnhappy",
       count(*) FILTER (WHERE f.outcome = 'no_answer')::int AS "noAnswer"
     FROM follow_ups f WHERE f.due_at >= $1 AND f.due_at < $2 AND f.status <> 'cancelled' GROUP BY 1 ORDER BY 1`,
    [r.from, r.to, r.bucket, now],
  );
  const sum = (k: keyof (typeof rows)[number]) => rows.reduce((s, x) => s + (x[k] as number), 0);
  const done = sum('onTime') + sum('late');
  return { range: r, totals: { due: sum('due'), done, onTime: sum('onTime'), overdue: sum('overdue'), onTimeRate: done ? Math.round((sum('onTime') / done) * 1000) / 1000 : null }, series: rows };
}

/** Process gaps rolled up by cause, by team, and by bucket × cause. */
export async function processGapsReport(deps: ServiceDeps, actor: Actor, r: ReportRange) {
  requireRole(actor, 'lead');
  const [byCause, byTeam, series] = await Promise.all([
    deps.db.query<{ cause: string; gaps: number }>(
      'SELECT cause, count(*)::int AS gaps FROM process_gaps WHERE created_at >= $1 AND created_at < $2 GROUP BY cause ORDER BY gaps DESC, cause',
      [r.from, r.to],
    ),
    deps.db.query<{ team: string; gaps: number; causes: string[] }>(
      'SELECT team, count(*)::int AS gaps, array_agg(DISTINCT cause) AS causes FROM process_gaps WHERE created_at >= $1 AND created_at < $2 GROUP BY team ORDER BY gaps DESC, team',
      [r.from, r.to],
    ),
    deps.db.query<{ bucket: string; cause: string; team: string; gaps: number }>(
      `SELECT ${bucketSql('created_at')} AS bucket, cause, team, count(*)::int AS gaps FROM process_gaps WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [r.from, r.to, r.bucket],
    ),
  ]);
  return { range: r, byCause: byCause.rows, byTeam: byTeam.rows, series: series.rows };
}
