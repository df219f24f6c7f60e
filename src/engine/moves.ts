import {
  DETAIL_QUESTION_OPENING, EMAIL_CONFIRMATION_CUES, INTERJECTION, MOVE_CUES, NOT_DETAIL_QUESTION_CUES, NOT_VOCATIVE, OWNER_QUESTION_CUES,
  RHETORICAL_QUESTION_OPENING, SIGN_OFF_WORDS, TAG_QUESTION, TIME_CUES,
} from './moves.data.ts';
import { compileTable, findPhrases, hasPhrase, type CompiledTable } from './text/matcher.ts';
import type { Fix, Move, PrincipleId, Range, ReplyContext, ResolvedContext, Sentence } from './types.ts';
import { sentenceAt, splitSentences } from './text/sentences.ts';

export interface MoveFinding {
  move: Move;
  range: Range;
}

const TABLES = Object.entries(MOVE_CUES).map(([move, entries]) => [move as Move, compileTable(entries)] as [Move, CompiledTable]);
const TIME = compileTable(TIME_CUES);
const EMAIL_CONFIRMATION = compileTable(EMAIL_CONFIRMATION_CUES);
const OWNER_QUESTION = compileTable(OWNER_QUESTION_CUES);
const NOT_DETAIL_QUESTION = compileTable(NOT_DETAIL_QUESTION_CUES);

/** What move detection may use from the context: the name to look for and the options on offer. */
export type MoveContext = Pick<ReplyContext, 'customerName' | 'options'> & { name?: string };

/**
 * The playbook moves a reply makes, with the span of each cue, in text order. Negated and quoted cues do
 * not count ("I won't apologize", `"sorry" is not enough`). The customer's name counts only with a capital
 * letter, so a customer called Will is not "named" by "I will"; without a known name, a first name the reply
 * addresses ("Hi Dana,", "Thanks for waiting, Dana!") counts. A question to the customer, or a request for a
 * specific piece of information, is `ask-details`. Quoting an option from the company's catalogue ("a 15%
 * discount on your next order") counts as an offer.
 *
 * @example
 * detectMoves('I apologize for the late parcel, Ana.', { customerName: 'Ana' }).map((m) => m.move)
 * // ['apologize', 'name']
 */
export function detectMoves(text: string, context: MoveContext = {}, sentences: Sentence[] = splitSentences(text)): MoveFinding[] {
  let out: MoveFinding[] = [];
  for (const [move, table] of TABLES) {
    for (const m of findPhrases(text, table, sentences, { skipNegated: false })) {
      if (negatedInClause(text, m.range[0])) continue;
      if (move === 'ask-details' && !askedOfCustomer(text, m.range[0])) continue;
      if ((move === 'reassure' || move === 'own') && !agentSpeaks(text, m.range[0])) continue;
      if (move === 'acknowledge' && stockEmpathy(text, m.range, sentences)) continue;
      out.push({ move, range: m.range });
    }
  }
  const asked = questionClauses(text, sentences);
  const questions = asked.length ? keepDetailQuestions(text, asked) : asked;
  for (const range of questions) out.push({ move: 'ask-details', range });
  if (asked.length || out.some((m) => m.move === 'ask-details')) out = separateQuestions(out, sentences, asked, questions);
  const name = nameRange(text, context.name ?? context.customerName) ?? vocativeName(text);
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

/**
 * Help offered only as a concession or a comparison is no reassurance: "While we'd like to help, this app is
 * not ours", "the more details you share, the better we can assist".
 */
const CONCESSION_BEFORE = /(?:^|[^\p{L}])(?:while|although|though|as much as|even though|the (?:more|better|sooner|faster|quicker))\s+$/iu;

/** Someone other than the agent doing the helping: "our support team is here to help", "they'll be glad to take a look". */
const THIRD_PARTY_BEFORE = /(?:^|[^\p{L}])(?:they|team|teams|agents?|experts?|specialists?|advisors?|advisers?|staff|folks|representatives?|reps?|colleagues?|department|support|partners?|developers?|manufacturer|carrier|bank|store|(?:he|she))(?:['’]re|['’]ll be|['’]d be|['’]s| are| is| will be| would be| can| will)?\s+(?:(?:always|more than|really|very|so|definitely|certainly|also|best)\s+)?$/iu;

/** Whether a helping cue is the agent's own (not a concession, not a third party's): see the two patterns above. */
function agentSpeaks(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return !CONCESSION_BEFORE.test(before) && !THIRD_PARTY_BEFORE.test(before);
}

/** The textbook stock phrases, which the reply-label guide counts as scripted empathy and not as acknowledgement. */
const STOCK_EMPATHY = /^(?:i|we) (?:\p{L}+ )?(?:understand|know|appreciate|imagine|hear) (?:your (?:frustration|concerns?|disappointment|annoyance|inconvenience)|(?:exactly |just )?how you (?:feel|must feel|are feeling))$/iu;

/**
 * "I understand your frustration." with nothing after it names no specific trouble: stock empathy, not an
 * acknowledgement. The same words followed by the trouble or a will to act ("…with the double charge", "…,
 * and I want to put this right") still acknowledge.
 */
function stockEmpathy(text: string, range: Range, sentences: readonly Sentence[]): boolean {
  if (!STOCK_EMPATHY.test(text.slice(range[0], range[1]))) return false;
  const end = sentenceAt(sentences as Sentence[], range[0])?.range[1] ?? text.length;
  return !/[\p{L}\p{N}]/u.test(text.slice(range[1], end));
}

/** "…ask the owner to share a link", "when you're ready to share those details": an infinitive, not a request. */
const INFINITIVE_BEFORE = /(?:^|\s)to\s*$/u;
const REQUEST_INFINITIVE = /(?:free|able|need you|want you|like you|ask you|love you|invite you|encourage you)\s+to\s*$/u;

/** The agent as the subject: "we'll share more details soon", "I'll confirm the details by e-mail" give, not ask. */
const AGENT_BEFORE = /(?:^|[^\p{L}])(?:i|we)(?:['’]ll|['’]d|['’]ve| will| would| can| could| have| are going to|['’]re going to|['’]m going to| am going to| just| also| then)?\s+(?:(?:also|then|now|gladly|happily|soon|just)\s+)?$/u;

/**
 * Whether a request cue is put to the customer: not someone else's step ("ask the owner to share a link"),
 * not the agent's own promise ("we'll share more details soon").
 */
function askedOfCustomer(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start).toLowerCase();
  if (AGENT_BEFORE.test(before)) return false;
  return !INFINITIVE_BEFORE.test(before) || REQUEST_INFINITIVE.test(before);
}

/**
 * The sentences that ask the customer for information, as the span of the question itself: a sentence
 * ending in "?" (after any link in it), or opening like one ("Just to confirm, did you try…") without its
 * mark. Questions that only check an answer landed, ask the customer to run steps, offer something or sign
 * off (`NOT_DETAIL_QUESTION_CUES`) are left out. One pass over the sentences.
 *
 * @example
 * detailQuestions('Sorry about that! Which model is it? Does this help?') // [[18, 37]]
 */
export function detailQuestions(text: string, sentences: readonly Sentence[] = splitSentences(text)): Range[] {
  return keepDetailQuestions(text, questionClauses(text, sentences));
}

/** Every question the sentences ask, as its clause, whatever it asks for. */
function questionClauses(text: string, sentences: readonly Sentence[]): Range[] {
  const out: Range[] = [];
  for (let k = 0; k < sentences.length && out.length < MAX_QUESTIONS; k++) {
    const range = questionClause(text, sentences[k]);
    if (range) out.push(range);
  }
  return out;
}

/** The questions that ask for information, not the ones `NOT_DETAIL_QUESTION_CUES` describes. */
function keepDetailQuestions(text: string, candidates: readonly Range[]): Range[] {
  const excluded = findPhrases(text, NOT_DETAIL_QUESTION, undefined, { skipNegated: false, skipQuoted: false }).map((m) => m.range[0]);
  let k = 0;
  return candidates.filter(([start, end]) => {
    while (k < excluded.length && excluded[k] < start) k++;
    return !(k < excluded.length && excluded[k] < end);
  });
}

const URL_START = /(?:https?:\/\/|www\.)/giu;
/** Longest stretch of a sentence looked at for a question: a megabyte without a stop costs nothing more. */
const MAX_QUESTION = 600;
/** Questions read per reply: the move needs one, and a megabyte of "?" must not cost a pass per question. */
const MAX_QUESTIONS = 100;
/** The data's sentence-opening patterns, made sticky so they are tried at a sentence start without slicing it. */
const sticky = (re: RegExp) => new RegExp(re.source.replace(/^\^/, ''), 'iuy');
const QUESTION_OPENING = sticky(DETAIL_QUESTION_OPENING);
const RHETORICAL_OPENING = sticky(RHETORICAL_QUESTION_OPENING);
/** Closing quotes, brackets and spaces after a question mark: "…, right?”)" */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', ' ', '\t', '\n', '\r', '\u00a0']);

/** The question a sentence asks, if it asks one: the words after its last link, up to its end. */
function questionClause(text: string, s: Sentence): Range | undefined {
  let [start, end] = s.range;
  while (end > start && CLOSERS.has(text[end - 1])) end--;
  const asked = text[end - 1] === '?';
  if (asked) {
    // the question is what follows the last link: "Try these tips: https://… Does it happen on Wi-Fi?"
    const from = Math.max(start, end - MAX_QUESTION);
    const tail = text.slice(from, end);
    let last = -1;
    for (const m of tail.matchAll(URL_START)) last = from + (m.index ?? 0);
    if (last >= 0) {
      let after = last;
      while (after < end && !/\s/u.test(text[after])) after++;
      start = after;
    } else if (start < from) start = from;
    while (start < end && /[\s.,;:!—–-]/u.test(text[start])) start++;
    while (start < end && text[start] === '@') {
      // leading @handles are an address, not part of the question
      while (start < end && !/\s/u.test(text[start])) start++;
      while (start < end && /\s/u.test(text[start])) start++;
    }
    RHETORICAL_OPENING.lastIndex = start;
    if (end - start < 3 || RHETORICAL_OPENING.test(text) || TAG_QUESTION.test(text.slice(Math.max(start, end - 24), end))) return undefined;
    return [start, end];
  }
  // "Just to confirm, did you try resetting your password by completing the steps here: https://…"
  QUESTION_OPENING.lastIndex = start;
  const opening = QUESTION_OPENING.exec(text);
  if (!opening || opening.index + opening[0].length > end) return undefined;
  // …the question ends where its link begins
  const url = text.slice(start, Math.min(end, start + MAX_QUESTION)).search(URL_START);
  let stop = url >= 0 ? start + url : end;
  while (stop > start && /[\s:,;—–-]/u.test(text[stop - 1])) stop--;
  return [start, stop];
}

/**
 * Keeps `ask` and `ask-details` apart, and a recap apart from a question: in a sentence that asks what
 * would make it right, a question cue is `ask` only; a summary cue inside any question ("Just to confirm,
 * did you…?") is no summary.
 */
function separateQuestions(moves: MoveFinding[], sentences: readonly Sentence[], asked: readonly Range[], kept: readonly Range[]): MoveFinding[] {
  const sentenceOf = (at: number) => sentenceAt(sentences as Sentence[], at)?.range[0] ?? -1;
  const asking = new Set(moves.filter((m) => m.move === 'ask').map((m) => sentenceOf(m.range[0])));
  // One question clause per sentence at most, so each is found by its sentence.
  const bySentence = (qs: readonly Range[]) => new Map(qs.map((q) => [sentenceOf(q[0]), q] as const));
  const askedIn = bySentence(asked);
  const keptIn = bySentence(kept);
  // a cue just before the clause still belongs to it: "Just to confirm, did you…" starts the question
  const within = (q: Range | undefined, m: MoveFinding) => q !== undefined && m.range[0] >= q[0] - 40 && m.range[0] < q[1];
  return moves.filter((m) => {
    const sentence = sentenceOf(m.range[0]);
    if (m.move === 'ask-details') {
      if (asking.has(sentence)) return false;
      // a request cue inside a question already found is the same ask: keep the question's span only
      const q = keptIn.get(sentence);
      return !(within(q, m) && !(q && q[0] === m.range[0] && q[1] === m.range[1]));
    }
    if (m.move === 'summarize') return !within(askedIn.get(sentence), m);
    return true;
  });
}

const NAME_WORD = "\\p{Lu}\\p{Ll}[\\p{Ll}'’-]{0,24}";
const TITLE = '(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?[ \\t]+';
/** "Hi Dana,", "Hello, Dana!", "Dear Mr. Silva": a greeting and the name it addresses, closed by punctuation or a line end. */
const GREETING_NAME = new RegExp(
  `(?<![\\p{L}\\p{N}_@])(?:[Hh]i|HI|[Hh]ello|HELLO|[Hh]ey|HEY|[Hh]iya|[Hh]owdy|[Dd]ear|[Gg]ood (?:[Mm]orning|[Aa]fternoon|[Ee]vening|[Dd]ay)|[Gg]reetings)[ \\t]*,?[ \\t]+((?:${TITLE})?${NAME_WORD}(?:[ \\t]+${NAME_WORD})?)(?=[ \\t]*(?:[,.!?:;…—–-]|\\r?\\n|$))`,
  'gu',
);
/**
 * ", Dana." / ", Dana!" / ", Dana" at a line end: a name closing a clause; or ", Dana, and…" / ", Dana and
 * please…" continuing it, which counts only after a courtesy ("Thank you for the feedback, Dana, and…").
 */
const TRAILING_NAME = new RegExp(`,[ \\t]*(${NAME_WORD})(?=[ \\t]*(?:[.!?…]|\\r?\\n|$)|[ \\t]*,?[ \\t]+and[ \\t])`, 'gu');
/** "Dana, we've refunded…": a name opening the reply or a sentence, before a comma and a lower-case word. */
const LEADING_NAME = new RegExp(`(?:^|[.!?…][ \\t]+|\\n[ \\t]*)((?:@[\\w.]+[ \\t]+){0,8})(${NAME_WORD}),[ \\t]+(?=\\p{Ll})`, 'gu');
/** The agent speaking next: a sentence-opening name before "we…" or "I…" is addressed ("Dana, we've refunded you"). */
const FIRST_PERSON_NEXT = /^(?:we|i)(?:['’]\p{L}{1,2})?(?![\p{L}])/u;
/** A clause that opens with a courtesy, so a name inside it is addressed: "Thank you for the feedback, Dana, and…". */
const COURTESY_OPENER = /^(?:thanks|thank you|sorry|apologies|we appreciate|i appreciate|hi|hello|hey|welcome|congrats|congratulations|glad|good to hear)(?![\p{L}])/iu;
/** How many candidates each pattern may reject before giving up: bounds the work on a megabyte of commas. */
const MAX_NAME_CANDIDATES = 200;

/** Capitalized words that may stand right before an addressed name: "Thanks, Dana!", "Sorry, Dana." */
const COURTESY_BEFORE_NAME = /^(?:Thanks|Thank|Sorry|Hi|Hello|Hey|Welcome|Yes|No|Okay|Sure|Cheers|Absolutely|Congrats|Congratulations)$/u;
const plainWord = (w: string) => w.toLowerCase().replace(/’/g, "'");
const isVocative = (w: string) => !NOT_VOCATIVE.has(plainWord(w)) && !INTERJECTION.test(w);

/** The clause a position is in, back to the last sentence end or line start within 80 characters, without @handles. */
function clauseBefore(text: string, at: number): string {
  const window = text.slice(Math.max(0, at - 80), at);
  const line = window.slice(window.lastIndexOf('\n') + 1);
  return line.replace(/^.*[.!?…]\s+/su, '').replace(/^(?:@[\w.]+\s+)+/u, '').trim();
}

/**
 * Where the reply addresses the customer by a first name when no name is known from the context: after a
 * greeting ("Hi Dana,"), closing a clause ("Thanks for waiting, Dana!") or opening a sentence the agent
 * speaks in ("Dana, we…"). Capitalized common words ("Thanks, Sorry, Great"), interjections ("Hmm, we…"),
 * generic addressees ("Hi there", "Hi team"), @handles and a sign-off's name ("Thanks, Sam" ending the
 * reply) are not names.
 *
 * @example
 * vocativeName('@dana_k Hi Dana, we refunded you. ^JS') // [11, 15]
 */
export function vocativeName(text: string): Range | undefined {
  const found: Range[] = [];
  let tries = 0;
  GREETING_NAME.lastIndex = 0;
  for (let m = GREETING_NAME.exec(text); m && tries < MAX_NAME_CANDIDATES; m = GREETING_NAME.exec(text), tries++) {
    const words = m[1].replace(/^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+/u, '').split(/[ \t]+/u);
    if (!words.every(isVocative)) continue;
    const at = m.index + m[0].length - m[1].length;
    found.push([at, at + m[1].length]);
    break;
  }
  tries = 0;
  TRAILING_NAME.lastIndex = 0;
  for (let m = TRAILING_NAME.exec(text); m && tries < MAX_NAME_CANDIDATES; m = TRAILING_NAME.exec(text), tries++) {
    const at = m.index + m[0].length - m[1].length;
    const after = text.slice(at + m[1].length, at + m[1].length + 80);
    if (!isVocative(m[1]) || /^\s+here(?![\p{L}])/u.test(after)) continue;
    // a list ("Chrome, Safari.") or a capitalized word before the comma is not an address
    const before = /([\p{L}\p{N}'’&;-]+)[ \t]*$/u.exec(text.slice(Math.max(0, m.index - 40), m.index));
    if (!before || (/\p{Lu}/u.test(before[1]) && !COURTESY_BEFORE_NAME.test(before[1]))) continue;
    const opener = clauseBefore(text, m.index);
    // ", Dana, and…" is an address only after a courtesy; a list reads the same way ("photos, Notes, and…")
    if (/^[ \t]*,?[ \t]+and[ \t]/u.test(after) && !COURTESY_OPENER.test(opener)) continue;
    // "Thanks, Sam" ending the reply is the agent signing off
    if (SIGN_OFF_WORDS.test(opener) && /^[\s.!?…]*$/u.test(after)) continue;
    found.push([at, at + m[1].length]);
    break;
  }
  tries = 0;
  LEADING_NAME.lastIndex = 0;
  for (let m = LEADING_NAME.exec(text); m && tries < MAX_NAME_CANDIDATES; m = LEADING_NAME.exec(text), tries++) {
    const name = m[2];
    // adverbs open sentences the same way ("Unfortunately, we…"), and a name ending so is rarer than one
    if (!isVocative(name) || /ly$/u.test(name)) continue;
    // the agent must speak next ("Dana, we…"), or the @handle the reply opens with must carry the name
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    const inHandle = m[1].toLowerCase().includes(name.toLowerCase()) && name.length >= 3;
    if (!FIRST_PERSON_NEXT.test(next) && !inHandle) continue;
    const at = m.index + m[0].lastIndexOf(`${name},`);
    found.push([at, at + name.length]);
    break;
  }
  return found.sort((a, b) => a[0] - b[0])[0];
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
 * Where a missing move is reported: an empty range where the move would go, after the greeting (`start`: the
 * opening moves) or at the end of the body before a sign-off (`end`: loyalty, recap, follow-up, questions).
 * A missing move has no words of its own, and quoting the draft's first sentence as its evidence pointed at
 * words that had nothing to do with it ("Calm down." as the evidence of a missing apology; issue 12).
 */
export function missingMoveRange(text: string, at: 'start' | 'end' = 'start'): Range {
  const p = at === 'start' ? insertionPoint(text) : appendSentence(text, '').range[0];
  return [p, p];
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

/** A tweet's closing initials or name on the reply's last line: "… *SR", "… ^KM", "… ~Olivia", "… -Rene". */
const INLINE_SIGNATURE = /[ \t]+(?:[*^~][ \t]?[\p{L}.]{1,20}|[-–—][ \t]?\p{Lu}[\p{L}.]{0,19})[ \t]*$/u;

/**
 * A fix that adds `sentence` at the end of the draft's body, before a sign-off when there is one:
 * questions and closing promises read naturally last.
 *
 * @example
 * appendSentence('We refunded you.\n— Sam', 'What else can I do?')
 * // { range: [16, 16], text: ' What else can I do?' }
 */
export function appendSentence(text: string, sentence: string): Fix {
  const sign = SIGN_OFF.exec(text) ?? INLINE_SIGNATURE.exec(text);
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

/**
 * The customer's issue as a noun phrase a reply can use ("the double charge on your card"): the context's
 * written issue, else the label of the first issue the analysis found that has one ("the double charge"),
 * else undefined. Never a category's stock wording: "the delay with your delivery" offered to a customer who
 * is locked out of their account is worse than wording that names no issue (issue 12).
 *
 * @example
 * describeIssue({ issue: 'the double charge on your card' }) // 'the double charge on your card'
 */
export function describeIssue(context: Pick<ResolvedContext, 'issue'> & { analysis?: Pick<ResolvedContext['analysis'], 'issues'> }): string | undefined {
  const written = context.issue?.trim();
  if (written) return written;
  return context.analysis?.issues.find((i) => i.label)?.label;
}
