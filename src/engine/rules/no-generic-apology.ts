import { compileTable, findPhrases } from '../text/matcher.ts';
import { customerReportsProblem } from './customer-problem.ts';
import { defineRule, MAX_FINDINGS_PER_RULE, type RawFinding, type RuleInput } from './define.ts';
import { sentenceIndexOf } from './kinds.ts';
import { APOLOGIES, NAMES_IT_AFTER, VAGUE_OBJECTS } from './no-generic-apology.data.ts';

const apologies = compileTable(APOLOGIES);
/**
 * The vague objects as one regex anchored at the start of the text after an apology, one group per entry so
 * the rule knows which matched. Built once at load; apostrophes match either form, as in the matcher.
 */
const vague = new RegExp(
  `^\\s+(?:${VAGUE_OBJECTS.map((e) => `(${e.pattern.replace(/'/g, "['’]")})`).join('|')})(?![\\p{L}\\p{N}_])`,
  'iu',
);
/** Nothing after the apology but punctuation, a name, or the next clause: "I'm sorry.", "Apologies, Ana!", "Sorry, but…". */
const NOTHING_AFTER = /^(?:\s*(?:[,.!?…;:–—-]|$)|\s+(?:but|and|so)(?![\p{L}])|\s+[\p{Lu}][\p{L}'’-]*\s*(?:[,.!?…]|$))/u;
/**
 * After an apology for nothing, the punctuation or "but" that closes it joins the finding ("I'm sorry, but",
 * "Apologies!"), so its span is the whole bare apology, not only the "sorry" that no-bare-sorry underlines.
 */
const CLOSES_IT = /^(?:\s*[,;:–—-]?\s*(?:but|and|so)(?![\p{L}])|[.!?…,;:]+)/u;
/** "Sorry, Ana!": a comma before a name alone still reads after "I apologize for <issue>"; before a clause it would not. */
const NAME_THEN_END = /^\s*[\p{Lu}][\p{L}'’-]*\s*[.!?…]/u;
/** Words before an apology that name nothing: greetings, interjections, handles ("Hi Jo, oh no, sorry to hear that"). */
const LEAD_IN_WORDS = new Set(['hi', 'hello', 'hey', 'dear', 'oh', 'no', 'ah', 'hmm', 'again', 'and', 'so', 'well', 'thanks', 'thank', 'you', 'there', 'yikes', 'ugh']);
/** Words of the text before an apology (handles and names included), read at most REACH characters back. */
const WORD = /[@\p{L}\p{N}][\p{L}\p{N}'’._-]*/gu;
/** How far after the apology the rule reads; bounds the work per match. */
const REACH = 240;
const APOLOGY_WORD = /apologi[sz]e|apologies|sorry/iu;

/** Another apology in the apology's sentence or the ones beside it: replacing this one would apologize twice. */
function apologizesNearby(input: RuleInput, i: number, range: readonly [number, number]): boolean {
  const { text, sentences } = input;
  const from = i < 0 ? 0 : sentences[Math.max(0, i - 1)].range[0];
  const to = i < 0 ? text.length : sentences[Math.min(sentences.length - 1, i + 1)].range[1];
  const before = text.slice(Math.max(from, range[0] - REACH), range[0]);
  const after = text.slice(range[1], Math.min(to, range[1] + REACH));
  return APOLOGY_WORD.test(before) || APOLOGY_WORD.test(after);
}

/** Three words or more of the apology's own sentence before it, past greetings and handles: a clause it apologizes for. */
function namesItBefore(text: string, sentenceStart: number, at: number): boolean {
  const words = text.slice(Math.max(sentenceStart, at - REACH), at).match(WORD) ?? [];
  let k = 0;
  while (k < words.length && (words[k][0] === '@' || LEAD_IN_WORDS.has(words[k].toLowerCase()))) k++;
  // what is left is a name at most ("Hi Jo,"), or the clause the apology is for
  return words.length - k >= 3;
}

const described = new WeakMap<object, boolean>();
/** Fewer words than this describe nothing concrete ("Still waiting. Unacceptable."), unless an issue was found. */
const MIN_DESCRIPTION_WORDS = 5;

/**
 * The customer described a concrete problem (labelling guide: "not when the customer's problem is itself
 * vague"): an issue is known, or the customer's message, a few words at least, reports something broken,
 * failed, lost or charged wrongly. `customerReportsProblem` also counts an upset customer whose message names
 * no problem ("I've never been treated this badly. I'm cancelling."); there is nothing specific to apologize
 * for then, so upset alone does not count here. (It also keeps the composer's own apology, which can only
 * name an issue the analyzer found, clear of this rule.)
 */
function describedProblem(input: RuleInput): boolean {
  const { context } = input;
  if (context.issue?.trim() || context.analysis.issues.length > 0) return true;
  const known = described.get(context.analysis);
  if (known !== undefined) return known;
  const text = (context.customerMessage ?? context.analysis.sentences.map((s) => s.text).join(' ')).slice(0, 2000);
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const answer = words >= MIN_DESCRIPTION_WORDS && customerReportsProblem({ ...context, analysis: { ...context.analysis, upset: false } });
  described.set(context.analysis, answer);
  return answer;
}

/** The issue as an agent would name it back, when the context or the customer's message gives one. */
function knownIssue(input: RuleInput): string | undefined {
  const issue = input.context.issue?.trim();
  return issue || input.context.analysis.issues[0]?.label;
}

export default defineRule({
  meta: {
    id: 'no-generic-apology',
    principle: 'P4',
    severity: 'suggestion',
    description: 'Suggests naming the issue in a vague apology ("sorry for the inconvenience", "sorry to hear that") after the customer described a concrete problem.',
    messages: {
      genericApology: 'Generic apology: name the issue you are apologizing for.',
    },
    note: 'An apology that names the actual issue shows you listened; "any inconvenience" could be pasted into any reply (P4).',
    fixable: true,
    ruleSet: 'all',
  },
  check(input) {
    const { text, sentences } = input;
    if (!describedProblem(input)) return [];
    const out: RawFinding[] = [];
    for (const m of findPhrases(text, apologies, sentences, { limit: MAX_FINDINGS_PER_RULE })) {
      const i = sentenceIndexOf(sentences, m.range[0]);
      const sentenceEnd = i < 0 ? text.length : sentences[i].range[1];
      const tail = text.slice(m.range[1], Math.min(sentenceEnd, m.range[1] + REACH));
      let end = m.range[1];
      let closing = '';
      const v = vague.exec(tail);
      // "nothing" and "that" point back at a clause before the apology in its sentence, when there is one
      const anaphoric = v ? VAGUE_OBJECTS[v.slice(1).findIndex((g) => g !== undefined)]?.tag === 'pronoun' : true;
      if (anaphoric && namesItBefore(text, i < 0 ? 0 : sentences[i].range[0], m.range[0])) continue;
      if (v) {
        // "…for the trouble with your sign-in", "…having trouble connecting" name it after all
        if (NAMES_IT_AFTER.test(tail.slice(v[0].length))) continue;
        end += v[0].length;
      } else if (NOTHING_AFTER.test(tail)) {
        closing = CLOSES_IT.exec(tail)?.[0] ?? '';
        end += closing.length;
      } else continue;

      const issue = knownIssue(input);
      const speaker = m.entry.tag === 'we' ? (m.text[0] === m.text[0].toUpperCase() ? 'We apologize' : 'we apologize') : 'I apologize';
      // the fix replaces the whole apology with one that names the issue, when the issue is known
      const splices = /^[,;:]+$/.test(closing) && !NAME_THEN_END.test(tail.slice(closing.length));
      const fix = issue && !splices && !apologizesNearby(input, i, [m.range[0], end]) ? `${speaker} for ${issue}${closing}` : undefined;
      out.push({
        messageId: 'genericApology',
        range: [m.range[0], end],
        suggestions: fix ? [{ message: `Replace with “${fix}”`, fix: { range: [m.range[0], end], text: fix } }] : [],
      });
    }
    return out;
  },
});
