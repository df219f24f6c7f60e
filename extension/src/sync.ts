/**
 * Pulling the team's configuration from a Defuse desk. This is the only network request the extension ever
 * makes, only when the agent has configured a server, and it carries no customer text: `GET /api/config` with
 * the agent's API token. Coaching never waits for it; offline, the last pulled config (or none) is used.
 * The desk answers the extension's origin with CORS headers (see the server's `EXTENSION_ORIGINS`), so the
 * extension needs no host permission for the desk.
 */
import './chrome.ts';
import { cleanTeamConfig, loadSettings, serverOrigin, TEAM_KEY, type ServerSettings, type TeamConfig, type TeamState } from './settings.ts';

/** How old a pulled config may get before the next coaching start pulls it again. */
export const SYNC_EVERY_MS = 60 * 60 * 1000;
/** A slow desk must not hang the options page. */
const TIMEOUT_MS = 10_000;

/**
 * Fetches `/api/config` from a desk.
 *
 * @example
 * await pullTeamConfig({ url: 'https://desk.example.com', token: 'dfs_…' }) // { companyName: 'Acme', rules: {}, options: [...] }
 */
export async function pullTeamConfig(server: ServerSettings, fetchImpl: typeof fetch = fetch): Promise<TeamConfig> {
  const res = await call(server, 'GET', '/api/config', undefined, fetchImpl);
  return cleanTeamConfig(res);
}

/**
 * Asks the desk to coach a fixed sample draft (no customer text): proves the token works and lets the options
 * page compare the desk's engine with the one in the extension.
 */
export async function checkOnServer(server: ServerSettings, draft: string, fetchImpl: typeof fetch = fetch): Promise<{ ruleIds: string[] }> {
  const res = (await call(server, 'POST', '/api/check', { draft }, fetchImpl)) as { check?: { findings?: { ruleId?: string }[] } };
  return { ruleIds: (res.check?.findings ?? []).map((f) => String(f.ruleId)) };
}

async function call(server: ServerSettings, method: 'GET' | 'POST', path: string, body: unknown, fetchImpl: typeof fetch): Promise<unknown> {
  const origin = serverOrigin(server.url);
  if (!origin) throw new Error('The server address must start with https:// (or http://localhost for a desk on this machine).');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetchImpl(`${origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      // The token is the credential; no cookie of the desk is sent along.
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
  } catch (err) {
    const reason = (err as Error).name === 'AbortError' ? 'it did not answer in time' : 'it could not be reached (offline, wrong address, or the desk does not allow this extension: see EXTENSION_ORIGINS)';
    throw new Error(`The Defuse server at ${origin}: ${reason}.`);
  } finally {
    clearTimeout(timer);
  }
  const json = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  if (!res.ok) throw new Error(`The Defuse server answered ${res.status}: ${json?.error?.message ?? res.statusText}`);
  return json;
}

/**
 * Pulls now and stores the result (or the error, keeping the last good config). Does nothing without a server.
 */
export async function syncNow(fetchImpl: typeof fetch = fetch): Promise<TeamState> {
  const { local, team } = await loadSettings();
  if (!local.server) return team;
  const origin = serverOrigin(local.server.url);
  const now = Date.now();
  let next: TeamState;
  try {
    const config = await pullTeamConfig(local.server, fetchImpl);
    next = { config, fetchedAt: now, attemptedAt: now, server: origin };
  } catch (err) {
    next = { ...(team.server === origin ? team : {}), attemptedAt: now, error: (err as Error).message };
  }
  await chrome.storage.local.set({ [TEAM_KEY]: next });
  return next;
}

/** Pulls when a server is set and the last attempt is older than `SYNC_EVERY_MS`. */
export async function syncIfStale(): Promise<void> {
  const { local, team } = await loadSettings();
  if (!local.server) return;
  if (team.attemptedAt && Date.now() - team.attemptedAt < SYNC_EVERY_MS && team.server === serverOrigin(local.server.url)) return;
  await syncNow();
}
