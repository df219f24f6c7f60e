import { z } from 'zod';
import { Need } from '../schemas.ts';

export const TeamConfigResponse = z
  .object({
    companyName: z.string(),
    agentName: z.string(),
    rules: z.record(z.string(), z.enum(['off', 'error', 'warning', 'suggestion'])).meta({ description: "Rule levels the team set (the desk's defaults when empty)" }),
    options: z
      .array(z.object({ id: z.string(), label: z.string(), need: Need, phrase: z.string().optional() }))
      .meta({ description: 'The remedies catalogue in the engine’s shape' }),
  })
  .meta({ id: 'TeamConfig', description: 'The coaching settings of the team, in the shape of a .defuserc.json (for the browser extension)' });
