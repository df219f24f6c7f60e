import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../src/server/net.ts';

/** A PostgreSQL server from Debian's `postgresql` package, separate from the embedded one. */
export interface SystemPostgres {
  /** `postgres://…/defuse` on the new server, an empty database. */
  url: string;
  version: string;
  stop(): void;
}

/** The newest `/usr/lib/postgresql/<version>/bin` on this machine, or null. */
function debianBin(): { bin: string; version: string } | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? { bin: join(base, versions[0], 'bin'), version: versions[0] } : null;
}

/**
 * Starts a throw-away cluster of Debian's PostgreSQL on a free loopback port (trust auth, loopback only,
 * socket in its own folder) and creates the database `defuse`. PostgreSQL refuses to run as root, so as
 * root the cluster runs as Debian's `postgres` user. Fails, never skips, when the package is missing.
 *
 * @example
 * const server = await startSystemPostgres();
 * spawn('npm', ['start'], { env: { DATABASE_URL: server.url } });
 */
export async function startSystemPostgres(): Promise<SystemPostgres> {
  const found = debianBin();
  if (!found) throw new Error('Debian PostgreSQL not found under /usr/lib/postgresql: `apt-get install -y postgresql` (.ci/run does).');
  const dir = mkdtempSync(join(tmpdir(), 'defuse-syspg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const : [cmd, args] as const;
    const res = spawnSync(full[0], full[1] as string[], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`);
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  run(join(found.bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C']);
  const port = await freePort();
  run(join(found.bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '120', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE defuse');
  await admin.end();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/defuse`,
    version: found.version,
    stop() {
      try {
        run(join(found.bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
