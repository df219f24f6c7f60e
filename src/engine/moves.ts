import { MOVE_CUES } from './moves.data.ts';
import { compileTable, findPhrases, type CompiledTable } from './text/matcher.ts';
import type { Move, Range, ReplyContext, Sentence } from './types.ts';
import { splitSentences } from './text/sentences.ts';

export interface MoveFinding {
  move: Move;
  range: Range;
}

const TABLES = Object.entries(MOVE_CUES).map(([move, entries]) => [move as Move, compileTable(entries)] as [Move, CompiledTable]);

/**
 * The playbook moves a reply makes, with the span of each cue, in text order.
 *
 * @example
 * detectMoves('I apologize for the late parcel, Ana.', { customerName: 'Ana' }).map((m) => m.move)
 * // ['apologize', 'name']
 */
export function detectMoves(text: string, context: Pick<ReplyContext, 'customerName'> & { name?: string } = {}, sentences: Sentence[] = splitSentences(text)): MoveFinding[] {
  const out: MoveFinding[] = [];
  for (const [move, table] of TABLES) {
    for (const m of findPhrases(text, table, sentences)) out.push({ move, range: m.range });
  }
  const name = context.name ?? context.customerName;
  if (name) {
    const first = name.trim().split(/\s+/)[0];
    if (first && first.length > 1) {
      const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(first)}(?![\\p{L}])`, 'iu');
      const m = re.exec(text);
      if (m) out.push({ move: 'name', range: [m.index, m.index + m[0].length] });
    }
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The distinct moves, in first-occurrence order. */
export function moveSet(moves: MoveFinding[]): Move[] {
  return [...new Set(moves.map((m) => m.move))];
}
