import { defineSite } from './types.ts';

/**
 * Zendesk agent workspace. The composer is CKEditor 5; the conversation log marks each message item with
 * `type="end-user"` or `type="agent"`, and every open ticket keeps its own log and composer in the page.
 */
export default defineSite({
  id: 'zendesk',
  name: 'Zendesk',
  hosts: ['*.zendesk.com'],
  editors: [
    '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]',
    '.ck-editor__editable[contenteditable="true"]',
  ],
  conversation: '[data-side-conversations-anchor-id]',
  message: 'section[role="feed"] article',
  customer: '[data-test-id="omni-log-item-message"][type="end-user"]',
  body: '[data-test-id="omni-log-message-content"], .zd-comment',
  author: '[data-test-id="omni-log-item-sender"]',
});
