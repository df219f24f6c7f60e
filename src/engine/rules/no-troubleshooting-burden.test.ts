import { ruleTester } from '../test/rule-tester.ts';
import rule, { CHECK_ON_OUR_SIDE } from './no-troubleshooting-burden.ts';

// Customers who reported something broken, failed, lost or locked (paraphrased from real threads).
const crash = { customerMessage: 'The app crashes every time I open a playlist.' };
const lockedOut = { customerMessage: 'Locked out of my mail account and the recovery page keeps failing on me' };
const noPlayback = { customerMessage: 'why wont anything play on my tv app??' };

ruleTester(rule, {
  valid: [
    // no customer context at all: a macro linted on its own gets the benefit of the doubt
    'Try restarting the app and clearing your cache.',
    // a neutral how-to question: the steps are the answer
    { text: 'Try these steps to change your search language: https://example.com/lang', context: { customerMessage: 'How do I change the language of my search results?' } },
    { text: 'You can follow the steps here to delete it: https://example.com/delete', context: { customerMessage: 'Please, please help me delete my account.' } },
    { text: 'Here is how to share a single file: follow the steps in this guide.', context: { customerMessage: "It's not broken, I just want to know how to share one file." } },
    // the agent does the work
    { text: 'I have cleared the cache on our side and restarted the sync, so it should load now.', context: crash },
    { text: "We've gone through the steps with our engineers and pushed a fix tonight.", context: crash },
    { text: 'I know you already tried reinstalling, so I have escalated this to our engineers.', context: crash },
    { text: 'Thanks for restarting the app; that tells us the problem is on our side.', context: crash },
    // news that it works again is not homework
    { text: 'The outage is over, so you can try again now.', context: { customerMessage: 'Nothing loads!' } },
    { text: 'If you would prefer, I can walk you through a reinstall on a call.', context: crash },
    // a hand-off's own steps are the transfer's (no-transfer), not counted again
    { text: 'Please send us a feedback report using these steps: https://example.com/feedback', context: { customerMessage: 'Chat has been broken on my streams for days' } },
    { text: 'Please try contacting your bank about the hold.', context: { customerMessage: 'My card was declined twice at the till' } },
    { text: 'Have you tried contacting the seller?', context: { customerMessage: 'my parcel never arrived' } },
    // negated, reported
    { text: "You don't need to reinstall anything: I reset your account on our side.", context: crash },
    { text: 'I apologize that the last agent told you to clear your cache again.', context: crash },
    // the steps of an alternative the agent offers
    { text: "If you'd rather not wait, you can follow these steps to pick it up in store.", context: { customerMessage: 'My order never arrived and it is a week late' } },
    // one clarifying question
    { text: 'Thanks for the details. Which version of the app are you on?', context: crash },
  ],
  invalid: [
    {
      // the fallback is already there ("let us know"), so no fix
      text: 'Sorry to hear that! Try running through these steps: https://help.example.com/playback If you are still stuck, let us know which device you use.',
      context: noPlayback,
      errors: [{ messageId: 'troubleshooting', range: [20, 39] }],
      output: 'Sorry to hear that! Try running through these steps: https://help.example.com/playback If you are still stuck, let us know which device you use.',
    },
    {
      text: 'Hi Sam, have you already tried resetting your password with the steps on this page? These tips may also help: https://example.com/tips',
      context: lockedOut,
      errors: [{ messageId: 'troubleshooting', range: [8, 30] }, { messageId: 'troubleshooting', range: [84, 108] }],
      output: `Hi Sam, have you already tried resetting your password with the steps on this page? These tips may also help: https://example.com/tips ${CHECK_ON_OUR_SIDE}`,
    },
    {
      text: "If you haven't already, restart the app and make sure it's updated. You can also uninstall and reinstall it.",
      context: crash,
      errors: [{ messageId: 'troubleshooting', range: [24, 31] }, { messageId: 'troubleshooting', range: [81, 104] }],
      output: `If you haven't already, restart the app and make sure it's updated. You can also uninstall and reinstall it. ${CHECK_ON_OUR_SIDE}`,
    },
    {
      text: "I'd recommend clearing the media cache and then checking again.",
      context: { customerMessage: 'The editor crashes whenever I import a clip' },
      errors: [{ messageId: 'troubleshooting', range: [14, 38] }],
      output: `I'd recommend clearing the media cache and then checking again. ${CHECK_ON_OUR_SIDE}`,
    },
    {
      text: 'Please start your console in safe mode and rebuild the database.',
      context: { customerMessage: 'Chapter 3 is broken, the cutscenes are skipped and the quest item never shows up.' },
      errors: [{ messageId: 'troubleshooting', range: [29, 38] }],
    },
    {
      text: 'We suggest adding extra layers of security to your account with these tips: https://example.com/secure',
      context: { customerMessage: 'someone keeps trying to sign into my account from abroad' },
      errors: [{ messageId: 'troubleshooting', range: [0, 30] }],
    },
    {
      // a gerund that "usually does the trick" is still put to the customer
      text: 'Restarting your router usually does the trick.',
      context: { customerMessage: 'No internet since this morning.' },
      errors: [{ messageId: 'troubleshooting', range: [0, 10] }],
      output: `Restarting your router usually does the trick. ${CHECK_ON_OUR_SIDE}`,
    },
    {
      // a tweet's @handle does not hide the request
      text: '@dana Please try opening the link in a private window or on another device.',
      context: { customerMessage: 'The sign-up link just says my details are up to date, I can not get past it.' },
      errors: [{ messageId: 'troubleshooting', range: [13, 24] }],
    },
    {
      text: 'Have a look at this article, which outlines possible causes and ways around it: https://example.com/cpu',
      context: { customerMessage: 'the desktop app takes up 100% CPU even when nothing is syncing' },
      errors: [{ messageId: 'troubleshooting', range: [0, 27] }],
      output: `Have a look at this article, which outlines possible causes and ways around it: https://example.com/cpu ${CHECK_ON_OUR_SIDE}`,
    },
    {
      // the fix adds the full stop a sentence ending on a word lacks, and is not offered beside an own move
      text: 'Try signing out and back in',
      context: lockedOut,
      errors: [{ messageId: 'troubleshooting', range: [0, 11] }],
      output: `Try signing out and back in. ${CHECK_ON_OUR_SIDE}`,
    },
    {
      text: 'Also check your spam folder, and try a private browsing window.',
      context: { customerMessage: 'I never got the reset e-mail and now I am locked out' },
      errors: [{ messageId: 'troubleshooting', range: [5, 27] }],
      output: `Also check your spam folder, and try a private browsing window. ${CHECK_ON_OUR_SIDE}`,
    },
    {
      text: "Could you try a clean reinstall? I'll also look into it with our engineers today.",
      context: crash,
      errors: [{ messageId: 'troubleshooting', range: [16, 31] }],
      output: "Could you try a clean reinstall? I'll also look into it with our engineers today.",
    },
  ],
});
