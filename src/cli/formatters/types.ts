import type { Fix, Finding, RuleMeta } from '../../engine/index.ts';

/** A suggestion with its fix mapped to the file: range in file offsets, text encoded for the file format. */
export interface FileSuggestion {
  message: string;
  /** Absent when the fix cannot be written back to this file (it would cut through markup or an escape). */
  fix?: Fix;
}

/** An engine finding whose range points into the original file. */
export interface FileFinding extends Omit<Finding, 'suggestions'> {
  /** Title of the macro or section the finding is in, when the file holds several replies. */
  unit?: string;
  suggestions: FileSuggestion[];
}

/** Everything found in one input. */
export interface FileResult {
  /** Path as given on the command line (relative stays relative), or `<stdin>`. */
  filePath: string;
  /** The file's text, so formatters can turn offsets into lines and columns. */
  source: string;
  /** How many replies or macros the file held. */
  replies: number;
  findings: FileFinding[];
}

/** Rule metadata plus where its documentation lives. */
export interface RuleInfo {
  meta: RuleMeta;
  /** Repository-relative doc page, `docs/rules/<id>.md`. */
  docsPath: string;
  /** Absolute URI of the published doc page; absent when package.json names no repository or homepage. */
  helpUri?: string;
  /** The doc page's Markdown, when available. */
  help?: string;
}

export interface FormatterEnv {
  toolVersion: string;
  informationUri?: string;
  /** Working directory (absolute, `/`-separated): relative file paths are relative to it. */
  cwd?: string;
  /** Repository root (absolute, `/`-separated; default `cwd`): SARIF result paths are made relative to it. */
  root?: string;
}

/** A formatter is a pure function of the results. */
export type Formatter = (results: readonly FileResult[], rules: readonly RuleInfo[], env?: FormatterEnv) => string;
