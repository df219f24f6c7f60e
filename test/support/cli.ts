import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real `defuse` binary, as users run it. */
export const DEFUSE_BIN = fileURLToPath(new URL('../../bin/defuse.js', import.meta.url));

/**
 * Runs `defuse ARGS…` in a child process with extra environment variables; resolves to its exit code and
 * output. Tests of commands that open the desk's database use it, since the exit code is part of the
 * contract with scripts.
 *
 * @example
 * const { code, stdout } = await runDefuse(['token', 'list'], { DATABASE_URL: url });
 */
export function runDefuse(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [DEFUSE_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
