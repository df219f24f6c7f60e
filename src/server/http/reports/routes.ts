import type { z } from 'zod';
import type { Actor, ServiceDeps } from '../../services/context.ts';
import { angerOverTime, defaultRange, followUpsReport, playbookByAgent, playbookByRule, processGapsReport, transfersReport, type ReportRange } from '../../services/reports.ts';
import { defineRoute } from '../route.ts';
import { AgentReport, AngerReport, FollowUpsReport, GapsReport, ReportQuery, RuleReport, TransfersReport } from './schemas.ts';

function report(name: string, operationId: string, summary: string, response: z.ZodType, run: (deps: ServiceDeps, actor: Actor, r: ReportRange) => Promise<unknown>) {
  return defineRoute({
    method: 'get',
    path: `/api/reports/${name}`,
    operationId,
    summary,
    tag: 'reports',
    access: 'lead',
    query: ReportQuery,
    response,
    handler: ({ query, actor, deps }) =>
      run(deps, actor, defaultRange(deps.clock.now(), { from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined, bucket: query.bucket })),
  });
}

export const reportRoutes = [
  report('anger-over-time', 'reportAnger', 'Average customer anger per day or week', AngerReport, angerOverTime),
  report('playbook-by-agent', 'reportPlaybookByAgent', "Playbook score of each agent's replies", AgentReport, playbookByAgent),
  report('playbook-by-rule', 'reportPlaybookByRule', 'How often each playbook rule fired on replies', RuleReport, playbookByRule),
  report('transfers', 'reportTransfers', 'Reassignments: how many, by whom, and why', TransfersReport, transfersReport),
  report('follow-ups', 'reportFollowUps', 'Follow-ups done on time, late and overdue, and what they found', FollowUpsReport, followUpsReport),
  report('process-gaps', 'reportProcessGaps', 'Process gaps by cause and by owning team over time', GapsReport, processGapsReport),
];
