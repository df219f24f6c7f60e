import { z } from 'zod';
import { CaseRow, CheckResult, Customer, CustomerChange, CustomerInput, DecimalId, FollowUp, Id, label, Message, MessageAnalysis, note, Offer, Phase, ProcessGap, Task, text, Timestamp } from '../schemas.ts';

/** Longest message the desk stores: far above any real e-mail or chat turn, far below the body limit. */
export const MAX_MESSAGE = 20_000;

export const OpenCaseBody = z
  .object({
    customerId: Id.optional().meta({ description: 'An existing customer; or give `customer` to create one' }),
    customer: CustomerInput.optional(),
    subject: label(200, 'subject').optional().meta({ description: 'Defaults to the issue the engine found, or the first sentence' }),
    message: text(MAX_MESSAGE, 'message').meta({ description: "The customer's first message, stored exactly as given" }),
    channel: z.enum(['private', 'public-review']).optional(),
    ownerId: Id.optional().meta({ description: 'Leads may assign the case to someone else; default: the caller' }),
  })
  .refine((b) => (b.customerId === undefined) !== (b.customer === undefined), { message: 'give exactly one of customerId or customer', path: ['customer'] })
  .meta({ id: 'OpenCaseBody' });

export const CaseDetail = CaseRow.extend({
  owner: z.object({ id: z.number().int(), name: z.string() }),
  customer: Customer.extend({
    pastCases: z.array(z.object({ id: z.number().int(), subject: z.string(), status: z.string(), createdAt: Timestamp })),
    pendingChanges: z.array(CustomerChange),
  }),
  anger: z.number().nullable().meta({ description: "The customer's anger at their latest message, 0..1" }),
  angerTrajectory: z.array(z.object({ messageId: z.number().int(), at: Timestamp, anger: z.number() })),
  messages: z.array(Message),
  tasks: z.array(Task),
  offers: z.array(Offer),
  followUps: z.array(FollowUp),
  gaps: z.array(ProcessGap),
  transfers: z.array(
    z.object({ id: z.number().int(), fromUserId: z.number().int(), fromName: z.string(), toUserId: z.number().int(), toName: z.string(), byUserId: z.number().int(), byName: z.string(), reason: z.string(), createdAt: Timestamp }),
  ),
  resolution: z
    .object({ id: z.number().int(), agreed: z.string(), summary: z.string(), offerIds: z.array(z.number().int()), resolvedBy: z.number().int(), check: CheckResult, createdAt: Timestamp })
    .nullable(),
}).meta({ id: 'CaseDetail' });

export const CaseListQuery = z.object({
  status: z.enum(['open', 'resolved', 'closed']).optional(),
  customerId: DecimalId.optional(),
  scope: z.enum(['mine', 'all']).default('mine').meta({ description: "'all' needs the lead role" }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const CaseList = z.object({ cases: z.array(CaseRow.extend({ customerName: z.string(), ownerName: z.string() })) });

export const AddMessageBody = z
  .object({
    direction: z.enum(['inbound', 'outbound']),
    body: text(MAX_MESSAGE, 'body'),
    draft: z.boolean().optional().meta({ description: 'Outbound only: check without storing' }),
    email: z.boolean().optional().meta({ description: "Outbound only: also e-mail the reply to the customer (threaded, under the agent's name). Default: yes when the case came in by e-mail and the customer has an address; true without an address is a 422" }),
  })
  .meta({ id: 'AddMessageBody' });

export const AddMessageResponse = z
  .object({
    message: Message.nullable().meta({ description: 'null for a draft' }),
    check: CheckResult.nullable().meta({ description: 'Outbound: the findings for the reply' }),
    analysis: MessageAnalysis.nullable().meta({ description: 'Inbound: the reading of the message' }),
    case: CaseRow,
    email: z.object({ id: z.number().int(), to: z.string() }).nullable().optional().meta({ description: 'Outbound: the outbox e-mail carrying the reply (see GET /api/cases/{id}/emails), or null when none goes out' }),
  })
  .meta({ id: 'AddMessageResponse' });

export const ReassignBody = z.object({
  toUserId: Id,
  reason: text(1000, 'reason').refine((s) => s.trim().length >= 5, 'reason must say why (at least 5 characters)'),
});

export const QueueQuery = z.object({ scope: z.enum(['mine', 'all']).default('mine').meta({ description: "'all' needs the lead role" }) });

export const QueueItem = z
  .object({
    caseId: z.number().int(),
    subject: z.string(),
    phase: Phase,
    ownerId: z.number().int(),
    ownerName: z.string(),
    customerId: z.number().int(),
    customerName: z.string(),
    anger: z.number(),
    lifetimeValue: z.number(),
    tenureYears: z.number().int().nullable(),
    waitingMinutes: z.number().int(),
    priority: z.number().meta({ description: 'anger weight × value weight × waiting weight' }),
    why: z.array(z.object({ factor: z.enum(['anger', 'value', 'waiting']), weight: z.number(), text: z.string() })),
    flags: z.array(z.string()),
    lastInboundAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'QueueItem' });

export const QueueResponse = z.object({ items: z.array(QueueItem) });

export const CustomerSearchQuery = z.object({ q: note(200, 'q').default('') });
export const CustomerCard = Customer.extend({
  cases: z.array(z.object({ id: z.number().int(), subject: z.string(), status: z.string(), createdAt: Timestamp, resolvedAt: Timestamp.nullable() })),
  pendingChanges: z.array(CustomerChange),
}).meta({ id: 'CustomerCard' });
export const CustomerPatch = CustomerInput.partial();
export const CustomerUpdate = Customer.extend({
  pendingChange: CustomerChange.nullable().meta({ description: "Contact details that wait for confirmation because another agent's case of this customer is in flight" }),
}).meta({ id: 'CustomerUpdate' });
export const CustomerChangeDecision = z.object({ approve: z.boolean(), reason: text(1000, 'reason') }).meta({ id: 'CustomerChangeDecision' });
