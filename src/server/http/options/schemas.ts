import { z } from 'zod';
import { DecimalId, Id, label, Need, note, Offer, Role, text } from '../schemas.ts';

export const OptionsQuery = z.object({ caseId: DecimalId.optional().meta({ description: "Mark the options that fit this case's needs" }) });

export const CatalogueOption = z
  .object({
    id: z.number().int(),
    key: z.string(),
    label: z.string(),
    kind: z.string(),
    need: Need,
    unit: z.string().nullable().meta({ description: "'%', 'USD', 'days', or null when no amount applies" }),
    phrase: z.string().meta({ description: 'Wording for the reply; {amount} is replaced by the amount' }),
    limits: z.array(z.object({ role: Role, allowed: z.boolean(), maxAmount: z.number().nullable() })),
    authority: z.object({ allowed: z.boolean(), maxAmount: z.number().nullable() }).meta({ description: "The caller's own limit" }),
    suggested: z.boolean().meta({ description: "Fits the case's need (timing → shipping, money → discount/credit)" }),
  })
  .meta({ id: 'CatalogueOption' });

export const OptionsResponse = z.object({ options: z.array(CatalogueOption) });

export const MakeOfferBody = z
  .object({
    optionId: Id.optional(),
    optionKey: label(100, 'optionKey').optional(),
    amount: z.number().positive().max(1e9).nullish(),
    note: note(2000).optional(),
  })
  .refine((b) => b.optionId !== undefined || b.optionKey !== undefined, 'give optionId or optionKey')
  .meta({ id: 'MakeOfferBody' });

export const DecisionBody = z.object({ approve: z.boolean(), reason: text(1000, 'reason') }).meta({ id: 'ApprovalDecision' });
export const AnswerBody = z.object({ answer: z.enum(['accepted', 'declined']) });
export const ApprovalList = z.object({ approvals: z.array(Offer.extend({ caseSubject: z.string(), offeredByName: z.string() })) });
