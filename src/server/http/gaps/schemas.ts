import { z } from 'zod';
import { label, note } from '../schemas.ts';

export const GapBody = z
  .object({
    cause: label(120, 'cause').meta({ description: 'Root cause, e.g. "Late delivery"; see /api/gaps/causes for common ones' }),
    team: label(100, 'team').meta({ description: 'The team that owns the fix, e.g. Logistics' }),
    note: note(4000).optional(),
  })
  .meta({ id: 'GapBody' });

export const CausesResponse = z.object({ causes: z.array(z.string()), teams: z.array(z.string()) });
