import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { RULES, type OptionOffer, type RuleSettings } from '../engine/index.ts';

/** File names searched for, in each directory from the working directory up to the root. */
export const CONFIG_FILES = ['.defuserc.json', 'defuse.config.json'] as const;

const NEEDS = ['timing', 'financial', 'replacement', 'information', 'acknowledgement', 'escalation'] as const;

/**
 * The config file. Strict: an unknown key is an error, so a typo ("rule" for "rules") is reported instead of
 * silently doing nothing. Extra phrase lists are not accepted yet: the engine's phrase tables are fixed at
 * build time and it has no hook for user phrases.
 */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z.record(z.string(), z.enum(['off', 'error', 'warning', 'suggestion'])).optional(),
  companyName: z.string().trim().min(1).optional(),
  agentName: z.string().trim().min(1).optional(),
  channel: z.enum(['private', 'public-review']).optional(),
  /** A message is upset when its upsetScore is at least this (0–1); default the model's own threshold. */
  upsetThreshold: z.number().min(0).max(1).optional(),
  options: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        label: z.string().min(1),
        need: z.enum(NEEDS),
        phrase: z.string().min(1).optional(),
      }),
    )
    .optional(),
});

export type DefuseConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Finds the nearest config file from `cwd` upwards.
 *
 * @example
 * findConfig('/repo/macros') // '/repo/.defuserc.json' when that file exists
 */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Reads and validates a config file; throws ConfigError with the file name and every problem found.
 *
 * @example
 * loadConfig('.defuserc.json').rules // { 'no-bare-sorry': 'off' }
 */
export function loadConfig(path: string): DefuseConfig {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new ConfigError(`config ${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(`config ${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  const known = new Set(RULES.map((r) => r.meta.id));
  const unknown = Object.keys(parsed.data.rules ?? {}).filter((id) => !known.has(id));
  if (unknown.length) {
    throw new ConfigError(`config ${path} names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (see \`defuse rules\`)`);
  }
  return parsed.data;
}

/** The rule settings and options catalogue in the engine's shapes. */
export function engineSettings(config: DefuseConfig): { rules: RuleSettings; options?: OptionOffer[] } {
  return { rules: { ...config.rules }, options: config.options?.map((o) => ({ ...o })) };
}
