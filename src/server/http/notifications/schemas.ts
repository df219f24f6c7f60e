import { z } from 'zod';
import { Timestamp } from '../schemas.ts';

export const Notification = z
  .object({ id: z.number().int(), caseId: z.number().int().nullable(), kind: z.string(), text: z.string(), createdAt: Timestamp, readAt: Timestamp.nullable() })
  .meta({ id: 'Notification', description: 'Reminders (task done or late, follow-up due), approval requests and decisions, reassignments' });

export const OutboxRow = z
  .object({
    id: z.number().int(),
    caseId: z.number().int().nullable(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    status: z.enum(['pending', 'sent', 'failed', 'bounced']).meta({ description: "bounced: sent, then returned by the customer's mail server" }),
    attempts: z.number().int(),
    lastError: z.string().nullable().meta({ description: "Why the last try failed, in words (never the mail server's address)" }),
    nextAttemptAt: Timestamp,
    sentAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'OutboxEmail' });

export const NotificationQuery = z.object({ unread: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });
