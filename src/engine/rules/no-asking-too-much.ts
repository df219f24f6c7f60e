import { compileTable, findPhrases, type PhraseMatch } from '../text/matcher.ts';
import type { RawFinding, RuleInput } from './define.ts';
import { defineRule, MAX_FINDINGS_PER_RULE } from './define.ts';
import { clauseAt, sentenceTail } from './kinds.ts';
import { ITEMS, LOOK_UP, REQUESTS } from './no-asking-too-much.data.ts';

/** Requests beyond this many in one reply are too much (P11: "keep it as simple for them as possible"). */
export const MAX_REQUESTS = 2;
/** Details asked for in one request beyond this many are too much (REPLY-LABELS.md: "three or more items"). */
export const MAX_ITEMS = 2;

const requests = compileTable(REQUESTS);
const items = compileTable(ITEMS);
const lookUps = compileTable(LOOK_UP);
/** A parenthesized list after a request: "your system details (OS, GPU, RAM)". Bounded, so linear. */
const PAREN_LIST = /\(([^()\n]{1,160})\)/u;
const LIST_SEPARATOR = /\s*(?:,|\/|;|&(?:amp;)?|(?<![\p{L}])(?:and|or)(?![\p{L}]))\s*/u;
/** A list of choices or examples, not of items: "…, tablet or TV", "e.g. …". */
const OPTIONS = /(?:^\s*(?:e\.?g\.?|for example|such as|like|i\.?e\.?)(?![\p{L}])|(?<![\p{L}])or\s+[^,/;]{1,40}$)/iu;
/** "etc." closes a list; it is not an item. */
const NOT_AN_ITEM = /^(?:etc\.?|and so on|\.{3}|…)?$/iu;
/** The agent as the one looking: "I can check your order status", "let me find that information". */
const AGENT_LOOKS = /(?:^|[^\p{L}'’])(?:i|we|let me|let us)(?:['’](?:ll|ve|m|d))?(?: \p{L}+){0,2}\s*$/iu;
/** A customer who asked where to find something gets an answer, not a chore: "where can I check my order?" */
const ASKED_WHERE = /(?:where|how) (?:can|do|could|would|should) (?:i|we) (?:find|see|check|view|track|look up|get)|(?:is there|where(?:'s| is)) (?:a |the )?(?:link|page|site|website)/iu;
/** "Please contact us if anything changes" invites; it does not ask for work now. */
const INVITATION = /^\s*(?:\S+\s+){0,4}?(?:if|should|whenever|any ?time|in case|once)(?![\p{L}])/iu;
const SUBJECT = /(?<![\p{L}'’])(?:i|we|you|they|he|she|it|let me|let us|our team)(?:['’](?:ll|ve|m|re|d|s))?(?![\p{L}])/iu;
const IMPERATIVE_LEAD = /^(?:(?:so|then|just|and|also|first|next|finally|meanwhile|in the meantime|afterwards)\s*)*$/iu;

/**
 * What a customer's own message shows they already gave: e-mail, order, tracking and phone numbers. Each
 * pattern is anchored on a rare character or a keyword and bounded, so a megabyte of hostile text costs one
 * linear scan per pattern (no unbounded run before a failing tail).
 */
const GIVEN_IN_MESSAGE: [string, RegExp][] = [
  ['e-mail address', /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}\.[\p{L}\p{N}.-]{2,63}/u],
  ['order number', /(?<![\p{L}])(?:order|confirmation|reference|ref)(?![\p{L}])[^\n.]{0,20}?#?\s?[A-Z0-9-]{0,12}\d[A-Z0-9-]{3,20}|#\d{4,12}/iu],
  ['tracking number', /(?<![\p{L}])tracking(?![\p{L}])[^\n.]{0,20}?[A-Z0-9]{0,12}\d[A-Z0-9]{7,30}|(?<![A-Z0-9])1Z[0-9A-Z]{16}/iu],
  ['phone number', /(?<![\d+(])\+?\d[\d ().-]{7,24}\d/u],
  ['link', /https?:\s?\/\/[^\s/]{2,}\/[^\s]{2,}/iu],
];

/**
 * "I've already sent my order number", "as I said, my e-mail is…": the customer says they gave an item, even where
 * the item itself is not in this message (an earlier form, a call). The item is read in the words that follow.
 * Anchored on the verb and bounded, so it stays linear on any message.
 */
const SAID_GIVEN = /(?<![\p{L}])(?:already|just|literally|(?:i|we)['’]ve|(?:i|we) have|as i|i|we)(?: (?:already|just|literally|also))? (?:sent|given|gave|provided|shared|told you|included|typed|put in|written|mentioned|entered|attached|said)(?: (?:you|it|them|over))?(?: (?:my|the|our|all|both))? /giu;
/** How far after those words the item is looked for. */
const SAID_REACH = 40;

/** Requests that ask for information (not "please delete this tweet with your e-mail in it"). */
const GIVING = /(?:send|provide|share|confirm|give|tell|dm|include|reply|e-?mail|message|need|what|enter|resend|forward|attach|upload|fill)/iu;
/** An item is asked for when it is "your …"/"the …" or continues a list ("your order number and e-mail"); "send us an e-mail" asks for a message, not an address. */
const ITEM_LEAD = /(?:your|the|and|or|,)\s*$/iu;

/** How many requests are read for a list of details. */
const LIST_SCAN = 50;

/** How much of the customer's message is searched for details they gave. */
const MESSAGE_SCAN = 50_000;

interface Request { match: PhraseMatch; key: string }

/** The last message read, so live coaching reads the customer's message once, not on every keystroke. */
let lastMessage: { text: string; items: readonly string[] } | undefined;

/** The details (`GIVEN_IN_MESSAGE` items) the customer's message already contains. */
function givenInMessage(customerMessage: string): readonly string[] {
  if (lastMessage?.text === customerMessage) return lastMessage.items;
  // what the customer gave is near the top of anything they wrote; a pasted megabyte is not read to the end
  const message = customerMessage.slice(0, MESSAGE_SCAN);
  const found = new Set(GIVEN_IN_MESSAGE.filter(([, re]) => re.test(message)).map(([item]) => item));
  SAID_GIVEN.lastIndex = 0;
  for (let m = SAID_GIVEN.exec(message), n = 0; m && n < LIST_SCAN; m = SAID_GIVEN.exec(message), n++) {
    const after = message.slice(m.index + m[0].length, m.index + m[0].length + SAID_REACH);
    // the item opens the words that follow: "…sent my |order number| three times"
    const first = findPhrases(after, items, undefined, { skipNegated: false, limit: 1 })[0];
    if (first && first.range[0] === 0) found.add(first.entry.tag ?? '');
  }
  const given = [...found];
  lastMessage = { text: customerMessage, items: given };
  return given;
}

/**
 * How many details one request asks for, counted in the rest of its sentence: the kinds of identifier it
 * names ("your phone number, account number and service address") or the entries of a list in brackets
 * ("your system details (OS, GPU, RAM)"), whichever is more.
 */
function itemsAskedFor(input: RuleInput, request: PhraseMatch): { count: number; range: [number, number] } {
  const tail = input.text.slice(request.range[1], request.range[1] + sentenceTail(input, request.range).length);
  const named = findPhrases(tail, items, undefined, { skipNegated: false, limit: 20 });
  const kinds = new Set(named.map((m) => m.entry.tag));
  let count = kinds.size;
  let end = named.length ? request.range[1] + named[named.length - 1].range[1] : request.range[1];
  const paren = PAREN_LIST.exec(tail);
  // "(phone, tablet or TV)" offers choices for one answer, and "(e.g. …)" gives examples of one
  if (paren && !OPTIONS.test(paren[1])) {
    const entries = paren[1].split(LIST_SEPARATOR).map((e) => e.trim()).filter((e) => !NOT_AN_ITEM.test(e) && e.split(/\s+/).length <= 4);
    if (entries.length > count) {
      count = entries.length;
      end = request.range[1] + paren.index + paren[0].length;
    }
  }
  return { count, range: [request.range[0], Math.max(end, request.range[1])] };
}

/** "You can check your flight status here": the customer sent to look up what the agent could see. */
function lookUpFindings(input: RuleInput): RawFinding[] {
  const { text, context } = input;
  const matches = findPhrases(text, lookUps, input.sentences, { limit: MAX_FINDINGS_PER_RULE });
  if (matches.length === 0) return [];
  if (ASKED_WHERE.test((context.customerMessage ?? '').slice(0, MESSAGE_SCAN))) return [];
  return matches
    .filter((m) => !AGENT_LOOKS.test(text.slice(Math.max(0, m.range[0] - 30), m.range[0])))
    .map((m) => ({ messageId: 'lookUp', range: m.range, data: { phrase: m.text } }));
}

export default defineRule({
  meta: {
    id: 'no-asking-too-much',
    principle: 'P11',
    severity: 'warning',
    description: `Flags a reply that asks the customer to do more than ${MAX_REQUESTS} things or for more than ${MAX_ITEMS} details at once, asks again for something they gave, or sends them to look up what the agent could check.`,
    messages: {
      tooManyRequests: 'This reply asks the customer to do {{count}} things; keep it to two and do the rest yourself.',
      tooManyItems: 'Asks for {{count}} details at once; ask for the one you need and look up the rest.',
      askedAgain: 'Asks again for the {{item}} the customer already gave.',
      lookUp: 'Sends the customer to look up "{{phrase}}"; check it yourself and tell them.',
    },
    note: 'Make it as simple for the customer as possible: every extra task, and every repeated question, adds to their frustration (P11).',
    fixable: false,
    ruleSet: 'all',
  },
  check(input) {
    const { text, context } = input;
    const found: Request[] = [];
    for (const m of findPhrases(text, requests, input.sentences)) {
      if (m.entry.tag === 'imperative') {
        // "Restart the app and log in again": each coordinated imperative is its own request, unless the
        // clause has a subject of its own ("I'll check the order and send a label")
        const clauseLead = text.slice(clauseAt(input, m.range)[0], m.range[0]);
        if (SUBJECT.test(clauseLead)) continue;
        const lead = clauseLead.split(/(?<![\p{L}])(?:and|then|or)(?![\p{L}])/u).pop() ?? '';
        if (!IMPERATIVE_LEAD.test(lead.trim())) continue;
      }
      if (INVITATION.test(sentenceTail(input, m.range))) continue;
      const next = text.slice(m.range[1], m.range[1] + 80).match(/^\s*(?:\S+\s*){0,3}/u)?.[0] ?? '';
      found.push({ match: m, key: `${m.text.split(/\s+/).pop()} ${next}`.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').trim() });
    }
    const seen = new Set<string>();
    const distinct = found.filter((r) => !seen.has(r.key) && Boolean(seen.add(r.key)));
    const out: RawFinding[] = [];
    if (distinct.length > MAX_REQUESTS) {
      out.push({ messageId: 'tooManyRequests', range: distinct[MAX_REQUESTS].match.range, data: { count: String(distinct.length) } });
    }
    out.push(...lookUpFindings(input));
    // Asking again needs a request for information; most drafts make none, so the customer's side is
    // read only when one does.
    const askers = found.filter((f) => GIVING.test(f.match.text));
    if (askers.length === 0) return out.sort((a, b) => a.range[0] - b.range[0]);
    // the first request that asks for too many details; a draft that repeats one request thousands of
    // times is not read to the end
    for (const r of askers.slice(0, LIST_SCAN)) {
      const list = itemsAskedFor(input, r.match);
      if (list.count <= MAX_ITEMS) continue;
      out.push({ messageId: 'tooManyItems', range: list.range, data: { count: String(list.count) } });
      break;
    }
    const given = new Set(givenInMessage(context.customerMessage ?? ''));
    for (const said of context.alreadyProvided ?? []) {
      for (const m of findPhrases(said, items, undefined, { skipNegated: false })) given.add(m.entry.tag ?? '');
    }
    if (given.size === 0) return out.sort((a, b) => a.range[0] - b.range[0]);
    for (const r of askers) {
      // the item named in the rest of the request's clause: "send us |your order number| and e-mail"
      const clauseEnd = clauseAt(input, r.match.range)[1];
      const span = text.slice(r.match.range[0], Math.max(clauseEnd, r.match.range[1]));
      for (const it of findPhrases(span, items, undefined, { skipNegated: false })) {
        const item = it.entry.tag ?? '';
        if (!given.has(item) || !ITEM_LEAD.test(span.slice(0, it.range[0]))) continue;
        out.push({ messageId: 'askedAgain', range: [r.match.range[0] + it.range[0], r.match.range[0] + it.range[1]], data: { item } });
        given.delete(item);
      }
    }
    return out.sort((a, b) => a.range[0] - b.range[0]);
  },
});
