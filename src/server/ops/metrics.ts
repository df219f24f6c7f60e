/**
 * Prometheus metrics (prom-client): request latency by route, the check endpoint's latency, and gauges read
 * from PostgreSQL at scrape time (queue depth, outbox backlog and age, job lag). The gauges come from the
 * shared tables, so every server process reports the same desk-wide figures; the request histograms are per
 * process, and Prometheus adds them up across instances.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';

/** Latency buckets in seconds: the desk's API answers in milliseconds, a big check or a report in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface DeskMetrics {
  registry: Registry;
  /** Records one finished request; `route` is the matched pattern (`/api/cases/:id`), never the raw path. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
}

/**
 * Builds the registry. Scrape-time gauges query `db` with `clock`'s now; a failing query leaves that gauge
 * out of one scrape rather than failing it.
 *
 * @example
 * const metrics = createMetrics({ db, clock: systemClock });
 * metrics.observeRequest('GET', '/api/queue', 200, 0.012);
 * await metrics.registry.metrics(); // Prometheus text format
 */
export function createMetrics(deps: { db: Db; clock: Clock; defaultMetrics?: boolean }): DeskMetrics {
  const registry = new Registry();
  if (deps.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'defuse_' });
  const http = new Histogram({ name: 'defuse_http_request_duration_seconds', help: 'HTTP request latency by method, route pattern and status.', labelNames: ['method', 'route', 'status'], buckets: BUCKETS, registers: [registry] });
  const requests = new Counter({ name: 'defuse_http_requests_total', help: 'HTTP requests by method, route pattern and status.', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const check = new Histogram({ name: 'defuse_check_duration_seconds', help: 'Latency of coaching a draft through POST /api/check (analysis and checkReply on the server).', labelNames: ['status'], buckets: BUCKETS, registers: [registry] });
  const now = () => deps.clock.now();
  const gauge = (name: string, help: string, labelNames: string[], read: (g: Gauge) => Promise<void>) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        try {
          await read(this);
        } catch {
          /* database down: /readyz says so; this scrape goes on without the gauge */
        }
      },
    });
  gauge('defuse_queue_depth', 'Open cases waiting in the desk queue.', [], async (g) => {
    const { rows } = await deps.db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE status = 'open'");
    g.set(rows[0].n);
  });
  gauge('defuse_outbox_backlog', 'E-mails in the outbox by status (pending: not delivered yet; failed: given up after the last retry).', ['status'], async (g) => {
    const { rows } = await deps.db.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM outbox WHERE status IN ('pending', 'failed') GROUP BY status");
    g.reset();
    g.set({ status: 'pending' }, 0);
    g.set({ status: 'failed' }, 0);
    for (const r of rows) g.set({ status: r.status }, r.n);
  });
  gauge('defuse_outbox_oldest_pending_age_seconds', 'Age of the oldest e-mail not delivered yet (0 when none waits).', [], async (g) => {
    const { rows } = await deps.db.query<{ t: Date | null }>("SELECT min(created_at) AS t FROM outbox WHERE status = 'pending'");
    g.set(rows[0].t ? Math.max(0, (now().getTime() - rows[0].t.getTime()) / 1000) : 0);
  });
  gauge('defuse_job_lag_seconds', 'How long the oldest piece of due scheduled work has been waiting (0: the scheduler is keeping up).', ['job'], async (g) => {
    const at = now();
    const { rows } = await deps.db.query<{ job: string; t: Date | null }>(
      `SELECT 'outbox' AS job, min(next_attempt_at) AS t FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1
       UNION ALL SELECT 'late-task-reminders', min(due_at) FROM tasks WHERE status = 'open' AND late_notified_at IS NULL AND due_at <= $1
       UNION ALL SELECT 'follow-up-reminders', min(due_at) FROM follow_ups WHERE status = 'scheduled' AND due_notified_at IS NULL AND due_at <= $1`,
      [at],
    );
    for (const r of rows) g.set({ job: r.job }, r.t ? Math.max(0, (at.getTime() - r.t.getTime()) / 1000) : 0);
  });
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      const labels = { method, route, status: String(status) };
      http.observe(labels, seconds);
      requests.inc(labels);
      if (method === 'POST' && route === '/api/check') check.observe({ status: String(status) }, seconds);
    },
  };
}
