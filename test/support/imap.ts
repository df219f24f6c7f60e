import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/server/db/embedded.ts';

/** Debian's Dovecot (package dovecot-imapd; .ci/run installs it). */
export const DOVECOT = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => existsSync(p)) ?? null;

export interface TestImap {
  port: number;
  user: string;
  pass: string;
  /** imap://user:pass@127.0.0.1:port/INBOX */
  url: string;
  /** Stops the server (SIGKILL when `hard`) and starts it again on the same port and mail store. */
  restart(options?: { hard?: boolean; downMs?: number }): Promise<void>;
  stop(options?: { hard?: boolean }): Promise<void>;
  start(): Promise<void>;
}

function waitForPort(port: number, ms: number): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = connect(port, '127.0.0.1');
      s.once('data', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > end) reject(new Error(`dovecot did not answer on ${port} within ${ms} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * A real IMAP server on a free loopback port: Dovecot in the foreground with its own configuration, run
 * directory and Maildir store in a temp dir, one user with a password, plain-text login on loopback only.
 * Run as root (CI), its login and mail processes run as `nobody`, as Dovecot requires; run as anyone else,
 * everything runs as that user.
 *
 * @example
 * const imap = await startTestImap();
 * after(() => imap.stop());
 */
export async function startTestImap(): Promise<TestImap> {
  if (!DOVECOT) throw new Error('dovecot is not installed (apt-get install dovecot-imapd)');
  const dir = mkdtempSync(join(tmpdir(), 'defuse-imap-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const uid = root ? 65534 : (process.getuid?.() ?? 1000);
  const gid = root ? 65534 : (process.getgid?.() ?? 1000);
  const self = root ? 'root' : (process.env.USER ?? 'nobody');
  for (const d of ['run', 'state', 'mail']) mkdirSync(join(dir, d));
  if (root) chownSync(join(dir, 'mail'), uid, gid);
  const user = 'support';
  const pass = 'pw-imap-test-0123';
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(conf, `base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = defuse-test-${port}
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
shutdown_clients = yes
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${root ? 'nobody' : self}
default_internal_user = ${self}
default_internal_group = ${root ? 'root' : self}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = static
  args = password=${pass}
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
`);
  let child: ChildProcess | null = null;
  const start = async () => {
    // Its own process group: a stop ends the sessions too (Dovecot's imap processes outlive the master).
    child = spawn(DOVECOT, ['-F', '-c', conf], { stdio: 'ignore', detached: true });
    await waitForPort(port, 15_000);
  };
  const stop = async (options: { hard?: boolean } = {}) => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    c.kill(options.hard ? 'SIGKILL' : 'SIGTERM');
    await exited;
    // Whatever of the instance is left (the imap process serving a connection) goes with it, as on a reboot.
    try {
      if (c.pid) process.kill(-c.pid, 'SIGKILL');
    } catch {
      /* the group is already gone */
    }
    if (options.hard) {
      // The master is gone; its children notice and exit. Its pid file would make the next start refuse.
      rmSync(join(dir, 'run', 'master.pid'), { force: true });
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  process.once('exit', () => {
    try {
      if (child?.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    rmSync(dir, { recursive: true, force: true });
  });
  await start();
  return {
    port,
    user,
    pass,
    url: `imap://${user}:${pass}@127.0.0.1:${port}/INBOX`,
    start,
    stop: async (options) => {
      await stop(options);
    },
    async restart(options = {}) {
      await stop(options);
      if (options.downMs) await new Promise((r) => setTimeout(r, options.downMs));
      await start();
    },
  };
}
