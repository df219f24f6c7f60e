import { describeIssue, insertAfterMove, missingMoveRange } from '../moves.ts';
import { hasWordStart } from '../text/matcher.ts';
import type { ResolvedContext } from '../types.ts';
import { defineRule } from './define.ts';
import { CATEGORY_WORDS, STOPWORDS } from './reference-issue.data.ts';

/** Crude stem: lower case, last inflection dropped, at most six letters, so "charged" ~ "charge". */
function stem(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
  const cut = w.replace(/(?:ing|ed|es|s|ly)$/, '');
  return (cut.length >= 3 ? cut : w).slice(0, 6);
}

const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
/** Words of a customer's sentence too common in support talk to show the reply is about their issue. */
const GENERIC = new Set(['help', 'please', 'thanks', 'thank', 'need', 'want', 'know', 'like', 'just', 'really', 'still', 'even',
  'what', 'when', 'where', 'there', 'here', 'they', 'them', 'then', 'than', 'your', 'yours', 'have', 'will', 'would', 'could',
  'should', 'can\'t', 'don\'t', 'didn\'t', 'won\'t', 'isn\'t', 'doesn\'t', 'hello', 'guys', 'today', 'anyone', 'someone', 'nobody',
  'again', 'some', 'every', 'always', 'now', 'also', 'very', 'much', 'many', 'going', 'been', 'getting', 'does', 'make']);

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/** Word starts (lower case) that count as naming this customer's issue. */
function issueTerms(context: ResolvedContext): string[] {
  const phrases = [context.issue ?? '', ...context.analysis.issues.map((i) => i.phrase)];
  const terms = new Set<string>();
  for (const p of phrases) {
    for (const w of words(p)) {
      if (w.length < 3 || STOPWORDS.has(w.toLowerCase())) continue;
      terms.add(stem(w));
    }
  }
  // The customer's own words around the issue ("my Apple ID", "the iPhone") name it as well as the key phrase.
  const message = context.customerMessage ?? '';
  for (const i of context.analysis.issues) {
    for (const w of CATEGORY_WORDS[i.category]) terms.add(w);
    const s = context.analysis.sentences.find((x) => i.range[0] >= x.range[0] && i.range[0] < x.range[1]);
    const sentence = s && i.range[1] > i.range[0] ? message.slice(s.range[0], s.range[1]) : '';
    for (const w of words(sentence.replace(URL, ' '))) {
      if (w.length < 4 || STOPWORDS.has(w.toLowerCase()) || GENERIC.has(w.toLowerCase())) continue;
      terms.add(stem(w));
    }
  }
  return [...terms];
}

/**
 * Terms by the analysis they came from: the live composer re-checks every keystroke against the same
 * customer message, and its terms do not change while the agent types.
 */
const termCache = new WeakMap<object, { issue: string | undefined; message: string | undefined; terms: string[] }>();
function termsFor(context: ResolvedContext): string[] {
  const hit = termCache.get(context.analysis);
  if (hit && hit.issue === context.issue && hit.message === context.customerMessage) return hit.terms;
  const terms = issueTerms(context);
  termCache.set(context.analysis, { issue: context.issue, message: context.customerMessage, terms });
  return terms;
}

export default defineRule({
  meta: {
    id: 'reference-issue',
    principle: 'P4',
    severity: 'warning',
    description: "Asks a reply to an upset customer to refer to their actual issue, not just to \"this\".",
    messages: {
      missingIssue: 'Name their actual issue ({{issue}}).',
    },
    note: "A reply that never mentions what went wrong reads like a form letter; naming the issue proves you listened, and an apology that names it is the one customers believe (P4, P1).",
    fixable: true,
    ruleSet: 'all',
  },
  check({ text, sentences, context, moves }) {
    if (!context.upset || text.trim().length === 0) return [];
    const terms = termsFor(context);
    if (terms.length === 0) return [];
    // links often spell the issue out ("…/Wireless-Connection-Issues"); the words the customer reads are what count
    const visible = text.replace(URL, (u) => ' '.repeat(u.length));
    // word starts only: "bill" matches "billing", not "rebill"; "late" matches "later" on purpose
    if (hasWordStart(visible, terms, sentences)) return [];
    const issue = describeIssue(context) ?? context.analysis.issues[0]?.phrase ?? 'the issue';
    const sentence = `I am looking into ${issue} for you now.`;
    return [{
      messageId: 'missingIssue',
      range: missingMoveRange(text),
      data: { issue },
      suggestions: describeIssue(context)
        ? [{ message: `Add “${sentence}”`, fix: insertAfterMove(text, sentences, moves, ['apologize', 'acknowledge'], sentence) }]
        : [],
    }];
  },
});
