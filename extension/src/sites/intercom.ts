import { defineSite } from './types.ts';

/** Intercom inbox (US, EU and Australian workspaces). The composer is a ProseMirror contenteditable. */
export default defineSite({
  id: 'intercom',
  name: 'Intercom',
  hosts: ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'],
  editors: ['[data-testid="inbox-composer"] [contenteditable="true"]', '.inbox2__composer .ProseMirror[contenteditable="true"]'],
  conversation: '[data-testid="conversation-stream-container"]',
  message: '[data-conversation-part-id]',
  customer: '[data-part-author-type="user"], [data-part-author-type="lead"]',
  body: '[data-testid="part-body"]',
  author: '[data-testid="part-author-name"]',
});
