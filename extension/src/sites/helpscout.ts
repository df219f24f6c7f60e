import { defineSite } from './types.ts';

/** Help Scout. Threads are listed newest first; the editor is a ProseMirror contenteditable. */
export default defineSite({
  id: 'helpscout',
  name: 'Help Scout',
  hosts: ['secure.helpscout.net'],
  editors: ['[data-cy="ReplyEditor"] [contenteditable="true"]', '.c-ReplyEditor .ProseMirror[contenteditable="true"]'],
  conversation: '[data-cy="Conversation"]',
  message: '[data-cy="ThreadItem"]',
  order: 'newest-first',
  customer: '[data-thread-type="customer"]',
  body: '[data-cy="ThreadBody"]',
  author: '[data-cy="ThreadAuthor"]',
});
