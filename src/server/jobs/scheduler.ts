import { IDEMPOTENCY_TTL_MS } from '../http/idempotency.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { ServiceDeps } from '../services/context.ts';
import { DEVICE_TTL_DAYS } from '../services/auth.ts';
import { deliverOutbox } from '../services/outbox.ts';
import { notifyDueFollowUps } from '../services/resolution.ts';
import { remindLateTasks } from '../services/tasks.ts';

export interface TickResult {
  sent: number;
  failed: number;
  lateTasks: number;
  dueFollowUps: number;
}

/**
 * The desk's scheduled work. All state lives in PostgreSQL and every job claims rows with
 * FOR UPDATE SKIP LOCKED, so any number of server processes can run a scheduler and each piece of work
 * happens once; a restart simply picks up where the table says.
 *
 * @example
 * const s = createScheduler({ db, clock, config, mailer });
 * s.start(5000); // … s.stop()
 * await s.tick(); // tests drive it by hand with a moved clock
 */
export function createScheduler(deps: ServiceDeps & { mailer: Mailer; log?: (line: string) => void }) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<TickResult> | null = null;
  let wake = false;

  async function tick(): Promise<TickResult> {
    const mail = await deliverOutbox(deps);
    const lateTasks = await remindLateTasks(deps);
    const dueFollowUps = await notifyDueFollowUps(deps);
    const now = deps.clock.now();
    // Housekeeping: old rate-limit windows and login back-offs, expired sessions, forgotten devices.
    const dayAgo = new Date(now.getTime() - 86_400_000);
    await deps.db.query('DELETE FROM rate_limits WHERE window_start < $1', [dayAgo]);
    await deps.db.query('DELETE FROM login_throttle WHERE last_attempt_at < $1 AND (blocked_until IS NULL OR blocked_until < $2)', [dayAgo, now]);
    await deps.db.query('DELETE FROM sessions WHERE expires_at < $1', [now]);
    await deps.db.query('DELETE FROM login_devices WHERE last_used_at < $1', [new Date(now.getTime() - DEVICE_TTL_DAYS * 86_400_000)]);
    await deps.db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [new Date(now.getTime() - IDEMPOTENCY_TTL_MS)]);
    const result = { sent: mail.sent, failed: mail.failed, lateTasks, dueFollowUps };
    if (mail.sent || mail.failed || lateTasks || dueFollowUps) deps.log?.(`[scheduler] ${JSON.stringify(result)}`);
    return result;
  }

  /** Runs one tick unless one is running; errors are logged, never thrown out of the timer. */
  async function runOnce(): Promise<void> {
    if (running) {
      wake = true;
      return;
    }
    running = tick();
    try {
      await running;
    } catch (err) {
      deps.log?.(`[scheduler] tick failed: ${(err as Error).message}`);
    } finally {
      running = null;
    }
    if (wake) {
      wake = false;
      await runOnce();
    }
  }

  return {
    tick,
    /** Asks for a tick soon (after a resolution, so its e-mail leaves without waiting for the interval). */
    poke(): void {
      void runOnce();
    },
    start(intervalMs: number): void {
      if (timer) return;
      timer = setInterval(() => void runOnce(), intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
