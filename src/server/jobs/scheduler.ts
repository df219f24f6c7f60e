import { IDEMPOTENCY_TTL_MS } from '../http/idempotency.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { ServiceDeps } from '../services/context.ts';
import { DEVICE_TTL_DAYS } from '../services/auth.ts';
import { deliverOutbox } from '../services/outbox.ts';
import { notifyDueFollowUps } from '../services/resolution.ts';
import { remindLateTasks } from '../services/tasks.ts';
import { deliverWebhooks } from '../services/webhooks.ts';
import { pollImap } from '../mail/imap.ts';

export interface TickResult {
  sent: number;
  failed: number;
  lateTasks: number;
  dueFollowUps: number;
  webhooksDelivered: number;
  webhooksFailed: number;
}

/** A job that runs at most once at a time; asked again while running, it runs once more right after. */
function serial(name: string, fn: () => Promise<unknown>, log?: (line: string) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  return {
    run(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          try {
            await fn();
          } catch (err) {
            log?.(`[scheduler] ${name} failed: ${(err as Error).message}`);
          }
        } while (again);
      })().finally(() => (running = null));
      return running;
    },
    idle: (): Promise<void> => running ?? Promise.resolve(),
  };
}

/**
 * The desk's scheduled work, in two independent loops: the jobs (late-task and follow-up reminders,
 * clean-up), which only touch PostgreSQL, and mail delivery, which waits on SMTP servers (several sends at
 * once, each with a hard timeout). Neither waits for the other, so a hung mail server never delays a
 * reminder. All state lives in PostgreSQL and every job claims its rows with FOR UPDATE SKIP LOCKED, so any
 * number of server processes can run a scheduler and each piece of work happens once; a restart simply
 * picks up where the tables say.
 *
 * @example
 * const s = createScheduler({ db, clock, config, mailer });
 * s.start(5000); // … s.stop()
 * await s.tick(); // tests drive it by hand with a moved clock
 */
export function createScheduler(deps: ServiceDeps & { mailer: Mailer; log?: (line: string) => void }) {
  const timers: NodeJS.Timeout[] = [];
  const stopping = new AbortController();

  async function runJobs(): Promise<{ lateTasks: number; dueFollowUps: number }> {
    const lateTasks = await remindLateTasks(deps);
    const dueFollowUps = await notifyDueFollowUps(deps);
    const now = deps.clock.now();
    // Housekeeping: old rate-limit windows and login back-offs, expired sessions, forgotten devices, old keys.
    const dayAgo = new Date(now.getTime() - 86_400_000);
    await deps.db.query('DELETE FROM rate_limits WHERE window_start < $1', [dayAgo]);
    await deps.db.query('DELETE FROM login_throttle WHERE last_attempt_at < $1 AND (blocked_until IS NULL OR blocked_until < $2)', [dayAgo, now]);
    await deps.db.query('DELETE FROM sessions WHERE expires_at < $1', [now]);
    await deps.db.query('DELETE FROM login_devices WHERE last_used_at < $1', [new Date(now.getTime() - DEVICE_TTL_DAYS * 86_400_000)]);
    await deps.db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [new Date(now.getTime() - IDEMPOTENCY_TTL_MS)]);
    // Delivered webhooks are kept 30 days for the admin page; failed ones stay until replayed or the endpoint goes.
    await deps.db.query("DELETE FROM webhook_deliveries WHERE status = 'delivered' AND delivered_at < $1", [new Date(now.getTime() - 30 * 86_400_000)]);
    if (lateTasks || dueFollowUps) deps.log?.(`[scheduler] ${JSON.stringify({ lateTasks, dueFollowUps })}`);
    return { lateTasks, dueFollowUps };
  }

  async function runMail(): Promise<{ sent: number; failed: number }> {
    const mail = await deliverOutbox(deps, { signal: stopping.signal });
    if (mail.sent || mail.failed) deps.log?.(`[mail] ${JSON.stringify(mail)}`);
    return mail;
  }

  async function runWebhooks(): Promise<{ delivered: number; failed: number }> {
    const r = await deliverWebhooks(deps, { signal: stopping.signal });
    if (r.delivered || r.failed) deps.log?.(`[webhooks] ${JSON.stringify(r)}`);
    return r;
  }

  const jobs = serial('jobs', runJobs, deps.log);
  const mail = serial('mail', runMail, deps.log);
  // Webhook receivers are other people's servers: their own loop, so a slow one delays no mail or reminder.
  const hooks = serial('webhooks', runWebhooks, deps.log);
  // The mailbox (IMAP_URL), on its own loop and interval: a slow or restarting IMAP server delays nothing else.
  const imapTarget = deps.config.imap;
  const imap = imapTarget
    ? serial('imap', async () => {
        const r = await pollImap(deps, imapTarget, { timeoutMs: deps.config.mailTimeoutMs });
        if (r.stored || r.skipped) deps.log?.(`[imap] ${JSON.stringify(r)}`);
        // New customer messages: their events go out without waiting for the next webhook run.
        if (r.stored) void hooks.run();
      }, deps.log)
    : null;

  return {
    /** Runs both loops once, side by side, and reports what they did (tests move the clock and call this). */
    async tick(): Promise<TickResult> {
      // Jobs first: events they publish (a follow-up falling due) go out in the same tick.
      const j = await runJobs();
      const [m, w] = await Promise.all([runMail(), runWebhooks()]);
      return { sent: m.sent, failed: m.failed, ...j, webhooksDelivered: w.delivered, webhooksFailed: w.failed };
    },
    /** Asks the mail loop to run soon (after a resolution, so its e-mail leaves without waiting for the interval). */
    poke(): void {
      void mail.run();
      void hooks.run();
    },
    start(intervalMs: number): void {
      if (timers.length) return;
      for (const loop of [jobs, mail, hooks]) {
        const t = setInterval(() => void loop.run(), intervalMs);
        t.unref();
        timers.push(t);
      }
      if (imap) {
        void imap.run();
        const t = setInterval(() => void imap.run(), deps.config.imapPollMs);
        t.unref();
        timers.push(t);
      }
    },
    /** Stops both loops: the jobs finish their run; sends in flight are given back to the outbox at once. */
    async stop(): Promise<void> {
      for (const t of timers.splice(0)) clearInterval(t);
      stopping.abort();
      await Promise.all([jobs.idle(), mail.idle(), hooks.idle(), imap?.idle()]);
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
