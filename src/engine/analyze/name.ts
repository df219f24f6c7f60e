import type { Range } from '../types.ts';

/** A name the customer gave, with where they gave it. */
export interface NameFinding {
  value: string;
  range: Range;
}

/** How far from the end a sign-off may start; bounds the work on long messages. */
const SIGNOFF_WINDOW = 160;

/** Words that look like a name after "Thanks," or "This is" but are not one. */
const NOT_NAMES = new Set([
  'team', 'support', 'guys', 'all', 'everyone', 'everybody', 'again', 'in', 'so', 'much', 'you', 'help', 'please', 'regards',
  'best', 'cheers', 'sir', 'madam', 'anyway', 'love', 'hi', 'hello', 'hey', 'customer', 'service', 'a', 'an', 'the', 'lol',
  'asap', 'now', 'today', 'thanks', 'thank', 'sincerely', 'kind', 'warm', 'yours', 'truly', 'advance', 'for', 'nothing',
  'very', 'ridiculous', 'unacceptable', 'absurd', 'insane', 'crazy', 'terrible', 'awful', 'horrible', 'outrageous', 'not',
  'it', 'this', 'that', 'what', 'why', 'how', 'when', 'where', 'who', 'just', 'really', 'still', 'another', 'my', 'your', 'our',
  'urgent', 'important', 'serious', 'seriously', 'great', 'amazing', 'awesome', 'fine', 'ok', 'okay', 'no', 'yes', 'bad',
  'good', 'wrong', 'right', 'true', 'false', 'unbelievable', 'pathetic', 'useless', 'disgusting', 'shocking', 'fraud',
  'theft', 'robbery', 'madness', 'sad', 'unreal', 'typical', 'weird', 'strange', 'odd', 'impossible', 'getting', 'going',
  'mr', 'mrs', 'ms', 'dr', 'team', 'staff', 'folks', 'people', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'idiots', 'morons', 'scam', 'joke', 'bs', 'nuts', 'wild', 'beyond', 'soon', 'again', 'sorry',
  // closing wishes that look like a signed name ("Stay Safe", "Go Sox", "Happy Holidays")
  'stay', 'go', 'have', 'god', 'merry', 'happy', 'get', 'keep', 'take', 'be', 'sent', 'let', 'make', 'fix', 'stop',
]);

/** Words that never start a surname: "my name is isak and I…" names Isak. */
const NOT_SURNAMES = new Set([
  'and', 'or', 'but', 'from', 'here', 'im', "i'm", 'i', 'my', 'the', 'a', 'an', 'to', 'of', 'in', 'at', 'on', 'with', 'is',
  'was', 'this', 'that', 'and', 'please', 'thanks', 'thank', 'if', 'so', 'because', 'since', 'who', 'you', 'we', 'it',
]);

const WORD = "\\p{L}[\\p{L}'’-]{1,30}";
const MY_NAME = new RegExp(`(?<![\\p{L}])my name(?:'s|’s| is)\\s+(${WORD}(?:[ \\t]+${WORD})?)`, 'iu');
const THIS_IS = new RegExp(`(?<![\\p{L}])(?:[Tt]his is|[Ii]t's|[Ii]t is)\\s+(\\p{Lu}[\\p{L}'’-]{1,30}(?:\\s+\\p{Lu}[\\p{L}'’-]{1,30})?)(?=\\s*(?:[,.!]|\\s(?:here|from|speaking|again)(?![\\p{L}])|$))`, 'u');
const SIGNOFF_WORD = "(?:many thanks|thanks again|thanks so much|thank you so much|thank you|thanks|thx|kind regards|best regards|warm regards|warmest regards|regards|best wishes|all the best|best|cheers|sincerely|yours sincerely|yours truly|respectfully|ty)";
const SIGNOFF = new RegExp(`(?<![\\p{L}])${SIGNOFF_WORD}[,.!]*\\s*(${WORD}(?:[ \\t]+(?:${WORD}|\\p{L}\\.))?)[\\s.!]*$`, 'iu');
const DASH = new RegExp(`(?:^|\\s)[-–—~]+[ \\t]*(${WORD}(?:[ \\t]+(?:${WORD}|\\p{L}\\.))?)[\\s.!]*$`, 'u');
/** A full name alone on the last line ("…\\nAna Silva"); one word alone is too often an exclamation. */
const LAST_LINE = new RegExp(`\\n[ \\t]*(\\p{Lu}[\\p{L}'’-]{1,30}[ \\t]+\\p{Lu}[\\p{L}'’-]{1,30})[ \\t]*$`, 'u');

/**
 * The customer's name when the message gives it: "my name is…", "this is Maria here", or a sign-off
 * ("Thanks, Maria", "- John", "Regards,\nAna Silva"). Only the start and end of the message are searched,
 * so the cost does not grow with the message.
 *
 * @example
 * findName('My parcel is late.\nThanks, Maria') // { value: 'Maria', range: [27, 32] }
 */
export function findName(text: string): NameFinding | undefined {
  const head = text.length > 20000 ? text.slice(0, 20000) : text;
  // In an all-caps or all-lower-case message capitals say nothing, so any word may be the name.
  const anyCase = !/\p{Ll}/u.test(head) || !/\p{Lu}/u.test(head);
  const own = MY_NAME.exec(head);
  if (own) {
    const hit = pick(own, 0, true);
    if (hit) return hit;
  }
  const tailStart = Math.max(0, text.length - SIGNOFF_WINDOW);
  const tail = text.slice(tailStart);
  for (const re of [SIGNOFF, DASH, LAST_LINE]) {
    const m = re.exec(tail);
    if (!m) continue;
    if (re === SIGNOFF) {
      // the sign-off word must open a line or follow a sentence end: "…thanks Maria" mid-sentence is not one
      const before = tail.slice(0, m.index);
      if (before.trim() && !/(?:[.!?:)]|\n)\s*$/.test(before)) continue;
    }
    // "-More Bandwidth" closing a bulleted list is a bullet, not a signature
    if (re === DASH && /(?:^|\n)[ \t]*[-–—~•*]/.test(tail.slice(0, m.index))) continue;
    const hit = pick(m, tailStart, anyCase);
    if (hit) return hit;
  }
  const intro = THIS_IS.exec(head);
  if (intro) {
    const hit = pick(intro, 0, anyCase);
    if (hit) return hit;
  }
  return undefined;
}

function pick(m: RegExpExecArray, offset: number, anyCase: boolean): NameFinding | undefined {
  let words = m[1].split(/\s+/);
  const capital = (w: string) => /^\p{Lu}/u.test(w);
  if (NOT_NAMES.has(words[0].toLowerCase().replace(/’/g, "'"))) return undefined;
  if (!anyCase && !capital(words[0])) return undefined;
  // a second word is a surname only when it looks like one ("my name is Ana Silva", not "Ana and")
  const second = (words[1] ?? '').toLowerCase().replace(/’/g, "'");
  if (words.length > 1 && (NOT_NAMES.has(second) || NOT_SURNAMES.has(second) || (!anyCase && !capital(words[1])) || (anyCase && words[1].length < 2))) {
    words = words.slice(0, 1);
  }
  const raw = m[1].slice(0, m[1].indexOf(words[words.length - 1]) + words[words.length - 1].length);
  const start = offset + m.index + m[0].lastIndexOf(m[1]);
  const value = raw === raw.toUpperCase() || raw === raw.toLowerCase() ? titleCase(raw) : raw;
  return { value, range: [start, start + raw.length] };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
