import { z } from 'zod';
import { CheckResult, Id, Need, Phase, text } from '../schemas.ts';
import { MAX_MESSAGE } from '../cases/schemas.ts';

export const ReplyContextInput = z
  .object({
    customerMessage: z.string().max(MAX_MESSAGE).optional(),
    customerName: z.string().max(200).optional(),
    agentName: z.string().max(200).optional(),
    companyName: z.string().max(200).optional(),
    issue: z.string().max(500).optional(),
    tenureYears: z.number().min(0).max(200).optional(),
    highValue: z.boolean().optional(),
    channel: z.enum(['private', 'public-review']).optional(),
    alreadyProvided: z.array(z.string().max(200)).max(50).optional(),
    refusals: z.number().int().min(0).max(100).optional(),
    options: z.array(z.object({ id: z.string().max(100), label: z.string().max(200), need: Need, phrase: z.string().max(300).optional() })).max(50).optional(),
  })
  .meta({ id: 'ReplyContextInput', description: 'What the engine should know when there is no case (or to override the case)' });

export const CheckBody = z
  .object({
    draft: text(MAX_MESSAGE, 'draft'),
    caseId: Id.optional().meta({ description: 'Check against this case: its latest customer message, name, loyalty and options' }),
    phase: Phase.optional().meta({ description: "e.g. 'summarize' for a resolution summary" }),
    context: ReplyContextInput.optional(),
  })
  .meta({ id: 'CheckBody' });

export const CheckResponse = z.object({ check: CheckResult, context: z.record(z.string(), z.unknown()).meta({ description: 'The context the engine used (without the analysis)' }) });
