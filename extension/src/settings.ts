/**
 * The extension's settings, kept in `chrome.storage.local` on the agent's machine (never synced through the
 * browser vendor's account, since a server token may be among them), and the team configuration last pulled
 * from a Defuse server. What coaching uses is the two merged: the agent's own choices on top of the team's.
 */
import './chrome.ts';
import type { Need, OptionOffer, RuleSettings, Severity } from '../../src/engine/index.ts';

/** A Defuse desk to pull the team's configuration from (`GET /api/config` with a bearer token). */
export interface ServerSettings {
  url: string;
  token: string;
}

/** What the agent sets on the options page. Empty strings and lists mean "not set here". */
export interface LocalSettings {
  companyName: string;
  agentName: string;
  rules: RuleSettings;
  options: OptionOffer[];
  server: ServerSettings | null;
}

/** The team configuration a desk serves: the same fields as a `.defuserc.json`. */
export interface TeamConfig {
  companyName?: string;
  agentName?: string;
  rules?: RuleSettings;
  options?: OptionOffer[];
}

/** The last pull: its result, when, and the error if the latest attempt failed (the old config stays in use). */
export interface TeamState {
  config?: TeamConfig;
  fetchedAt?: number;
  /** The server the config came from; a config from another server is not used. */
  server?: string;
  error?: string;
  attemptedAt?: number;
}

/** What coaching runs with. */
export interface EffectiveSettings {
  companyName?: string;
  agentName?: string;
  rules: RuleSettings;
  options?: OptionOffer[];
}

export const DEFAULT_SETTINGS: LocalSettings = { companyName: '', agentName: '', rules: {}, options: [], server: null };

export const SETTINGS_KEY = 'settings';
export const TEAM_KEY = 'team';

const SEVERITIES = new Set<string>(['error', 'warning', 'suggestion', 'off']);
const NEEDS = new Set<string>(['timing', 'financial', 'replacement', 'information', 'acknowledgement', 'escalation']);

/** Keeps only well-formed rule levels (a hand-edited or old stored value must not break coaching). */
export function cleanRules(value: unknown): RuleSettings {
  const out: RuleSettings = {};
  if (!value || typeof value !== 'object') return out;
  for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
    if (typeof level === 'string' && SEVERITIES.has(level) && /^[a-z0-9-]{1,80}$/.test(id)) out[id] = level as Severity | 'off';
  }
  return out;
}

/** Keeps only well-formed options: an id, a label and a known need. */
export function cleanOptions(value: unknown): OptionOffer[] {
  if (!Array.isArray(value)) return [];
  const out: OptionOffer[] = [];
  for (const o of value.slice(0, 100)) {
    if (!o || typeof o !== 'object') continue;
    const { id, label, need, phrase } = o as Record<string, unknown>;
    if (typeof id !== 'string' || typeof label !== 'string' || typeof need !== 'string' || !NEEDS.has(need)) continue;
    if (!id.trim() || !label.trim()) continue;
    out.push({ id: id.trim().slice(0, 100), label: label.trim().slice(0, 200), need: need as Need, ...(typeof phrase === 'string' && phrase.trim() ? { phrase: phrase.trim().slice(0, 300) } : {}) });
  }
  return out;
}

const str = (v: unknown, max = 200): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** Reads stored settings defensively. */
export function cleanSettings(value: unknown): LocalSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const server = v.server && typeof v.server === 'object' ? (v.server as Record<string, unknown>) : null;
  return {
    companyName: str(v.companyName),
    agentName: str(v.agentName),
    rules: cleanRules(v.rules),
    options: cleanOptions(v.options),
    server: server && str(server.url, 500) && str(server.token, 500) ? { url: str(server.url, 500), token: str(server.token, 500) } : null,
  };
}

/** A team config as a server sent it, checked field by field; unknown fields are dropped. */
export function cleanTeamConfig(value: unknown): TeamConfig {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const out: TeamConfig = {};
  if (str(v.companyName)) out.companyName = str(v.companyName);
  if (str(v.agentName)) out.agentName = str(v.agentName);
  if (v.rules !== undefined) out.rules = cleanRules(v.rules);
  if (v.options !== undefined) out.options = cleanOptions(v.options);
  return out;
}

/**
 * Merges the agent's settings over the team's: names the agent typed win, rule levels the agent set win rule
 * by rule, and options are the team catalogue plus the agent's own (the agent's entry wins on the same id).
 * A config pulled from a server other than the one now configured is ignored.
 *
 * @example
 * effectiveSettings({ ...DEFAULT_SETTINGS, rules: { 'no-bare-sorry': 'off' } }, { config: { companyName: 'Acme' } }).companyName // 'Acme'
 */
export function effectiveSettings(local: LocalSettings, team: TeamState = {}): EffectiveSettings {
  const config = team.config && local.server && team.server === serverOrigin(local.server.url) ? team.config : {};
  const options = new Map<string, OptionOffer>();
  for (const o of config.options ?? []) options.set(o.id, o);
  for (const o of local.options) options.set(o.id, o);
  return {
    companyName: local.companyName || config.companyName || undefined,
    agentName: local.agentName || config.agentName || undefined,
    rules: { ...config.rules, ...local.rules },
    options: options.size ? [...options.values()] : undefined,
  };
}

/**
 * The origin of a server URL the extension may send a token to: https anywhere, plain http only to this
 * machine (a desk started with `npm start` listens on 127.0.0.1). Anything else is refused, so a token never
 * crosses a network in the clear.
 *
 * @example
 * serverOrigin('https://desk.example.com/') // 'https://desk.example.com'
 * serverOrigin('http://desk.example.com')   // undefined
 */
export function serverOrigin(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (u.username || u.password) return undefined;
  if (u.protocol === 'https:') return u.origin;
  if (u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]')) return u.origin;
  return undefined;
}

/** Stored settings and team state. */
export async function loadSettings(): Promise<{ local: LocalSettings; team: TeamState }> {
  const stored = await chrome.storage.local.get([SETTINGS_KEY, TEAM_KEY]);
  return { local: cleanSettings(stored[SETTINGS_KEY]), team: (stored[TEAM_KEY] as TeamState | undefined) ?? {} };
}
