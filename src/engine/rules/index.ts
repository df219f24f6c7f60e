// The rule registry, sorted by id. A meta-test fails when a rule file is missing here or out of order.
import type { Rule } from './define.ts';
import acknowledgeLoyalty from './acknowledge-loyalty.ts';
import askWhatTheyWant from './ask-what-they-want.ts';
import noArguing from './no-arguing.ts';
import noAskingTooMuch from './no-asking-too-much.ts';
import noBareSorry from './no-bare-sorry.ts';
import noBlame from './no-blame.ts';
import noCorporateJargon from './no-corporate-jargon.ts';
import noDefensive from './no-defensive.ts';
import noDismissingEmotion from './no-dismissing-emotion.ts';
import noFixBeforeAcknowledge from './no-fix-before-acknowledge.ts';
import noGenericApology from './no-generic-apology.ts';
import noKnowItAll from './no-know-it-all.ts';
import noPolicyWall from './no-policy-wall.ts';
import noScriptedEmpathy from './no-scripted-empathy.ts';
import noShouting from './no-shouting.ts';
import noTellingWrong from './no-telling-wrong.ts';
import noTransfer from './no-transfer.ts';
import noTroubleshootingBurden from './no-troubleshooting-burden.ts';
import offerOptionsForNeed from './offer-options-for-need.ts';
import promiseFollowUp from './promise-follow-up.ts';
import referenceIssue from './reference-issue.ts';
import requireAcknowledgement from './require-acknowledgement.ts';
import requireApology from './require-apology.ts';
import reviewNoPrivateDetails from './review-no-private-details.ts';
import reviewTakeItOffline from './review-take-it-offline.ts';
import reviewThankReviewer from './review-thank-reviewer.ts';
import sideWithCustomer from './side-with-customer.ts';
import summarizeWhenClosing from './summarize-when-closing.ts';
import takeOwnership from './take-ownership.ts';
import useCustomerName from './use-customer-name.ts';

export const RULES: readonly Rule[] = [
  acknowledgeLoyalty,
  askWhatTheyWant,
  noArguing,
  noAskingTooMuch,
  noBareSorry,
  noBlame,
  noCorporateJargon,
  noDefensive,
  noDismissingEmotion,
  noFixBeforeAcknowledge,
  noGenericApology,
  noKnowItAll,
  noPolicyWall,
  noScriptedEmpathy,
  noShouting,
  noTellingWrong,
  noTransfer,
  noTroubleshootingBurden,
  offerOptionsForNeed,
  promiseFollowUp,
  referenceIssue,
  requireAcknowledgement,
  requireApology,
  reviewNoPrivateDetails,
  reviewTakeItOffline,
  reviewThankReviewer,
  sideWithCustomer,
  summarizeWhenClosing,
  takeOwnership,
  useCustomerName,
];
