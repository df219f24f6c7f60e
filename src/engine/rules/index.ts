// The rule registry, sorted by id. A meta-test fails when a rule file is missing here or out of order.
import type { Rule } from './define.ts';
import noArguing from './no-arguing.ts';
import noBareSorry from './no-bare-sorry.ts';
import noBlame from './no-blame.ts';
import noCorporateJargon from './no-corporate-jargon.ts';
import noDefensive from './no-defensive.ts';
import noDismissingEmotion from './no-dismissing-emotion.ts';
import noGenericApology from './no-generic-apology.ts';
import noKnowItAll from './no-know-it-all.ts';
import noScriptedEmpathy from './no-scripted-empathy.ts';
import noTellingWrong from './no-telling-wrong.ts';
import noTransfer from './no-transfer.ts';

export const RULES: readonly Rule[] = [
  noArguing,
  noBareSorry,
  noBlame,
  noCorporateJargon,
  noDefensive,
  noDismissingEmotion,
  noGenericApology,
  noKnowItAll,
  noScriptedEmpathy,
  noTellingWrong,
  noTransfer,
];
