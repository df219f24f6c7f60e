import { defineSite } from './types.ts';

/** Front. The composer is ProseMirror; inbound messages are marked apart from your team's. */
export default defineSite({
  id: 'front',
  name: 'Front',
  hosts: ['app.frontapp.com'],
  editors: ['[data-testid="composer-editor"] .ProseMirror[contenteditable="true"]', '.ProseMirror[contenteditable="true"]'],
  conversation: '[data-testid="conversation-view"]',
  message: '[data-testid="message"]',
  customer: '[data-message-direction="inbound"]',
  body: '[data-testid="message-body"]',
  author: '[data-testid="message-sender-name"]',
});
