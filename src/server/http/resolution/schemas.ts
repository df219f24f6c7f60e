import { z } from 'zod';
import { CaseRow, CheckResult, Email, FollowUp, Id, text } from '../schemas.ts';
import { MAX_MESSAGE } from '../cases/schemas.ts';

export const ResolveBody = z
  .object({
    agreed: text(2000, 'agreed').meta({ description: 'What was agreed, for the record' }),
    summary: text(MAX_MESSAGE, 'summary').meta({ description: 'The summary written to the customer; checked by the engine and e-mailed' }),
    email: Email.optional().meta({
      description: "The customer's address on record (any letter case), or, for a customer with none, the address to record. Another address only when a lead resolves (audited).",
    }),
    offerIds: z.array(Id).max(50).optional().meta({ description: 'Accepted offers this resolution includes (default: all accepted)' }),
    followUpOn: z.iso.date().optional().meta({
      description: "The call-back's day (YYYY-MM-DD) on the team's calendar (TEAM_TIME_ZONE), today to 90 days ahead; default FOLLOW_UP_BUSINESS_DAYS business days ahead (GET /api/follow-ups/default)",
    }),
  })
  .meta({ id: 'ResolveBody' });

export const FollowUpDefault = z
  .object({
    on: z.string().meta({ description: 'The default call-back day, YYYY-MM-DD, on the team calendar' }),
    timeZone: z.string().meta({ description: 'TEAM_TIME_ZONE' }),
    businessDays: z.number().int().meta({ description: 'FOLLOW_UP_BUSINESS_DAYS' }),
  })
  .meta({ id: 'FollowUpDefault' });

export const ResolveResponse = z
  .object({
    case: CaseRow,
    resolutionId: z.number().int(),
    check: CheckResult,
    email: z.object({ outboxId: z.number().int(), to: z.string(), subject: z.string() }),
    followUp: FollowUp,
  })
  .meta({ id: 'ResolveResponse' });

export const FollowUpQuery = z.object({
  scope: z.enum(['mine', 'all']).default('mine').meta({ description: "'all' needs the lead role" }),
  due: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').meta({ description: 'Only follow-ups due now' }),
});

export const FollowUpItem = FollowUp.extend({
  caseSubject: z.string(),
  customerName: z.string(),
  customerPhone: z.string().nullable(),
  customerEmail: z.string().nullable(),
  ownerName: z.string(),
  due: z.boolean(),
}).meta({ id: 'FollowUpItem' });

export const FollowUpList = z.object({ followUps: z.array(FollowUpItem) });

export const OutcomeBody = z
  .object({ outcome: z.enum(['satisfied', 'still_unhappy', 'no_answer']), note: text(4000, 'note').optional() })
  .meta({ id: 'FollowUpOutcome' });

export const OutcomeResponse = z.object({ followUp: FollowUp, case: CaseRow, next: FollowUp.nullable().meta({ description: 'The next try, after no answer' }) });
