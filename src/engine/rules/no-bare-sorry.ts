import { compileTable, findPhrases } from '../text/matcher.ts';
import { describeIssue } from '../moves.ts';
import type { RuleInput } from './define.ts';
import { defineRule, MAX_FINDINGS_PER_RULE, type RawFinding } from './define.ts';
import { sentenceIndexOf } from './kinds.ts';
import {
  CLAUSE_OBJECT, NOT_AN_APOLOGY_AFTER, NOT_AN_APOLOGY_BEFORE, NOUN_OBJECT, PRONOUN_OBJECT, SOMETHING_WRONG, SORRY_FORMS,
} from './no-bare-sorry.data.ts';

const table = compileTable(SORRY_FORMS);
/** How far after "sorry" the rule reads to classify the apology; keeps the work per match bounded. */
const REACH = 240;
/** What may follow a bare apology in its sentence without giving it content: "again", a name, punctuation. */
const EMPTY_TAIL = /^[\s,]*(?:again|so much|for everything)?[\s,]*(?:[\p{Lu}][\p{L}'’-]*)?[\s.!…]*$/u;
/** "I'm sorry, but we can't…": the apology is bare, and "I apologize for <issue>, but…" still reads. */
const BUT_TAIL = /^\s*,?\s*but(?![\p{L}])/iu;
/** An apology already worded with "apologize": replacing "sorry" beside it would apologize twice. */
const APOLOGY_WORD = /apologi[sz]e|apolog(?:y|ies)/iu;

/**
 * What the apology is for: nothing (`bare`), a pronoun (`pronoun`, as bare), a named thing (`noun`), a clause
 * (`clause`), or something no replacement reads well in (`other`: "sorry to say", "sorry if", "sorry, what…").
 */
type Shape = 'bare' | 'pronoun' | 'noun' | 'clause' | 'other';

/** The issue as an agent would name it back: the context's, or the analysis' label ("the double charge"). */
function issueWords(input: RuleInput): string {
  return describeIssue(input.context) ?? 'the trouble this has caused';
}

/** "I apologize" / "we apologize": the speaker of the original apology, "I" for a bare "sorry". */
function apologizeAs(tag: string | undefined, original: string): string {
  if (tag !== 'we') return 'I apologize';
  return original[0] === 'W' ? 'We apologize' : 'we apologize';
}

/** An apology word already near the match (its sentence or the ones beside it): a fix would apologize twice. */
function apologizesNearby(input: RuleInput, at: number): boolean {
  const i = sentenceIndexOf(input.sentences, at);
  if (i < 0) return APOLOGY_WORD.test(input.text.slice(Math.max(0, at - REACH), at + REACH));
  const from = input.sentences[Math.max(0, i - 1)].range[0];
  const to = input.sentences[Math.min(input.sentences.length - 1, i + 1)].range[1];
  return APOLOGY_WORD.test(input.text.slice(Math.max(from, at - REACH), Math.min(to, at + REACH)));
}

export default defineRule({
  meta: {
    id: 'no-bare-sorry',
    principle: 'P4',
    severity: 'warning',
    description: 'Flags apologies worded with "sorry": a bare "I\'m sorry." (warning), and "sorry for…" / "sorry to hear…" (suggestion: "I apologize for…").',
    messages: {
      bareSorry: 'Bare apology: say what you apologize for.',
      saySorry: 'Apologize rather than say "sorry": "I apologize for …" sounds meant.',
    },
    note: 'An apology that names the actual issue, and the customer, sounds sincere; a bare "I\'m sorry" is so overused it sounds scripted (P4).',
    fixable: true,
    ruleSet: 'all',
  },
  check(input) {
    const { text, sentences } = input;
    const out: RawFinding[] = [];
    for (const m of findPhrases(text, table, sentences, { limit: MAX_FINDINGS_PER_RULE })) {
      const i = sentenceIndexOf(sentences, m.range[0]);
      const sentenceEnd = i < 0 ? text.length : sentences[i].range[1];
      const tail = text.slice(m.range[1], Math.min(sentenceEnd, m.range[1] + REACH));
      const before = text.slice(Math.max(i < 0 ? 0 : sentences[i].range[0], m.range[0] - 20), m.range[0]);
      if (NOT_AN_APOLOGY_AFTER.test(tail) || NOT_AN_APOLOGY_BEFORE.test(before)) continue;

      let shape: Shape = 'other';
      let reach = 0;
      let named = '';
      let match: RegExpExecArray | null;
      if (EMPTY_TAIL.test(tail) || BUT_TAIL.test(tail)) shape = 'bare';
      else if ((match = PRONOUN_OBJECT.exec(tail))) [shape, reach] = ['pronoun', match[1].length];
      else if ((match = NOUN_OBJECT.exec(tail))) [shape, reach, named] = ['noun', match[1].length, match[1]];
      else if ((match = CLAUSE_OBJECT.exec(tail))) [shape, reach, named] = ['clause', (match[1] ?? '').length, tail.slice(match[0].length)];

      const speaker = apologizeAs(m.entry.tag, m.text);
      let fix: string | undefined;
      if (shape === 'bare' || shape === 'pronoun') {
        const name = input.context.name?.trim().split(/\s+/)[0];
        const withName = name && !text.includes(name) ? `, ${name}` : '';
        fix = `${speaker} for ${issueWords(input)}${withName}`;
      } else if (shape === 'noun') {
        fix = `${speaker}${/^\s+again /i.test(named) ? ' again' : ''} for`;
      } else if (shape === 'clause' && SOMETHING_WRONG.test(named.slice(0, 160))) {
        fix = `${speaker} that`;
      }
      if (fix && apologizesNearby(input, m.range[0])) fix = undefined;

      const bare = shape === 'bare' || shape === 'pronoun';
      const fixRange = [m.range[0], m.range[1] + reach] as const;
      out.push({
        messageId: bare ? 'bareSorry' : 'saySorry',
        range: m.range,
        note: m.entry.note,
        severity: bare ? 'warning' : 'suggestion',
        suggestions: fix ? [{ message: `Replace with “${fix}”`, fix: { range: fixRange, text: fix } }] : [],
      });
    }
    return out;
  },
});
