import { COMMON_CAUSES, recordGap } from '../../services/gaps.ts';
import { defineRoute } from '../route.ts';
import { IdParams, ProcessGap } from '../schemas.ts';
import { CausesResponse, GapBody } from './schemas.ts';

export const recordGapRoute = defineRoute({
  method: 'post',
  path: '/api/cases/{id}/gaps',
  operationId: 'recordGap',
  summary: 'Tag the root cause of the case and the team that owns it',
  tag: 'gaps',
  access: 'user',
  params: IdParams,
  body: GapBody,
  response: ProcessGap,
  status: 201,
  handler: ({ params, body, actor, deps }) => recordGap(deps, actor, params.id, body),
});

export const causesRoute = defineRoute({
  method: 'get',
  path: '/api/gaps/causes',
  operationId: 'gapCauses',
  summary: 'Causes and teams to suggest: common ones plus those already recorded',
  tag: 'gaps',
  access: 'user',
  response: CausesResponse,
  async handler({ deps }) {
    const { rows } = await deps.db.query<{ causes: string[] | null; teams: string[] | null }>(
      'SELECT array_agg(DISTINCT cause) AS causes, array_agg(DISTINCT team) AS teams FROM process_gaps',
    );
    const causes = [...new Set([...COMMON_CAUSES, ...(rows[0].causes ?? [])])].sort();
    return { causes, teams: (rows[0].teams ?? []).sort() };
  },
});

export const gapRoutes = [recordGapRoute, causesRoute];
