import { compileTable, findPhrases, type PhraseMatch } from '../text/matcher.ts';
import type { Sentence } from '../types.ts';
import { CUE_GROUPS, EMOJI_KIND, type CueEntry } from './cues.data.ts';
import type { Cue, CueKind } from './evidence.ts';
import { sentenceIndexAt } from './spans.ts';

/** All feeling groups in one alternation: one scan of the text whatever the table sizes. */
const FLAT: { entry: CueEntry; group: (typeof CUE_GROUPS)[number] }[] = CUE_GROUPS.flatMap((group) => group.entries.map((entry) => ({ entry, group })));
const TABLE = compileTable(FLAT.map((f) => f.entry));

/**
 * Beyond this many cues a message's scores have long saturated; the cap bounds memory on hostile input
 * (a megabyte of "furious furious …").
 */
const MAX_CUES = 2000;

/** Acronyms that are written in capitals without shouting. */
const ACRONYMS = new Set([
  'ok', 'id', 'usa', 'uk', 'us', 'eu', 'ups', 'dhl', 'usps', 'fedex', 'pin', 'pc', 'tv', 'dm', 'dms', 'sms', 'faq', 'eta',
  'asap', 'atm', 'api', 'pdf', 'url', 'vpn', 'wifi', 'hdmi', 'usb', 'sim', 'imei', 'gps', 'ceo', 'bbb', 'ftc', 'ios',
  'lol', 'it', 'hr', 'am', 'pm', 'vat', 'gb', 'mb', 'nyc', 'la', 'ny', 'cd', 'dvd', 'ssd', 'cpu', 'gpu', 'ram', 'os',
  'ip', 'dns', 'ssl', 'tls', 'www', 'com', 'app', 'ui', 'ux', 'ai', 'uk', 'nhs', 'irs', 'dmv', 'gst', 'hst', 'mr', 'mrs',
  'ps', 'ps4', 'ps5', 'xbox', 'psn', 'ea', 'nba', 'nfl', 'rsvp', 'qr', 'otp', 'kyc', 'ach', 'iban', 'swift', 'bt', 'att',
  'tmobile', 'sku', 'po', 'rma', 'fyi', 'btw', 'imo', 'tbh', 'gmt', 'utc', 'est', 'pst', 'cst', 'aws', 'ibm', 'hp', 'lg',
]);

/** What may separate two words of one shouted run. */
const RUN_GAP = /^[\s.,!?:;'"’]{1,3}$/;

/**
 * Single capitalised words that are emphasis ("I NEVER got it", "NOT acceptable"). Any other lone
 * capitalised word is more often a product or a code (TYTV, COVID) than a raised voice.
 */
const EMPHASIS = new Set([
  'not', 'never', 'still', 'again', 'actually', 'nothing', 'now', 'always', 'every', 'any', 'why', 'what', 'how', 'twice',
  'three', 'refund', 'help', 'nobody', 'none', 'all', 'again', 'worst', 'useless', 'ridiculous', 'unacceptable', 'stop',
  'fix', 'immediately', 'urgent', 'months', 'weeks', 'days', 'hours', 'years', 'times', 'no', 'zero', "didn't", "don't",
  "can't", "won't", "isn't", "doesn't", "haven't", "hasn't", 'paid', 'twice', 'cancel', 'angry', 'furious', 'done',
]);

/**
 * Finds the feeling cues of a customer message: lexicon words (with negation and intensifiers), shouting
 * and repeated exclamation marks. Linear in the text length.
 *
 * @example
 * extractCues('I am absolutely furious!!!', splitSentences('I am absolutely furious!!!')).map((c) => c.kind)
 * // ['anger', 'exclaim']
 */
export function extractCues(text: string, sentences: Sentence[]): Cue[] {
  const cues: Cue[] = [];
  lexicalCues(text, sentences, cues);
  capsCues(text, sentences, cues);
  exclaimCues(text, sentences, cues);
  return cues.sort((a, b) => a.range[0] - b.range[0]);
}

function lexicalCues(text: string, sentences: Sentence[], out: Cue[]): void {
  // intensifiers and negated words are matches too, hence the margin over MAX_CUES
  const matches = findPhrases(text, TABLE, sentences, { skipNegated: false, limit: 2 * MAX_CUES });
  let boost: { match: PhraseMatch; factor: number } | undefined;
  let count = 0;
  for (const m of matches) {
    if (count >= MAX_CUES) break;
    const { entry, group } = FLAT[m.index];
    const sentence = sentenceIndexAt(sentences, m.range[0]);
    const sStart = sentence >= 0 ? sentences[sentence].range[0] : 0;
    if (group.kind === 'intensifier') {
      boost = { match: m, factor: entry.weight };
      continue;
    }
    if ((entry.negatable ?? group.negatable) && negatedNear(text, sStart, m.range[0])) {
      boost = undefined;
      continue;
    }
    const kind: CueKind = group.kind === 'emoji' ? EMOJI_KIND[entry.emotion ?? 'joy'] : group.kind;
    let start = m.range[0];
    let weight = entry.weight;
    // An intensifier right before a cue ("so frustrating", "absolutely ridiculous") strengthens it, and
    // the evidence then shows both words.
    if (boost && kind !== 'positive' && /^\s{1,3}$/.test(text.slice(boost.match.range[1], start))) {
      weight = Math.min(1, weight * boost.factor);
      start = boost.match.range[0];
    }
    boost = undefined;
    // Swearing or anger someone else voiced ("my friend said this bank is shit") is reported, not the writer's
    // own heat: it counts for less (GUIDE.md). Quoted words are not matched at all.
    if ((kind === 'profanity' || kind === 'anger') && reportedSpeech(text, sStart, start)) weight *= REPORTED_SHARE;
    const cue: Cue = { kind, range: [start, m.range[1]], text: text.slice(start, m.range[1]), weight, emotion: entry.emotion, sentence };
    if (entry.feeling) cue.feeling = true;
    out.push(cue);
    count++;
  }
}

/** What reported heat counts for, against the writer's own. */
const REPORTED_SHARE = 0.4;
/** Someone else speaking, in the words before a cue: "he said", "my friend told me", "the agent called it". */
const REPORTING = /(?:^|[^\p{L}])(?:he|she|they|someone|somebody|people|everyone|my (?:[\p{L}-]+ )?(?:friends?|wife|husband|partner|son|daughter|mum|mom|dad|boss|colleagues?|neighbou?rs?|kids?|brother|sister)|(?:the|your|an?|one of your) (?:agent|rep|representative|guy|lady|man|woman|driver|staff|employee|manager|person|reviews?|comments?)) (?:(?:just|literally|even|then|always|keeps?) )?(?:said|says|say|told (?:me|us)|tells (?:me|us)|called (?:it|this|me|us)?|calls (?:it|this)|wrote|writes|yelled|shouted|screamed|was like|were like|keeps? saying|replied|answered|texted|posted)(?![\p{L}])/iu;

function reportedSpeech(text: string, sentenceStart: number, matchStart: number): boolean {
  return REPORTING.test(text.slice(Math.max(sentenceStart, matchStart - 80), matchStart));
}

const NEGATOR = /^(?:not|never|no|nothing|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|isn'?t|wasn'?t|aren'?t|weren'?t|ain'?t|can'?t|cannot|shouldn'?t|without|hardly|nor)$/;

/**
 * A negator among the three words before a feeling word, in the same clause: "not angry", "not at all
 * happy", "never been so happy". Narrower than the matcher's four-word window, because in complaints a
 * negation is usually the complaint itself: "I have NEVER agreed to this ludicrous plan" is still angry.
 */
function negatedNear(text: string, sentenceStart: number, matchStart: number): boolean {
  let before = text.slice(Math.max(sentenceStart, matchStart - 32), matchStart);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' but '));
  if (cut >= 0) before = before.slice(cut + 1);
  const words = before.toLowerCase().replace(/’/g, "'").split(/[^\p{L}']+/u).filter(Boolean).slice(-3);
  return words.some((w) => NEGATOR.test(w));
}

/**
 * Shouting. A mostly-capitalised message is one strong cue; otherwise each run of two or more capitalised
 * words is a cue, and a single capitalised word ("I NEVER got it") a weak one. Acronyms are not shouting.
 */
function capsCues(text: string, sentences: Sentence[], out: Cue[]): void {
  let letters = 0;
  let upper = 0;
  const runs: { start: number; end: number; words: number; letters: number }[] = [];
  let run: { start: number; end: number; words: number; letters: number } | undefined;
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const word = m[0];
    const start = m.index;
    const prev = start > 0 ? text.charCodeAt(start - 1) : 32;
    const lowerWord = word.toLowerCase();
    const upperWord = word.toUpperCase();
    // cased letters in the word and how many are capitals; counted letter by letter only for words that
    // have capitals, since most words are all lower case (or have no case at all: digits, CJK)
    let wl = 0;
    let wu = 0;
    if (lowerWord === upperWord) {
      continue;
    } else if (lowerWord === word) {
      wl = word.length;
    } else {
      for (let i = 0; i < word.length; i++) {
        const ch = word[i];
        if (lowerWord[i] !== upperWord[i]) {
          wl++;
          if (ch === upperWord[i]) wu++;
        }
      }
    }
    letters += wl;
    upper += wu;
    const handle = prev === 64 /* @ */ || prev === 35; /* # */
    const shouty = !handle && wl >= 2 && wu === wl && !ACRONYMS.has(lowerWord);
    if (shouty) {
      // a run continues across spaces and sentence punctuation ("FIX. THE. APP."), not across "-" or "/"
      // which join codes and names ("GODADDY-AMS")
      if (run && !RUN_GAP.test(text.slice(run.end, Math.min(start, run.end + 4)))) {
        runs.push(run);
        run = undefined;
      }
      if (run) {
        run.end = start + word.length;
        run.words++;
        run.letters += wl;
      } else {
        run = { start, end: start + word.length, words: 1, letters: wl };
      }
    } else if (wl >= 2 || (wl === 1 && wu === 0)) {
      // a lower-case word ends a run; a lone "I" or "A" does not
      if (run) runs.push(run);
      run = undefined;
    }
  }
  if (run) runs.push(run);
  if (runs.length === 0) return;
  const push = (start: number, end: number, weight: number) => {
    out.push({ kind: 'caps', range: [start, end], text: text.slice(start, end), weight, emotion: 'anger', sentence: sentenceIndexAt(sentences, start) });
  };
  if (letters >= 12 && upper / letters >= 0.7) {
    const first = runs[0];
    const last = runs[runs.length - 1];
    push(first.start, last.end, 0.5);
    return;
  }
  let emitted = 0;
  for (const r of runs) {
    if (emitted >= 50) break;
    if (r.words >= 2 && r.letters >= 6) push(r.start, r.end, Math.min(0.45, 0.2 + 0.05 * r.words));
    else if (r.words === 1 && EMPHASIS.has(text.slice(r.start, r.end).toLowerCase().replace(/’/g, "'"))) push(r.start, r.end, 0.1);
    else continue;
    emitted++;
  }
}

/** Runs of "!" and "?!": one cue per run, stronger for longer runs. A lone "?" is a question, not a cue. */
function exclaimCues(text: string, sentences: Sentence[], out: Cue[]): void {
  let emitted = 0;
  const n = text.length;
  let i = 0;
  while (i < n && emitted < 50) {
    const c = text.charCodeAt(i);
    if (c !== 33 && c !== 63) {
      i++;
      continue;
    }
    let j = i;
    let bangs = 0;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 33) bangs++;
      else if (d !== 63) break;
      j++;
    }
    const len = j - i;
    let weight = 0;
    if (bangs === 0) weight = len >= 3 ? 0.1 : 0;
    else if (len === 1) weight = 0.04;
    else if (bangs < len) weight = 0.2; // "?!", "!?!"
    else weight = len === 2 ? 0.15 : 0.25;
    if (weight > 0) {
      out.push({ kind: 'exclaim', range: [i, j], text: text.slice(i, j), weight, emotion: 'anger', sentence: sentenceIndexAt(sentences, i) });
      emitted++;
    }
    i = j;
  }
}
