/**
 * `npm start`: the desk as a server. Reads the environment once, opens PostgreSQL (embedded unless
 * DATABASE_URL is set), migrates, creates the first admin and the demo data on first start, starts the mail
 * sink when no SMTP_URL is given, runs the scheduler and serves the API and web UI.
 */
import { serve } from '@hono/node-server';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from './app.ts';
import { systemClock } from './clock.ts';
import { configFromEnv, parseEnv, type Env } from './config.ts';
import type { Db } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { DEMO_DATA, seedDemo } from './demo.ts';
import { createScheduler } from './jobs/scheduler.ts';
import { createSmtpMailer } from './mail/mailer.ts';
import { startMailSink } from './mail/sink.ts';
import type { ServiceDeps } from './services/context.ts';
import { createUser, generatePassword } from './services/users.ts';

// Serialises first-start work (first admin, demo data) across processes starting together.
const BOOTSTRAP_LOCK = 7_402_312;

const log = (line: string) => console.log(line);

async function bootstrap(deps: ServiceDeps, env: Env, dataDir: string): Promise<string[]> {
  const notes: string[] = [];
  const client = await deps.db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK]);
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    const firstStart = rows[0].n === 0;
    if (firstStart) {
      const password = generatePassword();
      await createUser(deps, null, { email: env.ADMIN_EMAIL, name: 'Administrator', role: 'admin', password });
      const file = join(dataDir, 'first-login.txt');
      writeFileSync(file, `Defuse first login\nadmin: ${env.ADMIN_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
      notes.push(`First start: created the admin ${env.ADMIN_EMAIL} with password ${password}`, `  (also saved in ${file}; delete it once you have changed the password)`);
    }
    if (env.DEMO ?? firstStart) {
      const demo = await seedDemo(deps, { dataPath: DEMO_DATA, log });
      if (demo) {
        const file = join(dataDir, 'demo-login.txt');
        writeFileSync(file, `Defuse demo accounts (password for all: ${demo.password})\n${demo.users.map((u) => `${u.role}: ${u.email} (${u.name})`).join('\n')}\n`, { mode: 0o600 });
        notes.push(`Demo: ${demo.cases} cases from real customer conversations. Log in as an agent:`, ...demo.users.map((u) => `  ${u.role.padEnd(5)} ${u.email}`), `  password for all demo accounts: ${demo.password} (saved in ${file})`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]).catch(() => undefined);
    client.release();
  }
  return notes;
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const config = configFromEnv(env);
  const dataDir = resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
  log(`[db] ${database.description}`);
  const db: Db = database.db;
  const applied = await migrate(db);
  log(applied.length ? `[db] applied migrations: ${applied.join(', ')}` : '[db] schema up to date');

  let sink: Awaited<ReturnType<typeof startMailSink>> | null = null;
  let smtpUrl = env.SMTP_URL;
  if (!smtpUrl) {
    sink = await startMailSink(join(dataDir, 'mail'));
    smtpUrl = sink.url;
    log(`[mail] No SMTP_URL set: e-mails go to a local SMTP sink and are saved as .eml files in ${sink.dir} (nothing leaves this machine).`);
  } else {
    log(`[mail] Sending through ${new URL(smtpUrl).host}`);
  }
  const mailer = createSmtpMailer(smtpUrl);
  const deps = { db, clock: systemClock, config, mailer };
  const notes = await bootstrap(deps, env, dataDir);

  const scheduler = createScheduler({ ...deps, log });
  scheduler.start(env.SCHEDULER_INTERVAL_MS);
  const app = createApp({ ...deps, poke: () => scheduler.poke() });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const url = env.PUBLIC_URL ?? `http://${info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address}:${info.port}`;
    log('');
    log(`Defuse desk is running at ${url}`);
    for (const n of notes) log(n);
    if (!notes.length) log(`Log in with your account (first admin: ${env.ADMIN_EMAIL}; see ${join(dataDir, 'first-login.txt')} if you kept it).`);
    log(`API: ${url}/api/openapi.json   Health: ${url}/healthz   Stop: Ctrl+C`);
  });

  server.on('error', (err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `[desk] Port ${env.PORT} on ${env.HOST} is in use: set PORT to another port.` : `[desk] HTTP server error: ${err.message}`);
    void stop('error', 1);
  });

  let stopping = false;
  async function stop(signal: string, code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    log(`\n[desk] ${signal}: stopping…`);
    server.close();
    await scheduler.stop();
    mailer.close();
    await sink?.close();
    await database.close();
    process.exit(code);
  }
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

try {
  await main();
} catch (err) {
  // Start-up failures (database unreachable, bad credentials, data directory not writable) get one clear line.
  console.error(`[desk] Could not start: ${(err as Error).message}`);
  process.exit(1);
}
