import { EMAIL_CONFIRMATION_CUES, MOVE_CUES, OWNER_QUESTION_CUES, TIME_CUES } from './moves.data.ts';
import { compileTable, findPhrases, hasPhrase, type CompiledTable } from './text/matcher.ts';
import type { Fix, IssueCategory, Move, PrincipleId, Range, ReplyContext, ResolvedContext, Sentence } from './types.ts';
import { splitSentences } from './text/sentences.ts';

export interface MoveFinding {
  move: Move;
  range: Range;
}

const TABLES = Object.entries(MOVE_CUES).map(([move, entries]) => [move as Move, compileTable(entries)] as [Move, CompiledTable]);
const TIME = compileTable(TIME_CUES);
const EMAIL_CONFIRMATION = compileTable(EMAIL_CONFIRMATION_CUES);
const OWNER_QUESTION = compileTable(OWNER_QUESTION_CUES);

/** What move detection may use from the context: the name to look for and the options on offer. */
export type MoveContext = Pick<ReplyContext, 'customerName' | 'options'> & { name?: string };

/**
 * The playbook moves a reply makes, with the span of each cue, in text order. Negated and quoted cues do
 * not count ("I won't apologize", `"sorry" is not enough`). The customer's name counts only with a capital
 * letter, so a customer called Will is not "named" by "I will". Quoting an option from the company's
 * catalogue ("a 15% discount on your next order") counts as an offer.
 *
 * @example
 * detectMoves('I apologize for the late parcel, Ana.', { customerName: 'Ana' }).map((m) => m.move)
 * // ['apologize', 'name']
 */
export function detectMoves(text: string, context: MoveContext = {}, sentences: Sentence[] = splitSentences(text)): MoveFinding[] {
  const out: MoveFinding[] = [];
  for (const [move, table] of TABLES) {
    for (const m of findPhrases(text, table, sentences, { skipNegated: false })) {
      if (!negatedInClause(text, m.range[0])) out.push({ move, range: m.range });
    }
  }
  const name = nameRange(text, context.name ?? context.customerName);
  if (name) out.push({ move: 'name', range: name });
  const lower = text.toLowerCase();
  for (const option of context.options ?? []) {
    for (const wording of [option.phrase, option.label]) {
      if (!wording || wording.length < 4) continue;
      const at = lower.indexOf(wording.toLowerCase());
      if (at >= 0) {
        out.push({ move: 'offer', range: [at, at + wording.length] });
        break;
      }
    }
  }
  return out.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

const NEGATOR = /(?<![\p{L}])(?:not|never|no|don['’]t|doesn['’]t|didn['’]t|won['’]t|wouldn['’]t|isn['’]t|wasn['’]t|aren['’]t|can['’]t|cannot|shouldn['’]t|without|nobody|no one|hardly|unable to)(?![\p{L}])/iu;
/** Where a new clause starts: punctuation, or a conjunction followed by a new subject ("…again and I'll…"). */
const CLAUSE_BREAK = /[,;:.!?—]|\s(?:and|but|so|because|while|then)\s+(?=(?:i|we|you|it|this|that|they)\b)/giu;

/**
 * A move cue is negated when a negator stands in its own clause, at most four words before it ("I won't
 * apologize", "we are unable to offer"). Unlike the matcher's default, a conjunction that opens a new
 * clause ends the negation: "it won't happen again and I'll look into it today" still takes ownership.
 */
function negatedInClause(text: string, start: number): boolean {
  const from = Math.max(0, start - 60);
  let before = text.slice(from, start);
  let cut = -1;
  // scan a little past the cue so the lookahead can see the subject the cue starts with
  for (const m of text.slice(from, start + 6).matchAll(CLAUSE_BREAK)) if ((m.index ?? 0) < before.length) cut = (m.index ?? 0) + m[0].length;
  if (cut >= 0) before = before.slice(Math.min(cut, before.length));
  return NEGATOR.test(before.trim().split(/\s+/).slice(-4).join(' '));
}

/** Where the customer's first name (or the whole name) first appears capitalized, if it does. */
export function nameRange(text: string, name: string | undefined): Range | undefined {
  const first = name?.trim().split(/\s+/)[0];
  if (!first || first.length < 2) return undefined;
  const re = new RegExp(`(?<![\\p{L}\\p{N}_@])${escapeRegExp(first)}(?![\\p{L}])`, 'giu');
  for (const m of text.matchAll(re)) {
    const c = m[0][0];
    if (c === c.toUpperCase()) return [m.index ?? 0, (m.index ?? 0) + m[0].length];
  }
  return undefined;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The distinct moves, in first-occurrence order. */
export function moveSet(moves: MoveFinding[]): Move[] {
  return [...new Set(moves.map((m) => m.move))];
}

/** True when the moves include any of `wanted`. */
export function makes(moves: readonly MoveFinding[], ...wanted: Move[]): boolean {
  return moves.some((m) => wanted.includes(m.move));
}

/**
 * Concrete time expressions ("by 5pm today", "within 24 hours"), optionally only inside `within`.
 *
 * @example
 * timeCues("I'll call you tomorrow.").length // 1
 */
export function timeCues(text: string, sentences?: Sentence[], within?: Range): Range[] {
  return findPhrases(text, TIME, sentences)
    .map((m) => m.range)
    .filter((r) => !within || (r[0] >= within[0] && r[1] <= within[1]));
}

/**
 * Whether the draft says the agreement will be confirmed in writing by e-mail (P16).
 *
 * @example
 * confirmsByEmail("I'll e-mail you a summary today.") // true
 */
export function confirmsByEmail(text: string, sentences?: Sentence[]): boolean {
  return hasPhrase(text, EMAIL_CONFIRMATION, sentences);
}

/**
 * Whether the draft asks the "if you ran our business, what would you do?" question of seed 002 (P12).
 *
 * @example
 * asksOwnerQuestion('If you ran our store, what would you do here?') // true
 */
export function asksOwnerQuestion(text: string, sentences?: Sentence[]): boolean {
  return hasPhrase(text, OWNER_QUESTION, sentences);
}

/** A move the playbook expects of this reply, in playbook order, and the principle behind it. */
export interface PlaybookStep {
  move: Move;
  principle: PrincipleId;
}

const CLOSING = new Set(['agree', 'summarize']);

/** True when the conversation is closing: an agreement is reached and the reply should recap it. */
export function isClosing(context: Pick<ReplyContext, 'phase'>): boolean {
  return context.phase !== undefined && CLOSING.has(context.phase);
}

/** True when the customer's need is not known yet, so the reply should ask what would make it right. */
export function needUnknown(context: ResolvedContext): boolean {
  return context.analysis.needs.every((n) => n.need === 'acknowledgement' || n.need === 'information' || n.need === 'escalation');
}

/** True when loyalty must be acknowledged: the customer mentioned it, or the CRM says so and they are upset. */
export function loyaltyCalledFor(context: ResolvedContext): boolean {
  if (context.analysis.signals.some((s) => s.kind === 'loyalty')) return true;
  return context.upset && ((context.tenureYears ?? 0) >= 2 || context.highValue === true);
}

/**
 * The moves the playbook expects of a reply in this context, in the order the playbook makes them:
 * acknowledge → apologize → side with them → own → ask (need unknown) or offer (need known) → loyalty →
 * summarize → follow up. The missing-move rules and `nextMove` both read this list, so the coaching
 * panel never recommends a move that no rule would ask for.
 *
 * @example
 * playbookSteps(resolveContext({ customerMessage: 'This is ridiculous!' })).map((s) => s.move)
 * // ['acknowledge', 'apologize', 'empathize', 'own', 'ask']
 */
export function playbookSteps(context: ResolvedContext): PlaybookStep[] {
  const steps: PlaybookStep[] = [];
  const closing = isClosing(context);
  const review = context.channel === 'public-review';
  if (context.upset) {
    steps.push({ move: 'acknowledge', principle: 'P2' }, { move: 'apologize', principle: 'P4' });
    if (!review) steps.push({ move: 'empathize', principle: 'P6' }, { move: 'own', principle: 'P10' });
  }
  if (!review && !closing && context.phase !== 'follow-up') {
    // A known need is served by an offer; an unknown one, or a stand-off after refusals, by asking.
    if (context.upset && !needUnknown(context) && context.phase !== 'listen') steps.push({ move: 'offer', principle: 'P13' });
    if ((context.upset && needUnknown(context)) || (context.refusals ?? 0) >= 2) steps.push({ move: 'ask', principle: 'P12' });
  }
  if (!review && loyaltyCalledFor(context)) steps.push({ move: 'loyalty', principle: 'P18' });
  if (!review && closing) steps.push({ move: 'summarize', principle: 'P16' }, { move: 'follow-up', principle: 'P17' });
  return steps;
}

const GREETING = /^(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Gg]ood (?:[Mm]orning|[Aa]fternoon|[Ee]vening)|[Gg]reetings)(?![\p{L}])(?:[ \t]+(?!I[\s'’])(?:there|team|[\p{Lu}][\p{L}'-]*))?[ \t]*[,!.:—-]?|@[\w.]+)[ \t]*(?:\r?\n)*[ \t]*/u;

/**
 * Where a missing move is reported: the whole first sentence (a missing move has no span of its own), or
 * `[0, 0]` for an empty draft.
 */
export function missingMoveRange(sentences: readonly Sentence[]): Range {
  return sentences[0] ? sentences[0].range : [0, 0];
}

/** Where an inserted sentence goes: after a leading greeting ("Hi Ana,") or @handles, else at the start. */
export function insertionPoint(text: string): number {
  let at = 0;
  for (let guard = 0; guard < 4; guard++) {
    const m = GREETING.exec(text.slice(at));
    if (!m || m[0].length === 0) break;
    at += m[0].length;
  }
  return at;
}

/**
 * A fix that inserts `sentence` where the playbook wants it: after the greeting, before the rest.
 *
 * @example
 * insertSentence('Hi Ana,\nWe refunded you.', 'I apologize for the double charge.')
 * // { range: [8, 8], text: 'I apologize for the double charge. ' }
 */
export function insertSentence(text: string, sentence: string): Fix {
  const at = insertionPoint(text);
  const rest = text.slice(at);
  if (rest.length === 0) return { range: [at, at], text: `${at > 0 && !/\s$/.test(text) ? ' ' : ''}${sentence}` };
  const lead = at > 0 && !/\s$/.test(text.slice(0, at)) ? ' ' : '';
  // After "Hi Ana," on the same line the inserted sentence continues the greeting: "Hi Ana, you deserve…"
  const inGreeting = /,[ \t]*$/.test(text.slice(0, at));
  const own = inGreeting && !/^I(?:\s|['’])/.test(sentence) ? sentence[0].toLowerCase() + sentence.slice(1) : sentence;
  // …and what followed the greeting now starts a sentence of its own: "we refunded" → "We refunded"
  const next = rest[0];
  if (next !== next.toUpperCase()) return { range: [at, at + 1], text: `${lead}${own} ${next.toUpperCase()}` };
  return { range: [at, at], text: `${lead}${own} ` };
}

/** A trailing sign-off line ("— Sam", "Best, Sam", "Thanks, the Acme team") that inserted text goes before. */
const SIGN_OFF = /(?:^|\n)[ \t]*(?:[-–—~^]+ ?[\p{L}][^\n]{0,40}|(?:best|kind regards|regards|warm regards|cheers|thanks|thank you|many thanks|all the best|take care|speak soon)(?:,[^\n]{0,40})?|(?:best|kind regards|regards|cheers|thanks)[,!.]?\s*\n[^\n]{1,40})\s*$/iu;

/**
 * A fix that adds `sentence` at the end of the draft's body, before a sign-off when there is one:
 * questions and closing promises read naturally last.
 *
 * @example
 * appendSentence('We refunded you.\n— Sam', 'What else can I do?')
 * // { range: [16, 16], text: ' What else can I do?' }
 */
export function appendSentence(text: string, sentence: string): Fix {
  const sign = SIGN_OFF.exec(text);
  let at = sign && sign.index > 0 ? sign.index : text.length;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return { range: [at, at], text: at === 0 ? sentence : ` ${sentence}` };
}

/**
 * A fix that adds `sentence` right after the last sentence making one of `after` (e.g. after the
 * acknowledgement), else where `insertSentence` would put it.
 */
export function insertAfterMove(text: string, sentences: readonly Sentence[], moves: readonly MoveFinding[], after: Move[], sentence: string): Fix {
  const anchor = moves.filter((m) => after.includes(m.move)).at(-1);
  const s = anchor && sentences.find((x) => anchor.range[0] >= x.range[0] && anchor.range[0] < x.range[1]);
  if (!s) return insertSentence(text, sentence);
  return { range: [s.range[1], s.range[1]], text: ` ${sentence}` };
}

const CATEGORY_WORDING: Record<IssueCategory, string> = {
  delivery: 'the delay with your delivery',
  defect: 'the fault with what you bought',
  billing: 'the problem with your bill',
  refund: 'the wait for your refund',
  account: 'the trouble with your account',
  service: 'the way you were treated',
  transfer: 'being passed from person to person',
  policy: 'the decision on your request',
};

/**
 * The customer's issue as a noun phrase a reply can use ("the double charge on your card"): the context's
 * written issue, else a wording for the first issue category the analysis found, else undefined.
 *
 * @example
 * describeIssue({ issue: 'the double charge on your card' }) // 'the double charge on your card'
 */
export function describeIssue(context: Pick<ResolvedContext, 'issue'> & { analysis?: Pick<ResolvedContext['analysis'], 'issues'> }): string | undefined {
  const written = context.issue?.trim();
  if (written) return written;
  const first = context.analysis?.issues[0];
  return first ? CATEGORY_WORDING[first.category] : undefined;
}
