import { getSentMail, listSentMail, resendMail } from '../../services/sent-mail.ts';
import { defineRoute } from '../route.ts';
import { IdParams } from '../schemas.ts';
import { SentMailItem, SentMailList, SentMailMessage, SentMailQuery } from './schemas.ts';

export const listSentMailRoute = defineRoute({
  method: 'get',
  path: '/api/outbox',
  operationId: 'listSentMail',
  summary: 'Every e-mail the desk wrote, newest first: queued, sent, failed (with the reason), retried, bounced (leads and admins)',
  tag: 'mail',
  access: 'lead',
  query: SentMailQuery,
  response: SentMailList,
  handler: ({ query, actor, deps }) => listSentMail(deps, actor, query),
});

export const getSentMailRoute = defineRoute({
  method: 'get',
  path: '/api/outbox/{id}',
  operationId: 'getSentMail',
  summary: 'One e-mail exactly as it was sent: From, To, subject, Message-ID, plain text and HTML (leads and admins)',
  tag: 'mail',
  access: 'lead',
  params: IdParams,
  response: SentMailMessage,
  handler: ({ params, actor, deps }) => getSentMail(deps, actor, params.id),
});

export const resendMailRoute = defineRoute({
  method: 'post',
  path: '/api/outbox/{id}/resend',
  operationId: 'resendMail',
  summary: 'Send a failed or bounced e-mail again, once: a new outbox row that points at it (leads and admins; audited)',
  tag: 'mail',
  access: 'lead',
  params: IdParams,
  response: SentMailItem,
  status: 201,
  async handler({ params, actor, deps }) {
    const row = await resendMail(deps, actor, params.id);
    deps.poke?.();
    return row;
  },
});

export const outboxRoutes = [listSentMailRoute, getSentMailRoute, resendMailRoute];
