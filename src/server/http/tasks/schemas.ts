import { z } from 'zod';
import { FutureDate, label, Task, text } from '../schemas.ts';

export const CreateTaskBody = z
  .object({
    team: label(100, 'team').meta({ description: 'The team asked, e.g. Billing, Warehouse' }),
    what: text(2000, 'what'),
    dueAt: FutureDate.meta({ description: 'ISO 8601; must be in the future' }),
  })
  .meta({ id: 'CreateTaskBody' });

export const UpdateTaskBody = z
  .object({
    status: z.enum(['open', 'done', 'cancelled']).optional(),
    result: text(2000, 'result').optional().meta({ description: 'What the team found or did' }),
    what: text(2000, 'what').optional(),
    dueAt: FutureDate.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change')
  .meta({ id: 'UpdateTaskBody' });

export const TaskListQuery = z.object({ status: z.enum(['open', 'done', 'cancelled']).optional() });
export const TaskList = z.object({ tasks: z.array(Task) });
