import { defineSite } from './types.ts';

/**
 * Gmail. The reply box is a contenteditable with `g_editable="true"`; each expanded message is `.adn` with
 * its body in `.a3s` and the sender's name in `.gD`. Gmail does not mark which messages are yours, so the
 * latest expanded message is taken as the customer's (it is, when you reply to it). The quoted thread Gmail
 * adds to a reply is not part of the reply being coached.
 */
export default defineSite({
  id: 'gmail',
  name: 'Gmail',
  hosts: ['mail.google.com'],
  editors: ['div[g_editable="true"][contenteditable="true"]', 'div.Am.Al.editable[contenteditable="true"]'],
  conversation: '[role="main"]',
  message: '.adn.ads',
  body: '.a3s',
  author: '.gD',
  ignore: ['.gmail_quote'],
});
