import { z } from 'zod';
import { CaseRow, CheckResult, DecimalId, Email, FollowUp, Id, text } from '../schemas.ts';
import { MAX_MESSAGE } from '../cases/schemas.ts';

export const ResolveBody = z
  .object({
    agreed: text(2000, 'agreed').optional().meta({
      description: 'What was agreed beyond accepted offers and done tasks, one item per line. The agreement (offers, tasks, these lines) must not be empty: 422 no_agreement',
    }),
    summary: text(MAX_MESSAGE, 'summary').meta({ description: 'The summary written to the customer; checked by the engine and e-mailed' }),
    email: Email.optional().meta({
      description: "The customer's address on record (any letter case), or, for a customer with none, the address to record. Another address only when a lead resolves (audited).",
    }),
    offerIds: z.array(Id).max(50).optional().meta({ description: 'Accepted offers this resolution includes (default: all accepted)' }),
    taskIds: z.array(Id).max(100).optional().meta({ description: 'Done tasks whose outcome the agreement includes (default: all done)' }),
    followUpOn: z.iso.date().optional().meta({
      description: "The call-back's day (YYYY-MM-DD) on the team's calendar (TEAM_TIME_ZONE), today to 90 days ahead; default FOLLOW_UP_BUSINESS_DAYS business days ahead (GET /api/follow-ups/default)",
    }),
  })
  .meta({ id: 'ResolveBody' });

/** Text that may be blank (a preview of a form still being filled in). */
function draftText(max: number, what: string) {
  return z
    .string()
    .max(max, `${what} is longer than ${max} characters`)
    .refine((s) => !s.includes('\u0000'), `${what} must not contain NUL characters`)
    .refine((s) => !/\p{Cs}/u.test(s), `${what} contains invalid Unicode (an unpaired surrogate)`);
}

export const ResolutionPreviewBody = z
  .object({
    agreed: draftText(2000, 'agreed').optional().meta({ description: 'What the agent typed as agreed, one item per line' }),
    summary: draftText(MAX_MESSAGE, 'summary').optional().meta({ description: 'The summary as edited; omitted, it is drafted from the agreement' }),
    email: Email.optional(),
    offerIds: z.array(Id).max(50).optional(),
    taskIds: z.array(Id).max(100).optional(),
    followUpOn: z.iso.date().optional(),
  })
  .meta({ id: 'ResolutionPreviewBody' });

export const ResolutionPreview = z
  .object({
    agreement: z.array(z.object({
      source: z.enum(['offer', 'task', 'agent']),
      id: z.number().int().nullable(),
      text: z.string().meta({ description: 'The sentence the customer reads' }),
    })),
    blocked: z.string().nullable().meta({ description: 'Why resolving would be refused now (nothing agreed, no summary, no address); null when it would not' }),
    summary: z.string().meta({ description: "The summary given, or drafted from the agreement; '' while nothing is agreed" }),
    drafted: z.boolean(),
    unmentioned: z.array(z.string()).meta({ description: 'Agreement items an edited summary does not say word for word' }),
    check: CheckResult.nullable(),
    followUpOn: z.string().meta({ description: 'The call-back day the summary names, YYYY-MM-DD' }),
    email: z.object({
      from: z.string().meta({ description: 'MAIL_FROM' }),
      to: z.string().nullable(),
      subject: z.string(),
      text: z.string().meta({ description: 'The plain-text part, byte for byte as sent' }),
      html: z.string().meta({ description: 'The HTML part, as sent' }),
    }).nullable().meta({ description: 'null while there is no agreement or no summary' }),
  })
  .meta({ id: 'ResolutionPreview' });

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
  ownerId: DecimalId.optional().meta({ description: "One agent's call-backs (another agent's needs the lead role)" }),
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
