/**
 * `defuse token …` and `defuse user …`: desk administration from the server's shell, for integrations and
 * for the first admin who lost a password. The commands themselves are declared in `cli-commands.ts`.
 * Connects like the server: DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (joining a running desk).
 * The shell acts without a desk user (audit actor null): whoever can run this can read the database anyway.
 */
import { pathToFileURL } from 'node:url';
import { COMPILED } from '../package-root.ts';
import { systemClock } from './clock.ts';
import { configFromEnv, parseEnv } from './config.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { HttpError } from './errors.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './services/auth.ts';
import type { Role, ServiceDeps } from './services/context.ts';
import { createUser, resetPassword, USER_COLUMNS, type User } from './services/users.ts';

type Out = (line: string) => void;

async function userByEmail(deps: ServiceDeps, email: string): Promise<User> {
  const { rows } = await deps.db.query<User>(`SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1)`, [email]);
  if (!rows[0]) throw new HttpError(404, 'not_found', `No user with the e-mail ${email}.`);
  return rows[0];
}

/**
 * Creates an API token acting as the user with this e-mail and prints the secret once.
 *
 * @example
 * await tokenCreate(deps, { user: 'helpdesk-bot@example.com', name: 'Zendesk bridge' }, console.log);
 */
export async function tokenCreate(deps: ServiceDeps, opts: { user: string; name: string }, out: Out): Promise<string> {
  const user = await userByEmail(deps, opts.user);
  const { token, secret } = await createApiToken(deps, null, { userId: user.id, name: opts.name });
  out(`Token #${token.id} "${token.name}" acts as ${user.email} (${user.role}).`);
  out(`Secret (shown once; send as "Authorization: Bearer <secret>"):`);
  out(secret);
  return secret;
}

export async function tokenList(deps: ServiceDeps, out: Out): Promise<void> {
  const tokens = await listApiTokens(deps, null);
  if (!tokens.length) out('No API tokens.');
  for (const t of tokens) out(`#${t.id}\t${t.prefix}…\t${t.name}\tuser ${t.userId}\t${t.revokedAt ? 'revoked ' + t.revokedAt.toISOString() : 'active'}\tlast used ${t.lastUsedAt?.toISOString() ?? 'never'}`);
}

export async function tokenRevoke(deps: ServiceDeps, id: number, out: Out): Promise<void> {
  await revokeApiToken(deps, null, id);
  out(`Token #${id} revoked.`);
}

export async function userCreate(deps: ServiceDeps, opts: { email: string; name: string; role: Role }, out: Out): Promise<string> {
  const { user, password } = await createUser(deps, null, { email: opts.email, name: opts.name, role: opts.role });
  out(`Created ${user.role} ${user.email} with password ${password}`);
  return password;
}

/** Sets a new generated password (and ends the user's sessions): the way back in for a locked-out admin. */
export async function userResetPassword(deps: ServiceDeps, email: string, out: Out): Promise<string> {
  const user = await userByEmail(deps, email);
  const { password } = await resetPassword(deps, null, user.id);
  out(`New password for ${user.email}: ${password}`);
  return password;
}

/** `defuse export --out DIR`: cases, messages and findings as JSONL. */
export async function exportCommand(deps: ServiceDeps, out: string, print: Out): Promise<void> {
  const { exportDesk } = await import('./export.ts');
  const counts = await exportDesk(deps.db, out);
  print(`Exported ${counts.cases} cases, ${counts.messages} messages and ${counts.findings} findings to ${out}/{cases,messages,findings}.jsonl`);
}

/** Runs `fn` against the desk's database (DATABASE_URL, or the embedded one in DATA_DIR); resolves to the exit code. */
export async function withDesk(fn: (deps: ServiceDeps) => Promise<void>): Promise<number> {
  const env = parseEnv(process.env);
  const opened = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await migrate(opened.db);
    await fn({ db: opened.db, clock: systemClock, config: configFromEnv(env) });
    return 0;
  } catch (err) {
    process.stderr.write(`defuse: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await opened.close();
  }
}

// Also runs directly, without the rest of the CLI: `tsx src/server/cli-token.ts token list`. Not awaited at the
// top level: each command imports this module, which must have finished evaluating by then. Awaited, the
// import waited on the very evaluation that waited on it, and the process exited silently, doing nothing.
if (!COMPILED && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void (async () => {
    const { Command } = await import('commander');
    const { registerDeskCommands } = await import('./cli-commands.ts');
    const program = new Command().name('defuse');
    registerDeskCommands(program);
    await program.parseAsync(process.argv);
  })();
}
