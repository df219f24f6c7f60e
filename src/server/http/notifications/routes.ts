import { z } from 'zod';
import { accessibleCase } from '../../services/cases.ts';
import { listNotifications, markNotificationRead } from '../../services/notifications.ts';
import { outboxFor } from '../../services/outbox.ts';
import { defineRoute } from '../route.ts';
import { IdParams } from '../schemas.ts';
import { Notification, NotificationQuery, OutboxRow } from './schemas.ts';

export const listNotificationsRoute = defineRoute({
  method: 'get',
  path: '/api/notifications',
  operationId: 'listNotifications',
  summary: "The caller's notifications, newest first",
  tag: 'notifications',
  access: 'user',
  query: NotificationQuery,
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
