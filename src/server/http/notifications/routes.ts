import { z } from 'zod';
import { accessibleCase } from '../../services/cases.ts';
import { listNotifications, markNotificationRead } from '../../services/notifications.ts';
import { outboxFor } from '../../services/outbox.ts';
import { defineRoute } from '../route.ts';
import { IdParams, Timestamp } from '../schemas.ts';

const Notification = z
  .object({ id: z.number().int(), caseId: z.number().int().nullable(), kind: z.string(), text: z.string(), createdAt: Timestamp, readAt: Timestamp.nullable() })
  .meta({ id: 'Notification', description: 'Reminders (task done or late, follow-up due), approval requests and decisions, reassignments' });

export const listNotificationsRoute = defineRoute({
  method: 'get',
  path: '/api/notifications',
  operationId: 'listNotifications',
  summary: "The caller's notifications, newest first",
  tag: 'notifications',
  access: 'user',
  query: z.object({ unread: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
  response: z.object({ notifications: z.array(Notification) }),
  handler: async ({ query, actor, deps }) => ({ notifications: await listNotifications(deps, actor, query.unread) }),
});

export const readNotificationRoute = defineRoute({
  method: 'post',
  path: '/api/notifications/{id}/read',
  operationId: 'readNotification',
  summary: 'Mark a notification read',
  tag: 'notifications',
  access: 'user',
  params: IdParams,
  response: Notification,
  handler: ({ params, actor, deps }) => markNotificationRead(deps, actor, params.id),
});

const OutboxRow = z
  .object({
    id: z.number().int(),
    caseId: z.number().int().nullable(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    status: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: Timestamp,
    sentAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'OutboxEmail' });

export const caseEmailsRoute = defineRoute({
  method: 'get',
  path: '/api/cases/{id}/emails',
  operationId: 'caseEmails',
  summary: "E-mails sent (or waiting in the outbox) for a case, with delivery status",
  tag: 'resolution',
  access: 'user',
  params: IdParams,
  response: z.object({ emails: z.array(OutboxRow) }),
  async handler({ params, actor, deps }) {
    const c = await accessibleCase(deps.db, actor, params.id);
    return { emails: await outboxFor(deps.db, c.id) };
  },
});

export const notificationRoutes = [listNotificationsRoute, readNotificationRoute, caseEmailsRoute];
