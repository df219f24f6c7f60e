import { z } from 'zod';

export const ReportQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional().meta({ description: 'Default: 30 days ago' }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: 'Default: now' }),
    bucket: z.enum(['day', 'week']).default('day'),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['from'] });

const Range = z.object({ from: z.iso.datetime(), to: z.iso.datetime(), bucket: z.enum(['day', 'week']) });

export const AngerReport = z.object({ range: Range, series: z.array(z.object({ bucket: z.string(), messages: z.number(), avgAnger: z.number(), upsetShare: z.number() })) });
export const AgentReport = z.object({
  range: Range,
  agents: z.array(z.object({ agentId: z.number(), name: z.string(), replies: z.number(), avgScore: z.number(), errors: z.number() })),
  series: z.array(z.object({ bucket: z.string(), agentId: z.number(), avgScore: z.number(), replies: z.number() })),
});
export const RuleReport = z.object({
  range: Range,
  replies: z.number(),
  rules: z.array(z.object({ ruleId: z.string(), principle: z.string(), severity: z.string(), findings: z.number(), replies: z.number(), share: z.number() })),
});
export const TransfersReport = z.object({
  range: Range,
  total: z.number(),
  casesOpened: z.number(),
  casesTransferred: z.number(),
  series: z.array(z.object({ bucket: z.string(), transfers: z.number() })),
  byAgent: z.array(z.object({ agentId: z.number(), name: z.string(), transfers: z.number() })),
  recent: z.array(z.object({ id: z.number(), caseId: z.number(), fromName: z.string(), toName: z.string(), byName: z.string(), reason: z.string(), createdAt: z.iso.datetime() })),
});
export const FollowUpsReport = z.object({
  range: Range,
  totals: z.object({ due: z.number(), done: z.number(), onTime: z.number(), overdue: z.number(), onTimeRate: z.number().nullable() }),
  series: z.array(z.object({ bucket: z.string(), due: z.number(), onTime: z.number(), late: z.number(), overdue: z.number(), satisfied: z.number(), stillUnhappy: z.number(), noAnswer: z.number() })),
});
export const GapsReport = z.object({
  range: Range,
  byCause: z.array(z.object({ cause: z.string(), gaps: z.number() })),
  byTeam: z.array(z.object({ team: z.string(), gaps: z.number(), causes: z.array(z.string()) })),
  series: z.array(z.object({ bucket: z.string(), cause: z.string(), team: z.string(), gaps: z.number() })),
});
