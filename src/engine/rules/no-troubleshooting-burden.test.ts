import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-troubleshooting-burden.ts';

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
    // the agent fixed it and asks the customer to confirm; news of a fix; the agent's own re-sync; a how-to
    { text: "I've removed the block, so could you try signing in once more and tell me if it works?", context: { customerMessage: 'Login fails with error 403' } },
    { text: 'The latest update includes fixes for this crash, and it installs automatically.', context: crash },
    { text: "We'll re-sync your account from our side tonight.", context: crash },
    { text: "If you'd prefer, you can also switch the router off and on yourself, but there's no need.", context: { customerMessage: 'Internet not working' } },
    { text: 'Turn it off in your settings under Playback > Autoplay.', context: { customerMessage: 'How do I turn off autoplay?' } },
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
    },
    {
      text: "If you haven't already, restart the app and make sure it's updated. You can also uninstall and reinstall it.",
      context: crash,
      errors: [{ messageId: 'troubleshooting', range: [24, 31] }, { messageId: 'troubleshooting', range: [81, 104] }],
    },
    {
      text: "I'd recommend clearing the media cache and then checking again.",
      context: { customerMessage: 'The editor crashes whenever I import a clip' },
      errors: [{ messageId: 'troubleshooting', range: [14, 38] }],
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
    },
    {
      // the fix adds the full stop a sentence ending on a word lacks, and is not offered beside an own move
      text: 'Try signing out and back in',
      context: lockedOut,
      errors: [{ messageId: 'troubleshooting', range: [0, 11] }],
    },
    {
      text: 'Also check your spam folder, and try a private browsing window.',
      context: { customerMessage: 'I never got the reset e-mail and now I am locked out' },
      errors: [{ messageId: 'troubleshooting', range: [5, 27] }],
    },
    // Wording of other industries (the team's variant set, data/labels/reply-variants.jsonl)
    {
      text: 'We suggest switching the router off at the wall for 30 seconds, then back on.',
      context: { customerMessage: 'Wi-Fi keeps dropping every ten minutes' },
      errors: [{ messageId: 'troubleshooting', range: [11, 47] }],
    },
    { text: 'Walk through these steps and it should come right: https://example.com/black-screen', context: noPlayback, errors: [{ messageId: 'troubleshooting', range: [0, 24] }] },
    { text: 'Please wait ten minutes, then request a new code.', context: { customerMessage: "I'm not getting the verification text" }, errors: [{ messageId: 'troubleshooting', range: [30, 48] }] },
    { text: 'It might help to log out of all devices, then sign back in.', context: { customerMessage: 'Songs keep skipping halfway through' }, errors: [{ messageId: 'troubleshooting', range: [17, 39] }] },
    { text: 'Check your NAT type in the network settings.', context: { customerMessage: "Voice chat isn't working in party" }, errors: [{ messageId: 'troubleshooting', range: [20, 43] }] },
    // "let us know" is already the fallback, so no fix
    {
      text: 'Could you test it on a different socket and let us know?',
      context: { customerMessage: 'The microwave keeps tripping the fuse' },
      errors: [{ messageId: 'troubleshooting', range: [10, 39] }],
      output: 'Could you test it on a different socket and let us know?',
    },
    { text: 'Please disconnect the calendar integration and connect it again.', context: { customerMessage: 'Calendar sync stopped working' }, errors: [{ messageId: 'troubleshooting', range: [47, 63] }] },
    { text: 'Our help article covers the most common fixes: https://example.com/sync', context: { customerMessage: 'My sync stopped working and files are missing' }, errors: [{ messageId: 'troubleshooting', range: [17, 45] }] },
    { text: "Please clear the app's data and log back in.", context: { customerMessage: 'The app shows the wrong meter reading' }, errors: [{ messageId: 'troubleshooting', range: [7, 27] }] },
    { text: "Could you check you're on the latest version?", context: { customerMessage: 'My banking app keeps saying something went wrong' }, errors: [{ messageId: 'troubleshooting', range: [0, 36] }] },
    { text: 'Please remove your SIM card and put it back in.', context: { customerMessage: 'No service on my phone since this morning' }, errors: [{ messageId: 'troubleshooting', range: [7, 27] }] },
    { text: 'Please make sure the HDMI cable is firmly plugged in.', context: { customerMessage: 'TV box says no signal' }, errors: [{ messageId: 'troubleshooting', range: [7, 52] }] },
    { text: 'Have you had a chance to run a speed test?', context: { customerMessage: 'Streaming keeps buffering on every show' }, errors: [{ messageId: 'troubleshooting', range: [0, 28] }] },
    { text: 'It looks like you may need to reinstall the app.', context: crash, errors: [{ messageId: 'troubleshooting', range: [30, 39] }] },
    { text: 'Give the hub a quick reboot by pulling the power for 10 seconds.', context: { customerMessage: "Lights won't respond to the app" }, errors: [{ messageId: 'troubleshooting', range: [0, 27] }] },
    { text: "Toggle Face ID off and back on in the app's security settings.", context: { customerMessage: 'Face ID login stopped working' }, errors: [{ messageId: 'troubleshooting', range: [0, 30] }] },
    { text: "Make sure you've got at least 50 GB free on your drive.", context: { customerMessage: 'Update keeps failing at 45%' }, errors: [{ messageId: 'troubleshooting', range: [21, 40] }] },
    { text: 'Please grab the latest version from the store.', context: { customerMessage: "Boarding pass won't load in your app" }, errors: [{ messageId: 'troubleshooting', range: [7, 30] }] },
    { text: 'Please uninstall any overlay apps.', context: crash, errors: [{ messageId: 'troubleshooting', range: [7, 33] }] },
    // diagnostics to gather: flagged, and no "if that doesn't sort it out" after them
    {
      text: 'Could you grab a HAR file while reproducing the error?',
      context: { customerMessage: 'Dashboard shows error 500' },
      errors: [{ messageId: 'troubleshooting', range: [10, 25] }],
      output: 'Could you grab a HAR file while reproducing the error?',
    },
    {
      text: "Could you try a clean reinstall? I'll also look into it with our engineers today.",
      context: crash,
      errors: [{ messageId: 'troubleshooting', range: [16, 31] }],
      output: "Could you try a clean reinstall? I'll also look into it with our engineers today.",
    },
  ],
});
