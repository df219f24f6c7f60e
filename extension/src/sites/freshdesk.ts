import { defineSite } from './types.ts';

/**
 * Freshdesk (the /a/tickets/ agent view). The reply editor is Froala (`.fr-element`); conversation items
 * carry the requester or agent role.
 */
export default defineSite({
  id: 'freshdesk',
  name: 'Freshdesk',
  hosts: ['*.freshdesk.com'],
  editors: ['.reply-editor .fr-element[contenteditable="true"]', '.fr-element.fr-view[contenteditable="true"]'],
  conversation: '.ticket-details',
  message: '.conversation-item, .ticket-description',
  agent: '[data-role="agent"]',
  body: '.conversation-body, .ticket-description-body',
  author: '.conversation-author, .requester-name',
});
