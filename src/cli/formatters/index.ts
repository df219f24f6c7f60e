import { json } from './json.ts';
import { sarif } from './sarif.ts';
import { text } from './text.ts';
import type { Formatter } from './types.ts';

export type { FileFinding, FileResult, FileSuggestion, Formatter, FormatterEnv, RuleInfo } from './types.ts';

/** Output formats of `defuse check --format`, by name. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = { text, json, sarif };
