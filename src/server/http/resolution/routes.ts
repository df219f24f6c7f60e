import { defaultFollowUp, listFollowUps, previewResolution, recordFollowUpOutcome, resolveCase } from '../../services/resolution.ts';
import { defineRoute } from '../route.ts';
import { IdParams } from '../schemas.ts';
import { FollowUpDefault, FollowUpList, FollowUpQuery, OutcomeBody, OutcomeResponse, ResolutionPreview, ResolutionPreviewBody, ResolveBody, ResolveResponse } from './schemas.ts';

export const resolveRoute = defineRoute({
  method: 'post',
  path: '/api/cases/{id}/resolve',
  operationId: 'resolveCase',
  summary: 'Record the agreed resolution, e-mail the summary (via the outbox) and schedule the follow-up call',
  description: "The summary is checked by the engine with phase 'summarize' and the findings returned; the e-mail is written to the outbox in the same transaction and delivered by the scheduler.",
  tag: 'resolution',
  access: 'user',
  params: IdParams,
  body: ResolveBody,
  response: ResolveResponse,
  async handler({ params, body, actor, deps }) {
    const result = await resolveCase(deps, actor, params.id, body);
    deps.poke?.();
    return result;
  },
});

export const previewResolutionRoute = defineRoute({
  method: 'post',
  path: '/api/cases/{id}/resolution-preview',
  operationId: 'previewResolution',
  summary: 'What resolving now would record and send: the agreement, the summary (drafted when not given) and the e-mail exactly as sent',
  description: 'Changes nothing. The agreement is the accepted offers, the done tasks and the lines the agent typed; while it is empty there is no summary and `blocked` says why resolving is refused.',
  tag: 'resolution',
  access: 'user',
  params: IdParams,
  body: ResolutionPreviewBody,
  response: ResolutionPreview,
  handler: ({ params, body, actor, deps }) => previewResolution(deps, actor, params.id, body),
});

export const followUpsRoute = defineRoute({
  method: 'get',
  path: '/api/follow-ups',
  operationId: 'listFollowUps',
  summary: "Scheduled follow-up calls (the caller's, or all for leads), soonest first",
  tag: 'resolution',
  access: 'user',
  query: FollowUpQuery,
  response: FollowUpList,
  handler: async ({ query, actor, deps }) => ({ followUps: await listFollowUps(deps, actor, { scope: query.scope, dueOnly: query.due, ownerId: query.ownerId }) }),
});

export const outcomeRoute = defineRoute({
  method: 'post',
  path: '/api/follow-ups/{id}/outcome',
  operationId: 'recordFollowUpOutcome',
  summary: 'Record what the follow-up call found: satisfied closes the case, still unhappy reopens it, no answer tries again',
  tag: 'resolution',
  access: 'user',
  params: IdParams,
  body: OutcomeBody,
  response: OutcomeResponse,
  handler: ({ params, body, actor, deps }) => recordFollowUpOutcome(deps, actor, params.id, body),
});

export const followUpDefaultRoute = defineRoute({
  method: 'get',
  path: '/api/follow-ups/default',
  operationId: 'followUpDefault',
  summary: "The day a call-back falls on when resolving now, unless the agent picks another (business days on the team's calendar)",
  tag: 'resolution',
  access: 'user',
  response: FollowUpDefault,
  handler: async ({ deps }) => {
    const { on, timeZone, businessDays } = defaultFollowUp(deps, deps.clock.now());
    return { on, timeZone, businessDays };
  },
});

export const resolutionRoutes = [resolveRoute, previewResolutionRoute, followUpDefaultRoute, followUpsRoute, outcomeRoute];
