/**
 * Streaming writers for the machine-readable QA outputs: one row per conversation and one per finding,
 * as CSV and as JSON arrays, and every import problem as CSV. They track the bytes written so a
 * checkpoint can cut them back to a consistent point when a run resumes.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportProblem } from '../importers/types.ts';
import type { QaResult } from './types.ts';

/**
 * One CSV cell. Cells starting with `=`, `+`, `-`, `@` (or tab/CR) are prefixed with `'` so a spreadsheet
 * does not run customer text as a formula (CSV injection); numbers are written as they are.
 *
 * @example
 * csvCell('=HYPERLINK("x")') // "'=HYPERLINK(""x"")" quoted
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;

export const CONVERSATION_COLUMNS = [
  'conversation_id', 'source', 'file', 'line', 'subject', 'customer', 'created_at', 'agents', 'customer_turns', 'agent_turns',
  'score', 'findings', 'errors', 'warnings', 'suggestions', 'transfers', 'upset', 'anger_first', 'anger_last',
  'replies_calmed', 'replies_inflamed', 'first_ack_turn', 'minutes_to_ack', 'minutes_to_first_reply', 'next_move',
  'internal_notes_excluded', 'moves', 'anger_trend',
] as const;

export const FINDING_COLUMNS = ['conversation_id', 'turn', 'agent', 'at', 'rule', 'principle', 'severity', 'message', 'excerpt', 'start', 'end', 'suggestion', 'suggested_text'] as const;
export const PROBLEM_COLUMNS = ['file', 'line', 'conversation_id', 'reason', 'row_kept'] as const;

export function conversationRow(r: QaResult): unknown[] {
  const count = (sev: string): number => r.findings.filter((f) => f.severity === sev).length;
  return [
    r.id, r.source, r.file, r.line, r.subject, r.customer, r.createdAt, r.agents.join('; '), r.customerTurns, r.agentTurns,
    r.score, r.findings.length, count('error'), count('warning'), count('suggestion'), r.transfers, r.upset,
    r.angerTrajectory[0], r.angerTrajectory[r.angerTrajectory.length - 1],
    r.replies.filter((x) => x.effect === 'calmed').length, r.replies.filter((x) => x.effect === 'inflamed').length,
    r.firstAcknowledgementTurn, r.minutesToAcknowledge, r.minutesToFirstReply, r.nextMove, r.excluded.internalNotes, r.steps.join(' '), r.trend,
  ];
}

/** The JSON row: the result without per-reply detail that the CSV flattens. */
export function conversationJson(r: QaResult): Record<string, unknown> {
  const { findings: _f, ...rest } = r;
  return { ...rest, findings: r.findings.length };
}

class OutFile {
  private stream!: WriteStream;
  bytes = 0;
  constructor(readonly path: string) {}

  async open(resumeBytes?: number): Promise<void> {
    if (resumeBytes !== undefined) {
      const size = (await stat(this.path)).size;
      if (size < resumeBytes) throw new Error(`${this.path} is shorter than the checkpoint says (${size} < ${resumeBytes} bytes); start a fresh run`);
      await truncate(this.path, resumeBytes);
      this.bytes = resumeBytes;
    }
    this.stream = createWriteStream(this.path, { flags: resumeBytes !== undefined ? 'a' : 'w' });
    await new Promise<void>((resolve, reject) => {
      this.stream.once('open', () => resolve());
      this.stream.once('error', reject);
    });
  }

  write(text: string): void {
    this.bytes += Buffer.byteLength(text);
    this.stream.write(text);
  }

  /** Resolves once everything written so far has been handed to the OS. */
  flush(): Promise<void> {
    if (this.stream.writableEnded) return Promise.resolve();
    return new Promise((resolve, reject) => this.stream.write('', (err) => (err ? reject(err) : resolve())));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

export interface OutputState {
  bytes: Record<string, number>;
  conversationsWritten: number;
  findingsWritten: number;
}

export const OUTPUT_FILES = {
  conversationsCsv: 'conversations.csv',
  findingsCsv: 'findings.csv',
  conversationsJson: 'conversations.json',
  findingsJson: 'findings.json',
  problemsCsv: 'problems.csv',
} as const;

/** The per-row outputs of one QA run. */
export class QaOutputs {
  private readonly files: Record<keyof typeof OUTPUT_FILES, OutFile>;
  private conversations = 0;
  private findings = 0;

  constructor(dir: string) {
    this.files = Object.fromEntries(Object.entries(OUTPUT_FILES).map(([k, name]) => [k, new OutFile(join(dir, name))])) as Record<keyof typeof OUTPUT_FILES, OutFile>;
  }

  /** Opens fresh files with headers, or reopens them cut back to a checkpoint's state. */
  async open(resume?: OutputState): Promise<void> {
    for (const [key, file] of Object.entries(this.files)) await file.open(resume ? resume.bytes[key] ?? 0 : undefined);
    if (resume) {
      this.conversations = resume.conversationsWritten;
      this.findings = resume.findingsWritten;
      return;
    }
    this.files.conversationsCsv.write(csvRow([...CONVERSATION_COLUMNS]));
    this.files.findingsCsv.write(csvRow([...FINDING_COLUMNS]));
    this.files.problemsCsv.write(csvRow([...PROBLEM_COLUMNS]));
    this.files.conversationsJson.write('[');
    this.files.findingsJson.write('[');
  }

  addResult(r: QaResult): void {
    this.files.conversationsCsv.write(csvRow(conversationRow(r)));
    this.files.conversationsJson.write(`${this.conversations++ ? ',' : ''}\n${JSON.stringify(conversationJson(r))}`);
    for (const f of r.findings) {
      const row = [r.id, f.turn, f.agent, f.at, f.ruleId, f.principle, f.severity, f.message, f.excerpt, f.range[0], f.range[1], f.suggestion?.message, f.suggestion?.text];
      this.files.findingsCsv.write(csvRow(row));
      const json = { conversationId: r.id, ...f };
      this.files.findingsJson.write(`${this.findings++ ? ',' : ''}\n${JSON.stringify(json)}`);
    }
  }

  addProblem(p: ImportProblem): void {
    this.files.problemsCsv.write(csvRow([p.file, p.line, p.conversationId, p.reason, Boolean(p.kept)]));
  }

  /**
   * The byte counts as of this call (taken synchronously, before any later write), resolved once all of
   * those bytes have reached the OS, so a checkpoint never points past what is on disk.
   */
  async checkpointState(): Promise<OutputState> {
    const state: OutputState = {
      bytes: Object.fromEntries(Object.entries(this.files).map(([k, f]) => [k, f.bytes])),
      conversationsWritten: this.conversations,
      findingsWritten: this.findings,
    };
    await Promise.all(Object.values(this.files).map((f) => f.flush()));
    return state;
  }

  /** Closes the JSON arrays and the files. */
  async finish(): Promise<void> {
    this.files.conversationsJson.write('\n]\n');
    this.files.findingsJson.write('\n]\n');
    await Promise.all(Object.values(this.files).map((f) => f.close()));
  }

  /** Closes without finishing the JSON arrays, so a later `--resume` can append. */
  async abandon(): Promise<void> {
    await Promise.all(Object.values(this.files).map((f) => f.close()));
  }
}
