import { z } from 'zod';
import { DecimalId, Timestamp } from '../schemas.ts';

const Status = z.enum(['pending', 'sent', 'failed', 'bounced']);

export const SentMailQuery = z.object({
  status: Status.optional().meta({ description: "Only e-mails in this state ('pending': queued or waiting to be retried)" }),
  retried: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').meta({ description: 'Only e-mails tried more than once' }),
  caseId: DecimalId.optional().meta({ description: "One case's e-mails" }),
  before: DecimalId.optional().meta({ description: 'Older than this outbox id (paging)' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const SentMailItem = z
  .object({
    id: z.number().int(),
    caseId: z.number().int().nullable(),
    caseSubject: z.string().nullable(),
    customerName: z.string().nullable(),
    kind: z.string().meta({ description: "'resolution', 'reply', …" }),
    to: z.string(),
    subject: z.string(),
    status: Status,
    attempts: z.number().int(),
    retried: z.boolean().meta({ description: 'Tried more than once' }),
    lastError: z.string().nullable().meta({ description: "Why the last try failed, in words (never the mail server's address)" }),
    nextAttemptAt: Timestamp,
    sentAt: Timestamp.nullable(),
    createdAt: Timestamp,
    resentFrom: z.number().int().nullable().meta({ description: 'The failed e-mail this one sends again' }),
    resentByName: z.string().nullable(),
    resentAs: z.number().int().nullable().meta({ description: 'The e-mail that sent this one again' }),
  })
  .meta({ id: 'SentMailItem' });

export const SentMailList = z.object({
  emails: z.array(SentMailItem),
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int(), bounced: z.number().int() }).meta({ description: 'The whole outbox by state' }),
});

export const SentMailMessage = SentMailItem.extend({
  from: z.string().meta({ description: 'MAIL_FROM' }),
  messageId: z.string(),
  text: z.string().meta({ description: 'The plain-text part as sent' }),
  html: z.string().nullable().meta({ description: 'The HTML part as sent, when there is one' }),
}).meta({ id: 'SentMailMessage' });


